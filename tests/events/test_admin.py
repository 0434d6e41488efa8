"""The organiser's rooms in the admin: who may open them, the participant list, attendance, the export and the
message to participants."""

import csv
import io
from datetime import timedelta

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from accounts.models import Municipality
from events import services
from events.models import Registration, RegistrationStatus
from tests.conftest import queries_for
from tests.factories import EventPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def municipality(slug):
    return Municipality.objects.get(slug=slug)


@pytest.fixture
def people(db):
    return {
        "editor": UserFactory(first_name="Eda", roles=[roles.EDITOR]),
        "editor_elsewhere": UserFactory(municipality=municipality("jarfalla"), roles=[roles.EDITOR]),
        "board": UserFactory(municipality=municipality("jarfalla"), roles=[roles.BOARD]),
        "administrator": UserFactory(roles=[roles.ADMINISTRATOR]),
        "member": UserFactory(roles=[roles.EMPLOYEE]),
        "moderator": UserFactory(roles=[roles.EMPLOYEE, roles.MODERATOR]),
    }


@pytest.fixture
def event(db):
    """Sigtuna's event with two places, two registered and one waiting."""
    event = EventPageFactory(title="Workshop om skyddsbedömning", capacity=2, municipality=municipality("sigtuna"))
    for name in ("Ada", "Bo", "Cy"):
        services.register(event, UserFactory(first_name=name, last_name="Lind"))
    return event


