"""The campaign month through the import: campaign years and their events, by year and id, all or nothing."""

import copy
import json
from pathlib import Path

import pytest

from events.models import CampaignPage, EventPage, EventType, Registration, RegistrationStatus
from importing.services import ImportFailed, import_content
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "events-example.json"


@pytest.fixture
def example():
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_the_example_makes_a_published_campaign_with_its_events(example):
    report = import_content(EXAMPLE)

    assert report.created["campaign"] == 1
    campaign = CampaignPage.objects.live().get(year=2027)
    assert campaign.theme == "Barn och unga" and campaign.partner_municipalities.count() == 6
    workshop, webinar = EventPage.objects.live().child_of(campaign).order_by("starts_at")
    assert workshop.slug == "samtal-med-barn-om-vald" and workshop.event_type == EventType.WORKSHOP
    assert workshop.municipality.slug == "sigtuna" and workshop.capacity == 20
    assert workshop.starts_at.isoformat() == "2027-11-09T12:00:00+00:00"  # 13:00 Swedish time
    assert "<strong>Inga ärenden</strong>" in str(workshop.description)
    assert {sector.name for sector in workshop.sectors.all()} == {"Socialtjänst", "Skola"}
    assert webinar.municipality is None and webinar.is_online  # the joint board's


def test_the_same_file_again_updates_instead_of_adding(example):
    import_content(example)
    changed = copy.deepcopy(example)
    changed["campaigns"][0]["events"][0]["title"] = "Samtal med barn – workshop"
    report = import_content(changed)
    assert report.updated["campaign"] == 1 and report.created["campaign"] == 0
    assert CampaignPage.objects.count() == 1 and EventPage.objects.count() == 2
    assert EventPage.objects.get(slug="samtal-med-barn-om-vald").title == "Samtal med barn – workshop"


def test_more_places_in_the_file_move_the_waiting_list_up(example):
    example["campaigns"][0]["events"][0]["capacity"] = 1
    import_content(example)
    event = EventPage.objects.get(slug="samtal-med-barn-om-vald")
    Registration.objects.create(event=event, person=UserFactory(), status=RegistrationStatus.REGISTERED)
    waiting = Registration.objects.create(event=event, person=UserFactory(), status=RegistrationStatus.WAITING)
    example["campaigns"][0]["events"][0]["capacity"] = 2
    import_content(example)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.REGISTERED


def test_a_dry_run_writes_nothing(example):
    report = import_content(example, dry_run=True)
    assert report.dry_run and report.created["campaign"] == 1
    assert not CampaignPage.objects.exists()


def test_every_problem_is_reported_with_its_path_and_nothing_is_written(example):
    campaign = example["campaigns"][0]
    campaign["ends_on"] = "2027-10-01"
    first, second = campaign["events"]
    second["id"] = first["id"]
    first["type"] = "Seminarium"
    with pytest.raises(ImportFailed) as failed:
        import_content(example)
    errors = "\n".join(failed.value.errors)
    assert 'campaigns[0] (year "2027"): events[0].type: ' in errors and "Föreläsning" in errors
    assert not CampaignPage.objects.exists()

    campaign["events"][0]["type"] = "Workshop"
    second["online_link"] = ""
    with pytest.raises(ImportFailed) as failed:
        import_content(example)
    errors = "\n".join(failed.value.errors)
    assert 'campaigns[0] (year "2027"): ends_on: ' in errors
    assert 'campaigns[0] (year "2027"): events[1].id: ' in errors
    assert 'campaigns[0] (year "2027"): events[1].place: ' in errors
    assert not EventPage.objects.exists()


def test_an_identity_number_in_an_event_stops_the_file(example):
    example["campaigns"][0]["events"][0]["summary"] = "Om eleven 850709-1232"
    with pytest.raises(ImportFailed, match=r"events\[0\]\.summary"):
        import_content(example)
