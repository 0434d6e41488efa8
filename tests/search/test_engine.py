"""The one search: words, Swedish forms, synonyms, permissions, facets and order, on the configured database."""

import pytest

from django.contrib.auth.models import Group
from django.db import connection

from accounts import roles
from accounts.models import Municipality, User
from forum import moderation, services
from forum.models import Category
from search import dialects, engine
from search.engine import FEEDBACK_BELOW, search
from search.models import SearchDocument
from search.models.documents import Facet, Kind
from search.question import Filters, read_question
from tests.factories import UserFactory, add_replies, start_thread


def titles(results):
    return [hit.title for hit in results.hits]


def test_a_method_an_experience_and_a_thread_are_found_by_one_search(member, make_method, make_experience):
    make_method("Stödsamtal för barn", body=[("paragraph", "<p>Samtal med barn som upplevt våld.</p>")])
    make_experience("Stödsamtal i Sigtuna")
    start_thread(title="Hur ordnar ni stödsamtal?", body="Vi behöver tips om stödsamtal.")
    results = search(member, "stödsamtal")
    assert {hit.kind for hit in results.hits} == {Kind.METHOD, Kind.EXPERIENCE, Kind.THREAD}
    assert results.count == 3


def test_inflected_forms_find_each_other(member, make_method):
    make_method("Samtal om relationer", summary="Hur relationer påverkar barnen.")
    assert titles(search(member, "relation")) == ["Samtal om relationer"]
    assert titles(search(member, "barn")) == ["Samtal om relationer"]


def test_a_part_of_a_compound_finds_the_compound_but_not_lookalikes(member, make_method):
    make_method("Team mot relationsvåld", summary="Teamet arbetar med relationsvåld.")
    make_method("Valdeltagande i skolval", summary="Om valdeltagande bland unga.")
    assert titles(search(member, "våld")) == ["Team mot relationsvåld"]


def test_the_thesaurus_finds_synonyms_and_can_be_turned_off(member, make_method):
    make_method("Stöd vid hedersförtryck", summary="Om hedersförtryck i familjen.")
    assert titles(search(member, "HRV")) == ["Stöd vid hedersförtryck"]
    assert titles(search(member, "HRV", thesaurus=False)) == []


def test_a_multi_word_synonym_finds_its_abbreviation(member, make_method):
    make_method("VINR-utbildning för chefer", summary="Grundkurs om VINR.")
    assert titles(search(member, "våld i nära relationer")) == ["VINR-utbildning för chefer"]


def test_every_concept_must_match_when_that_fills_a_page(member, make_method):
    make_method("Äldre och våld", summary="Våld mot äldre i hemtjänsten.")
    make_method("Våld i skolan", summary="Våld mellan elever.")
    assert titles(search(member, "våld äldre", per_page=1)) == ["Äldre och våld"]
    assert search(member, "våld äldre", per_page=1).count == 1


def test_a_word_in_the_title_ranks_above_the_same_word_in_the_text(member, make_method):
    make_method("Handbok", summary="Om kartläggning av risker och mycket annat i arbetet.")
    make_method("Kartläggning", summary="En metod.")
    assert titles(search(member, "kartläggning"))[0] == "Kartläggning"


def test_drafts_and_unpublished_pages_are_not_found(member, make_method):
    make_method("Utkast om våld", publish=False, live=False)
    page = make_method("Publicerad om våld")
    assert titles(search(member, "våld")) == ["Publicerad om våld"]
    page.unpublish()
    assert titles(search(member, "våld")) == []


def test_pages_with_view_restrictions_are_left_out(member, make_method):
    from wagtail.models import PageViewRestriction

    page = make_method("Intern rutin om våld")
    assert titles(search(member, "rutin")) == ["Intern rutin om våld"]
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert titles(search(member, "rutin")) == []
    restriction.delete()
    assert titles(search(member, "rutin")) == ["Intern rutin om våld"]


