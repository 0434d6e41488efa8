import pytest

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Municipality
from forum import notifications, services
from forum.models import Notification
from tests.conftest import queries_for, queries_rendering
from tests.factories import UserFactory, forum_category, start_thread

pytestmark = pytest.mark.django_db

CENTRE = "/forum/notiser/"


@pytest.fixture
def english(member_client):
    """Assertions read the English text, which stays the same when the Swedish catalogue changes."""
    member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return member_client


def notify(recipient, count, *, actor=None, thread=None, kind="reply"):
    thread = thread or start_thread(UserFactory(), title="Hur pratar ni med barn om våld hemma?")
    actor = actor or UserFactory(first_name="Anna", last_name="Larsson")
    return Notification.objects.bulk_create(
        Notification(recipient=recipient, kind=kind, thread=thread, post=thread.posts.first(), actor=actor)
        for _ in range(count)
    )


def test_the_centre_says_what_happened_newest_first_and_marks_unread_in_words(english, member):
    thread = start_thread(member, title="Hur pratar ni med barn om våld hemma?")
    anna = UserFactory(first_name="Anna", last_name="Larsson")
    services.reply(thread, author=UserFactory(first_name="Bo", last_name="Ek"), body="Svar")
    services.reply(thread, author=anna, body=f"@{member.email} vad tror du?")
    Notification.objects.filter(kind="reply").update(read_at="2026-01-01T00:00Z")

    content = english.get(reverse("forum:notifications")).content.decode()

    # The Swedish title inside the English sentence is marked as Swedish for screen readers.
    title = '<span lang="sv">Hur pratar ni med barn om våld hemma?</span>'
    mention = content.index(f"Anna Larsson mentioned you in {title}")
    assert mention < content.index(f"Bo Ek replied in {title}")
    assert content.count(">Unread<") == 1
    assert content.index(">Unread<") < mention
    assert f'href="/forum/notiser/{Notification.objects.get(kind="mention").pk}/"' in content


def test_opening_a_notification_marks_it_read_and_goes_to_the_post(member_client, member):
    thread = start_thread(member)
    post = services.reply(thread, author=UserFactory(), body="Svar")
    notification = Notification.objects.get(recipient=member)

    response = member_client.get(reverse("forum:open_notification", args=[notification.pk]))

    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_nobody_can_open_someone_elses_notification(member_client, colleague):
    (notification,) = notify(colleague, 1)
    response = member_client.get(reverse("forum:open_notification", args=[notification.pk]))
    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_all_as_read_is_a_post_button_that_clears_the_count(english, member):
    notify(member, 3)
    assert "Mark all as read" in english.get(CENTRE).content.decode()

    assert english.get(reverse("forum:mark_notifications_read")).status_code == 405
    response = english.post(reverse("forum:mark_notifications_read"), follow=True)

    assert "All notifications are marked as read." in response.content.decode()
    assert Notification.objects.unread_count(member) == 0
    assert "Mark all as read" not in response.content.decode()


def test_notifications_about_threads_one_may_no_longer_see_disappear(english, member):
    hidden_thread = start_thread(UserFactory(), title="Dold tråd")
    restricted_thread = start_thread(UserFactory(), title="Begränsad tråd", category=forum_category("samverkan"))
    (hidden,) = notify(member, 1, thread=hidden_thread)
    (restricted,) = notify(member, 1, thread=restricted_thread)
    notify(member, 1)
    hidden_thread.is_hidden = True
    hidden_thread.save()
    restricted_thread.category.restricted_to_municipalities.add(Municipality.objects.get(slug="jarfalla"))

    content = english.get(CENTRE).content.decode()

    assert "Dold tråd" not in content and "Begränsad tråd" not in content
    assert "Hur pratar ni med barn" in content
    assert Notification.objects.unread_count(member) == 1
    for notification in (hidden, restricted):
        assert english.get(reverse("forum:open_notification", args=[notification.pk])).status_code == 404


def test_the_centre_shows_twenty_a_page_and_any_page_value_gives_a_page(english, member):
    notify(member, 25)
    assert english.get(CENTRE).content.decode().count('class="notification__link"') == 20
    last = english.get(CENTRE + "?page=2").content.decode()
    assert last.count('class="notification__link"') == 5
    assert "Page 2 of 2" in last
    for bad in ("abc", "0", "-1", "999", "1e3", ""):
        response = english.get(CENTRE + f"?page={bad}")
        assert response.status_code == 200
        assert "Page " in response.content.decode()


