"""Page edits in Wagtail pass the personal-data guard: numbers stop drafts and publishing, contact details warn."""

import pytest

from django.urls import reverse
from django.utils import translation

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from accounts.models import Municipality
from knowledge.models import (
    ArticleIndexPage,
    ArticlePage,
    ExperiencePage,
    HomePage,
    MethodPage,
    MunicipalityPage,
    TopicPage,
)
from privacy.forms import CONFIRMATION_FIELD
from tests.knowledge.admin_forms import method_data

NUMBER = "850709-1232"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def method(make_method):
    return make_method("Trygga samtal", owner="sigtuna")


def paragraph(html):
    return streamfield([("paragraph", rich_text(html))])


def edit(client, page, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def errors_of(response):
    form = response.context["form"]
    errors = {name: list(messages) for name, messages in form.errors.items()}
    for name, formset in form.formsets.items():
        for index, child_errors in enumerate(formset.errors):
            errors.update({f"{name}[{index}].{field}": list(messages) for field, messages in child_errors.items()})
    return errors


def test_an_identity_number_in_the_body_stops_publishing(editor_client, method):
    revisions = method.revisions.count()
    data = method_data(method, publish=True, body=paragraph(f"<p>Mammans personnummer är <b>{NUMBER}</b>.</p>"))

    response = edit(editor_client, method, data)

    assert response.status_code == 200
    assert errors_of(response) == {
        "body": ["Texten innehåller ett personnummer (850709-****). Ta bort det innan du sparar."]
    }
    assert method.revisions.count() == revisions


def test_an_identity_number_in_the_summary_stops_a_draft_too(editor_client, method):
    revisions = method.revisions.count()

    response = edit(editor_client, method, method_data(method, summary=f"Om flickan 19{NUMBER}."))

    assert response.status_code == 200
    assert "19850709-****" in errors_of(response)["summary"][0]
    assert method.revisions.count() == revisions
    assert NUMBER not in str(errors_of(response))


def test_an_identity_number_in_a_fact_box_or_a_link_is_found(editor_client, method):
    fact_box = {"title": "Kontakt", "text": rich_text(f'<p><a href="https://example.com/{NUMBER}">ärendet</a></p>')}
    data = method_data(method, body=streamfield([("fact_box", fact_box)]))

    assert "850709-****" in errors_of(edit(editor_client, method, data))["body"][0]


def test_an_identity_number_in_an_inline_form_stops_the_save(editor_client, method):
    use = {"municipality": str(Municipality.objects.get(slug="sigtuna").pk), "status": "införd", "unit": NUMBER}
    response = edit(editor_client, method, method_data(method, local_uses=inline_formset([use])))

    assert response.status_code == 200
    assert "850709-****" in errors_of(response)["local_uses[0].unit"][0]
    assert not method.local_uses.exists()


def test_the_confirmation_box_appears_only_when_the_guard_warns(editor_client, method):
    edit_url = reverse("wagtailadmin_pages:edit", args=[method.pk])
    assert f'name="{CONFIRMATION_FIELD}"' not in editor_client.get(edit_url).content.decode()

    response = edit(editor_client, method, method_data(method, body=paragraph("<p>Ring mig på 070-123 45 67.</p>")))

    assert response.status_code == 200
    assert list(errors_of(response)) == [CONFIRMATION_FIELD]
    assert "070-*** ** 67" in errors_of(response)[CONFIRMATION_FIELD][0]
    html = response.content.decode()
    assert f'name="{CONFIRMATION_FIELD}"' in html
    assert "Jag har kontrollerat att inlägget inte innehåller uppgifter om enskilda" in html


def test_a_confirmed_warning_is_published(editor_client, method):
    data = method_data(
        method, publish=True, body=paragraph("<p>Ring mig på 070-123 45 67.</p>"), **{CONFIRMATION_FIELD: "on"}
    )

    response = edit(editor_client, method, data)

    assert response.status_code == 302
    method.refresh_from_db()
    assert "070-123 45 67" in str(method.body)


def test_a_clean_text_is_saved_without_the_box(editor_client, method):
    body = paragraph("<p>Ring Kvinnofridslinjen 020-50 50 50 eller mejla vald@sigtuna.se.</p>")
    response = edit(editor_client, method, method_data(method, publish=True, body=body))
    assert response.status_code == 302


def test_an_experiences_rich_text_headings_are_guarded(editor_client, make_experience):
    experience = make_experience("Så gjorde vi", owner="sigtuna")
    data = nested_form_data(
        {
            "title": experience.title,
            "slug": experience.slug,
            "summary": experience.summary,
            "municipality": str(experience.municipality_id),
            "tags": "",
            "what_was_done": rich_text("<p>Mamman mejlade från anna.svensson@gmail.com.</p>"),
            "results": rich_text(f"<p>Barnet {NUMBER} fick plats.</p>"),
        }
    )

    response = edit(editor_client, experience, data)

    errors = errors_of(response)
    assert "850709-****" in errors["results"][0]
    assert "a***@gmail.com" in errors[CONFIRMATION_FIELD][0]
    assert ExperiencePage.objects.get(pk=experience.pk).what_was_done == experience.what_was_done


def test_the_municipality_page_asks_to_confirm_contact_details(sections, admin_user):
    page = MunicipalityPage.objects.get(municipality__slug="sigtuna")
    form_class = MunicipalityPage.get_edit_handler().get_form_class()
    data = {
        "title": page.title,
        "slug": page.slug,
        "municipality": str(page.municipality_id),
        "intro": "Ring samordnaren på 070-123 45 67.",
        "body": streamfield([]),
        "contacts": inline_formset([]),
    }

    form = form_class(nested_form_data(data), instance=page, parent_page=page.get_parent(), for_user=admin_user)
    confirmed = form_class(
        nested_form_data({**data, CONFIRMATION_FIELD: "on"}),
        instance=page,
        parent_page=page.get_parent(),
        for_user=admin_user,
    )

    assert not form.is_valid()
    assert "070-*** ** 67" in form.errors[CONFIRMATION_FIELD][0]
    assert confirmed.is_valid(), confirmed.errors


@pytest.mark.parametrize("page_model", [ArticlePage, TopicPage])
def test_articles_and_themes_pass_the_guard_too(sections, admin_user, page_model):
    form_class = page_model.get_edit_handler().get_form_class()
    parent = ArticleIndexPage.objects.get() if page_model is ArticlePage else HomePage.objects.get()
    data = {
        "title": "Nytt om stödet",
        "slug": "nytt-om-stodet",
        "date": "2026-11-26",
        "summary": f"Flickan med personnummer {NUMBER} har fått stöd.",
        "intro": f"Flickan med personnummer {NUMBER} har fått stöd.",
        "body": streamfield([]),
        "tags": "",
        "pins": inline_formset([]),
    }

    form = form_class(nested_form_data(data), instance=page_model(), parent_page=parent, for_user=admin_user)

    assert not form.is_valid()
    errors = str(form.errors)
    assert "850709-****" in errors and NUMBER not in errors


def test_the_method_form_is_a_guarded_form():
    form_class = MethodPage.get_edit_handler().get_form_class()
    assert CONFIRMATION_FIELD in form_class.base_fields
