import pytest

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime

from forum import moderation, services
from forum.models import Category, ModerationAction, Post, PostRevision, ReportReason
from tests.conftest import queries_for
from tests.factories import UserFactory, add_replies, forum_category, start_thread

pytestmark = pytest.mark.django_db

Action = ModerationAction.Action


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def thread(member):
    thread = start_thread(member, title="Samtal med tonåringar", body="Hur börjar ni samtalet?")
    add_replies(thread, 2)
    return thread


def report_many(count, reason=ReportReason.OFFENSIVE):
    """`count` reported posts in as many threads, each reported by two people."""
    reporters = [UserFactory(), UserFactory()]
    for index in range(count):
        thread = start_thread(UserFactory(), title=f"Tråd {index}", body=f"Inlägg {index}")
        post = thread.posts.get()
        for reporter in reporters:
            services.report_post(post, by=reporter, reason=reason, explanation="Se över")


def admin_urls(thread):
    post = thread.posts.get(number=2)
    return [
        reverse("forum_admin:queue"),
        reverse("forum_admin:post", args=[post.pk]),
        reverse("forum_admin:thread", args=[thread.pk]),
        reverse("forum_admin:hidden"),
        reverse("forum_admin:log"),
        reverse("forum_admin:log_results"),
    ]


def test_only_moderators_open_the_moderation_rooms(client, thread, member, editor, moderator):
    for person in (member, editor):
        client.force_login(person)
        for url in admin_urls(thread):
            assert client.get(url).status_code == 403, url
        assert client.post(admin_urls(thread)[2], {"action": "lock", "lock-reason": "Nej"}).status_code == 403
    client.force_login(moderator)
    for url in admin_urls(thread):
        assert client.get(url).status_code == 200, url
    thread.refresh_from_db()
    assert not thread.is_locked


def test_the_forum_menu_shows_each_role_its_rooms(client, member, editor, moderator):
    def menu_for(person):
        client.force_login(person)
        return client.get(reverse("wagtailadmin_home")).content.decode()

    moderators_menu, editors_menu, members_menu = menu_for(moderator), menu_for(editor), menu_for(member)
    assert reverse("forum_admin:queue") in moderators_menu
    assert reverse("forum_admin:log") in moderators_menu
    assert reverse("forum_admin:queue") not in editors_menu
    assert reverse("forum_admin:solved") in editors_menu
    assert reverse("wagtailsnippets_forum_category:list") in editors_menu
    assert reverse("forum_admin:queue") not in members_menu
    assert reverse("forum_admin:solved") not in members_menu


def test_the_queue_groups_reports_per_post_oldest_first(moderator_client, thread, member, colleague):
    older = thread.posts.get(number=3)
    newer = thread.posts.get(number=2)
    services.report_post(older, by=member, reason=ReportReason.PERSONAL_DATA, explanation="Ett namn")
    services.report_post(older, by=colleague, reason=ReportReason.OFFENSIVE)
    services.report_post(newer, by=member, reason=ReportReason.OTHER)

    response = moderator_client.get(reverse("forum_admin:queue"))

    posts = list(response.context["posts"])
    assert posts == [older, newer]
    assert posts[0].reporter_count == 2
    assert len(posts[0].open_reports) == 2
    page = response.content.decode()
    assert "Ett namn" in page and "Samtal med tonåringar" in page


def test_the_queue_shows_the_post_as_text_not_as_markup(moderator_client, member):
    thread = start_thread(member, body="**Fet** <script>alert(1)</script>")
    services.report_post(thread.posts.get(), by=member, reason=ReportReason.OTHER)
    page = moderator_client.get(reverse("forum_admin:queue")).content.decode()
    assert "<script>alert(1)" not in page
    assert "<strong>Fet</strong>" not in page


def test_the_queue_runs_the_same_number_of_queries_for_3_and_30_reported_posts(moderator_client, settings):
    settings.FORUM_REPORTS_PER_HOUR = 30
    report_many(3)
    few = queries_for(moderator_client, reverse("forum_admin:queue"))
    report_many(27)
    many = queries_for(moderator_client, reverse("forum_admin:queue"))
    assert few == many


def test_the_log_runs_the_same_number_of_queries_for_3_and_30_actions(moderator_client, moderator, member):
    thread = start_thread(member)
    posts = add_replies(thread, 15)

    def act(count):
        for post in posts[:count]:
            moderation.hide_post(post, by=moderator, reason="Test")
            moderation.restore_post(post, by=moderator, reason="Test")

    act(2)
    few = queries_for(moderator_client, reverse("forum_admin:log"))
    act(15)
    many = queries_for(moderator_client, reverse("forum_admin:log"))
    assert few == many


