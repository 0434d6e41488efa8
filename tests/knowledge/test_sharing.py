"""Sharing a method or an experience starts with a plain form: drafts first, a free ASCII address, the owner's
municipality using the method unless the contributor says no, and the editor or the review next."""

import pytest

from django.core import mail
from django.urls import reverse

from wagtail.models import WorkflowState

from accounts import roles
from accounts.models import Municipality
from knowledge.models import ExperienceIndexPage, ExperiencePage, MethodIndexPage, MethodLocalUse, MethodPage
from knowledge.sharing import ShareForm
from tests.conftest import queries_for
from tests.factories import UserFactory

NUMBER = "850709-1232"


def share_url(kind="metod"):
    return reverse("knowledge:share", kwargs={"kind": kind})


@pytest.fixture
def sigtuna_member(db):
    return UserFactory(roles=[roles.EMPLOYEE], municipality=Municipality.objects.get(slug="sigtuna"))


@pytest.fixture
def contributor(client, sections, sigtuna_member):
    client.force_login(sigtuna_member)
    return client


def share(client, kind="metod", **fields):
    data = {"title": "Trygga samtal i årskurs 8", "summary": "Samtal om heder och frihet.", "uses_it": "införd"}
    return client.post(share_url(kind), {**data, **fields})


def test_the_first_step_is_a_plain_form_with_title_summary_and_the_municipalitys_use(contributor):
    response = contributor.get(share_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]  # nothing in the page needs it
    assert list(response.context["form"].fields) == ["title", "summary", "uses_it", "personal_data_confirmed"]
    assert "Används metoden i Sigtuna?" in html
    assert "Du har ett utkast" not in html


def test_sharing_makes_a_draft_with_an_ascii_address_and_leads_into_the_editor(contributor, sigtuna_member):
    response = share(contributor)
    page = MethodPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert (page.slug, page.live, page.owner, page.municipality) == (
        "trygga-samtal-i-arskurs-8",
        False,
        sigtuna_member,
        sigtuna_member.municipality,
    )
    assert page.get_parent().specific_class is MethodIndexPage
    assert page.latest_revision.user == sigtuna_member
    editor = contributor.get(response["Location"])
    assert editor.status_code == 200
    assert "Ditt utkast är sparat" in editor.content.decode()


def test_starting_again_with_the_same_title_never_fails_on_the_address(contributor):
    share(contributor)
    response = share(contributor)
    assert response.status_code == 302
    assert sorted(MethodPage.objects.values_list("slug", flat=True)) == [
        "trygga-samtal-i-arskurs-8",
        "trygga-samtal-i-arskurs-8-2",
    ]


def test_a_title_without_letters_for_an_address_still_gets_one(contributor):
    share(contributor, title="Ω-metoden 2")
    assert MethodPage.objects.get().slug == "metoden-2"
    share(contributor, title="ΩΩΩ")
    assert MethodPage.objects.get(title="ΩΩΩ").slug == "metod"


def test_the_owners_municipality_uses_the_method_unless_the_contributor_says_no(contributor, sigtuna_member):
    share(contributor, title="Används")
    share(contributor, title="Prövas", uses_it="prövas")
    share(contributor, title="Används inte", uses_it="nej")
    uses = {
        page.title: [(use.municipality, use.status, use.confirmed) for use in page.local_uses.all()]
        for page in MethodPage.objects.all()
    }
    sigtuna = sigtuna_member.municipality
    assert uses == {
        "Används": [(sigtuna, MethodLocalUse.ESTABLISHED, True)],
        "Prövas": [(sigtuna, MethodLocalUse.TRYING, True)],
        "Används inte": [],
    }


def test_the_draft_says_so_next_time_with_a_link(contributor):
    share(contributor)
    page = MethodPage.objects.get()
    response = contributor.get(share_url())
    html = response.content.decode()
    assert "Du har ett utkast" in html
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[page.pk])}"' in html
    assert "utkast, senast ändrat" in html


