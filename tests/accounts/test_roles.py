from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission

from accounts import roles
from accounts.models import Municipality, Sector


def test_the_six_municipalities_exist_with_official_names_and_slugs(db):
    assert dict(Municipality.objects.values_list("slug", "name")) == {
        "upplands-bro": "Upplands-Bro",
        "jarfalla": "Järfälla",
        "sigtuna": "Sigtuna",
        "sollentuna": "Sollentuna",
        "sundbyberg": "Sundbyberg",
        "upplands-vasby": "Upplands Väsby",
    }


def test_sectors_have_swedish_and_english_names(db):
    school = Sector.objects.get(slug="skola")
    assert (school.name, school.name_en) == ("Skola", "School")
    assert Sector.objects.count() == 9


def test_exactly_the_five_roles_exist(db):
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.ROLES)


def test_every_role_may_enter_the_editing_interface(db):
    for name in roles.ROLES:
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert "access_admin" in codenames, name


def test_editors_publish_pages_but_employees_do_not(db):
    editor_permissions = set(
        GroupPagePermission.objects.filter(group__name=roles.EDITOR).values_list("permission__codename", flat=True)
    )
    assert {"add_page", "change_page", "publish_page"} <= editor_permissions
    assert not GroupPagePermission.objects.filter(group__name=roles.EMPLOYEE, permission__codename="publish_page")


def test_only_administrators_manage_people(db):
    def can(group_name, codename):
        return Group.objects.get(name=group_name).permissions.filter(codename=codename).exists()

    assert can(roles.ADMINISTRATOR, "change_user")
    assert not can(roles.EDITOR, "change_user")
    assert not can(roles.EMPLOYEE, "change_user")


def test_administrators_hold_no_permission_to_add_or_change_groups(db):
    administrators = Group.objects.get(name=roles.ADMINISTRATOR)
    assert not administrators.permissions.filter(codename__in=["add_group", "change_group"]).exists()
