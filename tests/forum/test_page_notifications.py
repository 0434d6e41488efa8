"""People following a tag hear of a new page with it (an event of the campaign month) as they do of a new thread:
once, only if they may see it, in the notification centre and by e-mail as they chose, never with its text."""

from io import StringIO

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from taggit.models import Tag
from wagtail.models import PageViewRestriction

from accounts import roles
from events.models import EventPage
from forum import services
from forum.models import Notification
from forum.notifications import notify_tag_followers_of_page
from tests.conftest import queries_for, queries_rendering
from tests.factories import UserFactory, start_thread
from tests.factories.events import make_event

pytestmark = pytest.mark.django_db

SECRET_DESCRIPTION = "Beskrivningen stannar i intranätet XYZZY-2612"
SECRET_SUMMARY = "Sammanfattningen stannar också FROTZ-1312"
CENTRE = "/forum/notiser/"


def following(person, *names):
    for name in names:
        services.set_following(person, follow=True, tag=Tag.objects.get_or_create(name=name)[0])
    return person


def publish_event(title="Workshop om trygga skolor", *, tags=("Skola",), **fields):
    fields.setdefault("summary", SECRET_SUMMARY)
    fields.setdefault("description", [("paragraph", f"<p>{SECRET_DESCRIPTION}</p>")])
    return make_event(title, tags=tags, **fields)


def notified(event):
    return sorted(Notification.objects.filter(page=event).values_list("recipient__email", "kind"))


def test_an_active_follower_of_any_of_its_tags_hears_once_of_a_new_event_and_its_owner_not_at_all(member, editor):
    following(member, "Skola", "Barn")
    following(editor, "Barn")
    owner = following(UserFactory(roles=[roles.EDITOR]), "Skola")
    following(UserFactory(roles=[roles.EMPLOYEE]), "Annat")
    following(UserFactory(roles=[roles.EMPLOYEE], is_active=False), "Skola")

    event = publish_event(tags=["Skola", "Barn"], owner=owner)

    assert notified(event) == sorted([(member.email, "page_tag"), (editor.email, "page_tag")])


def test_publishing_again_after_an_edit_or_an_unpublication_tells_nobody_again(member):
    following(member, "Skola")
    event = publish_event()
    event = EventPage.objects.get(pk=event.pk)
    event.save_revision().publish()
    event.unpublish()
    event.save_revision().publish()
    assert Notification.objects.filter(recipient=member).count() == 1


def test_a_draft_tells_nobody_until_it_is_published(member):
    following(member, "Skola")
    draft = publish_event(publish=False)
    assert not Notification.objects.exists()
    EventPage.objects.get(pk=draft.pk).save_revision().publish()
    assert notified(draft) == [(member.email, "page_tag")]


def test_an_event_for_editors_only_is_told_only_to_followers_who_may_see_it(member, editor):
    following(member, "Skola")
    following(editor, "Skola")
    draft = publish_event("Workshop för redaktörer", publish=False)
    restriction = PageViewRestriction.objects.create(page=draft, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.EDITOR))

    EventPage.objects.get(pk=draft.pk).save_revision().publish()

    assert notified(draft) == [(editor.email, "page_tag")]


def test_the_email_names_the_event_and_links_to_it_but_never_its_text(member, django_capture_on_commit_callbacks):
    following(member, "Skola")
    with django_capture_on_commit_callbacks(execute=True):
        event = publish_event()

    (message,) = mail.outbox
    notification = Notification.objects.get(recipient=member)
    assert message.to == [member.email]
    assert message.subject == "Kunskapsforum: Nytt på en tagg du följer: Workshop om trygga skolor"
    assert f"Titel: {event.title}" in message.body
    assert f"http://testserver/forum/notiser/{notification.pk}/" in message.body
    for secret in ("XYZZY", "FROTZ", event.place):
        assert secret not in message.body and secret not in message.subject
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_the_daily_digest_lists_a_new_event_with_its_link(member):
    member.notification_email = "daily"
    member.save()
    following(member, "Skola")
    publish_event()
    call_command("send_digests", "daily", stdout=StringIO())
    (message,) = mail.outbox
    notification = Notification.objects.get(recipient=member)
    assert "Nytt på en tagg du följer: Workshop om trygga skolor" in message.body
    assert f"http://testserver/forum/notiser/{notification.pk}/" in message.body
    assert "XYZZY" not in message.body and "FROTZ" not in message.body


