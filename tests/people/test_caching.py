""" "Vem kan mer om detta?" kept for every reader of a kind (people/caching.py): each write that changes who knows, or
how a person is shown, shows at once; no reader ever sees themself in it, nor answers counted in a room they may
not read."""

import re

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from accounts import roles
from accounts.models import Municipality
from accounts.rights import close_account
from forum import moderation
from forum.models import Category
from forum.services import accept_answer
from knowledge.models import MethodPage
from knowledge.vocabulary import rename_tag
from people.models import Expertise
from people.services import save_profile
from tests.conftest import queries_for
from tests.factories import UserFactory, colleague
from tests.factories.forum import add_replies, forum_category, start_thread
from tests.people.who_knows import who_knows_about


def box(client, url):
    """The box's HTML on the page at `url`."""
    response = client.get(url)
    assert response.status_code == 200
    return re.search(r'<section class="who-knows".*?</section>', response.content.decode(), re.S)[0]


@pytest.fixture
def method(make_method):
    return make_method("Stödsamtal", tags=["hedersförtryck"])


def test_new_and_removed_expertise_a_rename_a_new_title_and_a_closed_account_show_at_once(
    member_client, method, editor
):
    sara = colleague("sigtuna", "Sara", expertise=["hedersförtryck"], job_title="Kurator")
    assert "Sara" in box(member_client, method.url)  # kept from here on

    jon = colleague("jarfalla", "Jon")
    save_profile(jon.profile, expertise=["hedersförtryck"])
    assert "Jon" in box(member_client, method.url)

    save_profile(sara.profile, expertise=[])
    assert "Sara" not in box(member_client, method.url)

    jon.first_name = "Jonas"
    jon.job_title = "Socialsekreterare"
    jon.save()
    html = box(member_client, method.url)
    assert "Jonas" in html and "Socialsekreterare" in html

    jon.municipality = Municipality.objects.get(slug="sollentuna")
    jon.save()
    assert "Sollentuna" in box(member_client, method.url)

    Expertise.objects.filter(profile__user=jon).delete()
    assert "Jonas" not in box(member_client, method.url)

    save_profile(jon.profile, expertise=["hedersförtryck"])
    close_account(jon, by=editor)
    assert "Jonas" not in box(member_client, method.url)
    assert "Former colleague" not in box(member_client, method.url)


def test_a_renamed_tag_and_a_page_tagged_anew_show_at_once(member_client, method, editor):
    colleague("sigtuna", "Sara", expertise=["skola"])
    tag = method.tags.get()
    assert "kunskap=hedersfortryck" in box(member_client, method.url)

    old_name, old_slug = tag.name, tag.slug
    tag.name = "hedersrelaterat våld"
    tag.save()
    rename_tag(tag, old_name, old_slug, by=editor)
    assert f"kunskap={tag.slug}" in box(member_client, method.url) and tag.slug != old_slug

    method = MethodPage.objects.get(pk=method.pk)
    method.tags.set(["skola"])
    method.save_revision().publish()
    assert "Sara" in box(member_client, method.url)


def test_an_accepted_answer_a_hide_a_move_and_a_room_closed_to_the_reader_show_at_once(member, method):
    asker = colleague("jarfalla", "Frågande")
    answerer = colleague("sollentuna", "Svarare")
    moderator = UserFactory(roles=[roles.EMPLOYEE, roles.MODERATOR])
    room = forum_category()
    thread = start_thread(asker, category=room, tags=["hedersförtryck"])
    (answer,) = add_replies(thread, 1, author=answerer)
    tag = method.tags.get()
    assert who_knows_about(tag, member) == []

    accept_answer(answer, by=asker)
    assert [person.pk for person in who_knows_about(tag, member)] == [answerer.pk]

    moderation.hide_post(answer, by=moderator, reason="Fel tråd")
    assert who_knows_about(tag, member) == []
    moderation.restore_post(answer, by=moderator, reason="Rätt tråd")
    assert [person.pk for person in who_knows_about(tag, member)] == [answerer.pk]

    closed_room = Category.objects.exclude(pk=room.pk).first()
    closed_room.restricted_to_groups.set([Group.objects.get(name=roles.MODERATOR)])
    moderation.move_thread(thread, by=moderator, category=closed_room, reason="Rätt rum")
    assert who_knows_about(tag, member) == []
    assert [person.pk for person in who_knows_about(tag, moderator)] == [answerer.pk]

    closed_room.restricted_to_groups.clear()
    assert [person.pk for person in who_knows_about(tag, member)] == [answerer.pk]


def test_the_reader_is_never_shown_to_themself_yet_the_box_stays_full(client, method):
    knowers = [colleague("sigtuna", f"Kunnig{index}", expertise=["hedersförtryck"]) for index in range(7)]
    first, second = knowers[0], knowers[1]
    client.force_login(first)
    seen_by_first = box(client, method.url)
    client.force_login(second)
    seen_by_second = box(client, method.url)  # the same kind of reader: the kept list
    assert "Kunnig0" not in seen_by_first and "Kunnig1" in seen_by_first
    assert "Kunnig1" not in seen_by_second and "Kunnig0" in seen_by_second
    assert seen_by_first.count('class="who-knows__person"') == seen_by_second.count('class="who-knows__person"') == 5


def test_the_box_on_a_method_page_costs_no_query_once_kept(member_client, method):
    colleague("sigtuna", "Sara", expertise=["hedersförtryck"])
    few = queries_for(member_client, method.url)
    for index in range(4):
        colleague("jarfalla", f"Fler{index}", expertise=["hedersförtryck"])
    assert queries_for(member_client, method.url) == few
    assert "Fler3" in box(member_client, method.url)


def test_the_profile_link_of_each_colleague_leads_to_their_profile(member_client, method):
    sara = colleague("sigtuna", "Sara", expertise=["hedersförtryck"])
    assert f'href="{reverse("people:profile", args=[sara.pk])}"' in box(member_client, method.url)
