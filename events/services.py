"""What people and organisers do with events: register, cancel, and the waiting list that moves up by itself.

Every verb locks the event's row first, so two people who press at the same moment are served one after the
other: an event is never overbooked, and a cancelled place goes to exactly one person on the waiting list.
(SQLite takes the database's write lock at the start of each transaction instead, see DATABASES.)
"""

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import tasks
from .models import EventPage, Registration, RegistrationStatus


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
            "date": timezone.localtime(event.closes_at()).strftime("%Y-%m-%d %H:%M")
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


# The organiser's verbs: attendance, a message to participants, and the experience report after the event.
# Their imports stand here, not at the top, so that this part merges apart from the registration verbs above;
# move them up when the two settle.
import html  # noqa: E402
import re  # noqa: E402

import nh3  # noqa: E402

from django.core.mail import EmailMessage, get_connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.db.models import Q as Where  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.utils import translation  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from knowledge.models import ExperienceIndexPage, ExperiencePage  # noqa: E402

from .calendars import absolute_url  # noqa: E402

# What the experience's text fields offer (knowledge.models.experiences.TEXT_FEATURES), in Wagtail's stored form.
RICH_TEXT_TAGS = {"p", "h3", "ul", "ol", "li", "b", "i", "a", "br"}


class OrganiserRefused(Exception):
    """Why an organiser's action cannot be done; the message is for the organiser."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def mark_attendance(event, *, attended, registration_ids=None, by):
    """Mark who came (True), who did not (False) or undo it (None): the registered people named, or all of them.

    Only people with a place are marked; returns how many rows changed.
    """
    registrations = Registration.objects.registered().filter(event=event)
    if registration_ids is not None:
        registrations = registrations.filter(pk__in=registration_ids)
    changing = (
        registrations.filter(attended__isnull=False) if attended is None else registrations.exclude(attended=attended)
    )
    return changing.update(attended=attended)


def message_participants(event, *, subject, by):
    """E-mail everyone with a place: the organiser's subject line, and a body of the event's title and address
    only, so that nothing typed into a message and nothing about a person travels in it. Returns how many."""
    people = [r.person for r in Registration.objects.registered().filter(event=event).select_related("person")]
    with translation.override("sv"):
        body = render_to_string(
            "events/admin/email/message.txt", {"event": event, "url": absolute_url(event.get_url() or "")}
        )
    subject = " ".join(subject.split())
    messages = [EmailMessage(subject, body, to=[person.email]) for person in people if person.email]
    return get_connection().send_messages(messages) or 0


def _experience_text(event):
    """The event's summary and description as the experience's "What was done", in the editor's own markup."""
    parts = [f"<p>{html.escape(event.summary)}</p>"] if event.summary else []
    for block in event.description:
        if block.block_type == "heading":
            parts.append(f"<h3>{html.escape(block.value['text'])}</h3>")
        elif block.block_type == "paragraph":
            text = re.sub(r"<(/?)(?:h2|h4)>", r"<\1h3>", block.value.source)
            parts.append(text)
        elif block.block_type == "quote":
            parts.append(f"<p>{html.escape(str(block.value))}</p>")
    return nh3.clean("".join(parts), tags=RICH_TEXT_TAGS, attributes={"a": {"href", "linktype", "id"}}, link_rel=None)


def _reach_text(event):
    """How many came of how many had a place: numbers only, never who."""
    registered = Registration.objects.registered().filter(event=event)
    counts = registered.aggregate(places=Count("pk"), came=Count("pk", filter=Where(attended=True)))
    with translation.override("sv"):
        if registered.filter(attended__isnull=False).exists():
            text = _("%(came)d of the %(places)d people registered took part.") % counts
        else:
            text = _("%(places)d people were registered; attendance was not recorded.") % counts
    return f"<p>{text}</p>"


def _link_experience(event, page):
    """Point the event at its experience: the live row, and the newest revision so an unpublished draft of the
    event does not take the link away when it is published."""
    EventPage.objects.filter(pk=event.pk).update(experience=page)
    revision = event.latest_revision
    if revision is not None and isinstance(revision.content, dict):
        revision.content["experience"] = page.pk
        revision.save(update_fields=["content"])
    event.experience = page


@transaction.atomic
def draft_experience_from(event, *, by, now=None):
    """After the event: a draft experience page prefilled from it, sent to the review workflow and linked from the
    event. A second call returns the page made the first time."""
    now = now or timezone.now()
    locked = EventPage.objects.select_for_update(of=("self",)).select_related("latest_revision").get(pk=event.pk)
    if locked.experience_id:
        return ExperiencePage.objects.get(pk=locked.experience_id)
    if locked.starts_at > now:
        raise OrganiserRefused(_("The event has not taken place yet: write the experience afterwards."))
    parent = ExperienceIndexPage.objects.first()
    if parent is None:
        raise OrganiserRefused(_("The knowledge bank has no experience section yet."))
    municipality_id = locked.municipality_id or by.municipality_id
    if municipality_id is None:
        raise OrganiserRefused(_("Your account has no municipality, so the page would have no owner."))
    base = slugify(locked.title)[:70].strip("-") or "erfarenhet"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    page = ExperiencePage(
        title=locked.title,
        slug=slug,
        live=False,
        owner=by,
        summary=locked.summary,
        municipality_id=municipality_id,
        period_start=timezone.localdate(locked.starts_at),
        period_end=timezone.localdate(locked.ends_at),
        what_was_done=_experience_text(locked),
        target_group_and_reach=_reach_text(locked),
    )
    page.methods.set(list(locked.methods.all()))
    page.sectors.set(list(locked.sectors.all()))
    page.target_groups.set(list(locked.target_groups.all()))
    page.tags.add(*locked.tags.names())
    parent.add_child(instance=page)
    page.save_revision(user=by)
    _link_experience(locked, page)
    event.experience = page
    workflow = page.get_workflow()
    if workflow:
        workflow.start(page, by)
    return page


class EventNews(models.TextChoices):
    """What an organiser's publication tells the registered; each value names its e-mail template."""

    CHANGED = "changed"
    CANCELLED = "cancelled"


def tell_registered(event, news):
    """E-mail everyone with a place or on the waiting list, once the organiser's change is saved."""
    event_id = event.pk
    transaction.on_commit(lambda: tasks.send_event_news.enqueue(event_id, str(news)))
