"""Sparat: a person saves threads and pages to read again, and sees only what they may still see."""

import pytest

from django.conf import settings
from django.urls import reverse

from accounts.models import Municipality
from forum import services
from forum.models import Bookmark, Thread
from knowledge.models import HomePage
from tests.conftest import queries_for
from tests.factories import UserFactory, forum_category, start_thread
from tests.factories.events import make_event

pytestmark = pytest.mark.django_db

SAVED = reverse("forum:saved")


@pytest.fixture
def english(member_client):
    member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return member_client


def save_thread(client, thread, save="1", **extra):
    return client.post(reverse("forum:bookmark_thread", args=[thread.pk]), {"save": save, **extra})


def save_page(client, page, save="1", **extra):
    return client.post(reverse("forum:bookmark_page", args=[page.pk]), {"save": save, **extra})


def test_a_saved_thread_and_page_are_listed_under_saved_the_latest_first(english, member, make_method):
    thread = start_thread(UserFactory(), title="Väntetid till stödgrupp")
    method = make_method("Stödgrupp för barn")

    response = save_thread(english, thread)
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url()
    assert save_page(english, method)["Location"] == method.url

    html = english.get(SAVED).content.decode()
    assert html.index("Stödgrupp för barn") < html.index("Väntetid till stödgrupp")
    assert ">Method<" in html and "Thread · " in html


def test_saving_twice_keeps_one_bookmark_and_removing_takes_it_away(member_client, member):
    thread = start_thread(UserFactory())
    save_thread(member_client, thread)
    save_thread(member_client, thread)
    assert Bookmark.objects.filter(user=member, thread=thread).count() == 1

    save_thread(member_client, thread, save="0")
    assert not Bookmark.objects.filter(user=member).exists()
    assert services.set_bookmarked(member, saved=False, thread=thread) is False


def test_the_buttons_say_whether_the_thing_is_saved(english, make_method):
    thread = start_thread(UserFactory())
    method = make_method("Stödgrupp för barn")
    for url, save in ((thread.get_absolute_url(), save_thread), (method.url, save_page)):
        assert "Save for later" in english.get(url).content.decode()
        save(english, thread if url == thread.get_absolute_url() else method)
        html = english.get(url).content.decode()
        assert "Remove from Saved" in html
        assert f'href="{SAVED}"' in html


def test_an_event_of_the_campaign_month_is_saved_from_its_page(english, member):
    event = make_event("Workshop: samtal med barn")
    assert "Save for later" in english.get(event.url).content.decode()
    assert save_page(english, event)["Location"] == event.url
    assert "Remove from Saved" in english.get(event.url).content.decode()
    assert "Workshop: samtal med barn" in english.get(SAVED).content.decode()


def test_what_the_person_may_no_longer_see_is_left_out_of_saved(member_client, member, make_method):
    thread = start_thread(UserFactory(), title="Tråden som döljs")
    closed = start_thread(UserFactory(), title="Tråden i den stängda kategorin")
    method = make_method("Metoden som avpubliceras")
    kept = make_method("Metoden som finns kvar")
    for target in (thread, closed):
        save_thread(member_client, target)
    for target in (method, kept):
        save_page(member_client, target)

    Thread.objects.filter(pk=thread.pk).update(is_hidden=True)
    forum_category().restricted_to_municipalities.set([Municipality.objects.get(slug="jarfalla")])
    method.unpublish()

    html = member_client.get(SAVED).content.decode()
    assert "Metoden som finns kvar" in html
    for gone in ("Tråden som döljs", "Tråden i den stängda kategorin", "Metoden som avpubliceras"):
        assert gone not in html
    assert Bookmark.objects.filter(user=member).count() == 4  # out of sight, not deleted: they return with the page


def test_nobody_saves_what_they_may_not_see_nor_the_start_page(member_client, member, make_method):
    jarfalla_only = forum_category("metodfragor")
    closed = start_thread(UserFactory(), category=jarfalla_only)
    jarfalla_only.restricted_to_municipalities.set([Municipality.objects.get(slug="jarfalla")])
    draft = make_method("Utkast", publish=False, live=False)

    assert save_thread(member_client, closed).status_code == 403
    assert save_page(member_client, draft).status_code == 404
    assert save_page(member_client, HomePage.objects.get()).status_code == 404
    assert not Bookmark.objects.filter(user=member).exists()


def test_saving_returns_only_to_addresses_inside_the_site(member_client):
    thread = start_thread(UserFactory())
    assert save_thread(member_client, thread, next=SAVED)["Location"] == SAVED
    assert save_thread(member_client, thread, next="https://evil.example/")["Location"] == thread.get_absolute_url()


def test_a_get_saves_nothing(member_client, member):
    thread = start_thread(UserFactory())
    assert member_client.get(reverse("forum:bookmark_thread", args=[thread.pk]), {"save": "1"}).status_code == 405
    assert not Bookmark.objects.exists()


def test_saved_runs_the_same_queries_for_2_and_20_bookmarks(member_client, member, make_method, settings):
    settings.FORUM_POSTS_PER_MINUTE = 10_000

    def save(count, start):
        author = UserFactory()
        for number in range(start, start + count):
            services.set_bookmarked(member, saved=True, thread=start_thread(author, rate_limited=False))
            services.set_bookmarked(member, saved=True, page=make_method(f"Metod {number}"))

    save(1, 0)
    member_client.get(SAVED)
    few = queries_for(member_client, SAVED)
    save(10, 1)
    assert queries_for(member_client, SAVED) == few
