"""A page limited to groups answers 403 to a signed-in outsider, never a loop through the login page."""

from django.contrib.auth.models import Group

from wagtail.models import Page, PageViewRestriction

from tests.factories import UserFactory


def test_a_group_restricted_page_is_403_for_outsiders_and_open_to_the_group(client, db):
    start = Page.objects.get(depth=2)
    group = Group.objects.create(name="Samordnare")
    restriction = PageViewRestriction.objects.create(page=start, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(group)

    client.force_login(UserFactory())
    assert client.get(start.url).status_code == 403

    insider = UserFactory()
    insider.groups.add(group)
    client.force_login(insider)
    assert client.get(start.url).status_code == 200