def test_the_post_view_shows_every_revision_with_who_and_what_changed(moderator_client, thread, moderator):
    post = thread.posts.get(number=2)
    services.edit_post(post, by=post.author, body="Svar nummer 1, rättat.", version=post.version)
    services.edit_post(post, by=moderator, body="Svar nummer 1, rättat igen.", version=post.version)

    response = moderator_client.get(reverse("forum_admin:post", args=[post.pk]))

    history = response.context["history"]
    assert [revision.edited_by for revision, _changes in history] == [post.author, post.author, moderator]
    assert ("added", "Svar nummer 1, rättat igen.") in history[2][1]
    page = response.content.decode()
    assert str(moderator) in page and "Svar nummer 1, rättat." in page


def test_hiding_a_post_from_its_page_asks_for_a_reason(moderator_client, thread):
    post = thread.posts.get(number=2)
    url = reverse("forum_admin:post", args=[post.pk])

    response = moderator_client.post(url, {"action": "hide", "hide-reason": ""})
    assert response.status_code == 200
    assert response.context["forms"]["hide"].errors
    post.refresh_from_db()
    assert not post.is_hidden

    response = moderator_client.post(url, {"action": "hide", "hide-reason": "Kränkande"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.is_hidden
    assert ModerationAction.objects.get().reason == "Kränkande"


def test_an_unknown_action_is_refused_without_an_error_page(moderator_client, thread):
    url = reverse("forum_admin:post", args=[thread.posts.get(number=2).pk])
    response = moderator_client.post(url, {"action": "delete"}, follow=True)
    assert response.status_code == 200
    assert not ModerationAction.objects.exists()


def test_redacting_from_the_post_page(moderator_client, thread, member):
    post = services.reply(thread, author=member, body="Barnet heter Olle Ek och går i trean.")
    url = reverse("forum_admin:post", args=[post.pk])

    response = moderator_client.post(url, {"action": "redact", "redact-fragment": "Nils", "redact-reason": "Namn"})
    assert response.status_code == 200
    assert "finns inte i inlägget" in response.context["forms"]["redact"].errors["fragment"][0]

    asked = {"action": "redact", "redact-fragment": "Olle Ek", "redact-reason": "Barnets namn"}
    response = moderator_client.post(url, asked)
    assert response.status_code == 200
    assert [match.where for match in response.context["preview"]["matches"]] == [
        f"Inlägg #{post.number}",
        f"Inlägg #{post.number}, versionen från {date_format(localtime(post.created_at), 'SHORT_DATETIME_FORMAT')}",
    ]
    assert "Olle Ek" in Post.objects.get(pk=post.pk).body

    response = moderator_client.post(url, {**asked, "redact-confirmed": "True"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert "Olle" not in post.body
    assert not PostRevision.objects.filter(body__contains="Olle").exists()


def test_redacting_with_the_text_in_the_reason_is_refused_with_a_message(moderator_client, thread, member):
    post = services.reply(thread, author=member, body="Barnet heter Olle Ek.")
    url = reverse("forum_admin:post", args=[post.pk])
    response = moderator_client.post(
        url, {"action": "redact", "redact-fragment": "Olle Ek", "redact-reason": "Olle Ek är ett namn"}
    )
    assert response.status_code == 200
    assert response.context["forms"]["redact"].non_field_errors()
    assert "Olle Ek" in Post.objects.get(pk=post.pk).body


def test_dismissing_reports_from_the_post_page(moderator_client, thread, member):
    post = thread.posts.get(number=2)
    services.report_post(post, by=member, reason=ReportReason.OTHER)
    url = reverse("forum_admin:post", args=[post.pk])
    response = moderator_client.post(url, {"action": "dismiss", "dismiss-reason": "Inget fel"})
    assert response.status_code == 302
    assert not post.reports.open().exists()


def test_thread_actions_from_the_thread_page(moderator_client, thread):
    url = reverse("forum_admin:thread", args=[thread.pk])
    target = forum_category("samverkan")

    assert moderator_client.post(url, {"action": "lock", "lock-reason": "Lugna ner"}).status_code == 302
    assert moderator_client.post(url, {"action": "pin", "pin-reason": "Viktig"}).status_code == 302
    moved = moderator_client.post(url, {"action": "move", "move-category": target.pk, "move-reason": "Rätt rum"})
    assert moved.status_code == 302
    retagged = moderator_client.post(
        url, {"action": "retag", "retag-tags": "tonåringar, samtal om våld", "retag-reason": "Tydligare"}
    )
    assert retagged.status_code == 302

    thread.refresh_from_db()
    assert thread.is_locked and thread.is_pinned and thread.category == target
    assert sorted(thread.tags.names()) == ["samtal om våld", "tonåringar"]
    page = moderator_client.get(url)
    assert page.context["forms"]["retag"].initial["tags"] == '"samtal om våld", tonåringar'
    assert [action.action for action in ModerationAction.objects.order_by("pk")] == [
        Action.LOCK,
        Action.PIN,
        Action.MOVE,
        Action.RETAG,
    ]


def test_bad_input_on_the_thread_page_gives_messages_not_errors(moderator_client, thread):
    url = reverse("forum_admin:thread", args=[thread.pk])
    unknown = Category.objects.order_by("-pk").first().pk + 100
    responses = [
        moderator_client.post(url, {"action": "move", "move-category": unknown, "move-reason": "Fel"}),
        moderator_client.post(url, {"action": "move", "move-category": "abc", "move-reason": "Fel"}),
        moderator_client.post(url, {"action": "retag", "retag-tags": "a, b, c, d, e, f", "retag-reason": "Många"}),
        moderator_client.post(url, {"action": "lock"}),
    ]
    assert [response.status_code for response in responses] == [200, 200, 200, 200]
    assert all("Inget har gjorts. Se formuläret nedan." in response.content.decode() for response in responses)
    assert not ModerationAction.objects.exists()


def test_an_unknown_post_or_thread_is_404(moderator_client):
    assert moderator_client.get(reverse("forum_admin:post", args=[999999])).status_code == 404
    assert moderator_client.get(reverse("forum_admin:thread", args=[999999])).status_code == 404


def test_hidden_content_lists_hidden_posts_and_threads_and_restores_them(moderator_client, thread, moderator):
    post = thread.posts.get(number=2)
    moderation.hide_post(post, by=moderator, reason="Kränkande")
    other = start_thread(title="Dold tråd")
    moderation.hide_thread(other, by=moderator, reason="Spam")
    hidden_url = reverse("forum_admin:hidden")

    assert list(moderator_client.get(hidden_url).context["items"]) == [post]
    assert list(moderator_client.get(hidden_url + "?visa=tradar").context["items"]) == [other]

    response = moderator_client.post(
        reverse("forum_admin:post", args=[post.pk]),
        {"action": "restore", "restore-reason": "Missförstånd", "next": hidden_url},
    )
    assert response["Location"] == hidden_url
    post.refresh_from_db()
    assert not post.is_hidden


def test_next_never_leads_off_the_site(moderator_client, thread):
    url = reverse("forum_admin:thread", args=[thread.pk])
    response = moderator_client.post(url, {"action": "lock", "lock-reason": "Ok", "next": "https://example.com/"})
    assert response["Location"] == url


def test_the_log_lists_actions_newest_first_and_filters_them(moderator_client, thread, moderator):
    other_moderator = UserFactory(first_name="Ingrid", roles=["Moderator"])
    moderation.lock_thread(thread, by=moderator, reason="Först")
    moderation.pin_thread(thread, by=other_moderator, reason="Sedan")
    url = reverse("forum_admin:log")

    actions = list(moderator_client.get(url).context["object_list"])
    assert [action.reason for action in actions] == ["Sedan", "Först"]
    assert [a.reason for a in moderator_client.get(url, {"action": "lock"}).context["object_list"]] == ["Först"]
    by_other = moderator_client.get(url, {"moderator": other_moderator.pk}).context["object_list"]
    assert [action.reason for action in by_other] == ["Sedan"]
    for bad in ({"action": "explode"}, {"moderator": "x"}, {"p": "9999"}, {"p": "abc"}):
        assert moderator_client.get(url, bad).status_code == 200


def test_editors_manage_categories_in_the_admin(client, editor):
    client.force_login(editor)
    room = Category.objects.create(name="Ledningsgruppen", slug="ledningsgruppen")
    room.restricted_to_municipalities.add(editor.municipality)
    index = client.get(reverse("wagtailsnippets_forum_category:list"))
    assert index.status_code == 200
    assert "Ledningsgruppen" in index.content.decode()
    rows = {category.name: category.restricted for category in index.context["object_list"]}
    assert rows["Ledningsgruppen"] is True and rows["Barn och unga"] is False
    form = client.get(reverse("wagtailsnippets_forum_category:edit", args=[room.pk]))
    assert form.status_code == 200
    # Who may see it is the Administratörer's to decide (tests/forum/test_category_admin.py).
    assert "restricted_to_municipalities" not in form.content.decode()


def test_the_category_list_runs_a_fixed_number_of_queries(client, editor):
    client.force_login(editor)
    url = reverse("wagtailsnippets_forum_category:list")
    few = queries_for(client, url)
    for index in range(10):
        room = Category.objects.create(name=f"Rum {index}", slug=f"rum-{index}")
        room.restricted_to_municipalities.add(editor.municipality)
    assert queries_for(client, url) == few
