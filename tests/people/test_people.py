"""Profiles, "Hitta kollegor" and "Vem kan mer om detta?": what a signed-in colleague finds, and what never shows."""

import pytest

from django.urls import reverse

from taggit.models import Tag

from accounts import roles
from accounts.models import Municipality
from forum.mentions import person_url, read_post
from forum.services import accept_answer
from knowledge.vocabulary import merge_tags
from people.directory import profile_of
from people.models import Expertise, Profile
from tests.conftest import queries_for
from tests.factories import UserFactory, colleague
from tests.factories.forum import add_replies, start_thread
from tests.people.who_knows import who_knows_about


@pytest.fixture
def tags(db):
    return {name: Tag.objects.create(name=name) for name in ("hedersförtryck", "skola", "riskbedömning")}


@pytest.fixture
def sollentuna_client(client, db):
    client.force_login(UserFactory(municipality=Municipality.objects.get(slug="sollentuna"), roles=[roles.EMPLOYEE]))
    return client


def test_a_sollentuna_employee_finds_a_sigtuna_colleague_who_knows_honour_violence_in_school(sollentuna_client, tags):
    sara = colleague(
        "sigtuna",
        "Sara",
        expertise=["hedersförtryck", "skola"],
        unit="Elevhälsan",
        show_email=True,
        work_phone="08-591 000 00",
    )
    colleague("sigtuna", "Sven", expertise=["skola"])
    colleague("jarfalla", "Jenny", sector="socialtjanst", expertise=["hedersförtryck", "skola"])

    found = sollentuna_client.get(
        reverse("people:directory") + "?kommun=sigtuna&kunskap=" + tags["hedersförtryck"].slug
    )
    html = found.content.decode()
    assert "Sara" in html
    assert "Sven" not in html and "Jenny" not in html
    profile = sollentuna_client.get(reverse("people:profile", args=[sara.pk])).content.decode()
    assert (
        "Elevhälsan" in profile and "hedersförtryck" in profile and sara.email in profile and "08-591 000 00" in profile
    )


def test_counts_say_how_many_each_choice_would_find(member_client, tags):
    colleague("sigtuna", "Sara", expertise=["hedersförtryck"])
    colleague("jarfalla", "Jenny", expertise=["hedersförtryck"])
    colleague("jarfalla", "Jon", sector="socialtjanst", expertise=["riskbedömning"])
    response = member_client.get(reverse("people:directory"), {"kunskap": tags["hedersförtryck"].slug})
    filters = {f.param: {c.slug: c.count for c in f.choices} for f in response.context["directory"].filters}
    assert filters["kommun"]["jarfalla"] == 1 and filters["kommun"]["sigtuna"] == 1
    # Expertise widens within its own filter: the other choices count as if added.
    assert filters["kunskap"][tags["riskbedömning"].slug] == 1
    assert response.context["directory"].results.paginator.count == 2


def test_deactivated_people_are_never_listed_and_have_no_profile(member_client, tags):
    gone = colleague("sigtuna", "Gunnel", expertise=["hedersförtryck"])
    gone.is_active = False
    gone.save()
    assert "Gunnel" not in member_client.get(reverse("people:directory")).content.decode()
    searched = member_client.get(reverse("people:directory"), {"q": "Gunnel"})
    assert searched.context["directory"].results.paginator.count == 0
    assert member_client.get(reverse("people:profile", args=[gone.pk])).status_code == 404
    assert who_knows_about(tags["hedersförtryck"], UserFactory()) == []


def test_contact_details_show_only_when_the_person_chose(member_client, tags):
    quiet = colleague("sigtuna", "Kim", show_email=False)
    html = member_client.get(reverse("people:profile", args=[quiet.pk])).content.decode()
    assert quiet.email not in html
    assert "Work phone" not in html and "Arbetstelefon" not in html


def test_search_by_name_and_bad_input_never_fail(member_client, tags):
    colleague("sigtuna", "Sara")
    assert "Sara" in member_client.get(reverse("people:directory"), {"q": "sar"}).content.decode()
    bad = [{"page": "x"}, {"page": "999"}, {"kommun": "ingenstans"}, {"q": "%" * 500}, {"kunskap": "\x00"}]
    for params in [*bad, {"q": "a\x00b"}]:
        assert member_client.get(reverse("people:directory"), params).status_code == 200


