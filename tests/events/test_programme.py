"""The programme on a campaign year's page: filters with counts in the address, days and weeks, bad values."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from accounts.models import Municipality, Sector
from events.models import EventType
from tests.conftest import queries_for
from tests.factories import CampaignPageFactory, EventPageFactory, UserFactory

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(day, hour=9):
    return datetime(2026, 11, day, hour, tzinfo=STOCKHOLM)


@pytest.fixture
def campaign(db):
    return CampaignPageFactory(year=2026)


def event(campaign, day, hour=9, **fields):
    return EventPageFactory(parent=campaign, starts_at=at(day, hour), ends_at=at(day, hour + 2), **fields)


def titles(response):
    return [e.title for day in response.context["programme"].days for e in day.events]


def values(response, param):
    [state] = [state for state in response.context["programme"].states if state.param == param]
    return {value.slug: (value.count, value.selected) for value in state.values}


def test_events_are_grouped_by_day_under_swedish_day_headings(member_client, campaign):
    event(campaign, 3, 13, title="Eftermiddag")
    event(campaign, 3, 9, title="Förmiddag")
    event(campaign, 5, title="Torsdag")
    response = member_client.get(campaign.url)
    days = response.context["programme"].days
    assert [(day.day.day, [e.title for e in day.events]) for day in days] == [
        (3, ["Förmiddag", "Eftermiddag"]),
        (5, ["Torsdag"]),
    ]
    html = response.content.decode()
    assert "Tisdag 3 november" in html and "Torsdag 5 november" in html


def test_a_filter_narrows_the_programme_and_each_option_counts_what_it_would_show(member_client, campaign):
    sigtuna, jarfalla = Municipality.objects.get(slug="sigtuna"), Municipality.objects.get(slug="jarfalla")
    event(campaign, 3, title="Sigtuna på plats", municipality=sigtuna)
    event(campaign, 4, title="Sigtuna digitalt", municipality=sigtuna, place="", online_link="https://teams.example/x")
    event(campaign, 5, title="Järfälla", municipality=jarfalla, event_type=EventType.LECTURE)

    response = member_client.get(campaign.url, {"kommun": "sigtuna"})

    assert titles(response) == ["Sigtuna på plats", "Sigtuna digitalt"]
    # A municipality's count is what choosing it as well would show; other filters count within Sigtuna.
    assert values(response, "kommun") == {"sigtuna": (2, True), "jarfalla": (1, False)}
    assert values(response, "form") == {"pa-plats": (1, False), "digitalt": (1, False)}
    assert values(response, "typ") == {"workshop": (2, False)}
    html = response.content.decode()
    assert 'name="kommun" value="sigtuna" checked' in html and "(2)" in html


def test_filters_combine_and_values_within_one_widen(member_client, campaign):
    event(campaign, 3, title="Workshop", event_type=EventType.WORKSHOP)
    event(campaign, 4, title="Föreläsning", event_type=EventType.LECTURE)
    event(campaign, 5, title="Webbinarium", event_type=EventType.WEBINAR, place="", online_link="https://x.example")

    both = member_client.get(campaign.url + "?typ=workshop&typ=forelasning")
    online_lectures = member_client.get(campaign.url + "?typ=forelasning&typ=webbinarium&form=digitalt")

    assert titles(both) == ["Workshop", "Föreläsning"]
    assert titles(online_lectures) == ["Webbinarium"]


def test_the_sector_filter_and_places_left(member_client, campaign):
    school = Sector.objects.get(slug="skola")
    full = event(campaign, 3, title="Full", capacity=1)
    full.sectors.add(school)
    full.save_revision().publish()
    UserFactory().event_registrations.create(event=full, status="anmald")
    event(campaign, 4, title="Gott om plats", capacity=None)

    response = member_client.get(campaign.url, {"lediga": "ja"})
    assert titles(response) == ["Gott om plats"]
    assert titles(member_client.get(campaign.url, {"verksamhet": "skola"})) == ["Full"]
    assert values(member_client.get(campaign.url), "lediga") == {"ja": (1, False)}


def test_the_date_range_keeps_the_events_between_its_days(member_client, campaign):
    for day in (2, 10, 20):
        event(campaign, day, title=f"Dag {day}")
    response = member_client.get(campaign.url, {"fran": "2026-11-10", "till": "2026-11-19"})
    assert titles(response) == ["Dag 10"]


def test_the_week_view_shows_monday_to_sunday_with_the_events(member_client, campaign):
    event(campaign, 3, title="Tisdag")  # week 45
    event(campaign, 12, title="Torsdag veckan efter")  # week 46
    response = member_client.get(campaign.url, {"vy": "vecka"})
    weeks = response.context["programme"].weeks
    assert [week.number for week in weeks] == [45, 46]
    assert [len(week.days) for week in weeks] == [7, 7]
    assert [e.title for e in weeks[0].days[1].events] == ["Tisdag"]
    assert "Vecka 45 (2 november–8 november)" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "kommun=finns-inte",
        "typ=konsert",
        "fran=igår&till=2026-13-45",
        "vy=månad",
        "lediga=kanske&form=%00",
        "kommun=" + "x" * 5000,
    ],
)
def test_bad_values_are_ignored_with_a_notice_never_an_error(member_client, campaign, query):
    event(campaign, 3, title="Kvar")
    response = member_client.get(f"{campaign.url}?{query}")
    assert response.status_code == 200
    assert titles(response) == ["Kvar"]
    assert response.context["programme"].notices


def test_the_programme_runs_the_same_queries_for_3_and_30_events(member_client, member, campaign):
    for day in range(1, 4):
        event(campaign, day, municipality=Municipality.objects.get(slug="sigtuna"))
    url = campaign.url + "?kommun=sigtuna&lediga=ja"
    queries_for(member_client, url)  # the first request fills the caches of sites and translations
    few = queries_for(member_client, url)
    week_few = queries_for(member_client, url + "&vy=vecka")
    for day in range(4, 31):
        registered = event(campaign, day, municipality=Municipality.objects.get(slug="jarfalla"))
        registered.sectors.add(*Sector.objects.all())
        registered.save_revision().publish()
        member.event_registrations.create(event=registered, status="anmald")
    assert queries_for(member_client, url) == few
    assert queries_for(member_client, url + "&vy=vecka") == week_few


def test_the_reader_sees_which_events_they_registered_for(member_client, member, campaign):
    mine = event(campaign, 3, title="Min")
    member.event_registrations.create(event=mine, status="anmald")
    assert "Du är anmäld" in member_client.get(campaign.url).content.decode()


def test_a_filtered_programme_starts_at_its_events_and_its_filters_can_be_skipped(member_client, campaign):
    sigtuna = Municipality.objects.get(slug="sigtuna")
    event(campaign, 3, title="Sigtuna på plats", municipality=sigtuna)

    def results_heading(response):
        html = response.content.decode()
        assert 'href="#results">Hoppa till resultaten</a>' in html
        heading = re.search(r'<h2 class="results-heading[^"]*" id="results" tabindex="-1"( autofocus)?>([^<]*)<', html)
        # The days are headings under the count of events, not under the filters' heading.
        assert html.index(heading.group(0)) < html.index('<h3 id="day-2026-11-03"')
        return heading.group(2), bool(heading.group(1))

    assert results_heading(member_client.get(campaign.url)) == ("1 evenemang", False)
    assert results_heading(member_client.get(campaign.url, {"kommun": "sigtuna"})) == ("1 evenemang", True)