def test_an_empty_centre_explains_what_will_show_up(english):
    content = english.get(CENTRE).content.decode()
    assert "No notifications yet." in content
    assert "Mark all as read" not in content


def test_the_centre_runs_the_same_number_of_queries_for_5_and_50_notifications(member_client, member):
    notify(member, 5)
    queries_for(member_client, CENTRE)  # warm the per-process caches
    few = queries_rendering(member_client, CENTRE)
    for _ in range(5):
        notify(member, 9)  # each with its own thread, category and actor
    assert Notification.objects.filter(recipient=member).count() == 50
    assert queries_rendering(member_client, CENTRE) == few


def test_the_header_shows_the_unread_count_to_eyes_and_screen_readers(english, member):
    notify(member, 3)
    content = english.get("/forum/").content.decode()
    assert '<span class="visually-hidden">, 3 unread</span>' in content
    assert '<span class="notifications-link__count" aria-hidden="true">3</span>' in content

    notifications.mark_all_read(member)
    content = english.get("/forum/").content.decode()
    assert 'href="/forum/notiser/"' in content
    assert "notifications-link__count" not in content


def test_the_header_count_takes_two_queries_however_many_are_unread_and_one_when_none_is(
    member_client, member, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert Notification.objects.unread_count(member) == 0
    notify(member, 1)
    queries_for(member_client, "/forum/")
    one = queries_for(member_client, "/forum/")
    notify(member, 30)
    assert queries_for(member_client, "/forum/") == one
    member.__dict__.pop("_role_names", None)
    with django_assert_num_queries(2):
        assert Notification.objects.unread_count(member) == 31


def test_the_login_page_shows_no_count(client, db):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert "notifications-link" not in response.content.decode()


def test_the_profile_page_offers_the_email_frequency_as_radio_buttons_and_saves_it(english, member):
    content = english.get(reverse("accounts:profile")).content.decode()
    assert content.count('type="radio" name="notification_email"') == 4
    assert "<legend" in content and "E-mail about forum notifications" in content

    response = english.post(
        reverse("accounts:profile"),
        {"first_name": "Kim", "last_name": "Testsson", "job_title": "", "sector": "", "notification_email": "weekly"},
        follow=True,
    )
    assert "E-mail about notifications: a weekly digest." in response.content.decode()
    member.refresh_from_db()
    assert member.notification_email == "weekly"


def test_an_unknown_email_frequency_is_refused_with_a_message(english, member):
    response = english.post(
        reverse("accounts:profile"),
        {"first_name": "Kim", "last_name": "Testsson", "job_title": "", "sector": "", "notification_email": "hourly"},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    member.refresh_from_db()
    assert member.notification_email == "immediately"


LATEST = reverse("forum:latest_notifications")
FROM_THE_SCRIPT = {"HTTP_X_REQUESTED_WITH": "notifications-menu"}


def test_the_headers_list_shows_the_five_latest_it_may_and_links_to_the_centre(english, member):
    notify(member, 6)
    hidden = start_thread(UserFactory(), title="Dold tråd")
    latest = notify(member, 1, thread=hidden)[0]
    hidden.is_hidden = True
    hidden.save()

    response = english.get(LATEST, **FROM_THE_SCRIPT)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html  # a piece for the header, not a page
    assert html.count('class="notification ') == 5
    assert f"/forum/notiser/{latest.pk}/" not in html and "Dold tråd" not in html
    assert f'href="{CENTRE}"' in html and "All notifications" in html
    assert "X-Requested-With" in response["Vary"]


def test_the_headers_list_says_when_there_is_nothing(english, member):
    assert "No notifications yet." in english.get(LATEST, **FROM_THE_SCRIPT).content.decode()


def test_a_browser_opening_the_headers_list_is_shown_the_centre(member_client):
    response = member_client.get(LATEST)
    assert response.status_code == 302
    assert response["Location"] == CENTRE


def test_the_header_links_to_the_centre_and_names_the_list_for_the_script(member_client, member):
    notify(member, 2)
    html = member_client.get("/").content.decode()
    assert f'data-latest-url="{LATEST}"' in html
    assert f'<a class="notifications-link" href="{CENTRE}"' in html
    assert "2 olästa" in html


def queries_for_the_list(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(LATEST, **FROM_THE_SCRIPT).status_code == 200
    return len(captured)


def test_the_headers_list_runs_the_same_queries_for_2_and_12_notifications(member_client, member):
    notify(member, 2)
    member_client.get(LATEST, **FROM_THE_SCRIPT)
    few = queries_for_the_list(member_client)
    notify(member, 10)
    assert queries_for_the_list(member_client) == few
