"""The pages where moderation closes the loop: the author's hidden post, the moderator's desk, the queue's count."""

import json
import re

import pytest

from django.urls import reverse

from forum import moderation, services
from forum.models import Notification, NotificationKind, Report, ReportReason
from tests.conftest import queries_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SECRET = "Familjen på Storgatan 4 vet ni nog vilka det är XYZZY"


@pytest.fixture
def hidden(talk, writer, moderator):
    reply = services.reply(talk, author=writer, body=SECRET)
    moderation.hide_post(reply, by=moderator, reason="Pekar ut en familj.")
    reply.refresh_from_db()
    return reply


def signed_in(client, user):
    client.force_login(user)
    return client


def test_the_author_opens_the_notice_and_lands_on_the_hidden_post_with_the_reason(client, hidden, writer):
    signed_in(client, writer)
    notice = Notification.objects.get(recipient=writer, kind=NotificationKind.HIDDEN)
    response = client.get(reverse("forum:open_notification", args=[notice.pk]), follow=True)

    assert response.redirect_chain[-1][0] == reverse("forum:edit_post", args=[hidden.pk])
    page = response.content.decode()
    assert "En moderator har dolt ditt inlägg" in page
    assert "Skälet: Pekar ut en familj." in page
    assert "Spara och be att det visas igen" in page
    assert "id_message" in page


def test_nobody_else_finds_the_hidden_post_to_edit(client, hidden, member):
    signed_in(client, member)
    assert client.get(reverse("forum:edit_post", args=[hidden.pk])).status_code == 404


def test_saving_asks_for_it_back_and_the_thread_shows_the_author_that_it_waits(client, hidden, writer, talk):
    signed_in(client, writer)
    url = reverse("forum:edit_post", args=[hidden.pk])
    response = client.post(url, {"body": "Vi bokar tolk.", "version": hidden.version, "message": "Adressen är borta."})

    assert response["Location"] == hidden.get_absolute_url()
    request = Report.objects.get()
    assert (request.reason, request.explanation) == (ReportReason.RESTORE_REQUEST, "Adressen är borta.")
    page = client.get(talk.get_absolute_url()).content.decode()
    assert "Du har bett att det visas igen. Moderatorerna har inte svarat ännu." in page
    assert "Vi bokar tolk." not in page  # still hidden, for its author too
    assert "Du bad att det skulle visas igen" in client.get(url).content.decode()


def test_the_thread_shows_the_author_of_a_hidden_reply_the_way_back_and_others_nothing_more(
    client, hidden, writer, member, talk
):
    page = signed_in(client, writer).get(talk.get_absolute_url()).content.decode()
    assert "En moderator har dolt ditt inlägg. Skälet: Pekar ut en familj." in page
    assert reverse("forum:edit_post", args=[hidden.pk]) in page
    assert "XYZZY" not in page

    page = signed_in(client, member).get(talk.get_absolute_url()).content.decode()
    assert "Inlägget har dolts av en moderator." in page
    assert "Pekar ut en familj" not in page
    assert reverse("forum:edit_post", args=[hidden.pk]) not in page


def test_the_author_of_a_hidden_thread_asks_from_the_opening_post_and_stays_there(client, talk, member, moderator):
    moderation.hide_thread(talk, by=moderator, reason="Hör hemma i ett annat forum")
    opening = talk.posts.get(number=1)
    signed_in(client, member)
    url = reverse("forum:edit_post", args=[opening.pk])
    page = client.get(url).content.decode()
    assert "En moderator har dolt din tråd" in page
    assert "Skälet: Hör hemma i ett annat forum" in page

    response = client.post(url, {"title": talk.title, "body": opening.body, "version": opening.version})
    assert response["Location"] == url  # the talk itself is nowhere to be seen
    assert Report.objects.open().restore_requests().get().post == opening


