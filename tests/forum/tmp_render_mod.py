import pytest
from django.urls import reverse
from forum import moderation, services
from forum.models import ReportReason
from tests.factories import add_replies, start_thread
from knowledge.services import ensure_sections

pytestmark = pytest.mark.django_db


def test_dump(client, member, moderator, colleague):
    ensure_sections()
    thread = start_thread(
        member,
        title="Samtal med tonåringar",
        body="Hur **börjar** ni samtalet?\n\n> citat",
        tags=["Skola", "våld i nära relationer"],
    )
    replies = add_replies(thread, 3)
    services.edit_post(replies[0], by=replies[0].author, body="Svar nummer 1.\nNy rad.", version=1)
    services.report_post(replies[0], by=member, reason=ReportReason.PERSONAL_DATA, explanation="Namn")
    services.report_post(replies[0], by=colleague, reason=ReportReason.OTHER)
    services.accept_answer(replies[1], by=member)
    moderation.hide_post(replies[2], by=moderator, reason="Spam")
    moderator.groups.add(
        *__import__("django.contrib.auth.models", fromlist=["Group"]).Group.objects.filter(name="Redaktör")
    )
    client.force_login(moderator)
    for name, url in {
        "queue": reverse("forum_admin:queue"),
        "post": reverse("forum_admin:post", args=[replies[0].pk]),
        "thread": reverse("forum_admin:thread", args=[thread.pk]),
        "hidden": reverse("forum_admin:hidden"),
        "log": reverse("forum_admin:log"),
        "solved": reverse("forum_admin:solved"),
        "home": reverse("wagtailadmin_home"),
        "cats": reverse("wagtailsnippets_forum_category:list"),
        "catadd": reverse("wagtailsnippets_forum_category:add"),
    }.items():
        r = client.get(url)
        assert r.status_code == 200, name
        open(f"/tmp/kf_out/{name}.html", "w").write(r.content.decode())
    r = client.post(
        reverse("forum_admin:post", args=[replies[0].pk]),
        {"action": "redact", "redact-fragment": "nope", "redact-reason": ""},
    )
    open("/tmp/kf_out/post_err.html", "w").write(r.content.decode())