def test_a_restriction_on_a_section_leaves_out_the_pages_below_it(member, make_method, sections):
    from wagtail.models import PageViewRestriction

    from knowledge.models import MethodIndexPage

    make_method("Intern rutin om våld")
    PageViewRestriction.objects.create(page=sections[MethodIndexPage], restriction_type=PageViewRestriction.LOGIN)
    assert titles(search(member, "rutin")) == []


def test_a_pages_tags_and_target_groups_are_found_and_counted(member, make_method):
    make_method("Stödgrupp", target_groups=["aldre"], tags=["samverkan"])
    results = search(member, "äldre")
    assert titles(results) == ["Stödgrupp"]
    assert len(results.facets[Facet.TARGET_GROUP]) == 1
    assert titles(search(member, "samverkan")) == ["Stödgrupp"]


def test_restricted_categories_are_searched_only_by_those_allowed(member, editor):
    room = Category.objects.create(name="Redaktionens rum", slug="redaktionens-rum")
    room.restricted_to_groups.add(Group.objects.get(name=roles.EDITOR))
    start_thread(title="Hemlig planering av temadag", category=room, author=editor)
    assert search(member, "temadag").count == 0
    assert titles(search(editor, "temadag")) == ["Hemlig planering av temadag"]


def test_hidden_posts_and_threads_are_not_found(member):
    moderator = UserFactory(roles=[roles.EMPLOYEE, roles.MODERATOR])
    thread = start_thread(title="Fråga om skyddat boende", body="Var finns skyddat boende?")
    services.reply(thread, author=UserFactory(), body="Skyddat boende finns i Sollentuna.")
    assert search(member, "boende").count == 2
    moderation.hide_thread(thread, by=moderator, reason="Test")
    assert search(member, "boende").count == 0


def test_replies_are_found_with_their_threads_title_and_link(member):
    thread = start_thread(title="Tips om kartläggning", body="Hur gör ni?")
    add_replies(thread, 1)
    results = search(member, "svar nummer")
    assert [(hit.kind, hit.title) for hit in results.hits] == [(Kind.POST, "Tips om kartläggning")]
    assert results.hits[0].url.endswith("#inlagg-2")


def test_filters_narrow_by_type_municipality_and_tag(member, make_method, make_experience):
    make_method("Våld och skola", owner="sigtuna", tags=["skola"])
    make_method("Våld och fritid", owner="jarfalla")
    make_experience("Våld i Sigtuna", owner="sigtuna")
    sigtuna = SearchDocument.objects.filter(kind=Kind.EXPERIENCE).get().municipality_id
    assert search(member, "våld").count == 3
    assert search(member, "våld", filters=Filters(kinds=(Kind.METHOD,))).count == 2
    assert search(member, "våld", filters=Filters(municipality_id=sigtuna)).count == 2
    from taggit.models import Tag

    skola = Tag.objects.get(name="skola")
    assert titles(search(member, "våld", filters=Filters(facets=((Facet.TAG, skola.pk),)))) == ["Våld och skola"]


def test_facet_counts_cover_the_whole_result_not_only_the_page(member, make_method):
    for number in range(12):
        make_method(f"Metod om våld {number}", owner="sollentuna")
    results = search(member, "våld", per_page=5)
    assert len(results.hits) == 5
    assert results.count == 12
    assert results.facets["typ"] == {Kind.METHOD: 12}
    assert list(results.facets["kommun"].values()) == [12]


def test_a_page_beyond_the_last_gives_the_last_page(member, make_method):
    for number in range(3):
        make_method(f"Metod om våld {number}")
    results = search(member, "våld", page=10**9, per_page=2)
    assert results.page == 2
    assert len(results.hits) == 1


def test_snippets_mark_the_words_found_and_escape_the_text(member, make_method):
    make_method("Att fråga", summary="Fråga om <våld> i alla samtal om relationsvåld.")
    (hit,) = search(member, "våld").hits
    assert "&lt;<mark>våld</mark>&gt;" in hit.snippet
    assert "<mark>relationsvåld</mark>" in hit.snippet


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("", []),
        ("   ", []),
        ("&|!:*()'\"\\", []),
        ('"obalanserad', []),
        ("*" * 500, []),
        ("a" * 10_000, []),
        ("'; DROP TABLE users; --", []),
        ("våld:*", ["Våld"]),
        ("NEAR(a b)", []),
    ],
)
def test_odd_input_is_read_as_words_and_never_fails(member, make_method, query, found):
    make_method("Våld")
    assert titles(search(member, query)) == found
    assert titles(search(member, "våld")) == ["Våld"]  # and the index is as it was


