"""Who may see a category: the queryset's rule and the same rule for a category held in memory agree."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import Municipality
from forum.models import Category
from forum.models.categories import limits_admit, visible_category_ids

pytestmark = pytest.mark.django_db

EVERYONE = {"superuser", "moderator", "editor_sigtuna", "editor_jarfalla", "member_sigtuna", "no_municipality", "new"}


@pytest.mark.parametrize(
    "groups, municipalities, expected",
    [
        ([], [], EVERYONE),
        ([roles.EDITOR], [], {"superuser", "moderator", "editor_sigtuna", "editor_jarfalla", "no_municipality"}),
        ([], ["sigtuna"], {"superuser", "moderator", "editor_sigtuna", "member_sigtuna"}),
        ([roles.EDITOR], ["sigtuna"], {"superuser", "moderator", "editor_sigtuna"}),
    ],
)
def test_a_category_is_seen_by_moderators_and_by_those_who_meet_every_limit_in_the_database_and_in_memory(
    people, groups, municipalities, expected
):
    category = Category.objects.create(name="Rummet", slug="rummet")
    category.restricted_to_groups.set(Group.objects.filter(name__in=groups))
    category.restricted_to_municipalities.set(Municipality.objects.filter(slug__in=municipalities))
    municipality_ids = set(category.restricted_to_municipalities.values_list("pk", flat=True))

    in_database = {name for name, person in people.items() if category.is_visible_to(person)}
    in_memory = {
        name
        for name, person in people.items()
        if limits_admit(person, role_names=frozenset(groups), municipality_ids=municipality_ids)
    }

    kept = {name for name, person in people.items() if category.pk in visible_category_ids(person)}

    assert in_database == in_memory == kept == expected
    assert limits_admit(None, role_names=frozenset(groups), municipality_ids=municipality_ids) == ("new" in expected)


def test_the_categories_kept_per_process_follow_each_change_of_a_limit_a_role_or_a_municipality(people):
    person = people["member_sigtuna"]
    category = Category.objects.create(name="Rummet", slug="rummet")
    assert category.pk in visible_category_ids(person)

    category.restricted_to_municipalities.add(Municipality.objects.get(slug="jarfalla"))
    assert category.pk not in visible_category_ids(person)

    person.municipality = Municipality.objects.get(slug="jarfalla")
    person.save()
    assert category.pk in visible_category_ids(person)

    editors = Group.objects.get(name=roles.EDITOR)
    category.restricted_to_groups.add(editors)
    assert category.pk not in visible_category_ids(person)
    person.groups.add(editors)
    assert category.pk in visible_category_ids(get_user_model().objects.get(pk=person.pk))

    editors.name = "Redaktionen"  # the kept limits name the role anew, as the person's kept roles do
    editors.save()
    assert category.pk in visible_category_ids(get_user_model().objects.get(pk=person.pk))

    category.delete()
    assert category.pk not in visible_category_ids(person)
