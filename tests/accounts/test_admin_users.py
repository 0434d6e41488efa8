import re

import pytest

from django.contrib.auth.models import Group, Permission
from django.core import mail

from wagtail.models import ModelLogEntry

from accounts import audit, roles
from accounts.models import Municipality, Sector, User
from privacy.guard import inspect
from tests.factories import TEST_PASSWORD, UserFactory

IDENTITY_NUMBER = "19850709-1232"


def sigtuna():
    return Municipality.objects.get(slug="sigtuna")


def edit_data(person, **changes):
    """What the edit form sends back unchanged, with the given changes."""
    data = {
        "email": person.email,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "municipality": person.municipality_id or "",
        "sector": person.sector_id or "",
        "job_title": person.job_title,
        "is_active": "on" if person.is_active else "",
        "groups": list(person.groups.values_list("pk", flat=True)),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value not in ("", None)}


def group(name):
    return Group.objects.get(name=name)


def offered_roles(html):
    ids = re.findall(r'name="groups" value="(\d+)"', html)
    return set(Group.objects.filter(pk__in=ids).values_list("name", flat=True))


def access_logs(person):
    return ModelLogEntry.objects.filter(action=audit.ACCESS_CHANGED, object_id=str(person.pk))


@pytest.fixture
def administrator(db):
    return UserFactory(roles=[roles.ADMINISTRATOR])


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True)


