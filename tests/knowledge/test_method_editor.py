"""The page editor as a contributor meets it: an address nobody has to type (ASCII, made free), the owner's
municipality already listed as using a new method, explained levels, and no review date to fill in."""

import pytest

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset

from accounts import roles
from accounts.models import Municipality
from importing.pages import local_uses_of
from knowledge.models import MethodIndexPage, MethodLocalUse, MethodPage
from knowledge.models.methods import two_years_after
from tests.factories import UserFactory
from tests.knowledge.admin_forms import method_form


@pytest.fixture
def sigtuna_member(db):
    return UserFactory(roles=[roles.EMPLOYEE], municipality=Municipality.objects.get(slug="sigtuna"))


@pytest.fixture
def sigtuna_editor(db):
    return UserFactory(roles=[roles.EDITOR], municipality=Municipality.objects.get(slug="sigtuna"))


def add_url(sections):
    return reverse("wagtailadmin_pages:add", args=("knowledge", "methodpage", sections[MethodIndexPage].pk))


def add(client, sections, **fields):
    response = client.post(add_url(sections), method_form(**fields))
    assert response.status_code in (200, 302)
    return response


# Addresses


def test_an_empty_address_is_made_from_the_title_in_ascii(client, sections, sigtuna_member):
    client.force_login(sigtuna_member)
    add(client, sections, title="Våld i nära relationer – stöd för äldre", slug="")
    assert MethodPage.objects.get().slug == "vald-i-nara-relationer-stod-for-aldre"


def test_an_address_made_from_the_title_that_a_hidden_draft_has_is_made_free(client, sections, sigtuna_member):
    client.force_login(sigtuna_member)
    add(client, sections, title="Trygga samtal", slug="trygga-samtal")  # the abandoned first try
    response = add(client, sections, title="Trygga samtal", slug="trygga-samtal")
    assert response.status_code == 302
    assert sorted(MethodPage.objects.values_list("slug", flat=True)) == ["trygga-samtal", "trygga-samtal-2"]


def test_an_address_the_person_chose_that_is_taken_is_still_an_error(client, sections, sigtuna_member):
    client.force_login(sigtuna_member)
    add(client, sections, title="Första", slug="min-adress")
    response = add(client, sections, title="Andra", slug="min-adress")
    assert "min-adress" in str(response.context["form"].errors["slug"])
    assert MethodPage.objects.count() == 1


def test_a_typed_address_with_swedish_letters_becomes_ascii(client, sections, sigtuna_member):
    client.force_login(sigtuna_member)
    add(client, sections, title="Metod", slug="hälsa-för-äldre")
    assert MethodPage.objects.get().slug == "halsa-for-aldre"


def test_wagtail_makes_ascii_addresses_too(sections):
    page = MethodPage(title="Öppna förskolan", summary="Kort.", municipality=Municipality.objects.first())
    sections[MethodIndexPage].add_child(instance=page)
    assert page.slug == "oppna-forskolan"


def test_the_migration_makes_an_old_address_ascii_keeps_it_on_publishing_and_redirects_it(client, member, make_method):
    from importlib import import_module

    from django.apps import apps

    method = make_method("Våld i hemmet", owner="sigtuna")
    old_url = method.url.replace("vald-i-hemmet", "våld-i-hemmet")
    MethodPage.objects.filter(pk=method.pk).update(
        slug="våld-i-hemmet", url_path=method.url_path.replace("vald-i-hemmet", "våld-i-hemmet")
    )
    revision = method.latest_revision
    revision.content["slug"] = "våld-i-hemmet"
    revision.save(update_fields=["content"])

    import_module("knowledge.migrations.0012_ascii_page_addresses").ascii_addresses(apps, None)

    method = MethodPage.objects.get(pk=method.pk)
    assert method.slug == "vald-i-hemmet" and method.url_path.endswith("/vald-i-hemmet/")
    method.get_latest_revision().publish()
    assert MethodPage.objects.get(pk=method.pk).slug == "vald-i-hemmet"
    client.force_login(member)
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == method.url


# The owner's municipality uses a new method


def test_a_new_method_starts_with_the_owners_municipality_as_using_it(client, sections, sigtuna_member):
    client.force_login(sigtuna_member)
    formset = client.get(add_url(sections)).context["form"].formsets["local_uses"]
    assert [form.initial for form in formset.forms] == [
        {"municipality": sigtuna_member.municipality_id, "status": MethodLocalUse.ESTABLISHED}
    ]
    row = {"municipality": sigtuna_member.municipality_id, "status": "införd", "unit": "", "contact_role": ""}
    add(client, sections, title="Med rad", slug="", local_uses=inline_formset([row]))
    assert [(use.municipality, use.confirmed) for use in MethodPage.objects.get().local_uses.all()] == [
        (sigtuna_member.municipality, True)
    ]


