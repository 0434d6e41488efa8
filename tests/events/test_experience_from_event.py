"""After the event: "Skriv en erfarenhet" makes a draft experience for the knowledge bank, in review, linked."""

from datetime import timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from accounts import roles
from accounts.models import Municipality, Sector
from events import organising, services
from events.models import EventPage, Registration
from knowledge.models import ExperiencePage, TargetGroup
from tests.factories import EventPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(db):
    return UserFactory(roles=[roles.EDITOR])


@pytest.fixture
def past_event(sections):
    event = EventPageFactory(
        title="Trygga samtal med barn",
        summary="Vi övade samtal med barn som lever med våld.",
        municipality=Municipality.objects.get(slug="sigtuna"),
        capacity=3,
    )
    people = [UserFactory(first_name=name, last_name="Berg") for name in ("Ada", "Bo", "Cy")]
    for person in people:
        services.register(event, person)
    event.sectors.set(Sector.objects.all()[:1])
    event.target_groups.set(TargetGroup.objects.all()[:1])
    event.tags.add("samtal")
    event.starts_at = timezone.now() - timedelta(days=2)
    event.ends_at = event.starts_at + timedelta(hours=2)
    event.save_revision().publish()
    Registration.objects.filter(event=event, person__first_name__in=["Ada", "Bo"]).update(attended=True)
    Registration.objects.filter(event=event, person__first_name="Cy").update(attended=False)
    return EventPage.objects.get(pk=event.pk)


def test_the_draft_is_prefilled_from_the_event_with_numbers_and_no_names(past_event, organiser):
    page = organising.draft_experience_from(past_event, by=organiser)

    assert not page.live and page.title == past_event.title
    assert page.summary == past_event.summary
    assert page.municipality_id == past_event.municipality_id
    assert page.period_start == timezone.localdate(past_event.starts_at)
    assert "Vi övade samtal" in page.what_was_done
    assert "2 av de 3 anmälda deltog" in page.target_group_and_reach
    assert "Berg" not in page.what_was_done + page.target_group_and_reach
    assert page.sectors.exists() and list(page.sectors.all()) == list(past_event.sectors.all())
    assert page.target_groups.exists() and list(page.target_groups.all()) == list(past_event.target_groups.all())
    assert list(page.tags.names()) == ["samtal"]


def test_the_draft_enters_review_and_the_event_points_at_it(past_event, organiser):
    page = organising.draft_experience_from(past_event, by=organiser)

    page.refresh_from_db()
    assert page.current_workflow_state is not None
    assert page.current_workflow_state.workflow.name == "Granskning"
    event = EventPage.objects.get(pk=past_event.pk)
    assert event.experience_id == page.pk
    assert event.get_latest_revision_as_object().experience_id == page.pk


def test_a_second_press_opens_the_same_draft(client, past_event, organiser):
    client.force_login(organiser)
    url = reverse("events_admin:draft_experience", args=[past_event.pk])
    first = client.post(url)
    second = client.post(url)
    page = ExperiencePage.objects.get()
    assert first["Location"] == second["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(first["Location"]).status_code == 200


def test_no_experience_before_the_event_has_taken_place(client, sections, organiser):
    event = EventPageFactory(municipality=Municipality.objects.get(slug="sigtuna"))
    client.force_login(organiser)
    response = client.post(reverse("events_admin:draft_experience", args=[event.pk]))
    assert response["Location"] == reverse("events_admin:participants", args=[event.pk])
    assert not ExperiencePage.objects.exists()


def test_another_municipalitys_editor_cannot_write_it(client, past_event):
    client.force_login(UserFactory(municipality=Municipality.objects.get(slug="jarfalla"), roles=[roles.EDITOR]))
    client.post(reverse("events_admin:draft_experience", args=[past_event.pk]))
    assert not ExperiencePage.objects.exists()
