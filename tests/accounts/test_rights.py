"""A person's rights over their data: the export gathers every app's part, closing anonymises and keeps what others
rely on, and nobody gets someone else's data (accounts/rights.py, accounts/rights_views.py)."""

import json
from datetime import timedelta

import pytest

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from accounts import audit, rights, roles
from accounts.models import ApiToken, User
from accounts.services import create_api_token
from events import services as event_services
from events.models import Registration, RegistrationStatus
from forum import services as forum_services
from forum.models import Bookmark, Notification, Subscription
from search.models import FollowedSearch
from tests.factories.events import EventPageFactory
from tests.factories.forum import start_thread
from tests.factories.people import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def log_of(person, action):
    content_type = ContentType.objects.get_for_model(User)
    return ModelLogEntry.objects.filter(content_type=content_type, object_id=str(person.pk), action=action)


@pytest.fixture
def busy_member(member):
    """A member who has written, edited, marked, followed, saved, registered and made a token."""
    thread = start_thread(member, title="Samtal med barn", body="Första versionen.")
    post = thread.posts.get(number=1)
    forum_services.edit_post(post, by=member, body="Andra versionen.", version=post.version, rate_limited=False)
    other = UserFactory(first_name="Alva", last_name="Annan")
    reply = forum_services.reply(thread, author=other, body="Ett svar till dig.")
    forum_services.mark_helpful(reply, by=member)
    forum_services.set_bookmarked(member, saved=True, thread=thread)
    FollowedSearch.objects.create(user=member, text="hedersförtryck")
    event_services.register(EventPageFactory(title="Föreläsning om våld"), member)
    create_api_token(member, name="Rapportskript")
    return member


def test_the_export_gathers_every_apps_part_and_never_a_tokens_hash(busy_member):
    data = rights.personal_data(busy_member)

    assert data["profile"]["email"] == busy_member.email
    assert [thread["title"] for thread in data["forum_threads"]] == ["Samtal med barn"]
    assert [revision["text"] for revision in data["forum_posts"][0]["revisions"]][-1] == "Andra versionen."
    assert "Första versionen." in [revision["text"] for revision in data["forum_posts"][0]["revisions"]]
    assert len(data["forum_helpful_marks"]) == 1
    assert data["bookmarks"][0]["thread"] == "Samtal med barn"
    assert data["forum_follows"][0]["thread"] == "Samtal med barn"
    assert data["notifications"][0]["kind"]
    assert data["followed_searches"][0]["words"] == "hedersförtryck"
    assert data["event_registrations"][0]["event"] == "Föreläsning om våld"
    assert data["api_tokens"][0]["name"] == "Rapportskript"
    text = json.dumps(data, ensure_ascii=False)
    assert ApiToken.objects.get(user=busy_member).key_hash not in text
    assert "Alva" not in text  # nothing about the people who replied