def test_the_contributor_removes_the_row_when_the_municipality_does_not_use_it(client, sections, sigtuna_member):
    client.force_login(sigtuna_member)
    add(client, sections, title="Utan rad", slug="")
    assert not MethodPage.objects.get().local_uses.exists()


def test_editing_an_existing_method_proposes_nothing(client, make_method, sigtuna_editor):
    method = make_method("Finns", owner="sigtuna")
    client.force_login(sigtuna_editor)
    formset = client.get(reverse("wagtailadmin_pages:edit", args=[method.pk])).context["form"].formsets["local_uses"]
    assert formset.forms == []


def test_a_published_method_with_its_owners_row_says_it_is_used_there_once(client, make_method, member):
    method = make_method("Används", owner="sigtuna", used_in=[("sigtuna", "införd")])
    client.force_login(member)
    html = client.get(method.url).content.decode()
    assert "Används i:" in html
    assert "Ingen kommun har" not in html


def test_a_method_nobody_uses_says_so_once(client, make_method, member):
    method = make_method("Oanvänd", owner="sigtuna")
    client.force_login(member)
    html = client.get(method.url).content.decode()
    assert html.count("Ingen kommun har registrerat") == 1


def test_an_imported_method_without_local_use_is_used_by_its_owner_and_an_empty_list_says_none():
    owner = object()
    assert local_uses_of({"municipality": owner}) == [{"municipality": owner, "status": MethodLocalUse.ESTABLISHED}]
    assert local_uses_of({"municipality": owner, "local_use": []}) == []


def test_the_migration_gives_a_method_without_any_use_its_owners_row_in_its_revisions_too(make_method):
    from importlib import import_module

    from django.apps import apps

    unused = make_method("Oanvänd", owner="sigtuna")
    used = make_method("Använd", owner="sigtuna", used_in=[("jarfalla", "prövas")])
    import_module("knowledge.migrations.0011_owners_local_use").owner_uses_its_methods(apps, None)

    assert [(use.municipality.slug, use.status) for use in unused.local_uses.all()] == [("sigtuna", "införd")]
    assert [use.municipality.slug for use in used.local_uses.all()] == ["jarfalla"]
    unused.refresh_from_db()
    unused.get_latest_revision().publish()
    assert [use.municipality.slug for use in MethodPage.objects.get(pk=unused.pk).local_uses.all()] == ["sigtuna"]


# Levels and the review date


def test_prevention_and_evidence_levels_are_explained_where_they_are_chosen(client, sections, sigtuna_member):
    client.force_login(sigtuna_member)
    html = client.get(add_url(sections)).content.decode()
    assert "Selektiv – För grupper med förhöjd risk" in html
    assert "Beprövad erfarenhet – Använd länge och systematiskt" in html
    assert 'type="radio" name="prevention_level"' in html


def test_a_contributor_is_not_asked_for_the_review_date_and_an_editor_is(
    client, sections, sigtuna_member, sigtuna_editor
):
    client.force_login(sigtuna_member)
    assert "last_reviewed" not in client.get(add_url(sections)).context["form"].fields
    data = method_form(title="Utan granskningsdatum", slug="")
    del data["last_reviewed"]
    assert client.post(add_url(sections), data).status_code == 302
    client.force_login(sigtuna_editor)
    assert "last_reviewed" in client.get(add_url(sections)).context["form"].fields


def test_approving_the_review_sets_the_review_dates(make_method, sigtuna_member, sigtuna_editor):
    method = make_method("Granskas", owner="sigtuna", publish=False, live=False)
    workflow = method.get_workflow()
    workflow.start(method, sigtuna_member)
    method.refresh_from_db()
    task_state = method.current_workflow_task_state.specific
    task_state.task.specific.on_action(task_state, sigtuna_editor, "approve")

    method = MethodPage.objects.get(pk=method.pk)
    today = timezone.localdate()
    assert method.live
    assert (method.last_reviewed, method.next_review_due) == (today, two_years_after(today))


def test_a_next_review_date_the_editors_chose_is_kept_by_the_review(make_method):
    from datetime import date

    method = make_method("Vald", owner="sigtuna")
    method.last_reviewed, method.next_review_due = date(2026, 1, 15), date(2099, 1, 1)
    method.record_review(date(2026, 12, 3))
    assert (method.last_reviewed, method.next_review_due) == (date(2026, 12, 3), date(2099, 1, 1))
    method.next_review_due = two_years_after(method.last_reviewed)
    method.record_review(date(2027, 6, 1))
    assert method.next_review_due == date(2029, 6, 1)