def refused(response):
    """Wagtail's refusal: back to the admin's start page (with its message), or a plain 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def urls(event):
    return [
        reverse("events_admin:index"),
        reverse("events_admin:participants", args=[event.pk]),
        reverse("events_admin:export", args=[event.pk]),
        reverse("events_admin:message", args=[event.pk]),
    ]


def test_the_host_municipalitys_editors_the_board_and_administrators_organise_the_event(client, people, event):
    for name in ("editor", "board", "administrator"):
        client.force_login(people[name])
        for url in urls(event):
            assert client.get(url).status_code == 200, (name, url)


def test_everyone_else_is_refused_the_event(client, people, event):
    for name in ("member", "moderator"):
        client.force_login(people[name])
        for url in urls(event):
            assert refused(client.get(url)), (name, url)
    client.force_login(people["editor_elsewhere"])
    for url in urls(event)[1:]:
        assert refused(client.get(url)), url
    assert refused(client.post(urls(event)[1], {"attended": "ja"}))
    assert not Registration.objects.filter(attended=True).exists()


def test_the_joint_boards_events_are_the_boards_not_a_municipal_editors(client, people):
    board_event = EventPageFactory(municipality=None)
    client.force_login(people["editor"])
    assert refused(client.get(reverse("events_admin:participants", args=[board_event.pk])))
    assert board_event.title not in client.get(reverse("events_admin:index")).content.decode()
    client.force_login(people["board"])
    assert client.get(reverse("events_admin:participants", args=[board_event.pk])).status_code == 200


def test_the_list_shows_the_places_taken_and_the_waiting_list_in_turn(client, people, event):
    client.force_login(people["editor"])
    page = client.get(reverse("events_admin:participants", args=[event.pk])).content.decode()
    registered, waiting = page.split('id="waiting-heading"')
    assert registered.index("Ada Lind") < registered.index("Bo Lind")
    assert "Cy Lind" not in registered and "Cy Lind" in waiting
    assert "Socialsekreterare" in registered and "Sigtuna" in registered


def test_the_editor_sees_only_the_events_of_their_municipality(client, people, event):
    elsewhere = EventPageFactory(title="Föreläsning i Järfälla", municipality=municipality("jarfalla"))
    client.force_login(people["editor"])
    page = client.get(reverse("events_admin:index")).content.decode()
    assert event.title in page and elsewhere.title not in page
    client.force_login(people["editor_elsewhere"])
    page = client.get(reverse("events_admin:index")).content.decode()
    assert elsewhere.title in page and event.title not in page


def test_the_event_list_runs_the_same_queries_for_3_and_30_events(client, people):
    client.force_login(people["administrator"])
    for _ in range(3):
        EventPageFactory(municipality=municipality("sigtuna"))
    url = reverse("events_admin:index")
    client.get(url)
    few = queries_for(client, url)
    for _ in range(27):
        EventPageFactory(municipality=municipality("sigtuna"))
    assert queries_for(client, url) == few


def started(event):
    event.starts_at = timezone.now() - timedelta(hours=3)
    event.ends_at = timezone.now() - timedelta(hours=1)
    event.save_revision().publish()
    return event


def test_attendance_is_marked_per_person_and_for_everyone_with_a_place(client, people, event):
    started(event)
    client.force_login(people["editor"])
    url = reverse("events_admin:participants", args=[event.pk])
    ada = Registration.objects.get(event=event, person__first_name="Ada")
    client.post(url, {"attended": "nej", "registration": ada.pk})
    assert {r.person.first_name: r.attended for r in Registration.objects.filter(event=event)} == {
        "Ada": False,
        "Bo": None,
        "Cy": None,
    }
    client.post(url, {"attended": "ja"})
    assert {r.person.first_name: r.attended for r in Registration.objects.filter(event=event)} == {
        "Ada": True,
        "Bo": True,
        "Cy": None,  # on the waiting list: never given a place, so never marked
    }
    assert client.get(url).status_code == 200


def test_attendance_cannot_be_marked_through_a_get(client, people, event):
    client.force_login(people["editor"])
    client.get(reverse("events_admin:participants", args=[event.pk]), {"attended": "ja"})
    assert not Registration.objects.filter(attended=True).exists()


def test_the_export_is_the_list_in_order_and_a_formula_stays_text(client, people, event):
    Registration.objects.filter(event=event, person__first_name="Bo").update(status=RegistrationStatus.REGISTERED)
    cy = Registration.objects.get(event=event, person__first_name="Cy").person
    cy.job_title = '=HYPERLINK("http://evil.example")'
    cy.save()
    client.force_login(people["editor"])
    response = client.get(reverse("events_admin:export", args=[event.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Namn", "Kommun", "Titel", "Status", "Anmäld", "Deltog"]
    assert [row[0] for row in rows[1:]] == ["Ada Lind", "Bo Lind", "Cy Lind"]
    assert rows[3][2].startswith("'=")
    assert rows[3][3] == "På reservlistan"


def test_the_message_to_participants_holds_the_subject_the_title_and_the_link_only(client, people, event):
    client.force_login(people["editor"])
    response = client.post(reverse("events_admin:message", args=[event.pk]), {"subject": "Ny lokal: sal 3"})
    assert response.status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        Registration.objects.registered().filter(event=event).values_list("person__email", flat=True)
    )
    message = mail.outbox[0]
    assert message.subject == "Ny lokal: sal 3"
    assert event.title in message.body and event.get_url() in message.body
    assert "Lind" not in message.body and "Ny lokal" not in message.body


def test_the_subject_line_is_refused_with_an_identity_number(client, people, event):
    client.force_login(people["editor"])
    response = client.post(reverse("events_admin:message", args=[event.pk]), {"subject": "Om 850709-1232"})
    assert response.status_code == 200
    assert not mail.outbox


def test_the_event_page_in_the_admin_leads_its_organiser_to_the_participants(client, people, event):
    participants = reverse("events_admin:participants", args=[event.pk])
    edit = reverse("wagtailadmin_pages:edit", args=[event.pk])
    listing = reverse("wagtailadmin_explore", args=[event.get_parent().pk])
    client.force_login(people["editor"])
    assert participants in client.get(edit).content.decode()
    assert participants in client.get(listing).content.decode()
    client.force_login(people["editor_elsewhere"])
    assert participants not in client.get(listing).content.decode()


def test_the_participant_list_runs_the_same_queries_for_3_and_13_people(client, people, event):
    client.force_login(people["editor"])
    url = reverse("events_admin:participants", args=[event.pk])

    def queries_with(total):
        for _ in range(total - event.registrations.count()):
            services.register(event, UserFactory())
        queries_for(client, url)
        return queries_for(client, url)

    assert queries_with(3) == queries_with(13)
