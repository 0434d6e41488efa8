"""Following in the app: a tag from its page in the knowledge bank, and the profile's list of what one follows."""

import pytest

from django.urls import reverse

from taggit.models import Tag

from accounts.models import Municipality
from forum import services
from forum.models import Notification, NotificationKind, Subscription
from tests.conftest import queries_for
from tests.factories import UserFactory, forum_category, start_thread

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile")


def follows(person, **target):
    return Subscription.objects.active().filter(user=person, **target).exists()


def test_a_tag_is_followed_from_its_page_and_new_pages_with_it_become_notifications(
    member_client, member, make_method, make_experience
):
    method = make_method("Stödgrupp för barn", tags=["Stödgrupp"])
    tag = Tag.objects.get(name="Stödgrupp")
    tag_page = reverse("knowledge:tag", args=[tag.slug])
    html = member_client.get(tag_page).content.decode()
    assert f'action="{reverse("forum:follow_tag", args=[tag.slug])}"' in html

    response = member_client.post(reverse("forum:follow_tag", args=[tag.slug]), {"follow": "1", "next": tag_page})
    assert response["Location"] == tag_page
    assert follows(member, tag=tag)
    assert "Sluta följa" in member_client.get(tag_page).content.decode()

    experience = make_experience("Två omgångar stödgrupp", methods=[method], tags=["Stödgrupp"])
    notification = Notification.objects.get(recipient=member)
    assert (notification.kind, notification.page_id) == (NotificationKind.PAGE_TAG, experience.pk)

    experience.save_revision().publish()  # an edit published again is not news
    assert Notification.objects.filter(recipient=member).count() == 1


def test_a_tag_used_only_where_the_person_may_not_look_cannot_be_followed(member_client, member):
    closed = forum_category("metodfragor")
    start_thread(UserFactory(), category=closed, tags=["Hemligt"])
    closed.restricted_to_municipalities.set([Municipality.objects.get(slug="jarfalla")])
    response = member_client.post(reverse("forum:follow_tag", args=["hemligt"]), {"follow": "1"})
    assert response.status_code == 404
    assert not Subscription.objects.filter(user=member).exists()


def test_the_profile_lists_what_the_person_follows_with_a_button_to_stop(member_client, member, make_method):
    thread = start_thread(UserFactory(), title="Väntetid till stödgrupp")
    make_method("Stödgrupp för barn", tags=["Stödgrupp"])
    tag = Tag.objects.get(name="Stödgrupp")
    services.set_following(member, follow=True, thread=thread)
    services.set_following(member, follow=True, category=forum_category("samverkan"))
    services.set_following(member, follow=True, tag=tag)

    html = member_client.get(PROFILE).content.decode()
    for name in ("Väntetid till stödgrupp", "Samverkan", "Stödgrupp"):
        assert f'Sluta följa<span class="visually-hidden"> {name}</span>' in html

    back = f"{PROFILE}#follows-heading"
    for url in (
        reverse("forum:follow_thread", args=[thread.pk]),
        reverse("forum:follow_category", args=["samverkan"]),
        reverse("forum:follow_tag", args=[tag.slug]),
    ):
        assert member_client.post(url, {"follow": "0", "next": back})["Location"] == back
    assert not Subscription.objects.active().filter(user=member).exists()
    assert "Du följer inget än" in member_client.get(PROFILE).content.decode()


def test_the_profile_leaves_out_followed_threads_the_person_may_no_longer_see(member_client, member):
    closed = forum_category("metodfragor")
    thread = start_thread(UserFactory(), category=closed, title="Tråden bakom stängd dörr")
    services.set_following(member, follow=True, thread=thread)
    services.set_following(member, follow=True, category=closed)
    closed.restricted_to_municipalities.set([Municipality.objects.get(slug="jarfalla")])
    html = member_client.get(PROFILE).content.decode()
    assert "Tråden bakom stängd dörr" not in html
    assert "Metodfrågor" not in html


def test_the_profile_runs_the_same_queries_for_2_and_25_followed_threads(member_client, member, settings):
    settings.FORUM_POSTS_PER_MINUTE = 10_000
    author = UserFactory()

    def follow(count):
        for _ in range(count):
            services.set_following(member, follow=True, thread=start_thread(author, rate_limited=False))

    follow(2)
    member_client.get(PROFILE)
    few = queries_for(member_client, PROFILE)
    follow(23)
    html = member_client.get(PROFILE).content.decode()
    assert "Alla 25 trådar du följer" in html
    assert queries_for(member_client, PROFILE) == few
