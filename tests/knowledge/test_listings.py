import pytest

from knowledge.models import EvidenceLevel, ExperienceIndexPage, MethodIndexPage
from tests.conftest import queries_for


def titles(response):
    return [page.title for page in response.context["listing"].results]


def facet_values(response, param):
    for state in response.context["listing"].facets:
        if state.param == param:
            return {value.label: value.count for value in state.values}
    return {}


@pytest.fixture
def methods(make_method):
    make_method(
        "Våldsmottagning", owner="jarfalla", target_groups=["vuxna-valdsutsatta"], evidence="beprovad-erfarenhet"
    )
    make_method("Stödgrupp för barn", owner="sollentuna", target_groups=["barn-0-12-ar"], tags=["stödgrupp"])
    make_method(
        "Åskådarprogram i skolan",
        owner="upplands-vasby",
        target_groups=["unga-13-25-ar"],
        tags=["skola"],
        evidence="lovande-praktik",
    )
    make_method("Samtal om hedersnormer", owner="sigtuna", target_groups=["unga-13-25-ar", "foraldrar"], tags=["skola"])


def test_the_method_listing_shows_every_published_method(member_client, sections, methods):
    response = member_client.get(sections[MethodIndexPage].url)
    assert response.status_code == 200
    assert len(titles(response)) == 4


def test_filters_combine_and_within_a_facet_widen(member_client, sections, methods):
    url = sections[MethodIndexPage].url
    young = member_client.get(url, {"malgrupp": "unga-13-25-ar"})
    assert sorted(titles(young)) == ["Samtal om hedersnormer", "Åskådarprogram i skolan"]
    young_in_sigtuna = member_client.get(url, {"malgrupp": "unga-13-25-ar", "kommun": "sigtuna"})
    assert titles(young_in_sigtuna) == ["Samtal om hedersnormer"]
    young_or_children = member_client.get(url, {"malgrupp": ["unga-13-25-ar", "barn-0-12-ar"]})
    assert len(titles(young_or_children)) == 3


def test_every_facet_value_shows_where_a_click_leads(member_client, sections, methods):
    response = member_client.get(sections[MethodIndexPage].url, {"tagg": "skola"})
    assert facet_values(response, "malgrupp") == {"Unga (13–25 år)": 2, "Föräldrar": 1}
    # The tag facet itself still offers the other tags, counted without the tag filter.
    assert facet_values(response, "tagg") == {"skola": 2, "stödgrupp": 1}
    assert facet_values(response, "kommun") == {"Sigtuna": 1, "Upplands Väsby": 1}


def test_sorting_by_title_and_newest(member_client, sections, methods):
    url = sections[MethodIndexPage].url
    assert titles(member_client.get(url, {"ordning": "titel"}))[0] == "Samtal om hedersnormer"
    assert titles(member_client.get(url))[0] == "Samtal om hedersnormer"  # newest first: created last
    assert titles(member_client.get(url, {"ordning": "titel"}))[-1] == "Åskådarprogram i skolan"


@pytest.mark.parametrize(
    "query",
    [
        {"malgrupp": "finns-inte"},
        {"kommun": "'; DROP TABLE accounts_user; --"},
        {"ordning": "-pk"},
        {"ordning": "title__foo"},
        {"page": "999999999999"},
        {"page": "-1"},
        {"tagg": "x" * 5000},
        {"okand": "parameter"},
    ],
)
def test_odd_filters_are_ignored_with_a_note_never_an_error(member_client, sections, methods, query):
    response = member_client.get(sections[MethodIndexPage].url, query)
    assert response.status_code == 200
    assert len(titles(response)) >= 1


def test_an_unknown_filter_value_is_named_in_a_visible_note(member_client, sections, methods):
    response = member_client.get(sections[MethodIndexPage].url, {"malgrupp": "marsmänniskor", "ordning": "-pk"})
    html = response.content.decode()
    assert "marsmänniskor" in html
    assert "Okänd sorteringsordning" in html


def test_an_empty_result_says_so_and_offers_to_clear_filters(member_client, sections, methods):
    response = member_client.get(sections[MethodIndexPage].url, {"kommun": "sundbyberg"})
    html = response.content.decode()
    assert titles(response) == []
    assert "Rensa alla filter" in html


def test_filter_links_keep_the_other_filters(member_client, sections, methods):
    response = member_client.get(sections[MethodIndexPage].url, {"tagg": "skola", "kommun": "sigtuna"})
    removals = [query for _facet, _value, query in response.context["listing"].active_filters]
    assert "tagg=skola" in removals
    assert "kommun=sigtuna" in removals


def test_experience_listing_filters_by_the_evidence_of_its_methods(
    member_client, sections, make_method, make_experience
):
    proven = make_method("Metod A", evidence="beprovad-erfarenhet")
    promising = make_method("Metod B", evidence="lovande-praktik")
    make_experience("Erfarenhet A", methods=[proven])
    make_experience("Erfarenhet B", methods=[promising])
    response = member_client.get(sections[ExperienceIndexPage].url, {"kunskapslage": "lovande-praktik"})
    assert titles(response) == ["Erfarenhet B"]


def test_the_listing_runs_the_same_queries_for_5_and_100_methods(member_client, sections, make_method):
    url = sections[MethodIndexPage].url + "?malgrupp=unga-13-25-ar&tagg=skola"
    for number in range(5):
        make_method(f"Metod {number}", target_groups=["unga-13-25-ar"], tags=["skola", f"tagg{number}"])
    member_client.get(url)
    few = queries_for(member_client, url)
    for number in range(5, 100):
        make_method(f"Metod {number}", target_groups=["unga-13-25-ar"], tags=["skola", f"tagg{number}"])
    assert queries_for(member_client, url) == few


def test_the_evidence_filter_explains_each_level_beside_its_checkbox(member_client, sections, methods):
    level = EvidenceLevel.objects.get(slug="lovande-praktik")
    content = member_client.get(sections[MethodIndexPage].url).content.decode()
    box = content.index('value="lovande-praktik"')
    described_by = content[box:].split('aria-describedby="', 1)[1].split('"', 1)[0]
    assert f'id="{described_by}">{level.description}</span>' in content
