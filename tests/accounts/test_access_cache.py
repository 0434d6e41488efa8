"""The roles and permissions each process keeps (accounts/access_cache.py): no query for them on a page, and every
change of them visible on the next request."""

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import roles
from accounts.models import User
from tests.factories import UserFactory

ADMIN_LINK = f'href="{reverse("wagtailadmin_home")}"'


def access_admin():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def test_a_signed_in_page_asks_no_query_of_roles_permissions_or_support_lines_once_they_are_kept(member_client):
    member_client.get(reverse("people:directory"))
    with CaptureQueriesContext(connection) as captured:
        member_client.get(reverse("people:directory"))
    kept = ('FROM "auth_permission"', 'FROM "auth_group"', 'FROM "knowledge_supportsettings"')
    assert [query["sql"] for query in captured if any(table in query["sql"] for table in kept)] == []


def test_a_role_given_or_taken_shows_on_the_next_request(client, db):
    person = UserFactory(roles=[])
    client.force_login(person)
    assert ADMIN_LINK not in client.get("/forum/").content.decode()
    person.groups.add(Group.objects.get(name=roles.EMPLOYEE))
    assert ADMIN_LINK in client.get("/forum/").content.decode()
    assert roles.group_names(User.objects.get(pk=person.pk)) == {roles.EMPLOYEE}
    Group.objects.get(name=roles.EMPLOYEE).user_set.remove(person)
    assert ADMIN_LINK not in client.get("/forum/").content.decode()
    assert roles.group_names(User.objects.get(pk=person.pk)) == frozenset()


def test_a_permission_given_to_a_group_or_a_person_or_taken_shows_on_the_next_request(client, db):
    person = UserFactory(roles=[roles.EMPLOYEE])
    client.force_login(person)
    assert ADMIN_LINK in client.get("/forum/").content.decode()
    Group.objects.get(name=roles.EMPLOYEE).permissions.remove(access_admin())
    assert ADMIN_LINK not in client.get("/forum/").content.decode()
    person.user_permissions.add(access_admin())
    assert ADMIN_LINK in client.get("/forum/").content.decode()


def test_superuser_and_active_status_change_the_permissions_at_once(member):
    everything = Permission.objects.count()
    assert len(User.objects.get(pk=member.pk).get_all_permissions()) < everything
    User.objects.filter(pk=member.pk).update(is_superuser=True)
    assert len(User.objects.get(pk=member.pk).get_all_permissions()) == everything
    User.objects.filter(pk=member.pk).update(is_superuser=False, is_active=False)
    assert User.objects.get(pk=member.pk).get_all_permissions() == set()
