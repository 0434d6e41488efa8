"""The campaign month's pages as people read them: the index, the event page, the calendar file, the header and the
start page."""

from datetime import timedelta
from importlib import import_module

import pytest
from icalendar import Calendar

from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from accounts import roles
from accounts.models import Municipality, Sector
from events import services
from events.models import CampaignIndexPage
from knowledge.models import HomePage, MethodIndexPage
from tests.conftest import queries_for
from tests.factories import CampaignPageFactory, EventPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def this_years_campaign(days_from_start):
    """A campaign that started `days_from_start` days ago (negative: it starts in that many days)."""
    today = timezone.localdate()
    starts_on = today - timedelta(days=days_from_start)
    return CampaignPageFactory(year=today.year, starts_on=starts_on, ends_on=starts_on + timedelta(days=29))


def restrict_to_editors(page):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=roles.EDITOR)])


def test_the_migration_made_the_campaign_index_at_its_address(member_client):
    index = CampaignIndexPage.objects.get()
    assert index.live and index.slug == "kampanjmanaden" and index.get_parent().specific_class.__name__ == "HomePage"
    response = member_client.get("/kampanjmanaden/")
    assert response.status_code == 200
    assert "<h1>Kampanjmånaden</h1>" in response.content.decode()
    assert Page.find_problems() == ([], [], [], [], [])  # the tree the migration wrote is sound


def test_the_migration_adds_the_index_beside_existing_sections_and_never_a_second(member_client, sections):
    create_campaign_index = import_module("events.migrations.0002_campaign_index").create_campaign_index
    create_campaign_index(apps, None)
    assert CampaignIndexPage.objects.count() == 1
    CampaignIndexPage.objects.get().delete()
    create_campaign_index(apps, None)  # after the knowledge bank's sections, as on a database that already has them
    assert Page.find_problems() == ([], [], [], [], [])
    assert member_client.get("/kampanjmanaden/").status_code == 200
    assert member_client.get(sections[MethodIndexPage].url).status_code == 200


def test_the_index_shows_the_running_campaign_first_and_every_year_in_the_archive(member_client):
    running = this_years_campaign(3)
    CampaignPageFactory(year=2019, theme="Hedersrelaterat våld")
    html = member_client.get("/kampanjmanaden/").content.decode()
    assert "Pågår nu" in html and running.title in html
    assert html.index(f"{running.year}: Barn och unga") < html.index("2019: Hedersrelaterat våld")


def test_the_campaign_page_shows_theme_period_partners_and_programme(member_client):
    campaign = this_years_campaign(0)
    campaign.partner_municipalities.set(Municipality.objects.filter(slug__in=["sigtuna", "jarfalla"]))
    campaign.save_revision().publish()
    EventPageFactory(parent=campaign, title="Föreläsning om tvång")
    html = member_client.get(campaign.url).content.decode()
    assert "Tema: Barn och unga" in html
    assert "Järfälla, Sigtuna" in html
    assert "Föreläsning om tvång" in html and "Program" in html


def test_the_event_page_tells_when_where_for_whom_and_how_many_places(member_client):
    event = EventPageFactory(
        title="Workshop om skyddsbedömning",
        speaker="Anna Berg, socionom",
        capacity=12,
        starts_at=timezone.make_aware(timezone.datetime(2026, 11, 3, 9, 0)),
        ends_at=timezone.make_aware(timezone.datetime(2026, 11, 3, 12, 0)),
        registration_deadline=timezone.make_aware(timezone.datetime(2026, 10, 30, 12, 0)),
        online_link="https://teams.example/mote",
        municipality=Municipality.objects.get(slug="sigtuna"),
    )
    event.sectors.set(Sector.objects.filter(slug__in=["skola", "fritid"]))
    event.save_revision().publish()
    html = member_client.get(event.url).content.decode()
    assert "Tisdag 3 november 2026, 09:00" in html and "12:00" in html
    assert "Kommunhuset, Sigtuna" in html and 'href="https://teams.example/mote"' in html
    assert "Anna Berg, socionom" in html and "Skola, Fritid" in html
    assert "12 platser kvar" in html
    assert "Sista anmälningsdag" in html and "Fredag 30 oktober 2026, 12:00" in html
    assert reverse("events:event_ics", args=[event.pk]) in html
    assert f'id="registration-heading-{event.pk}"' in html  # the registration box