def test_the_edit_form_for_a_hidden_post_passes_the_guard(client, hidden, writer):
    signed_in(client, writer)
    url = reverse("forum:edit_post", args=[hidden.pk])
    response = client.post(url, {"body": "Vi bokar tolk.", "version": hidden.version, "message": "Ring 850709-1232"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Report.objects.exists()


def test_as_members_see_it_shows_no_text_of_a_hidden_post(client, hidden, moderator):
    page = signed_in(client, moderator).get(reverse("forum_admin:post", args=[hidden.pk])).content.decode()
    members_see = page.split("Så som medlemmarna ser det")[1].split("Källtext")[0]
    assert "XYZZY" not in members_see
    assert "Medlemmarna ser bara att ett inlägg är dolt" in members_see
    assert "XYZZY" in page.split("Källtext")[1]  # the moderator still reads the source


def test_a_visible_post_is_shown_as_members_see_it(client, talk, moderator):
    post = talk.posts.get(number=1)
    page = signed_in(client, moderator).get(reverse("forum_admin:post", args=[post.pk])).content.decode()
    assert "Hur bokar ni tolk?" in page.split("Så som medlemmarna ser det")[1].split("Källtext")[0]


def test_the_moderator_keeps_a_hidden_post_hidden_and_the_author_hears_why(client, hidden, writer, moderator):
    services.ask_to_show_again(hidden, by=writer, body=hidden.body, version=hidden.version)
    signed_in(client, moderator)
    url = reverse("forum_admin:post", args=[hidden.pk])
    page = client.get(url).content.decode()
    assert "Låt det förbli dolt" in page
    assert "Stäng rapporterna" not in page

    response = client.post(url, {"action": "keep_hidden", "keep_hidden-reason": "Familjen går att känna igen"})
    assert response.status_code == 302
    assert not Report.objects.open().exists()
    assert Notification.objects.filter(recipient=writer, kind=NotificationKind.KEPT_HIDDEN).exists()


def test_the_queue_shows_a_request_as_the_authors_not_as_a_report(client, hidden, writer, moderator):
    services.ask_to_show_again(hidden, by=writer, body=hidden.body, version=hidden.version, message="Nu är det rätt")
    page = signed_in(client, moderator).get(reverse("forum_admin:queue")).content.decode()
    assert "Författaren har ändrat det och ber att det visas igen" in page
    assert "rapporterade det" not in page and "person rapporterade" not in page
    assert "Nu är det rätt" in page


def test_a_redaction_shows_every_match_and_removes_nothing_until_confirmed(client, hidden, moderator):
    signed_in(client, moderator)
    url = reverse("forum_admin:post", args=[hidden.pk])
    asked = {"action": "redact", "redact-fragment": "Storgatan 4", "redact-reason": "En adress"}
    page = client.post(url, asked).content.decode()
    assert "Kontrollera innan något tas bort" in page
    assert "Texten finns på 2 ställen." in page
    assert page.count("<mark>Storgatan 4</mark>") == 2
    assert 'name="redact-confirmed" value="True"' in page
    assert "Storgatan 4" in hidden.revisions.get().body

    client.post(url, {**asked, "redact-confirmed": "True"})
    hidden.refresh_from_db()
    assert "Storgatan" not in hidden.body


def menu_labels(client):
    """The labels of the admin's sidebar, as its JSON gives them to the page's script."""
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', page, re.S)
    return re.findall(r'"label": "([^"]*)"', json.dumps(json.loads(props.group(1)), ensure_ascii=False))


def test_moderators_see_how_many_posts_wait_in_the_menu_and_on_the_start_page(client, talk, member, moderator):
    services.report_post(talk.posts.get(number=1), by=UserFactory(), reason=ReportReason.OTHER)
    services.report_post(talk.posts.get(number=1), by=member, reason=ReportReason.OTHER)
    signed_in(client, moderator)
    labels = menu_labels(client)
    assert "Forum (1)" in labels
    assert "Modereringskö (1 väntar)" in labels
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 inlägg väntar på en moderator" in page
    assert reverse("forum_admin:queue") in page


def test_an_empty_queue_adds_no_count_and_editors_see_no_queue(client, moderator, editor):
    signed_in(client, moderator)
    labels = menu_labels(client)
    assert "Forum" in labels and "Modereringskö" in labels
    assert "Modereringskö" in client.get(reverse("wagtailadmin_home")).content.decode()
    signed_in(client, editor)
    assert "forum-moderation-queue" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_count_is_one_query_however_often_it_shows(client, talk, moderator, member):
    signed_in(client, moderator)
    services.report_post(talk.posts.get(number=1), by=member, reason=ReportReason.OTHER)
    queries_for(client, reverse("wagtailadmin_home"))  # warm the per-process caches
    with_one = queries_for(client, reverse("wagtailadmin_home"))
    for index in range(5):
        post = services.reply(talk, author=member, body=f"Svar {index}", rate_limited=False)
        services.report_post(post, by=UserFactory(), reason=ReportReason.OTHER)
    assert queries_for(client, reverse("wagtailadmin_home")) == with_one
