import pytest

from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import ModelLogEntry

from accounts import roles
from accounts.models import Municipality
from forum.admin.categories import AUDIENCE_CHANGED
from forum.models import Category
from tests.factories import UserFactory, forum_category

ADMIN = "/admin/snippets/forum/category/"


def municipality(slug):
    return Municipality.objects.get(slug=slug)


def restricted_to(slug, category_slug="barn-och-unga"):
    category = forum_category(category_slug)
    category.restricted_to_municipalities.set([municipality(slug)])
    return category


def form_data(category, **changes):
    data = {
        "name": category.name,
        "name_en": category.name_en,
        "slug": category.slug,
        "description": category.description,
        "position": category.position,
    }
    data.update(changes)
    return data


def audience_of(groups, places):
    return {
        "restricted_to_groups": [Group.objects.get(name=name).pk for name in groups],
        "restricted_to_municipalities": [municipality(slug).pk for slug in places],
    }


def audience(category):
    return (
        set(category.restricted_to_groups.values_list("name", flat=True)),
        set(category.restricted_to_municipalities.values_list("slug", flat=True)),
    )


def person(kind):
    """One person of each kind the category admin meets; the editors' category is restricted to Sigtuna."""
    if kind == "superuser":
        return UserFactory(is_superuser=True)
    place = {"editor of the same municipality": "sigtuna", "editor of another municipality": "jarfalla"}
    role = {"moderator": roles.MODERATOR, "administrator": roles.ADMINISTRATOR}.get(kind, roles.EDITOR)
    return UserFactory(roles=[role], municipality=municipality(place.get(kind, "sigtuna")))


@pytest.mark.parametrize(
    ("kind", "sees_the_audience"),
    [("editor of the same municipality", False), ("administrator", True), ("superuser", True)],
)
def test_only_administrators_and_superusers_see_who_may_see_a_category(client, db, kind, sees_the_audience):
    category = forum_category()
    client.force_login(person(kind))
    html = client.get(f"{ADMIN}edit/{category.pk}/").content.decode()
    assert 'name="name"' in html
    assert ('name="restricted_to_municipalities"' in html) is sees_the_audience
    assert ('name="restricted_to_groups"' in html) is sees_the_audience


def test_an_editor_renames_a_category_but_a_crafted_form_changes_nobody_who_may_see_it(client, db):
    category = restricted_to("sigtuna")
    client.force_login(person("editor of the same municipality"))
    data = form_data(category, name="Barn och unga i fokus", restricted_to_municipalities=[], restricted_to_groups=[])
    response = client.post(f"{ADMIN}edit/{category.pk}/", data)
    assert response.status_code == 302
    category.refresh_from_db()
    assert category.name == "Barn och unga i fokus"
    assert audience(category) == (set(), {"sigtuna"})
    assert not ModelLogEntry.objects.filter(action=AUDIENCE_CHANGED).exists()


def test_an_editor_cannot_close_an_open_category_with_a_crafted_form(client, db):
    category = forum_category()
    client.force_login(person("editor of the same municipality"))
    data = form_data(category, **audience_of([roles.EDITOR], ["sigtuna"]))
    client.post(f"{ADMIN}edit/{category.pk}/", data)
    assert audience(category) == (set(), set())


def test_an_editor_creates_an_open_category_only(client, db):
    client.force_login(person("editor of the same municipality"))
    data = {
        "name": "Ny kategori",
        "slug": "ny-kategori",
        "position": 9,
        "restricted_to_municipalities": [municipality("sigtuna").pk],
    }
    response = client.post(f"{ADMIN}add/", data)
    assert response.status_code == 302
    assert audience(Category.objects.get(slug="ny-kategori")) == (set(), set())


@pytest.mark.parametrize("suffix", ["edit/{pk}/", "history/{pk}/", "usage/{pk}/", "copy/{pk}/"])
def test_an_editor_cannot_open_a_category_restricted_away_from_them(client, db, suffix):
    category = restricted_to("sigtuna")
    client.force_login(person("editor of another municipality"))
    assert client.get(ADMIN + suffix.format(pk=category.pk)).status_code == 404
    client.post(f"{ADMIN}edit/{category.pk}/", form_data(category, name="Övertagen"))
    category.refresh_from_db()
    assert category.name != "Övertagen"