def test_the_directory_and_a_profile_take_a_fixed_number_of_queries(member_client, tags):
    def people(count):
        return [colleague("sigtuna", f"P{index}", expertise=["skola", "hedersförtryck"]) for index in range(count)]

    first = people(2)
    for person in first:
        start_thread(person, tags=["skola"])
    queries_for(member_client, reverse("people:directory"))  # the first visit of the session sets things up
    few = queries_for(member_client, reverse("people:directory"))
    profile_few = queries_for(member_client, reverse("people:profile", args=[first[0].pk]))
    more = people(25)
    for person in more[:5]:
        start_thread(first[0], tags=["skola"])
        start_thread(person, tags=["skola"])
    assert queries_for(member_client, reverse("people:directory")) == few
    assert queries_for(member_client, reverse("people:profile", args=[first[0].pk])) == profile_few


def test_only_the_owner_edits_and_expertise_comes_from_the_vocabulary(member_client, member, tags):
    url = reverse("people:edit")
    refused = member_client.post(url, {"unit": "Elevhälsan", "expertise": "påhittat ord"})
    assert refused.status_code == 200
    assert "shared vocabulary" in refused.content.decode() or "gemensamma" in refused.content.decode()
    saved = member_client.post(url, {"unit": "Elevhälsan", "expertise": "Hedersförtryck, skola", "show_email": "on"})
    assert saved.status_code == 302
    assert sorted(Expertise.objects.filter(profile__user=member).values_list("tag__name", flat=True)) == [
        "hedersförtryck",
        "skola",
    ]
    assert profile_of(member).show_email


def test_the_profile_form_refuses_identity_numbers(member_client, member, tags):
    response = member_client.post(reverse("people:edit"), {"can_help_with": "Fråga om 850709-1232", "expertise": ""})
    assert response.status_code == 200
    assert "850709-****" in response.content.decode()
    bad_phone = member_client.post(reverse("people:edit"), {"work_phone": "850709-1232", "expertise": ""})
    assert bad_phone.status_code == 200
    assert not Profile.objects.exists()


def test_who_knows_lists_expertise_first_then_accepted_answers_and_never_the_viewer(member, tags):
    knows = colleague("sigtuna", "Kunnig", expertise=["hedersförtryck"])
    asker = colleague("jarfalla", "Frågande")
    thread = start_thread(asker, tags=["hedersförtryck"])
    answerer = colleague("sollentuna", "Svarare")
    (answer,) = add_replies(thread, 1, author=answerer)
    accept_answer(answer, by=asker)
    colleague("sigtuna", "Annan", expertise=["riskbedömning"])
    found = who_knows_about(tags["hedersförtryck"], member)
    assert [colleague.pk for colleague in found] == [knows.pk, answerer.pk]
    assert found[1].accepted == 1
    assert who_knows_about(tags["hedersförtryck"], knows)[0].pk == answerer.pk


def test_the_tag_page_shows_who_knows(member_client, tags):
    colleague("sigtuna", "Kunnig", expertise=["hedersförtryck"])
    start_thread(tags=["hedersförtryck"])
    html = member_client.get(reverse("knowledge:tag", args=[tags["hedersförtryck"].slug])).content.decode()
    assert "Kunnig" in html


def test_names_and_mentions_link_to_the_profile_and_the_old_address_still_leads_there(member_client, tags):
    anna = colleague("jarfalla", "Anna")
    assert person_url(anna) == reverse("people:profile", args=[anna.pk])
    assert f'href="{reverse("people:profile", args=[anna.pk])}"' in read_post(f"Fråga @{anna.email}").html
    assert member_client.get(reverse("forum:person", args=[anna.pk])).url == reverse("people:profile", args=[anna.pk])
    thread = start_thread(anna)
    assert (
        f'href="{reverse("people:profile", args=[anna.pk])}"'
        in member_client.get(thread.get_absolute_url()).content.decode()
    )


def test_merging_a_tag_moves_expertise(tags, editor):
    person = colleague("sigtuna", "Sara", expertise=["hedersförtryck", "skola"])
    merge_tags(tags["hedersförtryck"], tags["skola"], by=editor)
    assert list(Expertise.objects.filter(profile__user=person).values_list("tag__name", flat=True)) == ["skola"]


def test_who_knows_on_tag_and_thread_pages_takes_a_fixed_number_of_queries(member_client, tags):
    thread = start_thread(tags=["hedersförtryck"])
    tag_url = reverse("knowledge:tag", args=[tags["hedersförtryck"].slug])
    colleague("sigtuna", "Först", expertise=["hedersförtryck"])
    queries_for(member_client, tag_url)  # the first visits set things up (the session, what was read)
    queries_for(member_client, thread.get_absolute_url())
    few = (queries_for(member_client, tag_url), queries_for(member_client, thread.get_absolute_url()))
    for index in range(8):
        colleague("jarfalla", f"Fler{index}", expertise=["hedersförtryck"])
    assert (queries_for(member_client, tag_url), queries_for(member_client, thread.get_absolute_url())) == few
