"""What people and organisers do with events: register, cancel, and the waiting list that moves up by itself.

Every verb locks the event's row first, so two people who press at the same moment are served one after the
other: an event is never overbooked, and a cancelled place goes to exactly one person on the waiting list.
(SQLite takes the database's write lock at the start of each transaction instead, see DATABASES.)
"""

import uuid

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from knowledge.models import HomePage
from knowledge.services import publish_child

from . import tasks
from .models import CampaignIndexPage, EventPage, Registration, RegistrationStatus


class RegistrationRefused(Exception):
    """Why a registration or cancellation cannot be made; the message is for the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _locked(event):
    """The live event, its row locked until the transaction ends."""
    locked = EventPage.objects.live().select_for_update(of=("self",)).filter(pk=event.pk).first()
    if locked is None:
        raise RegistrationRefused(_("The event is no longer published."))
    return locked


def _active_registration(event, person):
    return Registration.objects.active().filter(event=event, person=person).first()


def registration_closed_reason(event, now=None):
    """Why nobody can register now, or None when registration is open."""
    now = now or timezone.now()
    if event.is_cancelled:
        return _("The event has been cancelled.")
    if event.starts_at <= now:
        return _("The event has already started.")
    if event.closes_at() <= now:
        return _("Registration closed on %(date)s.") % {
            "date": date_format(timezone.localtime(event.closes_at()), "DATETIME_FORMAT")
        }
    return None


@transaction.atomic
def register(event, person, *, now=None):
    """A place for the person, or a spot on the waiting list when the event is full; returns the registration."""
    now = now or timezone.now()
    event = _locked(event)
    reason = registration_closed_reason(event, now)
    if reason:
        raise RegistrationRefused(reason)
    existing = _active_registration(event, person)
    if existing:
        if existing.status == RegistrationStatus.REGISTERED:
            raise RegistrationRefused(_("You are already registered."))
        raise RegistrationRefused(_("You are already on the waiting list."))
    if has_place(event):
        registration = _create(event=event, person=person, status=RegistrationStatus.REGISTERED)
    else:
        registration = _create(event=event, person=person, status=RegistrationStatus.WAITING, waiting_since=now)
    transaction.on_commit(lambda: tasks.send_registration_email.enqueue(registration.pk))
    return registration


def _create(**fields):
    # The row lock already serialises one person's presses; should anything reach the database around it, the
    # one-active-registration constraint answers, and the person hears a refusal instead of an error page.
    try:
        with transaction.atomic():
            return Registration.objects.create(**fields)
    except IntegrityError as error:
        raise RegistrationRefused(_("You are already registered.")) from error


def has_place(event):
    """Whether a place is free; call with the event's row locked."""
    return event.capacity is None or Registration.objects.registered().filter(event=event).count() < event.capacity


@transaction.atomic
def cancel(event, person, *, now=None):
    """Give up the person's place or waiting-list spot; a freed place goes to the first in line.

    Returns the people who got a place because of it.
    """
    now = now or timezone.now()
    event = _locked(event)
    registration = _active_registration(event, person)
    if registration is None:
        raise RegistrationRefused(_("You are not registered for this event."))
    if event.starts_at <= now:
        raise RegistrationRefused(_("The event has already started."))
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    return fill_free_places(event, now=now)


def fill_free_places(event, *, now=None):
    """Move people up from the waiting list while places are free, first in line first; returns the promoted
    registrations. Call with the event's row locked (every verb here does)."""
    now = now or timezone.now()
    if event.is_cancelled or event.starts_at <= now:
        return []
    promoted = []
    for registration in Registration.objects.waiting_in_turn().filter(event=event).select_for_update(of=("self",)):
        if not has_place(event):
            break
        registration.status = RegistrationStatus.REGISTERED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        promoted.append(registration)
    if promoted:
        ids = [registration.pk for registration in promoted]
        transaction.on_commit(lambda: tasks.send_promotion_emails.enqueue(ids))
    return promoted


@transaction.atomic
def capacity_changed(event):
    """After an organiser publishes more places: the waiting list moves up into them."""
    return fill_free_places(_locked(event))


class EventNews(models.TextChoices):
    """What an organiser's publication tells the registered; each value names its e-mail template."""

    CHANGED = "changed"
    CANCELLED = "cancelled"


def tell_registered(event, news):
    """E-mail everyone with a place or on the waiting list, once the organiser's change is saved. Each news has a
    name of its own, by which each registration is marked when its e-mail goes (tasks.send_event_news)."""
    event_id, name = event.pk, uuid.uuid4().hex
    transaction.on_commit(lambda: tasks.send_event_news.enqueue(event_id, str(news), name))


def ensure_campaign_index():
    """The one "Kampanjmånaden" page under the start page, made when missing (the migration makes it on a database
    that has a start page; the import, the demo and the tests may come first)."""
    index = CampaignIndexPage.objects.first()
    if index is None:
        index = publish_child(HomePage.objects.get(), CampaignIndexPage(title="Kampanjmånaden", slug="kampanjmanaden"))
    return index
