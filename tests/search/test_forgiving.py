"""Search that forgives (issue 14, points 18–21): corrections, English, compounds by the index's own words,
related subjects, the order of hits, and searches people follow."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from devtools.search_evaluation import Query, english_queries, typo_queries, with_typo
from forum.models import Category, Notification, NotificationKind
from search import engine, following, vocabulary
from search.dialects import NEWEST, SQLiteDialect
from search.models import FollowedSearch, IndexWord, SynonymGroup
from search.question import ENGLISH, SWEDISH, read_question
from search.vocabulary import Vocabulary, correction, distance, split_by_frequency
from tests.factories import UserFactory, start_thread

# The index's own words


def test_a_word_that_matches_nothing_is_corrected_to_the_most_used_word_one_slip_away():
    words = Vocabulary.of({"hedersvåld": 5, "hedersvård": 1, "våld": 40})

    assert correction("hedersvld", words) == "hedersvåld"  # a letter left out
    assert correction("hedersvåld", words) is None  # known already
    assert correction("hedresvåld", words) == "hedersvåld"  # two letters swapped
    assert correction("xyzzy", words) is None


def test_a_long_word_two_slips_away_is_still_found_but_a_short_one_is_not():
    words = Vocabulary.of({"funktionsnedsättning": 4, "barn": 30})

    assert correction("funktonsnedsätning", words) == "funktionsnedsättning"
    assert correction("bxrx", words) is None
    assert distance("abcd", "acbd", limit=2) == 1


def test_a_slip_in_an_inflected_compound_is_corrected_through_its_stem():
    words = Vocabulary.of({"relationsvåldsteamet": 3}, {"relationsvåldsteam": "relationsvåldsteamet"})

    assert correction("relationsåldsteam", words) == "relationsvåldsteamet"


def test_a_compound_the_lexicon_lacks_splits_where_the_index_uses_its_parts():
    words = Vocabulary.of({"dejtingrelationer": 3, "våld": 40, "dejtingvåldet": 0})

    assert split_by_frequency("dejtingvåld", words) == ["dejting", "våld"]
    assert split_by_frequency("våld", words) == []  # too short to be a compound
    assert split_by_frequency("qqqqvåld", words) == []  # a head no word of the index starts with


def test_the_vocabulary_counts_each_word_once_per_listed_object(make_method):
    make_method("Hedersvåld i skolan", summary="Hedersvåld och hedersvåld igen.")
    make_method("Hedersvåld på fritids")

    vocabulary.refresh()

    assert IndexWord.objects.get(word="hedersvåld").documents == 2
    assert IndexWord.objects.get(word="hedersvåld").stem == "hedersvåld"
    assert IndexWord.objects.get(word="fritids").documents == 1


# Reading a question in English


def test_an_english_question_is_read_in_english_and_finds_the_swedish_concepts(db):
    asked = read_question("honour violence young people")

    assert asked.language == ENGLISH
    alternatives = [" ".join(alternative) for concept in asked.concepts for alternative in concept]
    assert "hedersrelaterat våld" in alternatives and "unga" in alternatives
    assert {"honour", "violence", "young", "people"} <= asked.literal


def test_honor_is_never_the_swedish_hon_in_an_english_question(db):
    asked = read_question("honor-based violence")
    expression = SQLiteDialect().match(asked, every=True)

    assert asked.language == ENGLISH
    assert '"honor"' in expression
    assert '"hon"' not in expression and '"hon"*' not in expression


def test_stop_words_are_those_of_the_question_s_language(db):
    english = read_question("support for the children")
    swedish = read_question("stöd för barnen")

    assert english.language == ENGLISH and swedish.language == SWEDISH
    assert ["the"] not in [alternative for concept in english.concepts for alternative in concept]
    assert ["för"] not in [alternative for concept in swedish.concepts for alternative in concept]


def test_a_page_in_english_tips_the_balance_when_the_words_do_not(db):
    assert read_question("zork", language_hint=ENGLISH).language == ENGLISH
    assert read_question("zork", language_hint=SWEDISH).language == SWEDISH


def test_an_english_term_needs_a_swedish_term_beside_it_and_broader_terms_find_one_way(db):
    group = SynonymGroup(terms="spionprylar", broader_terms="digitalt våld")
    group.full_clean()
    lonely = SynonymGroup(terms="", english_terms="spy gadgets")
    with pytest.raises(Exception, match="två"):
        lonely.full_clean()
    group.save()

    concept = read_question("spionprylar").concepts[0]
    assert ["digitalt", "våld"] in concept
    assert ["spionprylar"] not in read_question("digitalt våld").concepts[0]


# The search


def test_a_misspelt_question_searches_the_corrected_one_and_says_so(member, make_method):
    make_method("Hedersvåld i skolan", summary="Om hedersvåld och förtryck.")
    vocabulary.refresh()

    results = engine.search(member, "hedersvld")

    assert results.typed == "hedersvld"
    assert results.question.text == "hedersvåld"
    assert [hit.title for hit in results.hits] == ["Hedersvåld i skolan"]


def test_an_english_question_finds_the_swedish_page(member, make_method):
    make_method("Hedersrelaterat våld bland unga", summary="Stöd till unga som lever med hedersnormer.")
    start_thread(title="Hon ringde igen", body="Hon berättade om sin vardag.")

    found = engine.search(member, "honor-based violence young people")

    assert [hit.title for hit in found.hits] == ["Hedersrelaterat våld bland unga"]


def other_subjects(make_method, count=12):
    """Pages about something else: a label carried by most pages says nothing of what a question is about."""
    for number in range(count):
        make_method(f"Ett helt annat ämne {number}", tags=["Skola"])


def test_few_hits_are_followed_by_hits_about_what_they_are_about(member, make_method):
    first = make_method("Trygghetslarm i telefonen", tags=["Stalkning"])
    make_method("Kartläggning när någon förföljer", tags=["Stalkning"])
    other_subjects(make_method)

    results = engine.search(member, "trygghetslarm")

    titles = [hit.title for hit in results.hits]
    assert results.related
    assert titles[:2] == [first.title, "Kartläggning när någon förföljer"]
    assert not any(title.startswith("Ett helt annat ämne") for title in titles)


def test_of_the_hits_feedback_brings_those_closest_to_the_first_hits_come_first(member, make_method):
    make_method("Trygghetslarm i telefonen", tags=["Stalkning", "Skyddsplanering"])
    closer = make_method("Kartläggning när någon förföljer", tags=["Stalkning", "Skyddsplanering"])
    # Says both subjects more often, in its title too, but carries only one of the labels.
    farther = make_method(
        "Stalkning och skyddsplanering på jobbet",
        summary="Stalkning och skyddsplanering, stalkning och skyddsplanering igen.",
        tags=["Stalkning"],
    )
    other_subjects(make_method)

    titles = [hit.title for hit in engine.search(member, "trygghetslarm").hits]

    assert titles[:3] == ["Trygghetslarm i telefonen", closer.title, farther.title]


def test_hits_may_be_ordered_newest_first(member, make_method):
    old = make_method("Våld i nära relationer, äldre metod")
    new = make_method("Våld i nära relationer, ny metod")
    old.last_published_at = timezone.now() - timedelta(days=400)
    old.save_revision().publish()
    type(old).objects.filter(pk=old.pk).update(last_published_at=timezone.now() - timedelta(days=400))
    type(old).objects.get(pk=old.pk).save()  # reindexed with its old date

    newest = engine.search(member, "våld", order=NEWEST)

    assert [hit.title for hit in newest.hits][:2] == [new.title, old.title]


# The search page


def test_a_zero_hit_page_offers_next_steps(member_client):
    response = member_client.get(reverse("search:search"), {"q": "zzyzx qwerty"})
    html = response.content.decode()

    assert response.context["results"].count == 0
    assert reverse("knowledge:bank") in html
    assert reverse("forum:new_thread") + "?rubrik=zzyzx+qwerty" in html


def test_asking_in_the_forum_from_a_search_brings_its_words_as_the_title(member_client):
    response = member_client.get(reverse("forum:new_thread"), {"rubrik": "  hedersvåld   på fritids "})

    assert response.context["form"].initial["title"] == "hedersvåld på fritids"


def test_the_page_says_did_you_mean_and_logs_what_was_typed_as_finding_nothing(member_client, make_method):
    make_method("Hedersvåld i skolan")
    vocabulary.refresh()

    html = member_client.get(reverse("search:search"), {"q": "hedersvld"}).content.decode()

    assert "Menade du" in html and "hedersvåld" in html
    from search.models import SearchQueryDay

    assert SearchQueryDay.objects.get(text="hedersvld").zero_results == 1


def test_the_page_links_both_orders(member_client, make_method):
    make_method("Våld och skola")

    orders = member_client.get(reverse("search:search"), {"q": "våld", "ordning": "datum"}).context["orders"]

    assert [(choice["url"], choice["selected"]) for choice in orders] == [
        ("?q=v%C3%A5ld&ordning=relevans", False),
        ("?q=v%C3%A5ld&ordning=datum", True),
    ]


def test_the_search_page_costs_the_same_queries_with_a_correction_for_few_and_many_hits(member_client, make_method):
    from tests.conftest import queries_for

    def make(count):
        for number in range(count):
            make_method(f"Hedersvåld {count}-{number}", tags=["skola"])
            start_thread(title=f"Hedersvåld i tråd {count}-{number}")

    url = reverse("search:search") + "?q=hedersvld"
    make(2)
    vocabulary.refresh()
    queries_for(member_client, url)
    few = queries_for(member_client, url)
    make(12)
    assert queries_for(member_client, url) <= few <= 40


# Following a search


def test_following_a_search_keeps_its_words_and_filters_and_unfollowing_keeps_the_row(member, member_client):
    member_client.post(reverse("search:follow"), {"q": " Hedersvåld  Skola", "typ": "metod", "next": "/sok/?q=x"})

    followed = FollowedSearch.objects.get(user=member)
    assert (followed.text, followed.filters, followed.is_active) == ("hedersvåld skola", "typ=metod", True)

    other = UserFactory()
    assert not following.unfollow(other, followed.pk)
    member_client.post(reverse("search:unfollow", args=[followed.pk]))
    followed.refresh_from_db()
    assert not followed.is_active


def test_a_search_with_an_identity_number_cannot_be_followed(member, member_client):
    response = member_client.post(reverse("search:follow"), {"q": "850709-1232"}, follow=True)

    assert not FollowedSearch.objects.exists()
    assert "personuppgifter" in response.content.decode()


def test_new_matches_are_told_once_and_only_those_the_follower_may_see(member, make_method):
    search = following.follow(member, "hedersvåld", QueryDict())
    FollowedSearch.objects.filter(pk=search.pk).update(checked_at=timezone.now() - timedelta(hours=1))
    page = make_method("Hedersvåld i förskolan")
    open_thread = start_thread(title="Hedersvåld på fritids?")
    closed = Category.objects.create(name="Redaktionsrummet", slug="redaktionsrummet")
    closed.restricted_to_groups.set(Group.objects.filter(name=roles.EDITOR))
    start_thread(UserFactory(roles=[roles.EDITOR]), category=closed, title="Hedersvåld i ett ärende")

    assert following.notify_new_matches() == 2
    told = Notification.objects.filter(recipient=member, kind=NotificationKind.SEARCH)
    assert {(item.thread_id, item.page_id) for item in told} == {(open_thread.pk, None), (None, page.pk)}
    assert "Ny träff för en sökning du följer" in told.first().describe()

    FollowedSearch.objects.filter(pk=search.pk).update(checked_at=timezone.now() - timedelta(hours=1))
    assert following.notify_new_matches() == 0  # told before


def test_the_queries_of_telling_new_matches_do_not_grow_with_the_matches(
    member, make_method, django_assert_max_num_queries
):
    search = following.follow(member, "hedersvåld", QueryDict())
    for number in range(8):
        make_method(f"Hedersvåld {number}")
    FollowedSearch.objects.filter(pk=search.pk).update(checked_at=timezone.now() - timedelta(hours=1))
    with django_assert_max_num_queries(30):
        assert following.notify_new_matches() == 8


# The evaluation's typo and English runs


def test_the_typo_run_slips_one_letter_in_the_longest_word():
    assert with_typo("oro för barn hedersförtryck", 0) == "oro för barn hedersfrtryck"
    assert with_typo("VINR äldre", 1) == "VINR ädlre"
    assert with_typo("mvp", 1) == "vmp"
    queries = [Query("våldsmottagning", ()), Query("fgm", (), english="female genital mutilation")]
    assert [query.text for query in typo_queries(queries)] == ["våldsmotagning", "gfm"]
    assert [query.text for query in english_queries(queries)] == ["female genital mutilation"]
