"""The guard on Wagtail's admin forms: index pages, copies, comments, review, snippets, settings, files and picks."""

import pytest

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from accounts import roles
from accounts.models import Municipality, Sector
from forum.models import Category
from knowledge.models import (
    ArticleIndexPage,
    ArticlePage,
    HomePage,
    MethodIndexPage,
    MethodPage,
    SupportSettings,
    TargetGroup,
)
from privacy.forms import CONFIRMATION_FIELD
from search.models import SynonymGroup
from tests.factories import UserFactory

NUMBER = "850709-1232"  # invented, with a right check digit
MASKED = "850709-****"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def admin(client, admin_user):
    client.force_login(admin_user)
    return client


def errors_in(response):
    return str(response.context["form"].errors)


def test_the_start_page_refuses_an_identity_number_in_its_welcome_text(sections, admin_user):
    home = HomePage.objects.get()
    form_class = HomePage.get_edit_handler().get_form_class()
    data = {"title": home.title, "slug": home.slug, "intro": rich_text(f"<p>Pnr {NUMBER}</p>")}

    form = form_class(nested_form_data(data), instance=home, parent_page=home.get_parent(), for_user=admin_user)

    assert not form.is_valid()
    assert MASKED in str(form.errors["intro"])


@pytest.mark.parametrize("index_model", [MethodIndexPage, ArticleIndexPage])
def test_index_pages_ask_to_confirm_a_private_address_with_a_box_shown_only_then(sections, admin_user, index_model):
    page = index_model.objects.get()
    form_class = index_model.get_edit_handler().get_form_class()
    data = {"title": page.title, "slug": page.slug, "intro": rich_text("<p>Mejla anna.svensson@gmail.com</p>")}

    def bound(**extra):
        form = form_class(
            nested_form_data({**data, **extra}), instance=page, parent_page=page.get_parent(), for_user=admin_user
        )
        form.is_valid()
        return form

    unconfirmed = bound()
    assert "a***@gmail.com" in str(unconfirmed.non_field_errors())
    assert 'type="checkbox"' in str(unconfirmed[CONFIRMATION_FIELD])
    assert bound(**{CONFIRMATION_FIELD: "on"}).is_valid()
    assert 'type="hidden"' in str(form_class(instance=page, for_user=admin_user)[CONFIRMATION_FIELD])


def test_tags_typed_into_a_page_pass_the_guard(sections, admin_user):
    form_class = ArticlePage.get_edit_handler().get_form_class()
    data = {
        "title": "Nytt",
        "slug": "nytt",
        "date": "2026-11-26",
        "summary": "Kort.",
        "body": streamfield([]),
        "tags": f"stöd, {NUMBER}",
    }

    form = form_class(
        nested_form_data(data), instance=ArticlePage(), parent_page=ArticleIndexPage.objects.get(), for_user=admin_user
    )

    assert not form.is_valid()
    assert MASKED in str(form.errors["tags"])


def test_a_comment_on_a_page_and_its_replies_pass_the_guard(sections, admin_user):
    home = HomePage.objects.get()
    form_class = HomePage.get_edit_handler().get_form_class()
    reply = {"id": "", "text": f"Svar: {NUMBER}"}
    comment = {"id": "", "contentpath": "title", "text": "Bra.", "position": "", "resolved": "", "replies": None}
    data = {"title": home.title, "slug": home.slug, "intro": rich_text("<p>Hej</p>")}

    form = form_class(
        nested_form_data({**data, "comments": inline_formset([{**comment, "replies": inline_formset([reply])}])}),
        instance=home,
        parent_page=home.get_parent(),
        for_user=admin_user,
    )

    assert not form.is_valid()
    assert MASKED in str(form.formsets["comments"].forms[0].formsets["replies"].forms[0].errors)


def an_article():
    article = ArticlePage(title="Nytt om stödet", slug="nytt", date="2026-11-26", summary="Kort.")
    return ArticleIndexPage.objects.get().add_child(instance=article)


def test_a_copy_with_an_identity_number_in_its_title_is_not_made(sections, admin):
    page = an_article()
    before = type(page).objects.count()

    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    data = {"new_title": f"Kopia {NUMBER}", "new_slug": "kopia", "new_parent_page": str(page.get_parent().pk)}

    refused = admin.post(url, data)
    made = admin.post(url, {**data, "new_title": "Kopia"})

    assert refused.status_code == 200
    assert MASKED in errors_in(refused)
    assert made.status_code == 302
    assert [copy.title for copy in type(page).objects.exclude(pk=page.pk)] == ["Kopia"]
    assert type(page).objects.count() == before + 1


def test_the_admin_apis_copy_which_skips_the_copy_form_is_closed(sections, admin):
    page = an_article()
    before = type(page).objects.count()

    url = f"/admin/api/main/pages/{page.pk}/action/copy/"
    fields = {"title": f"Kopia {NUMBER}", "slug": "kopia"}

    assert admin.post(url, fields).status_code == 404
    # As the admin's scripts would send it; refused before any view, like every JSON body outside /api/.
    assert admin.post(url, fields, content_type="application/json").status_code == 415
    assert type(page).objects.count() == before


def in_review(sections):
    author = UserFactory(roles=[roles.EMPLOYEE], municipality=Municipality.objects.get(slug="sigtuna"))
    page = MethodPage(title="Samtal", summary="Kort.", municipality=author.municipality, owner=author)
    sections[MethodIndexPage].add_child(instance=page)
    page.save_revision(user=author)
    page.get_workflow().start(page, user=author)
    page.refresh_from_db()
    return page, page.current_workflow_task_state.specific


