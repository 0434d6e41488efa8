"""What a moderator takes away leaves the search at once, even while the task worker has not run."""

import pytest
from django_tasks_db.models import DBTaskResult

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

from accounts import roles
from forum import moderation, services
from forum.models import Category
from knowledge.models import HomePage, MethodIndexPage
from search.models import SearchDocument
from tests.factories import UserFactory, start_thread


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[roles.EMPLOYEE, roles.MODERATOR])


@pytest.fixture
def worker_not_running(settings):
    """Production's task backend from here on: index updates wait in the database for a worker that never comes."""

    def switch():
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    return switch


def found(client, text):
    """What the search page, the API and the suggestions list for `text`: (kind, title) pairs, each its own list."""
    page = client.get(reverse("search:search"), {"q": text}).context["results"].hits
    api = client.get(reverse("search:api"), {"q": text}).json()["results"]
    suggested = client.get(reverse("search:suggest"), {"q": text}).json()["suggestions"]
    return (
        [(hit.kind, hit.title) for hit in page],
        [(hit["type"], hit["title"]) for hit in api],
        [(hit["type"], hit["label"]) for hit in suggested if hit["type"] != "tagg"],
    )


NOTHING = ([], [], [])


def logged_in(person):
    client = Client()
    client.force_login(person)
    return client


def test_a_hidden_reply_is_no_longer_found_before_the_worker_runs(member_client, moderator, worker_not_running):
    thread = start_thread(title="Skyddsbedömning i praktiken", body="Hur gör ni?")
    reply = services.reply(thread, author=UserFactory(), body="Vi använder Patriarkformuläret varje gång.")
    assert found(member_client, "patriarkformuläret")[0] == [("inlagg", "Skyddsbedömning i praktiken")]
    worker_not_running()
    assert moderation.hide_post(reply, by=moderator, reason="Fel tråd")
    assert DBTaskResult.objects.exists()  # the index update was queued for the worker, which never ran
    assert found(member_client, "patriarkformuläret") == NOTHING


def test_a_hidden_thread_and_its_replies_are_no_longer_found(member_client, moderator, worker_not_running):
    thread = start_thread(title="Skyddsbedömning i praktiken", body="Hur gör ni?")
    services.reply(thread, author=UserFactory(), body="Vi använder Patriarkformuläret varje gång.")
    assert found(member_client, "skyddsbedömning") != NOTHING
    worker_not_running()
    assert moderation.hide_thread(thread, by=moderator, reason="Olämplig")
    assert found(member_client, "skyddsbedömning") == NOTHING
    assert found(member_client, "patriarkformuläret") == NOTHING


def test_a_thread_moved_to_a_room_the_member_may_not_enter_is_no_longer_found_by_them(
    member_client, moderator, worker_not_running, editor
):
    room = Category.objects.create(name="Redaktionens rum", slug="redaktionens-rum")
    room.restricted_to_groups.add(Group.objects.get(name=roles.EDITOR))
    thread = start_thread(title="Skyddsbedömning i praktiken", body="Hur gör ni?")
    services.reply(thread, author=UserFactory(), body="Vi använder Patriarkformuläret varje gång.")
    assert found(member_client, "skyddsbedömning") != NOTHING
    worker_not_running()
    assert moderation.move_thread(thread, by=moderator, category=room, reason="Hör hemma här")
    assert found(member_client, "skyddsbedömning") == NOTHING
    assert found(member_client, "patriarkformuläret") == NOTHING
    assert found(logged_in(editor), "patriarkformuläret")[0] == [("inlagg", "Skyddsbedömning i praktiken")]


def test_redacted_words_are_found_by_nobody_before_the_worker_runs(member_client, moderator, worker_not_running):
    thread = start_thread(title="Orosanmälan för Lindqvists barn", body="Lindqvist har tre barn. Hur gör vi?")
    reply = services.reply(thread, author=UserFactory(), body="Ring Lindqvist och boka ett möte om orosanmälan.")
    assert found(member_client, "lindqvist") != NOTHING
    worker_not_running()
    assert moderation.redact_post(reply, by=moderator, fragment="Lindqvist", reason="Namn")
    superuser = UserFactory(is_superuser=True)
    for person in (moderator, superuser):
        assert found(logged_in(person), "lindqvist") == NOTHING
        assert found(logged_in(person), "lindqvists") == NOTHING
    assert found(member_client, "lindqvist") == NOTHING
    assert [title for _kind, title in found(member_client, "orosanmälan")[0]] == [
        "Orosanmälan för [borttaget av moderator]s barn",
        "Orosanmälan för [borttaget av moderator]s barn",
    ]


def test_a_page_moved_into_a_restricted_section_leaves_the_search_with_the_move(
    member_client, make_method, worker_not_running
):
    internal = HomePage.objects.get().add_child(instance=MethodIndexPage(title="Interna metoder", slug="interna"))
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.LOGIN)
    page = make_method("Rutin för skyddsbedömning")
    assert found(member_client, "skyddsbedömning")[0] == [("metod", "Rutin för skyddsbedömning")]
    worker_not_running()
    page.move(internal, pos="last-child")
    assert not SearchDocument.objects.get(object_id=str(page.pk), kind="metod").listed
    assert found(member_client, "skyddsbedömning") == NOTHING
