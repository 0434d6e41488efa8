import re
import uuid
from datetime import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from taggit.models import Tag

from forum import moderation, services
from forum.mentions import mentioned_users
from forum.models import Category, Post, Report, Thread
from tests.conftest import queries_for, queries_rendering
from tests.factories import UserFactory, add_replies, forum_category, start_thread

pytestmark = pytest.mark.django_db

PERSONAL_NUMBER = "19850709-9805"  # invented; valid date and check digit


def new_thread_data(**overrides):
    data = {
        "title": "Hur arbetar ni med barn som upplever våld?",
        "kind": "question",
        "category": forum_category().pk,
        "tags": "",
        "body": "Vi bygger upp stödet i **Sigtuna** och vill höra hur ni gör.",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


@pytest.fixture
def many_threads(settings):
    settings.FORUM_POSTS_PER_MINUTE = 10_000

    def make(count):
        author = UserFactory()
        for number in range(count):
            start_thread(author, title=f"Tråd nummer {number}", tags=["Skola", "Fritid"], rate_limited=False)

    return make


def test_the_list_shows_threads_with_newest_activity_first(member_client, member):
    older = start_thread(member, title="Äldre tråd om fritidsgårdar")
    newer = start_thread(member, title="Nyare tråd om orosanmälan")
    add_replies(older, 1)
    response = member_client.get(reverse("forum:index"))
    content = response.content.decode()
    assert content.index(older.title) < content.index(newer.title)


def test_the_list_runs_the_same_number_of_queries_for_10_and_200_threads(member_client, many_threads):
    many_threads(10)
    queries_for(member_client, reverse("forum:index"))  # warm the per-process caches (content types, site)
    few = queries_for(member_client, reverse("forum:index") + "?status=olosta&tagg=skola")
    rendering_few = queries_rendering(member_client, reverse("forum:index") + "?status=olosta&tagg=skola")
    many_threads(190)
    assert Thread.objects.count() == 200
    assert queries_for(member_client, reverse("forum:index") + "?status=olosta&tagg=skola") == few
    assert queries_rendering(member_client, reverse("forum:index") + "?status=olosta&tagg=skola") == rendering_few
    assert queries_for(member_client, reverse("forum:index")) == queries_for(member_client, reverse("forum:index"))


def test_filters_narrow_the_list_and_unknown_values_are_named(member_client, member):
    start_thread(member, title="Om heder", category=forum_category("hedersrelaterat-vald"), kind="idea")
    start_thread(member, title="Om skolan", category=forum_category("forebyggande-arbete"))
    response = member_client.get(reverse("forum:index"), {"kategori": "hedersrelaterat-vald", "typ": "idea"})
    assert "Om heder" in response.content.decode() and "Om skolan" not in response.content.decode()
    response = member_client.get(reverse("forum:index"), {"kategori": "finns-inte", "page": "10000000000"})
    assert response.status_code == 200
    assert "finns-inte" in response.content.decode()


def test_the_filter_form_keeps_the_chosen_values_and_drops_unknown_ones(member_client):
    chosen = {"kategori": "hedersrelaterat-vald", "typ": "idea", "kommun": "sigtuna", "status": "losta"}
    html = member_client.get(reverse("forum:index"), chosen).content.decode()
    assert re.findall(r'<option value="([^"]*)" selected>', html) == list(chosen.values())
    assert 'id="filter-municipality" name="kommun"' in html and ">Sigtuna</option>" in html
    unknown = member_client.get(reverse("forum:index"), {"kommun": "finns-inte", "typ": "annat"}).content.decode()
    assert re.findall(r'<option value="([^"]*)" selected>', unknown) == []


def test_solved_and_unanswered_filters(member_client, member, colleague):
    solved = start_thread(member, title="Löst fråga om skyddat boende")
    services.accept_answer(add_replies(solved, 1, author=colleague)[0], by=member)
    start_thread(member, title="Obesvarad fråga om BBIC")
    solved_page = member_client.get(reverse("forum:index"), {"status": "losta"}).content.decode()
    unanswered_page = member_client.get(reverse("forum:index"), {"status": "obesvarade"}).content.decode()
    assert "Löst fråga" in solved_page and "Obesvarad fråga" not in solved_page
    assert "Obesvarad fråga" in unanswered_page and "Löst fråga" not in unanswered_page


def test_restricted_threads_are_missing_everywhere_for_others(client, member, colleague):
    room = Category.objects.create(name="Sigtuna internt", slug="sigtuna-internt")
    room.restricted_to_municipalities.add(member.municipality)
    thread = start_thread(member, category=room, title="Internt om vår rutin")
    client.force_login(colleague)
    assert "Internt om vår rutin" not in client.get(reverse("forum:index")).content.decode()
    assert "Sigtuna internt" not in client.get(reverse("forum:index")).content.decode()
    refused = client.get(thread.get_absolute_url())
    assert refused.status_code == 403 and "Internt om vår rutin" not in refused.content.decode()
    assert client.post(reverse("forum:reply", args=[thread.pk]), {"body": "hej"}).status_code == 403
    assert thread.posts.count() == 1
    assert client.post(reverse("forum:new_thread"), new_thread_data(category=room.pk)).status_code == 200
    assert not Thread.objects.filter(author=colleague).exists()


def test_the_thread_page_runs_the_same_number_of_queries_for_10_and_200_posts(member_client, member, settings):
    settings.FORUM_POSTS_PER_MINUTE = 10_000
    small = start_thread(member, tags=["Skola"])
    add_replies(small, 9)
    large = start_thread(member, tags=["Skola"])
    add_replies(large, 199)
    queries_for(member_client, small.get_absolute_url())  # warm the per-process caches
    assert queries_for(member_client, small.get_absolute_url()) == queries_for(member_client, large.get_absolute_url())
    assert queries_for(member_client, large.get_absolute_url() + "?page=5") == queries_for(
        member_client, small.get_absolute_url()
    )
    rendering = queries_rendering(member_client, small.get_absolute_url())
    assert queries_rendering(member_client, large.get_absolute_url()) == rendering
    assert queries_rendering(member_client, large.get_absolute_url() + "?page=5") == rendering


def test_long_threads_are_paginated_and_unread_posts_are_marked(client, member, colleague, settings):
    settings.FORUM_POSTS_PER_MINUTE = 10_000
    thread = start_thread(member)
    add_replies(thread, 24, author=colleague)
    client.force_login(member)
    response = client.get(reverse("forum:first_unread", args=[thread.pk]))
    assert response.url == thread.url_of_post(2)
    first_page = client.get(thread.get_absolute_url()).content.decode()
    assert 'id="inlagg-20"' in first_page and 'id="inlagg-21"' not in first_page
    assert "post--new" in first_page
    response = client.get(reverse("forum:first_unread", args=[thread.pk]))
    assert response.url == thread.url_of_post(21) and "?page=2" in response.url


def test_starting_a_thread_with_preview_then_publish(member_client, member):
    data = new_thread_data(tags="")
    preview = member_client.post(reverse("forum:new_thread"), {**data, "preview": "1"})
    assert preview.status_code == 200 and "<strong>Sigtuna</strong>" in preview.content.decode()
    assert not Thread.objects.exists()
    response = member_client.post(reverse("forum:new_thread"), data)
    thread = Thread.objects.get()
    assert response.url == thread.get_absolute_url()
    member_client.post(reverse("forum:new_thread"), data)
    assert Thread.objects.count() == 1


def test_tags_come_from_the_shared_vocabulary(member_client, member):
    start_thread(UserFactory(roles=["Moderator"]), tags=["Våld i nära relationer", "Skola"])
    response = member_client.post(
        reverse("forum:new_thread"), new_thread_data(tags="våld i nära relationer ,  SKOLA, påhittad tagg")
    )
    assert "påhittad tagg" in response.content.decode() and Thread.objects.count() == 1
    response = member_client.post(reverse("forum:new_thread"), new_thread_data(tags="våld i nära relationer, skola"))
    assert sorted(Thread.objects.latest("pk").tags.names()) == ["Skola", "Våld i nära relationer"]
    too_many = new_thread_data(tags="a, b, c, d, e, f")
    assert "At most 5" in member_client.post(reverse("forum:new_thread"), too_many).content.decode() or (
        "Högst 5" in member_client.post(reverse("forum:new_thread"), too_many).content.decode()
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 151}, "title"),
        ({"body": ""}, "body"),
        ({"body": "x" * 20001}, "body"),
        ({"kind": "gossip"}, "kind"),
        ({"category": "999999"}, "category"),
        ({"category": "not-a-number"}, "category"),
    ],
)
def test_bad_input_gives_a_message_and_saves_nothing(member_client, overrides, field):
    response = member_client.post(reverse("forum:new_thread"), new_thread_data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Thread.objects.exists()


def test_script_and_dangerous_links_are_rendered_inert(member_client, member):
    body = (
        "<script>alert(1)</script> <img src=x onerror=alert(1)> [klicka](javascript:alert(1)) "
        "[data](data:text/html;base64,PHNjcmlwdD4=) <a href='https://example.org' onclick='x()'>länk</a>"
    )
    member_client.post(reverse("forum:new_thread"), new_thread_data(body=body))
    html = Post.objects.get().body_html
    tags = re.findall(r"<[^>]*>", html)
    assert tags and all(
        re.fullmatch(r"</?(p|a|strong|em)( href=\"https?://[^\"]*\" rel=\"[a-z ]+\")?>", tag) for tag in tags
    )
    assert "javascript:" not in " ".join(tags) and "<script" not in html and "<img" not in html


def test_an_identity_number_blocks_the_post_and_is_shown_masked(member_client):
    response = member_client.post(
        reverse("forum:new_thread"), new_thread_data(body=f"Flickan med personnummer {PERSONAL_NUMBER} behöver stöd.")
    )
    assert not Thread.objects.exists()
    errors = " ".join(response.context["form"].errors["body"])
    assert "19850709-****" in errors and PERSONAL_NUMBER not in errors
    # The text is given back for correcting, never thrown away.
    assert PERSONAL_NUMBER in response.context["form"]["body"].value()


def test_a_private_phone_number_needs_confirmation(member_client):
    data = new_thread_data(body="Ring mig på 070-123 45 67 så berättar jag mer om upplägget.")
    response = member_client.post(reverse("forum:new_thread"), data)
    assert not Thread.objects.exists()
    assert 'name="personal_data_confirmed"' in response.content.decode()
    member_client.post(reverse("forum:new_thread"), {**data, "personal_data_confirmed": "on"})
    assert Thread.objects.count() == 1


def test_reply_with_a_quote_links_the_quoted_post(client, member, colleague):
    thread = start_thread(member, body="Vi har goda erfarenheter av gruppverksamhet.")
    client.force_login(colleague)
    first = thread.posts.get()
    form = client.get(reverse("forum:reply", args=[thread.pk]), {"citera": first.pk}).context["form"]
    assert form.initial["body"].startswith("> **") and "> Vi har goda erfarenheter" in form.initial["body"]
    response = client.post(
        reverse("forum:reply", args=[thread.pk]),
        {"body": form.initial["body"] + "Samma här!", "quoted": str(first.pk), "submission_key": str(uuid.uuid4())},
    )
    reply = Post.objects.get(number=2)
    assert response.url == reply.get_absolute_url()
    assert list(reply.quotes.all()) == [first]
    assert "<blockquote>" in reply.body_html


def test_a_locked_thread_refuses_replies_with_403(member_client, member):
    thread = start_thread(member)
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    response = member_client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Hej"})
    assert response.status_code == 403
    assert "locked" in response.content.decode() or "låst" in response.content.decode()
    assert thread.posts.count() == 1


def test_the_second_of_two_simultaneous_edits_is_refused_and_its_text_kept(client, member):
    thread = start_thread(member, body="Original")
    post = thread.posts.get()
    client.force_login(member)
    url = reverse("forum:edit_post", args=[post.pk])
    client.post(url, {"title": thread.title, "body": "Första ändringen", "version": 1})
    response = client.post(url, {"title": thread.title, "body": "Andra ändringen", "version": 1})
    assert response.status_code == 200
    assert "Andra ändringen" in response.content.decode()
    post.refresh_from_db()
    assert post.body == "Första ändringen" and post.version == 2


def test_others_cannot_edit_a_post(client, member, colleague):
    post = start_thread(member).posts.get()
    client.force_login(colleague)
    assert client.post(reverse("forum:edit_post", args=[post.pk]), {"body": "Kapat", "version": 1}).status_code == 403


def test_helpful_answer_and_report_buttons(client, member, colleague):
    thread = start_thread(member)
    (reply,) = add_replies(thread, 1, author=colleague)
    client.force_login(member)
    client.post(reverse("forum:helpful", args=[reply.pk]), {"helpful": "1"})
    client.post(reverse("forum:accept_answer", args=[reply.pk]), {"answer": "1"})
    client.post(reverse("forum:report_post", args=[reply.pk]), {"reason": "offensive", "explanation": "Ton"})
    reply.refresh_from_db()
    thread.refresh_from_db()
    assert reply.helpful_count == 1 and thread.answer == reply
    assert Report.objects.get().reason == "offensive"
    client.force_login(colleague)
    assert client.post(reverse("forum:accept_answer", args=[reply.pk]), {"answer": "0"}).status_code == 403
    response = client.post(reverse("forum:report_post", args=[reply.pk]), {"reason": "made-up"})
    assert response.status_code == 200 and response.context["form"].errors["reason"]


def test_following_a_category_from_the_list(member_client, member):
    follow_form = '<form method="post" action="/forum/kategori/samverkan/folj/"'
    page = member_client.get(reverse("forum:index"), {"kategori": "samverkan"}).content.decode()
    assert '<input type="hidden" name="follow" value="1">' in page[page.index(follow_form) :]
    member_client.post(reverse("forum:follow_category", args=["samverkan"]), {"follow": "1"})
    page = member_client.get(reverse("forum:index"), {"kategori": "samverkan"}).content.decode()
    assert '<input type="hidden" name="follow" value="0">' in page[page.index(follow_form) :]


def test_mark_all_as_read(member_client, member, colleague):
    thread = start_thread(colleague)
    assert Thread.objects.with_reading_state(member).get(pk=thread.pk).is_unread
    member_client.post(reverse("forum:mark_all_read"))
    assert not Thread.objects.with_reading_state(member).get(pk=thread.pk).is_unread


def test_mention_suggestions_give_a_handle_that_mentions(member_client, colleague):
    results = member_client.get(reverse("forum:suggest_people"), {"q": colleague.first_name[:3]}).json()["results"]
    handle = next(result["handle"] for result in results if result["name"] == str(colleague))
    assert mentioned_users(f"Hej @{handle}!") == [colleague]


def test_tag_suggestions_come_from_the_vocabulary(member_client, member):
    start_thread(member, tags=["Orosanmälan", "Skola"])
    assert member_client.get(reverse("forum:suggest_tags"), {"q": "oros"}).json() == {"results": ["Orosanmälan"]}


def test_tag_suggestions_never_name_a_tag_used_only_where_the_person_may_not_see(member_client, member, moderator):
    closed = Category.objects.create(name="Moderatorernas rum", slug="moderatorernas-rum")
    closed.restricted_to_groups.set(moderator.groups.filter(name="Moderator"))
    start_thread(moderator, category=closed, tags=["Orosärende Zirkon"])
    start_thread(member, tags=["Orosanmälan"])
    Tag.objects.create(name="Orosbarometern", slug="orosbarometern")  # in the vocabulary, on nothing yet
    results = member_client.get(reverse("forum:suggest_tags"), {"q": "oros"}).json()["results"]
    assert results == ["Orosanmälan", "Orosbarometern"]


def test_the_thread_form_never_tells_whether_a_tag_exists_in_a_room_closed_to_the_writer(
    member_client, member, moderator
):
    closed = Category.objects.create(name="Moderatorernas rum", slug="moderatorernas-rum")
    closed.restricted_to_groups.set(moderator.groups.filter(name="Moderator"))
    start_thread(moderator, category=closed, tags=["Orosärende Zirkon"])
    Tag.objects.create(name="Orosbarometern", slug="orosbarometern")  # in the vocabulary, on nothing yet

    def refusal(tag):
        response = member_client.post(reverse("forum:new_thread"), new_thread_data(tags=tag))
        return response.context["form"].errors.get("tags") if response.status_code == 200 else None

    assert refusal("Orosärende Zirkon,") == [
        error.replace("Påhittad", "Orosärende Zirkon") for error in refusal("Påhittad")
    ]
    assert refusal("Orosbarometern") is None
    assert sorted(Thread.objects.latest("pk").tags.names()) == ["Orosbarometern"]


def test_every_forum_form_carries_the_csrf_token(member, colleague):
    from django.test import Client

    thread = start_thread(member)
    add_replies(thread, 1, author=colleague)
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    for url in (
        thread.get_absolute_url(),
        reverse("forum:new_thread"),
        reverse("forum:reply", args=[thread.pk]),
        reverse("forum:index"),
    ):
        content = client.get(url).content.decode()
        forms = content.count('method="post"')
        assert forms and content.count('name="csrfmiddlewaretoken"') >= forms, url


def test_the_category_list_counts_the_visible_threads(member_client, member):
    start_thread(member, category=forum_category("samverkan"))
    hidden = start_thread(member, category=forum_category("samverkan"))
    Thread.objects.filter(pk=hidden.pk).update(is_hidden=True)
    categories = {
        category.slug: category for category in member_client.get(reverse("forum:index")).context["categories"]
    }
    assert categories["samverkan"].thread_count == 1 and categories["metodfragor"].thread_count == 0


def test_the_writing_script_comes_with_the_writing_form(member_client, member, moderator):
    thread = start_thread(member)
    writing_pages = [
        reverse("forum:new_thread"),
        thread.get_absolute_url(),
        reverse("forum:reply", args=[thread.pk]),
        reverse("forum:edit_post", args=[thread.posts.get().pk]),
    ]
    for url in writing_pages:
        assert member_client.get(url).content.decode().count("js/forum-compose.js") == 1, url
    moderation.lock_thread(thread, by=moderator, reason="Klart")
    assert "js/forum-compose.js" not in member_client.get(thread.get_absolute_url()).content.decode()


@pytest.mark.parametrize(("language", "written"), [("sv", "12 oktober 2026, 09:30"), ("en", "12 October 2026, 09:30")])
def test_a_threads_latest_activity_reads_as_every_other_date(member_client, language, written):
    thread = start_thread(UserFactory())
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=timezone.make_aware(datetime(2026, 10, 12, 9, 30)))
    member_client.post("/sprak/", {"language": language, "next": "/"})
    html = member_client.get(reverse("forum:index")).content.decode()
    assert written in html
    assert "12 Okt" not in html and "12 Oct 2026" not in html


def test_an_unread_discussion_is_marked_new_not_news(member_client, sections):
    start_thread(UserFactory(), title="Stödgrupp för barn")
    assert " · nytt</span>" in member_client.get("/").content.decode()
    member_client.post("/sprak/", {"language": "en", "next": "/"})
    html = member_client.get("/").content.decode()
    assert " · new</span>" in html
    assert " · news</span>" not in html