def test_a_reviewers_comment_with_an_identity_number_is_neither_kept_nor_mailed(sections, admin, mailoutbox):
    page, task_state = in_review(sections)
    mailoutbox.clear()
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])

    response = admin.post(url, {"comment": f"Ta bort {NUMBER}"}, headers={"x-requested-with": "XMLHttpRequest"})

    assert MASKED in response.json()["html"]
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not TaskState.objects.filter(comment__contains="850709").exists()
    assert not any(NUMBER in message.body for message in mailoutbox)


def test_a_reviewers_private_address_needs_the_box_and_then_goes_through(sections, admin):
    page, task_state = in_review(sections)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
    comment = "Hör av dig till anna.svensson@gmail.com"

    asked = admin.post(url, {"comment": comment}, headers={"x-requested-with": "XMLHttpRequest"}).json()["html"]
    admin.post(url, {"comment": comment, CONFIRMATION_FIELD: "on"})

    assert "a***@gmail.com" in asked and f'type="checkbox" name="{CONFIRMATION_FIELD}"' in asked
    task_state.refresh_from_db()
    assert (task_state.status, task_state.comment) == (TaskState.STATUS_REJECTED, comment)


def test_a_comment_sent_past_the_modal_with_the_page_is_refused_too(sections, admin):
    page, task_state = in_review(sections)

    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state, page.owner, "reject", comment=f"Pnr {NUMBER}")

    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_a_comment_confirmed_in_the_modal_goes_on_with_the_page(sections, admin_user):
    page, task_state = in_review(sections)
    comment = "Hör av dig till anna.svensson@gmail.com"

    task_state.task.specific.on_action(task_state, admin_user, "reject", comment=comment, **{CONFIRMATION_FIELD: True})

    task_state.refresh_from_db()
    assert (task_state.status, task_state.comment) == (TaskState.STATUS_REJECTED, comment)


def snippet_url(model, action="add", *args):
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{action}", args=args)


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (TargetGroup, {"name": f"Barn {NUMBER}", "name_en": "", "slug": "barn", "sort_order": "0"}),
        (Sector, {"name": f"Skola {NUMBER}", "name_en": "", "slug": "skola", "sort_order": "0"}),
        (Municipality, {"name": f"Kommun {NUMBER}", "slug": "kommun"}),
        (Category, {"name": "Barn", "name_en": "", "slug": "barn", "description": f"Om {NUMBER}", "position": "0"}),
        (SynonymGroup, {"terms": f"vinr\n{NUMBER}", "note": ""}),
    ],
)
def test_a_snippet_with_an_identity_number_is_not_saved(admin, db, model, data):
    before = model.objects.count()

    response = admin.post(snippet_url(model), data)

    assert response.status_code == 200
    assert MASKED in errors_in(response)
    assert model.objects.count() == before


def test_a_snippets_box_appears_below_its_panels_only_when_the_guard_warns(admin, db):
    data = {"name": "Unga", "name_en": "", "slug": "unga", "sort_order": "0"}

    blank = admin.get(snippet_url(TargetGroup)).content.decode()
    warned = admin.post(snippet_url(TargetGroup), {**data, "name_en": "Ring 070-123 45 67"})
    confirmed = admin.post(
        snippet_url(TargetGroup), {**data, "name_en": "Ring 070-123 45 67", CONFIRMATION_FIELD: "on"}
    )

    assert f'type="checkbox" name="{CONFIRMATION_FIELD}"' not in blank
    assert f'type="checkbox" name="{CONFIRMATION_FIELD}"' in warned.content.decode()
    assert "070-*** ** 67" in str(warned.context["form"].non_field_errors())
    assert confirmed.status_code == 302
    assert TargetGroup.objects.get(slug="unga").name_en == "Ring 070-123 45 67"


def test_the_support_lines_refuse_an_identity_number(admin, db):
    line = {"name": "Socialjouren", "number": NUMBER, "note": ""}
    url = reverse("wagtailsettings:edit", args=["knowledge", "supportsettings", SupportSettings.load().pk])

    response = admin.post(url, nested_form_data({"lines": streamfield([("line", line)])}))

    assert response.status_code == 200
    assert MASKED in errors_in(response)
    assert "1232" not in str(SupportSettings.load().lines.raw_data)


def test_a_document_titled_with_an_identity_number_is_not_saved(admin, db):
    upload = SimpleUploadedFile("utredning.txt", b"text")

    response = admin.post(reverse("wagtaildocs:add"), {"title": f"Utredning {NUMBER}", "file": upload, "tags": ""})

    assert response.status_code == 200
    assert MASKED in errors_in(response)
    assert not get_document_model().objects.exists()


def test_an_image_tagged_with_an_identity_number_is_not_saved(admin, db):
    upload = SimpleUploadedFile("bild.png", get_test_image_file().file.getvalue())

    response = admin.post(reverse("wagtailimages:add"), {"title": "Bild", "file": upload, "tags": NUMBER})

    assert response.status_code == 200
    assert MASKED in errors_in(response)
    assert not get_image_model().objects.exists()


def test_an_editors_pick_described_with_an_identity_number_is_not_saved(admin, sections):
    pick = {"page": str(HomePage.objects.get().pk), "external_link_url": "", "external_link_text": ""}
    data = nested_form_data(
        {"query_string": "stöd", "editors_picks": inline_formset([{**pick, "description": f"Om {NUMBER}"}])}
    )

    response = admin.post(reverse("wagtailsearchpromotions:add"), data)

    assert response.status_code == 200
    assert MASKED in str(response.context["searchpicks_formset"].errors)
    assert not SearchPromotion.objects.exists()
