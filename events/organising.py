"""What organisers do with their events: mark who came, message the participants, and after the event turn it
into an experience report for the knowledge bank."""

import html
import re

import nh3

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Count
from django.db.models import Q as Where
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from knowledge.models import ExperienceIndexPage, ExperiencePage

from .calendars import absolute_url
from .models import EventPage, Registration

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
            text = ngettext(
                "%(came)d of the %(places)d person registered took part.",
                "%(came)d of the %(places)d people registered took part.",
                counts["places"],
            )
        else:
            text = ngettext(
                "%(places)d person was registered; attendance was not recorded.",
                "%(places)d people were registered; attendance was not recorded.",
                counts["places"],
            )
        text = text % counts
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