def test_a_person_downloads_their_own_data_as_a_json_attachment_and_it_is_logged(client, busy_member):
    client.force_login(busy_member)

    response = client.post(reverse("accounts:download_my_data"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert json.loads(response.content)["profile"]["email"] == busy_member.email
    assert log_of(busy_member, audit.DATA_EXPORTED).filter(user=busy_member).count() == 1


@pytest.mark.parametrize("url_name", ["accounts:my_data", "accounts:download_my_data"])
def test_asking_for_someone_elses_data_is_refused_clearly_and_logged(client, member, url_name):
    other = UserFactory(first_name="Alva", last_name="Annan")
    client.force_login(member)

    response = client.post(reverse(url_name), {"person": str(other.pk)})

    assert response.status_code == 403
    assert "You can only download your own data" in response.content.decode() or "egna uppgifter" in (
        response.content.decode()
    )
    assert other.email not in response.content.decode()
    assert log_of(other, audit.DATA_EXPORT_REFUSED).filter(user=member).count() == 1
    assert not log_of(other, audit.DATA_EXPORTED).exists()


@pytest.mark.parametrize("asked_for", ["abc", "99999999999999999999999", "-1", "987654321"])
def test_a_nonsense_or_unknown_person_is_refused_without_a_server_error(client, member, asked_for):
    client.force_login(member)

    response = client.get(reverse("accounts:my_data"), {"person": asked_for})

    assert response.status_code == 403
    assert log_of(member, audit.DATA_EXPORT_REFUSED).count() == 1


def test_naming_oneself_downloads_as_usual(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:download_my_data"), {"person": str(member.pk)})
    assert response.status_code == 200


def test_a_get_of_the_download_is_refused(client, member):
    client.force_login(member)
    assert client.get(reverse("accounts:download_my_data")).status_code == 405


def test_closing_anonymises_keeps_threads_readable_and_removes_what_served_only_the_person(busy_member):
    thread = busy_member.forum_threads.get()
    old_email = busy_member.email
    later_event = EventPageFactory(title="Fullt seminarium", capacity=1)
    event_services.register(later_event, busy_member)
    waiting = UserFactory()
    event_services.register(later_event, waiting)

    assert rights.close_account(busy_member, by=busy_member) is True

    person = User.objects.get(pk=busy_member.pk)
    assert str(person) in ("Tidigare medarbetare", "Former colleague")
    assert person.first_name == "Tidigare" and person.last_name == "medarbetare"
    assert person.email.endswith("@" + rights.CLOSED_EMAIL_DOMAIN) and old_email not in person.email
    assert not person.has_usable_password() and not person.is_active
    assert person.job_title == "" and person.municipality is None and not person.groups.exists()
    assert not ApiToken.objects.filter(user=person).exists()
    assert not Subscription.objects.filter(user=person).exists()
    assert not Bookmark.objects.filter(user=person).exists()
    assert not Notification.objects.filter(recipient=person).exists()
    assert not FollowedSearch.objects.filter(user=person).exists()
    # What others rely on stays: the thread and its posts, and the place goes to the next in line.
    assert thread.posts.count() == 2
    assert thread.posts.get(number=1).body == "Andra versionen."
    assert not Registration.objects.active().filter(person=person).exists()
    assert Registration.objects.get(event=later_event, person=waiting).status == RegistrationStatus.REGISTERED
    # The act is logged with the id; no label of the account's log keeps the old name.
    entry = log_of(person, audit.ACCOUNT_CLOSED).get()
    assert entry.data["account"] == person.pk
    assert not log_of(person, audit.DATA_EXPORTED).filter(label__contains="Testsson").exists()
    assert not ModelLogEntry.objects.filter(label__contains=busy_member.last_name).exists()


def test_closing_twice_does_nothing_the_second_time(member):
    assert rights.close_account(member, by=member) is True
    assert rights.close_account(member, by=member) is False
    assert log_of(member, audit.ACCOUNT_CLOSED).count() == 1


def test_the_old_address_can_be_used_for_a_new_account(member):
    old_email = member.email
    rights.close_account(member, by=member)
    assert UserFactory(email=old_email).pk != member.pk


def test_a_thread_of_a_closed_account_reads_former_colleague(client, member):
    thread = start_thread(member, title="En tråd som finns kvar")
    old_name = member.get_full_name()
    rights.close_account(member, by=member)
    reader = UserFactory()
    client.force_login(reader)

    page = client.get(thread.get_absolute_url()).content.decode()

    assert "En tråd som finns kvar" in page
    assert old_name not in page
    assert "Tidigare medarbetare" in page


def test_a_person_closes_their_account_with_their_password_and_is_signed_out(client, member):
    client.force_login(member)

    wrong = client.post(reverse("accounts:close_account"), {"password": "fel"})
    assert wrong.status_code == 200 and User.objects.get(pk=member.pk).closed_at is None

    response = client.post(reverse("accounts:close_account"), {"password": TEST_PASSWORD})

    assert response.status_code == 302
    assert User.objects.get(pk=member.pk).closed_at is not None
    assert client.get(reverse("accounts:profile")).status_code == 302  # signed out


def test_a_closed_account_trying_to_sign_in_is_refused_with_a_clear_message(client, member):
    email = member.email
    rights.close_account(member, by=member)

    response = client.post(reverse("accounts:login"), {"username": email, "password": TEST_PASSWORD})

    assert response.status_code == 200
    text = response.content.decode()
    assert "stängts" in text or "has been closed" in text
    assert "_auth_user_id" not in client.session


def test_an_administrator_exports_and_closes_a_person_in_the_user_admin(client, member):
    administrator = UserFactory(roles=[roles.ADMINISTRATOR])
    client.force_login(administrator)

    export = client.post(reverse("wagtailusers_users:export_personal_data", args=[member.pk]))
    assert export.status_code == 200
    assert json.loads(export.content)["profile"]["email"] == member.email
    assert log_of(member, audit.DATA_EXPORTED).filter(user=administrator).count() == 1

    closed = client.post(reverse("wagtailusers_users:close_account", args=[member.pk]))
    assert closed.status_code == 302
    assert User.objects.get(pk=member.pk).closed_at is not None
    assert log_of(member, audit.ACCOUNT_CLOSED).get().user_id == administrator.pk


def test_a_member_cannot_export_from_the_user_admin_and_the_attempt_is_logged(client, member):
    other = UserFactory()
    client.force_login(member)
    response = client.post(reverse("wagtailusers_users:export_personal_data", args=[other.pk]))
    assert response.status_code in (302, 403)
    assert not log_of(other, audit.DATA_EXPORTED).exists()
    assert log_of(other, audit.DATA_EXPORT_REFUSED).filter(user=member).count() == 1


def test_registrations_for_past_events_stay_as_the_record_of_attendance(member):
    event = EventPageFactory()
    event_services.register(event, member)
    later = timezone.now() + timedelta(days=30)  # the event has happened by then
    rights.close_account(member, by=member, now=later)
    assert Registration.objects.get(event=event, person=member).status == RegistrationStatus.REGISTERED
