"""A row saying that another municipality uses a method is a suggestion until that municipality confirms it."""

import pytest

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset

from accounts import roles
from accounts.models import Municipality
from knowledge import services
from knowledge.models import MethodIndexPage, MethodLocalUse, MethodPage, MunicipalityPage
from tests.conftest import queries_for
from tests.factories import UserFactory
from tests.knowledge.admin_forms import method_form


def place(slug):
    return Municipality.objects.get(slug=slug)


def editor_of(slug):
    return UserFactory(roles=[roles.EDITOR], municipality=place(slug))


def row(slug, status="införd"):
    return {"municipality": place(slug).pk, "status": status, "unit": "Enheten", "since_year": "", "contact_role": ""}


@pytest.fixture
def suggested(client, sections):
    """A method Järfälla's editor published, saying that Järfälla and Sollentuna use it."""
    client.force_login(editor_of("jarfalla"))
    data = method_form(
        municipality=place("jarfalla").pk, local_uses=inline_formset([row("jarfalla"), row("sollentuna")])
    )
    url = reverse("wagtailadmin_pages:add", args=("knowledge", "methodpage", sections[MethodIndexPage].pk))
    response = client.post(url, data | {"action-publish": "action-publish"})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return MethodPage.objects.get()


def used_in(client, page):
    used_in = client.get(page.url).context["used_in"]()  # read when asked (MethodPage.get_context)
    return [municipality.slug for municipality in used_in]


def test_a_row_for_another_municipality_waits_for_its_confirmation(client, suggested):
    confirmed = dict(MethodLocalUse.objects.values_list("municipality__slug", "confirmed"))
    assert confirmed == {"jarfalla": True, "sollentuna": False}
    assert used_in(client, suggested) == ["jarfalla"]
    sollentuna = MunicipalityPage.objects.get(municipality__slug="sollentuna")
    assert suggested.title not in client.get(sollentuna.url).content.decode()


def test_the_municipalitys_editor_confirms_it_and_a_later_publish_keeps_it(client, suggested):
    client.force_login(editor_of("sollentuna"))
    use = MethodLocalUse.objects.get(municipality__slug="sollentuna")
    assert list(client.get(reverse("local_use_suggestions")).context["suggestions"]) == [use]
    client.post(reverse("local_use_suggestions"), {"use": use.pk})
    assert used_in(client, suggested) == ["jarfalla", "sollentuna"]
    suggested.get_latest_revision().publish()
    assert used_in(client, suggested) == ["jarfalla", "sollentuna"]


def test_nobody_else_confirms_for_a_municipality(client, suggested):
    use = MethodLocalUse.objects.get(municipality__slug="sollentuna")
    sollentuna_member = UserFactory(roles=[roles.EMPLOYEE], municipality=place("sollentuna"))
    for person in (editor_of("sigtuna"), editor_of("jarfalla")):
        client.force_login(person)
        assert list(client.get(reverse("local_use_suggestions")).context["suggestions"]) == []
        assert client.post(reverse("local_use_suggestions"), {"use": use.pk}).status_code == 404
    client.force_login(sollentuna_member)
    assert client.post(reverse("local_use_suggestions"), {"use": use.pk})["Location"] == "/admin/"
    for person in (editor_of("sigtuna"), editor_of("jarfalla"), sollentuna_member):
        with pytest.raises(PermissionDenied):
            services.confirm_local_use(use, by=person)
    assert not MethodLocalUse.objects.get(pk=use.pk).confirmed


@pytest.mark.parametrize("role", [roles.EMPLOYEE, roles.MODERATOR])
def test_only_those_who_keep_methods_open_the_suggested_local_use(client, db, role):
    client.force_login(UserFactory(roles=[role]))
    refused = client.get("/admin/lokal-anvandning/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's answer to PermissionDenied
    client.force_login(UserFactory(roles=[roles.EDITOR]))
    assert client.get("/admin/lokal-anvandning/").status_code == 200


def test_the_suggestions_page_runs_the_same_queries_for_2_and_12_suggestions(client, make_method):
    client.force_login(editor_of("sollentuna"))

    def queries_with(total):
        for number in range(total - MethodLocalUse.objects.count()):
            make_method(f"Metod {total}-{number}", used_in=[("sollentuna", "införd")])
        MethodLocalUse.objects.update(confirmed=False)
        assert len(client.get(reverse("local_use_suggestions")).context["suggestions"]) == total
        return queries_for(client, reverse("local_use_suggestions"))

    assert queries_with(2) == queries_with(12)