def test_drafts_of_others_and_of_the_other_kind_are_not_listed(contributor, sections):
    other = UserFactory(roles=[roles.EMPLOYEE], municipality=Municipality.objects.get(slug="sigtuna"))
    page = MethodPage(title="Någon annans", summary="Kort.", municipality=other.municipality, owner=other, live=False)
    sections[MethodIndexPage].add_child(instance=page)
    share(contributor, kind="erfarenhet", title="Min erfarenhet")
    assert contributor.get(share_url()).context["drafts"] == []
    assert [draft.title for draft in contributor.get(share_url("erfarenhet")).context["drafts"]] == ["Min erfarenhet"]


def test_sending_for_review_at_once_starts_the_review_and_tells_the_editors(contributor, sections):
    editor = UserFactory(roles=[roles.EDITOR], municipality=Municipality.objects.get(slug="sigtuna"))
    mail.outbox.clear()
    response = share(contributor, review="1")
    page = MethodPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == sections[MethodIndexPage].url
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_IN_PROGRESS
    assert editor.email in {address for message in mail.outbox for address in message.to}
    listed = contributor.get(share_url())
    assert [draft.in_review for draft in listed.context["drafts"]] == [True]
    assert "väntar på granskning" in listed.content.decode()


def test_an_experience_is_shared_the_same_way_without_the_question_of_use(contributor):
    response = contributor.get(share_url("erfarenhet"))
    assert "uses_it" not in response.context["form"].fields
    share(contributor, kind="erfarenhet", title="Samtalsgrupper på fritidsgården")
    page = ExperiencePage.objects.get()
    assert page.slug == "samtalsgrupper-pa-fritidsgarden"
    assert page.get_parent().specific_class is ExperienceIndexPage


def test_bad_input_gets_clear_swedish_messages_and_nothing_is_saved(contributor):
    response = share(contributor, title="", summary="x" * 301, uses_it="kanske")
    errors = response.context["form"].errors
    assert response.status_code == 200
    assert errors["title"] == ["Skriv en titel."]
    assert errors["summary"] == ["Sammanfattningen är för lång: högst 300 tecken (den har 301)."]
    assert errors["uses_it"] == ["Välj ett av svaren."]
    assert not MethodPage.objects.exists()


def test_an_identity_number_is_refused_and_a_phone_number_needs_a_confirmation(contributor):
    refused = share(contributor, summary=f"Mamman har personnummer {NUMBER}.")
    assert "850709-****" in str(refused.context["form"].errors["summary"])
    warned = share(contributor, summary="Ring Anna på 070-123 45 67.")
    assert "personal_data_confirmed" in warned.context["form"].errors
    assert not MethodPage.objects.exists()
    share(contributor, summary="Ring Anna på 070-123 45 67.", personal_data_confirmed="on")
    assert MethodPage.objects.count() == 1


def test_the_form_is_under_the_personal_data_guard():
    assert set(ShareForm.guarded_fields) == {"title", "summary"}


def test_the_board_chooses_the_municipality_and_is_asked_about_its_use(client, sections):
    board = UserFactory(roles=[roles.BOARD], municipality=Municipality.objects.get(slug="sundbyberg"))
    client.force_login(board)
    form = client.get(share_url()).context["form"]
    assert "municipality" in form.fields
    assert form.fields["uses_it"].label == "Används metoden i den ägande kommunen?"
    jarfalla = Municipality.objects.get(slug="jarfalla")
    share(client, municipality=jarfalla.pk)
    assert MethodPage.objects.get().municipality == jarfalla
    assert [use.municipality for use in MethodPage.objects.get().local_uses.all()] == [jarfalla]


def test_someone_without_a_municipality_is_told_why_they_cannot_share(client, sections):
    nowhere = UserFactory(roles=[roles.EMPLOYEE], municipality=None)
    client.force_login(nowhere)
    response = client.get(share_url())
    assert "inte kopplat till någon kommun" in response.content.decode()
    share(client)
    assert not MethodPage.objects.exists()


def test_share_with_an_unknown_kind_is_404(contributor):
    assert contributor.get(share_url("recept")).status_code == 404


def test_the_share_page_asks_a_fixed_number_of_queries_however_many_drafts(contributor):
    share(contributor, title="Första")
    contributor.get(share_url())  # shows, and so clears, the message about the saved draft
    one = queries_for(contributor, share_url())
    for number in range(5):
        share(contributor, title=f"Utkast {number}")
    contributor.get(share_url())
    assert queries_for(contributor, share_url()) == one