def test_administrator_creates_a_person_with_municipality_sector_and_title(client, administrator):
    client.force_login(administrator)
    form = client.get("/admin/users/new/").content.decode()
    for field in ["id_municipality", "id_sector", "id_job_title"]:
        assert f'id="{field}"' in form
    sundbyberg = Municipality.objects.get(slug="sundbyberg")
    school = Sector.objects.get(slug="skola")
    response = client.post(
        "/admin/users/new/",
        {
            "email": "Ny.Kurator@Sundbyberg.example",
            "first_name": "Alex",
            "last_name": "Exempel",
            "municipality": sundbyberg.pk,
            "sector": school.pk,
            "job_title": "Skolkurator",
            "groups": [group(roles.EMPLOYEE).pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person = User.objects.get(email="ny.kurator@sundbyberg.example")
    assert (person.municipality, person.sector, person.job_title) == (sundbyberg, school, "Skolkurator")
    entry = access_logs(person).get()
    assert entry.user == administrator
    assert entry.data["after"] == {
        "roles": [roles.EMPLOYEE],
        "superuser": False,
        "active": True,
        "municipality": "Sundbyberg",
    }


def test_the_edit_form_shows_the_persons_municipality(client, administrator, member):
    client.force_login(administrator)
    html = client.get(f"/admin/users/edit/{member.pk}/").content.decode()
    assert 'id="id_municipality"' in html


@pytest.mark.parametrize("url", ["/admin/users/new/", "/admin/users/edit/{pk}/"])
def test_an_administrator_sees_no_superuser_box_no_password_and_only_the_roles_they_may_give(
    client, administrator, member, url
):
    client.force_login(administrator)
    html = client.get(url.format(pk=member.pk)).content.decode()
    assert 'name="is_superuser"' not in html
    assert 'name="password1"' not in html
    assert offered_roles(html) == set(roles.ROLES_ADMINISTRATORS_ASSIGN)


@pytest.mark.parametrize("url", ["/admin/users/new/", "/admin/users/edit/{pk}/"])
def test_a_superuser_sees_the_superuser_box_passwords_and_every_role(client, superuser, member, url):
    client.force_login(superuser)
    html = client.get(url.format(pk=member.pk)).content.decode()
    assert 'name="is_superuser"' in html
    assert "Superanvändare" in html
    assert 'name="password1"' in html
    assert offered_roles(html) == set(roles.ROLES)


def test_an_administrator_cannot_make_a_person_superuser_with_a_crafted_form(client, administrator, member):
    client.force_login(administrator)
    client.post(f"/admin/users/edit/{member.pk}/", edit_data(member, is_superuser="on"))
    member.refresh_from_db()
    assert not member.is_superuser


def test_an_administrator_cannot_create_a_superuser_with_a_crafted_form(client, administrator):
    client.force_login(administrator)
    data = {"email": "ny@sigtuna.example", "first_name": "Ny", "last_name": "Person", "is_superuser": "on"}
    client.post("/admin/users/new/", data)
    assert not User.objects.get(email="ny@sigtuna.example").is_superuser


@pytest.mark.parametrize("role", [roles.ADMINISTRATOR, roles.BOARD])
def test_an_administrator_cannot_give_a_role_only_a_superuser_gives(client, administrator, member, role):
    client.force_login(administrator)
    client.post(f"/admin/users/edit/{member.pk}/", edit_data(member, groups=[group(role).pk]))
    assert set(member.groups.values_list("name", flat=True)) == {roles.EMPLOYEE}
    assert not access_logs(member).exists()


@pytest.mark.parametrize("role", roles.ROLES_ADMINISTRATORS_ASSIGN)
def test_an_administrator_gives_a_role_and_municipality_and_the_change_is_logged(client, administrator, member, role):
    client.force_login(administrator)
    jarfalla = Municipality.objects.get(slug="jarfalla")
    response = client.post(
        f"/admin/users/edit/{member.pk}/", edit_data(member, groups=[group(role).pk], municipality=jarfalla.pk)
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (set(member.groups.values_list("name", flat=True)), member.municipality) == ({role}, jarfalla)
    entry = access_logs(member).get()
    assert entry.user == administrator
    before = {"municipality": "Sigtuna"}
    after = {"municipality": "Järfälla"}
    if role != roles.EMPLOYEE:
        before["roles"], after["roles"] = [roles.EMPLOYEE], [role]
    assert entry.data == {"before": before, "after": after}


def test_an_administrator_sets_no_password(client, administrator, member):
    client.force_login(administrator)
    client.post(
        f"/admin/users/edit/{member.pk}/",
        edit_data(member, password1="ett-nytt-losenord-2026", password2="ett-nytt-losenord-2026"),
    )
    member.refresh_from_db()
    assert member.check_password(TEST_PASSWORD)


@pytest.mark.parametrize(
    "person", [{"is_superuser": True}, {"roles": [roles.ADMINISTRATOR]}, {"roles": [roles.BOARD]}], ids=str
)
def test_an_administrator_can_neither_open_nor_change_an_account_with_more_power(client, administrator, person):
    target = UserFactory(**person)
    client.force_login(administrator)
    assert client.get(f"/admin/users/edit/{target.pk}/").status_code == 302
    client.post(f"/admin/users/edit/{target.pk}/", edit_data(target, email="tagen@example.com", is_active=""))
    target.refresh_from_db()
    assert (target.email, target.is_active) != ("tagen@example.com", False)
    assert target.is_active
    listing = client.get("/admin/users/").content.decode()
    assert f"/admin/users/edit/{target.pk}/" not in listing


def test_an_administrator_does_not_edit_their_own_roles(client, administrator):
    client.force_login(administrator)
    client.post(f"/admin/users/edit/{administrator.pk}/", edit_data(administrator, groups=[]))
    assert administrator.groups.filter(name=roles.ADMINISTRATOR).exists()


def test_a_superuser_makes_someone_administrator_and_superuser_and_it_is_logged(client, superuser, member):
    client.force_login(superuser)
    response = client.post(
        f"/admin/users/edit/{member.pk}/", edit_data(member, groups=[group(roles.ADMINISTRATOR).pk], is_superuser="on")
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.is_superuser
    assert access_logs(member).get().data == {
        "before": {"roles": [roles.EMPLOYEE], "superuser": False},
        "after": {"roles": [roles.ADMINISTRATOR], "superuser": True},
    }


@pytest.mark.parametrize("role", [roles.EDITOR, roles.MODERATOR, roles.BOARD])
def test_other_roles_cannot_open_or_change_accounts(client, member, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get("/admin/users/").status_code == 302
    client.post(f"/admin/users/edit/{member.pk}/", edit_data(member, is_active=""))
    member.refresh_from_db()
    assert member.is_active


def test_nobody_deletes_an_account_not_even_a_superuser(client, superuser, member):
    client.force_login(superuser)
    client.post(f"/admin/users/delete/{member.pk}/")
    client.post(f"/admin/bulk/accounts/user/delete/?next=/admin/users/&id={member.pk}")
    assert User.objects.filter(pk=member.pk).exists()


def bulk(client, action, people, data=None):
    ids = "&".join(f"id={person.pk}" for person in people)
    return client.post(f"/admin/bulk/accounts/user/{action}/?next=/admin/users/&{ids}", data or {})


def test_the_bulk_role_action_gives_administrators_only_their_roles_and_logs_each_change(client, administrator):
    member = UserFactory(roles=[roles.EMPLOYEE])
    chief = UserFactory(is_superuser=True)
    client.force_login(administrator)
    bulk(client, "assign_role", [member], {"role": group(roles.ADMINISTRATOR).pk})
    assert not member.groups.filter(name=roles.ADMINISTRATOR).exists()
    bulk(client, "assign_role", [member, chief], {"role": group(roles.MODERATOR).pk})
    assert member.groups.filter(name=roles.MODERATOR).exists()
    assert not chief.groups.exists()
    assert access_logs(member).get().data == {
        "before": {"roles": [roles.EMPLOYEE]},
        "after": {"roles": [roles.EMPLOYEE, roles.MODERATOR]},
    }
    assert not access_logs(chief).exists()


def test_the_bulk_active_state_action_spares_accounts_with_more_power_and_logs_each_change(client, administrator):
    member = UserFactory(roles=[roles.EMPLOYEE])
    chief = UserFactory(is_superuser=True)
    client.force_login(administrator)
    bulk(client, "set_active_state", [member, chief], {"mark_as_active": "False"})
    member.refresh_from_db()
    chief.refresh_from_db()
    assert (member.is_active, chief.is_active) == (False, True)
    assert access_logs(member).get().data == {"before": {"active": True}, "after": {"active": False}}


def test_only_superusers_open_or_change_groups(client, administrator, superuser):
    editors = group(roles.EDITOR)
    permissions = set(editors.permissions.all())
    client.force_login(administrator)
    assert client.get("/admin/groups/").status_code == 302
    everything = Permission.objects.values_list("pk", flat=True)
    client.post(f"/admin/groups/edit/{editors.pk}/", {"name": editors.name, "permissions": list(everything)})
    assert set(editors.permissions.all()) == permissions
    client.force_login(superuser)
    assert client.get("/admin/groups/").status_code == 200


def test_an_administrator_sends_a_password_reset_link_and_it_is_logged(client, administrator, member):
    client.force_login(administrator)
    edit_page = client.get(f"/admin/users/edit/{member.pk}/").content.decode()
    url = f"/admin/users/send-password-reset/{member.pk}/"
    assert url in edit_page
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "/losenord/nytt/" in mail.outbox[0].body
    assert ModelLogEntry.objects.filter(action=audit.PASSWORD_RESET_SENT, object_id=str(member.pk)).count() == 1


def test_an_administrator_cannot_send_a_reset_link_for_a_superuser(client, administrator, superuser):
    client.force_login(administrator)
    client.post(f"/admin/users/send-password-reset/{superuser.pk}/")
    assert mail.outbox == []


def test_a_person_created_without_a_password_can_get_a_reset_link(client, administrator):
    client.force_login(administrator)
    data = {"email": "ny@sigtuna.example", "first_name": "Ny", "last_name": "Person", "municipality": sigtuna().pk}
    response = client.post("/admin/users/new/", data, follow=True)
    person = User.objects.get(email="ny@sigtuna.example")
    assert f"/admin/users/send-password-reset/{person.pk}/" in response.content.decode()
    client.post(f"/admin/users/send-password-reset/{person.pk}/")
    assert [message.to for message in mail.outbox] == [[person.email]]


@pytest.mark.parametrize("field", ["first_name", "last_name", "job_title"])
def test_the_user_forms_refuse_an_identity_number(client, administrator, member, field):
    client.force_login(administrator)
    data = {"email": "ny@sigtuna.example", "first_name": "Ny", "last_name": "Person", field: IDENTITY_NUMBER}
    [finding] = inspect(IDENTITY_NUMBER).blocking
    response = client.post("/admin/users/new/", data)
    assert finding.message in response.content.decode()
    assert not User.objects.filter(email="ny@sigtuna.example").exists()
    response = client.post(f"/admin/users/edit/{member.pk}/", edit_data(member, **{field: IDENTITY_NUMBER}))
    assert response.status_code == 200
    member.refresh_from_db()
    assert getattr(member, field) != IDENTITY_NUMBER


def test_access_changes_show_in_the_site_history_with_before_and_after(client, administrator, member):
    client.force_login(administrator)
    client.post(f"/admin/users/edit/{member.pk}/", edit_data(member, groups=[group(roles.EDITOR).pk]))
    html = client.get("/admin/reports/site-history/").content.decode()
    assert f"{roles.EMPLOYEE} → {roles.EDITOR}" in html


def test_no_admin_page_asks_gravatar_for_a_picture(client, administrator, member):
    client.force_login(administrator)
    for url in ["/admin/", "/admin/users/", f"/admin/users/edit/{member.pk}/", "/admin/account/"]:
        assert "gravatar" not in client.get(url).content.decode().lower(), url


def test_accounts_cannot_be_copied_in_the_admin(client, db):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(superuser)
    assert client.get(f"/admin/users/copy/{superuser.pk}/").status_code == 404


def test_nobody_changes_their_own_sign_in_address_on_wagtails_account_page(client, db):
    editor = UserFactory(roles=[roles.EDITOR])
    client.force_login(editor)
    page = client.get("/admin/account/")
    assert page.status_code == 200
    assert 'name="name_email-email"' not in page.content.decode()
    fields = {"name_email-first_name": "Kim", "name_email-last_name": "Ny", "name_email-email": "annan@example.com"}
    client.post("/admin/account/", fields)
    editor.refresh_from_db()
    assert editor.email.endswith("@kommun.example")