def test_a_search_costs_the_same_number_of_queries_whatever_the_number_of_hits(member, make_method):
    def count_queries(total):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        for number in range(total - SearchDocument.objects.filter(kind=Kind.METHOD).count()):
            make_method(f"Metod om våld nummer {total}-{number}", tags=["skola"], target_groups=["aldre"])
        search(member, "våld")
        with CaptureQueriesContext(connection) as queries:
            search(member, "våld")
        return len(queries)

    few = [count_queries(1), count_queries(FEEDBACK_BELOW - 1)]
    many = count_queries(FEEDBACK_BELOW)
    assert many == count_queries(15)
    # Below FEEDBACK_BELOW hits, hits about the same subjects may follow: the labels the first hits share are
    # read (one query) and, when one says something, searched (one more).
    assert all(many < queries <= many + 2 for queries in few)


def test_when_few_hits_hold_every_word_hits_with_some_follow_the_closest_first(member, make_method):
    make_method("Hedersförtryck och oro för barn", summary="Om oro.")
    make_method("Hedersförtryck i skolan", summary="Samtal i klassen.")
    make_method("Barnets rätt", summary="Om barnkonventionen.")
    results = search(member, "hedersförtryck oro")
    assert results.partial
    assert titles(results) == ["Hedersförtryck och oro för barn", "Hedersförtryck i skolan"]


def test_a_thread_is_found_by_the_text_of_its_opening_post(member):
    author = UserFactory()
    thread = start_thread(author=author, title="Mentorer i årskurs 9", body="Vi följer MVP-modellen på två skolor.")
    results = search(member, "mvp")
    assert [(hit.kind, hit.title) for hit in results.hits] == [(Kind.THREAD, "Mentorer i årskurs 9")]
    opening = thread.posts.get(number=1)
    services.edit_post(opening, by=author, body="Vi följer en egen modell.", version=opening.version)
    assert search(member, "mvp").count == 0
    assert titles(search(member, "modell")) == ["Mentorer i årskurs 9"]


def test_a_hidden_opening_post_takes_its_text_out_of_the_search(member):
    moderator = UserFactory(roles=[roles.EMPLOYEE, roles.MODERATOR])
    thread = start_thread(title="Mentorer i årskurs 9", body="Vi följer MVP-modellen.")
    moderation.hide_post(thread.posts.get(number=1), by=moderator, reason="Test")
    assert search(member, "mvp").count == 0
    assert search(moderator, "mvp").count == 0  # hidden is hidden in search, for moderators too


def test_a_part_of_a_compound_in_the_title_counts_as_a_title_word(member, make_method):
    make_method("Handbok för socialtjänsten", summary="Ett team, ett team till och ännu ett team i varje kommun.")
    make_method("Relationsvåldsteamet", summary="En väg in.")
    assert titles(search(member, "team"))[0] == "Relationsvåldsteamet"


def test_a_hit_with_every_word_in_its_title_ranks_first(member, make_method):
    make_method(
        "Föräldragrupper om hedersförtryck",
        summary="Hedersförtryck, hedersvåld och HRV: samtal om hedersförtryck med föräldrar, även i förskolan.",
    )
    make_method("HRV i förskolan", summary="Tecken hos de små.")
    assert titles(search(member, "HRV förskola")) == ["HRV i förskolan", "Föräldragrupper om hedersförtryck"]


def test_a_rare_word_in_the_title_counts_more_than_a_common_one(member, make_method):
    for topic in ("skolan", "vården", "polisen"):
        make_method(f"Relationsvåld och {topic}", summary="Om våld i nära relationer.")
    make_method("Behandling vid våld i nära relationer", summary="Äldre par, äldre makar, äldre i hemtjänsten.")
    make_method("Våld mot äldre", summary="Ett stöd för den som utsätts för våld i en nära relation.")
    assert titles(search(member, "VINR äldre"))[:2] == ["Våld mot äldre", "Behandling vid våld i nära relationer"]


