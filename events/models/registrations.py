"""Who registered for which event, who waits for a place, and who came. Nothing is deleted: a cancellation is a
status, so the history of every place stays."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    REGISTERED = "anmald", _("Registered")
    WAITING = "reserv", _("On the waiting list")
    CANCELLED = "avbokad", _("Cancelled")


ACTIVE = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITING)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE)

    def registered(self):
        return self.filter(status=RegistrationStatus.REGISTERED)

    def waiting_in_turn(self):
        """The waiting list, first in line first."""
        return self.filter(status=RegistrationStatus.WAITING).order_by("waiting_since", "pk")

    def of(self, person):
        return self.filter(person=person)


class Registration(models.Model):
    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="event_registrations",
    )
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    waiting_since = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("given a place"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    promotion_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The last news of a change the person was mailed (services.tell_registered names each one), so that a task
    # run again after a failure never sends the same news twice.
    news_sent = models.CharField(max_length=32, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # One place or waiting-list spot per person and event; cancelled rows stay as history.
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(status__in=["anmald", "reserv"]),
                name="events_one_active_registration_per_person",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "waiting_since"], name="events_reg_event_status")]

    def __str__(self):
        return f"{self.person} – {self.event} ({self.get_status_display()})"