def test_the_centre_shows_the_event_and_opening_it_marks_it_read_and_goes_to_the_event(member_client, member):
    following(member, "Skola")
    event = publish_event()
    notification = Notification.objects.get(recipient=member)

    content = member_client.get(CENTRE).content.decode()
    assert "Nytt på en tagg du följer: Workshop om trygga skolor" in content
    assert f'href="/forum/notiser/{notification.pk}/"' in content

    response = member_client.get(reverse("forum:open_notification", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == event.url
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_an_event_unpublished_or_restricted_since_is_no_longer_shown_counted_or_opened(member_client, member):
    following(member, "Skola")
    event = publish_event()
    notification = Notification.objects.get(recipient=member)
    assert Notification.objects.unread_count(member) == 1

    event.unpublish()
    assert Notification.objects.unread_count(member) == 0
    assert "Workshop om trygga skolor" not in member_client.get(CENTRE).content.decode()
    assert member_client.get(reverse("forum:open_notification", args=[notification.pk])).status_code == 404

    EventPage.objects.get(pk=event.pk).save_revision().publish()
    assert Notification.objects.unread_count(member) == 1
    restriction = PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.EDITOR))
    assert Notification.objects.unread_count(member) == 0


def test_the_centre_runs_the_same_queries_with_page_and_thread_notifications_mixed(member_client, member):
    following(member, "Skola")
    thread = start_thread(UserFactory(), title="Hur pratar ni med barn om våld hemma?")
    Notification.objects.create(recipient=member, kind="reply", thread=thread, post=thread.posts.first())
    publish_event("Evenemang 0")
    queries_for(member_client, CENTRE)  # warm the per-process caches
    few = queries_rendering(member_client, CENTRE)
    for number in range(1, 8):
        publish_event(f"Evenemang {number}")
        Notification.objects.create(recipient=member, kind="reply", thread=thread, post=thread.posts.first())
    assert Notification.objects.filter(recipient=member, page__isnull=False).count() == 8
    assert queries_rendering(member_client, CENTRE) == few


def test_the_verb_tells_nobody_twice_about_the_same_page(member):
    following(member, "Skola")
    event = publish_event()
    assert notify_tag_followers_of_page(event, event.tags.all()) == []
    assert notify_tag_followers_of_page(event, []) == []
    assert Notification.objects.filter(recipient=member).count() == 1


def test_a_notification_names_exactly_one_of_a_thread_and_a_page(member):
    thread = start_thread(UserFactory())
    event = publish_event(tags=())
    for target in ({}, {"thread": thread, "page": event}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Notification.objects.create(recipient=member, kind="page_tag", **target)


BEFORE_PAGES = [("forum", "0002_seed_categories_and_permissions")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_notifications_made_before_the_migration_keep_their_thread_and_still_show(member):
    thread = start_thread(UserFactory(), title="Från före flytten")
    executor = MigrationExecutor(connection)
    old_apps = executor.migrate(BEFORE_PAGES).apps
    old_apps.get_model("forum", "Notification").objects.create(
        recipient_id=member.pk, kind="reply", thread_id=thread.pk, post_id=thread.posts.get().pk
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    notification = Notification.objects.get()
    assert (notification.thread, notification.page) == (thread, None)
    assert list(Notification.objects.for_person(member)) == [notification]
    assert notification.describe().endswith("Från före flytten")