def test_an_online_event_says_so_instead_of_a_place(member_client):
    event = EventPageFactory(place="", online_link="https://zoom.example/123")
    html = member_client.get(event.url).content.decode()
    assert "Digitalt" in html and 'href="https://zoom.example/123"' in html


def test_slides_and_recording_appear_only_after_the_event(member_client):
    event = EventPageFactory(recording_url="https://play.example/inspelning")
    assert "play.example" not in member_client.get(event.url).content.decode()
    earlier = timezone.now() - timedelta(days=2)
    event.starts_at, event.ends_at = earlier, earlier + timedelta(hours=2)
    event.save_revision().publish()
    html = member_client.get(event.url).content.decode()
    assert "Efter evenemanget" in html and 'href="https://play.example/inspelning"' in html


def test_the_experience_report_is_linked_when_it_is_live(member_client, make_experience):
    report = make_experience(title="Så gick workshoppen")
    event = EventPageFactory(experience=report)
    assert "Så gick workshoppen" in member_client.get(event.url).content.decode()
    report.unpublish()
    assert "Så gick workshoppen" not in member_client.get(event.url).content.decode()


def test_the_event_downloads_as_a_calendar_file_in_stockholm_time(member_client):
    event = EventPageFactory(title="Nätverksträff för skolkuratorer")
    response = member_client.get(reverse("events:event_ics", args=[event.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == 'attachment; filename="natverkstraff-for-skolkuratorer.ics"'
    [entry] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Nätverksträff för skolkuratorer"
    assert entry["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert entry.decoded("DTSTART") == event.starts_at


def test_a_view_restricted_event_is_not_found_for_a_member_but_downloads_for_an_editor(client, member):
    event = EventPageFactory()
    restrict_to_editors(event)
    url = reverse("events:event_ics", args=[event.pk])
    client.force_login(member)
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(roles=[roles.EDITOR]))
    assert client.get(url).status_code == 200


def test_the_calendar_file_needs_a_login(client):
    event = EventPageFactory()
    response = client.get(reverse("events:event_ics", args=[event.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def nav_link(client):
    html = client.get("/").content.decode()
    start = html.index("main-nav__list")
    return html[start : html.index("</nav>", start)]


def test_the_header_links_to_the_campaign_month_without_a_campaign(member_client):
    nav = nav_link(member_client)
    assert 'href="/kampanjmanaden/"' in nav and ">Kampanjmånaden</a>" in nav


def test_the_header_says_coming_soon_the_month_before(member_client):
    campaign = this_years_campaign(-20)
    nav = nav_link(member_client)
    assert "kommer snart" in nav and f'href="{campaign.url}"' in nav


def test_the_header_names_the_campaign_while_it_runs(member_client):
    campaign = this_years_campaign(10)
    nav = nav_link(member_client)
    assert f">{campaign.title}</a>" in nav and "kommer snart" not in nav


def test_the_header_marks_the_campaign_month_as_current_on_its_pages(member_client):
    campaign = this_years_campaign(10)
    event = EventPageFactory(parent=campaign)
    assert 'aria-current="page">' + campaign.title in member_client.get(campaign.url).content.decode()
    assert 'aria-current="true">' + campaign.title in member_client.get(event.url).content.decode()


def test_the_header_forgets_a_campaign_that_is_over(member_client):
    this_years_campaign(40)
    nav = nav_link(member_client)
    assert ">Kampanjmånaden</a>" in nav and 'href="/kampanjmanaden/"' in nav


def test_the_headers_campaign_link_is_kept_in_the_cache_and_follows_every_change_at_once(member_client, member):
    campaign = this_years_campaign(10)
    assert f">{campaign.title}</a>" in nav_link(member_client)

    # An edit: the new title, at once.
    campaign.title = "En månad fri från våld – nytt namn"
    campaign.save_revision().publish()
    assert ">En månad fri från våld – nytt namn</a>" in nav_link(member_client)

    # A move: the campaign under another parent leaves the header (it is no longer a year of the campaign month).
    campaign.move(HomePage.objects.get(), pos="last-child")
    nav = nav_link(member_client)
    assert "nytt namn" not in nav and ">Kampanjmånaden</a>" in nav
    campaign = Page.objects.get(pk=campaign.pk).specific
    campaign.move(CampaignIndexPage.objects.get(), pos="last-child")
    assert "nytt namn" in nav_link(member_client)

    # A permission change: a view restriction on the campaign month hides the link from those it leaves out.
    restrict_to_editors(CampaignIndexPage.objects.get())
    nav = nav_link(member_client)
    assert "nytt namn" not in nav and "Kampanjmånaden" not in nav
    member.groups.add(Group.objects.get(name=roles.EDITOR))  # and someone let in sees it on their next page
    assert "nytt namn" in nav_link(member_client)

    # Unpublished ("hidden"): gone at once.
    PageViewRestriction.objects.all().delete()
    Page.objects.get(pk=campaign.pk).unpublish()
    assert "nytt namn" not in nav_link(member_client)


def test_the_headers_campaign_link_costs_no_query_once_kept(member_client):
    this_years_campaign(10)
    member_client.get("/forum/")
    with CaptureQueriesContext(connection) as captured:
        member_client.get("/forum/")
    assert not [query for query in captured if "events_campaignpage" in query["sql"]]


def test_the_start_page_lists_the_next_visible_events_with_date_type_host_and_places(member_client):
    campaign = this_years_campaign(-5)
    soon = timezone.now() + timedelta(days=1)
    EventPageFactory(parent=campaign, title="Först", starts_at=soon, ends_at=soon + timedelta(hours=1), capacity=5)
    EventPageFactory(parent=campaign, title="Sedan", municipality=Municipality.objects.get(slug="jarfalla"))
    restrict_to_editors(EventPageFactory(parent=campaign, title="Bara för redaktörer"))
    EventPageFactory(parent=campaign, title="Inställd", is_cancelled=True)
    html = member_client.get("/").content.decode()
    section = html[html.index('id="upcoming-events"') : html.index('id="current-campaign"')]
    assert section.index("Först") < section.index("Sedan")
    assert "Bara för redaktörer" not in section and "Inställd" not in section
    assert "Workshop" in section and "Järfälla" in section and "5 platser kvar" in section
    teaser = html[html.index('id="current-campaign"') :]
    assert "Kommer snart" in teaser and f'href="{campaign.url}"' in teaser


def test_the_start_page_runs_the_same_queries_for_2_and_12_events(member_client):
    campaign = this_years_campaign(0)
    EventPageFactory.create_batch(2, parent=campaign)
    queries_for(member_client, "/")
    few = queries_for(member_client, "/")
    EventPageFactory.create_batch(10, parent=campaign)
    assert queries_for(member_client, "/") == few


def test_an_event_page_runs_the_same_queries_for_2_and_12_registrations_methods_and_tags(member_client, make_method):
    event = EventPageFactory(capacity=40)

    def queries_with(total):
        for number in range(total - event.registrations.count()):
            services.register(event, UserFactory())
            event.methods.add(make_method(f"Metod {total}-{number}"))
            event.tags.add(f"tagg {total}-{number}")
        event.save_revision().publish()
        queries_for(member_client, event.url)  # the first request fills the site's caches
        return queries_for(member_client, event.url)

    assert queries_with(2) == queries_with(12)


def test_the_index_runs_the_same_queries_for_2_and_8_campaign_years(member_client):
    def queries_with(total):
        for year in range(2010 + CampaignIndexPage.objects.get().get_children().count(), 2010 + total):
            CampaignPageFactory(year=year)
        queries_for(member_client, "/kampanjmanaden/")
        return queries_for(member_client, "/kampanjmanaden/")

    assert queries_with(2) == queries_with(8)