def test_how_rare_each_word_is_is_counted_once_a_while(member, make_method, monkeypatch):
    make_method("Våld mot äldre", summary="Om äldre.")
    counted = []
    original = dialects.SQLiteDialect.document_frequencies, dialects.PostgresDialect.document_frequencies

    def counting(index):
        def frequencies(self, expressions):
            counted.append(expressions)
            return original[index](self, expressions)

        return frequencies

    monkeypatch.setattr(dialects.SQLiteDialect, "document_frequencies", counting(0))
    monkeypatch.setattr(dialects.PostgresDialect, "document_frequencies", counting(1))
    search(member, "våld äldre")
    search(member, "våld äldre", page=2)
    assert len(counted) == 1
    search(member, "äldre")
    assert len(counted) == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL samples a large index; SQLite counts")
def test_postgresql_judges_rarity_on_a_sample_of_a_large_index(member, make_method, monkeypatch):
    from django.test.utils import CaptureQueriesContext

    for number in range(12):
        make_method(f"Metod {number} om våld", summary="Stöd till barn." if number % 3 else "Om äldre.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
    monkeypatch.setattr(dialects, "SAMPLE_ROWS", 4)  # "large" from four entries on
    with CaptureQueriesContext(connection) as queries:
        total, violence, elderly = dialects.PostgresDialect().document_frequencies(["'våld'", "'äldre'"])
    assert "TABLESAMPLE SYSTEM" in queries[-1]["sql"] and "100.0)" not in queries[-1]["sql"]
    assert 0 <= elderly <= violence <= total
    assert titles(search(member, "våld äldre"))  # the search still ranks with the sampled counts


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL chooses how to join the documents")
def test_both_ways_of_joining_the_documents_give_the_same_hits(member, make_method, monkeypatch):
    from django.test.utils import CaptureQueriesContext

    make_method("Våld mot äldre", summary="Om äldre.")
    thread = start_thread(title="Våld i hemtjänsten", body="Hur frågar ni om våld?")
    add_replies(thread, 2)
    services.reply(thread, author=UserFactory(), body="Vi frågar alltid om våld.")

    def hits(lookup_up_to):
        monkeypatch.setattr(dialects, "LOOKUP_UP_TO", lookup_up_to)
        with CaptureQueriesContext(connection) as queries:
            results = search(member, "våld")
        statement = next(query["sql"] for query in queries if query["sql"].startswith("WITH hits"))
        return [(hit.kind, hit.title) for hit in results.hits], results.facets, statement

    looked_up, looked_up_facets, lookup_sql = hits(1000)
    hashed, hashed_facets, hash_sql = hits(0)
    assert "LATERAL" in lookup_sql and "LATERAL" not in hash_sql
    assert looked_up == hashed and looked_up_facets == hashed_facets
    assert (Kind.POST, "Våld i hemtjänsten") in looked_up


def test_with_many_words_only_the_rarest_decide_which_partial_hits_come(member, make_method):
    for topic in ("skolan", "vården", "polisen", "hemtjänsten"):
        make_method(f"Våld och {topic}", summary="Stöd och samtal med barn om våld.")
    make_method("Riskbedömning med PATRIARK", summary="Ett verktyg.")
    make_method("Partnervåld och demens", summary="När minnet sviker.")
    question = read_question("våld stöd samtal barn patriark demens", use_thesaurus=False)
    kept = engine._rarest(dialects.dialect(), question).concepts
    assert len(kept) == engine.MAX_EITHER
    assert [["patriark"]] in kept and [["demens"]] in kept and [["våld"]] not in kept
    results = search(member, "våld stöd samtal barn patriark demens", thesaurus=False)
    assert results.partial
    assert {"Riskbedömning med PATRIARK", "Partnervåld och demens"} <= set(titles(results))


def test_when_partial_hits_would_be_many_each_must_hold_two_of_the_words(member, make_method, monkeypatch):
    make_method("Kartläggning och skuldrådgivning", summary="Ett stöd.")
    make_method("Kartläggning i skolan", summary="Ett stöd.")
    make_method("Skuldrådgivning och demens", summary="Ett stöd.")
    query = "kartläggning skuldrådgivning demens"
    assert len(titles(search(member, query))) == 3  # few: any one word will do
    monkeypatch.setattr(engine, "BROAD_HITS", 0)
    results = search(member, query)
    assert results.partial
    assert sorted(titles(results)) == ["Kartläggning och skuldrådgivning", "Skuldrådgivning och demens"]


def test_the_rooms_a_reader_sees_change_at_once_with_a_room_s_limits_their_roles_and_their_municipality(member):
    room = Category.objects.create(name="Samrådsrummet", slug="samradsrummet")
    start_thread(title="Samråd om skyddat boende", category=room)
    assert search(member, "samråd").count == 1  # the rooms this kind of reader sees are kept from here on
    room.restricted_to_groups.add(Group.objects.get(name=roles.EDITOR))
    assert search(member, "samråd").count == 0
    member.groups.add(Group.objects.get(name=roles.EDITOR))
    member = User.objects.get(pk=member.pk)  # as the next request reads the person
    assert search(member, "samråd").count == 1
    elsewhere = Municipality.objects.exclude(pk=member.municipality_id).first()
    room.restricted_to_municipalities.add(elsewhere)
    assert search(member, "samråd").count == 0
    User.objects.filter(pk=member.pk).update(municipality=elsewhere)
    assert search(User.objects.get(pk=member.pk), "samråd").count == 1
    another = UserFactory(roles=[roles.EMPLOYEE])  # the same roles, another municipality: kept apart
    assert another.municipality_id != elsewhere.pk and search(another, "samråd").count == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL ranks a window of a broad question")
def test_a_broad_question_ranks_counts_and_shows_the_best_of_a_window(member, make_method, monkeypatch):
    for number in range(6):
        make_method(f"Våld {number}", summary="Om våld. " * (number + 1))
    hidden_room = Category.objects.create(name="Redaktionen", slug="redaktionen")
    hidden_room.restricted_to_groups.add(Group.objects.get(name=roles.EDITOR))
    start_thread(title="Våld våld våld", body="Våld.", category=hidden_room, author=UserFactory(roles=[roles.EDITOR]))
    everything = search(member, "våld")
    assert everything.count == 6 and not everything.capped

    monkeypatch.setattr(engine, "WINDOW_FROM", 2)
    monkeypatch.setattr(engine, "WINDOW", 4)
    windowed = search(member, "våld", per_page=2)
    assert windowed.capped and windowed.count <= 4
    assert titles(windowed) == titles(everything)[:2]
    assert "Våld våld våld" not in titles(search(member, "våld", per_page=4))
    # A filter, the newest first and a page past the window look at every hit.
    assert search(member, "våld", filters=Filters(kinds=(Kind.METHOD,))).count == 6
    assert search(member, "våld", order=dialects.NEWEST).count == 6
    assert search(member, "våld", per_page=2, page=3).count == 6


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL ranks a window of a broad question")
def test_a_window_of_hits_the_reader_may_not_see_gives_way_to_every_hit(member, make_method, monkeypatch):
    for number in range(3):
        make_method(f"Våld {number}", summary="Om våld.")
    hidden_room = Category.objects.create(name="Redaktionen", slug="redaktionen")
    hidden_room.restricted_to_groups.add(Group.objects.get(name=roles.EDITOR))
    editor = UserFactory(roles=[roles.EDITOR])
    for number in range(5):
        start_thread(title=f"Våld våld våld {number}", body="Våld våld.", category=hidden_room, author=editor)
    monkeypatch.setattr(engine, "WINDOW_FROM", 2)
    monkeypatch.setattr(engine, "WINDOW", 4)

    # The four best entries are all in a room closed to the member: they are owed the three hits they may see.
    results = search(member, "våld", per_page=3)
    assert sorted(titles(results)) == ["Våld 0", "Våld 1", "Våld 2"]
    assert results.count == 3 and not results.capped
