"""The organiser's rooms: the events one may manage, and for one event its participants, attendance, the export,
a message to participants and the experience report."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import FormView, TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from common.params import positive_int
from common.spreadsheets import FormulaSafeExportMixin

from .. import organising
from ..calendars import absolute_url
from ..models import EventPage, Registration, RegistrationStatus
from .access import events_organised_by, may_organise, organises_any
from .forms import ParticipantMessageForm

PAGE_SIZE = 30
ATTENDANCE = {"ja": True, "nej": False, "okant": None}


def attended_count():
    came = (
        Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.REGISTERED, attended=True)
        .order_by()
        .values("event")
        .annotate(number=Count("pk"))
        .values("number")
    )
    return Coalesce(Subquery(came, output_field=IntegerField()), Value(0))


class OrganiserRequiredMixin:
    """Editors, the joint board and administrators; everyone else gets the admin's refusal."""

    def dispatch(self, request, *args, **kwargs):
        if not organises_any(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EventListView(OrganiserRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/index.html"
    page_title = gettext_lazy("My events as organiser")
    header_icon = "date"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        events = (
            events_organised_by(self.request.user, EventPage.objects.with_counts())
            .annotate(attended_count=attended_count())
            .select_related("municipality")
            .order_by("-starts_at", "-pk")
        )
        page = Paginator(events, PAGE_SIZE).get_page(positive_int(self.request.GET.get("p"), default=1))
        return super().get_context_data(
            events=page.object_list,
            page_obj=page,
            elided_page_range=page.paginator.get_elided_page_range(page.number),
            now=timezone.now(),
            **kwargs,
        )


class EventMixin(OrganiserRequiredMixin):
    """A room about one event, open to its organisers."""

    @cached_property
    def event(self):
        event = get_object_or_404(EventPage.objects.select_related("municipality"), pk=self.kwargs["pk"])
        if not may_organise(self.request.user, event):
            raise PermissionDenied
        return event

    def dispatch(self, request, *args, **kwargs):
        if organises_any(request.user):
            self.event  # noqa: B018 -- refuse before anything else happens
        return super().dispatch(request, *args, **kwargs)

    def participants_url(self):
        return reverse("events_admin:participants", args=[self.event.pk])

    def get_breadcrumbs_items(self):
        index = {"url": reverse("events_admin:index"), "label": _("My events as organiser")}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.get_page_title()}]


def participants_of(event):
    """Everyone with a place, first registered first, then the waiting list in turn."""
    people = Registration.objects.filter(event=event).select_related("person__municipality")
    return [
        *people.filter(status=RegistrationStatus.REGISTERED).order_by("created_at", "pk"),
        *people.filter(status=RegistrationStatus.WAITING).order_by("waiting_since", "pk"),
    ]


class ParticipantsView(EventMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/participants.html"
    header_icon = "group"

    def get_page_title(self):
        return self.event.title

    def get_page_subtitle(self):
        return _("Participants")

    def get_context_data(self, **kwargs):
        everyone = participants_of(self.event)
        registered = [r for r in everyone if r.status == RegistrationStatus.REGISTERED]
        waiting = [r for r in everyone if r.status == RegistrationStatus.WAITING]
        return super().get_context_data(
            event=self.event,
            registered=registered,
            waiting=waiting,
            attended=sum(1 for r in registered if r.attended),
            has_started=self.event.starts_at <= timezone.now(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        """Attendance: one person (`registration`) or everyone with a place."""
        choice = request.POST.get("attended")
        if choice not in ATTENDANCE:
            messages.error(request, _("Unknown action: nothing was done."))
            return redirect(self.participants_url())
        one = positive_int(request.POST.get("registration"))
        changed = organising.mark_attendance(
            self.event, attended=ATTENDANCE[choice], registration_ids=None if one is None else [one], by=request.user
        )
        if changed:
            messages.success(
                request,
                ngettext("Attendance saved for %(count)d person.", "Attendance saved for %(count)d people.", changed)
                % {"count": changed},
            )
        else:
            messages.info(request, _("Nothing changed: it already was that way."))
        return redirect(self.participants_url())


class ParticipantsExportView(EventMixin, FormulaSafeExportMixin, SpreadsheetExportMixin, View):
    """The participant list as CSV; a cell that looks like a formula stays text."""

    list_export = ["name", "municipality", "job_title", "status", "registered_at", "attended"]

    @property
    def export_headings(self):
        return {
            "name": _("Name"),
            "municipality": _("Municipality"),
            "job_title": _("Job title"),
            "status": _("Status"),
            "registered_at": _("Registered"),
            "attended": _("Attended"),
        }

    def get_filename(self):
        return f"deltagare-{self.event.slug}"

    def to_row_dict(self, item):
        attended = {True: _("Yes"), False: _("No"), None: ""}[item.attended]
        return {
            "name": item.person.get_full_name() or item.person.email,
            "municipality": str(item.person.municipality or ""),
            "job_title": item.person.job_title,
            "status": item.get_status_display(),
            "registered_at": timezone.localtime(item.created_at).strftime("%Y-%m-%d %H:%M"),
            "attended": attended if item.status == RegistrationStatus.REGISTERED else "",
        }

    def get(self, request, *args, **kwargs):
        return self.as_spreadsheet(participants_of(self.event), self.FORMAT_CSV)

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])


class ParticipantMessageView(EventMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "events/admin/message.html"
    form_class = ParticipantMessageForm
    header_icon = "mail"

    def get_page_title(self):
        return _("Send participants a message")

    def get_page_subtitle(self):
        return self.event.title

    def get_context_data(self, **kwargs):
        recipients = Registration.objects.registered().filter(event=self.event).count()
        url = absolute_url(self.event.get_url() or "")
        return super().get_context_data(event=self.event, recipients=recipients, event_url=url, **kwargs)

    def form_valid(self, form):
        sent = organising.message_participants(self.event, subject=form.cleaned_data["subject"], by=self.request.user)
        messages.success(
            self.request,
            ngettext("The message was sent to %(count)d person.", "The message was sent to %(count)d people.", sent)
            % {"count": sent},
        )
        return redirect(self.participants_url())


class DraftExperienceView(EventMixin, View):
    """ "Skriv en erfarenhet": the event becomes a draft experience in review; a second press opens that draft."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        had_one = self.event.experience_id is not None
        try:
            page = organising.draft_experience_from(self.event, by=request.user)
        except organising.OrganiserRefused as refusal:
            messages.error(request, refusal.message)
            return redirect(self.participants_url())
        if not had_one:
            messages.success(
                request, _("A draft experience was made from the event and sent to review. Rewrite it here.")
            )
        return redirect("wagtailadmin_pages:edit", page.pk)