def test_an_editor_does_not_list_or_choose_a_category_restricted_away_from_them(client, db):
    category = restricted_to("sigtuna")
    client.force_login(person("editor of another municipality"))
    assert category.name not in client.get(ADMIN).content.decode()
    assert category.name not in client.get("/admin/snippets/choose/forum/category/").content.decode()
    assert client.get(f"/admin/snippets/choose/forum/category/chosen/{category.pk}/").status_code == 404
    client.force_login(person("editor of the same municipality"))
    assert category.name in client.get(ADMIN).content.decode()


def test_an_administrator_manages_a_category_closed_to_administrators(client, db):
    category = forum_category()
    category.restricted_to_groups.set([Group.objects.get(name=roles.EDITOR)])
    client.force_login(person("administrator"))
    assert category.name in client.get(ADMIN).content.decode()
    assert client.get(f"{ADMIN}edit/{category.pk}/").status_code == 200


def test_a_moderator_does_not_edit_categories(client, db):
    category = forum_category()
    client.force_login(person("moderator"))
    client.post(f"{ADMIN}edit/{category.pk}/", form_data(category, name="Ändrad"))
    category.refresh_from_db()
    assert category.name != "Ändrad"


@pytest.mark.parametrize("kind", ["administrator", "superuser"])
def test_changing_who_may_see_a_category_is_logged_with_before_and_after(client, db, kind):
    category = restricted_to("sigtuna")
    acting = person(kind)
    client.force_login(acting)
    data = form_data(category, **audience_of([roles.EDITOR], ["jarfalla"]))
    response = client.post(f"{ADMIN}edit/{category.pk}/", data)
    assert response.status_code == 302
    assert audience(category) == ({roles.EDITOR}, {"jarfalla"})
    entry = ModelLogEntry.objects.get(action=AUDIENCE_CHANGED, object_id=str(category.pk))
    assert entry.user == acting
    assert entry.data == {
        "before": {"roles": [], "municipalities": ["Sigtuna"]},
        "after": {"roles": [roles.EDITOR], "municipalities": ["Järfälla"]},
    }
    html = client.get(f"{ADMIN}history/{category.pk}/").content.decode()
    assert "Sigtuna → Järfälla" in html


def test_a_category_created_restricted_is_logged(client, db):
    administrator = person("administrator")
    client.force_login(administrator)
    data = {"name": "Ny", "slug": "ny", "position": 9, "restricted_to_municipalities": [municipality("sigtuna").pk]}
    client.post(f"{ADMIN}add/", data)
    entry = ModelLogEntry.objects.get(action=AUDIENCE_CHANGED)
    assert entry.data["after"] == {"municipalities": ["Sigtuna"]}


@pytest.mark.parametrize("kind", ["editor of the same municipality", "administrator", "superuser"])
def test_nobody_deletes_a_category(client, db, kind):
    category = forum_category()
    client.force_login(person(kind))
    client.post(f"{ADMIN}delete/{category.pk}/")
    assert Category.objects.filter(pk=category.pk).exists()


def test_the_site_history_hides_categories_restricted_away_from_the_reader(client, db):
    category = restricted_to("sigtuna")
    administrator = Client()
    administrator.force_login(person("administrator"))
    renamed = form_data(category, name="Ledningsgruppen Sigtuna", **audience_of([], ["sigtuna"]))
    assert administrator.post(f"{ADMIN}edit/{category.pk}/", renamed).status_code == 302
    client.force_login(person("editor of another municipality"))
    for url in ["/admin/reports/site-history/", "/admin/reports/site-history/results/"]:
        assert "Ledningsgruppen Sigtuna" not in client.get(url).content.decode()
    client.force_login(person("editor of the same municipality"))
    assert "Ledningsgruppen Sigtuna" in client.get("/admin/reports/site-history/").content.decode()
