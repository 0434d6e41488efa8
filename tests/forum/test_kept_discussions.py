"""The discussions other pages show (forum/templatetags/forum_tags.py), kept in the cache for every reader who sees
the same categories: every write shows at once, and what one reader may read or has read never shows for another."""

import pytest

from django.urls import reverse

from forum import moderation, services
from forum.models import Category
from tests.conftest import queries_for
from tests.factories import start_thread

pytestmark = pytest.mark.django_db


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_page_s_discussions_show_each_write_at_once(client, member, colleague, moderator, make_method):
    method = make_method("Trappan", tags=["Barn som upplever våld"])
    client.force_login(member)
    assert "Ingen har diskuterat sidan än." in html(client, method.url)  # kept now, with no discussion

    thread = start_thread(colleague, title="Hur många samtal i Trappan?", knowledge_page=method)
    assert "Hur många samtal i Trappan?" in html(client, method.url)

    services.reply(thread, author=member, body="Tio brukar räcka.")
    assert "1 svar" in html(client, method.url)

    services.edit_post(thread.posts.get(number=1), by=colleague, body="Hur många?", version=1, title="Samtal i Trappan")
    assert "Samtal i Trappan</a>" in html(client, method.url)

    room = Category.objects.create(name="Järfälla internt", slug="jarfalla-internt")
    room.restricted_to_municipalities.add(colleague.municipality)
    moderation.move_thread(thread, by=moderator, category=room, reason="Intern fråga")
    assert "Samtal i Trappan" not in html(client, method.url)  # moved where the member may not read

    room.restricted_to_municipalities.add(member.municipality)  # a change of the category's limits
    assert "Samtal i Trappan" in html(client, method.url)

    moderation.hide_thread(thread, by=moderator, reason="Fel forum")
    assert "Samtal i Trappan" not in html(client, method.url)


def test_an_experience_page_and_the_start_page_show_a_new_discussion_at_once(
    member_client, colleague, make_experience, sections
):
    experience = make_experience("Så gick det")
    html(member_client, experience.url), html(member_client, "/")
    start_thread(colleague, title="Fråga om erfarenheten", knowledge_page=experience)
    assert "Fråga om erfarenheten" in html(member_client, experience.url)
    assert "Fråga om erfarenheten" in html(member_client, "/")


def test_readers_of_another_municipality_or_role_never_see_a_kept_restricted_discussion(
    client, member, colleague, moderator, make_method
):
    method = make_method("Trappan")
    room = Category.objects.create(name="Sigtuna internt", slug="sigtuna-internt")
    room.restricted_to_municipalities.add(member.municipality)
    start_thread(member, title="Intern fråga om Trappan", knowledge_page=method, category=room)
    hidden = start_thread(member, title="Dold fråga om Trappan", knowledge_page=method)
    moderation.hide_thread(hidden, by=moderator, reason="Dubblett")

    client.force_login(member)
    assert "Intern fråga om Trappan" in html(client, method.url)
    assert "Intern fråga om Trappan" in html(client, "/")
    client.force_login(colleague)  # the same roles, another municipality: kept apart
    assert "Intern fråga om Trappan" not in html(client, method.url)
    assert "Intern fråga om Trappan" not in html(client, "/")
    client.force_login(moderator)
    assert "Dold fråga om Trappan" in html(client, "/")
    client.force_login(member)  # what the moderator saw is kept apart, too
    assert "Dold fråga om Trappan" not in html(client, "/")


def test_whether_a_thread_is_new_is_each_reader_s_own(client, member, colleague, sections):
    thread = start_thread(colleague, title="Orosanmälan från fritids", tags=["Orosanmälan"])
    tag_page = reverse("knowledge:tag", args=["orosanmalan"])
    client.force_login(member)
    assert 'Orosanmälan från fritids</a> <span class="muted">Barn och unga · 0 svar · nytt' in html(client, "/")
    assert "· 0 svar · nytt" in html(client, tag_page)
    client.force_login(colleague)  # who wrote it, and so has read it
    assert "· 0 svar · nytt" not in html(client, "/")
    assert "· 0 svar · nytt" not in html(client, tag_page)
    client.force_login(member)
    html(client, thread.get_absolute_url())  # read now
    assert "· 0 svar · nytt" not in html(client, "/")


def test_kept_discussions_cost_one_query_for_what_the_reader_has_read(member_client, colleague, make_method, settings):
    settings.FORUM_POSTS_PER_MINUTE = 10_000
    method = make_method("Trappan")
    for number in range(3):
        start_thread(colleague, title=f"Fråga {number}", knowledge_page=method)
    start_page = queries_for(member_client, "/")
    method_page = queries_for(member_client, method.url)
    for number in range(3, 12):
        start_thread(colleague, title=f"Fråga {number}", knowledge_page=method)
    assert queries_for(member_client, "/") == start_page
    assert queries_for(member_client, method.url) == method_page
