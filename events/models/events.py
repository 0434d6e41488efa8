"""An event of the campaign month: when and where, for whom, how many places, and what it left behind."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from knowledge.blocks import BodyBlock
from knowledge.forms import MunicipalPageForm, PersonalDataPanel
from knowledge.models import ExperiencePage
from knowledge.permissions import MunicipalScopeMixin
from knowledge.visibility import VisiblePageQuerySet, visible_pages
from privacy.admin_forms import GuardedCopyForm

from .registrations import Registration, RegistrationStatus

CHECKBOXES = forms.CheckboxSelectMultiple


class EventType(models.TextChoices):
    LECTURE = "forelasning", _("Lecture")
    WORKSHOP = "workshop", _("Workshop")
    NETWORK_MEETING = "natverkstraff", _("Network meeting")
    TRAINING = "utbildning", _("Training")
    WEBINAR = "webbinarium", _("Webinar")


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey("events.EventPage", related_name="tagged_items", on_delete=models.CASCADE)


def _count_of(status):
    counted = (
        Registration.objects.filter(event=OuterRef("pk"), status=status)
        .order_by()
        .values("event")
        .annotate(number=Count("pk"))
        .values("number")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


class EventPageQuerySet(VisiblePageQuerySet):
    def with_counts(self):
        """Each event with `registered_count` and `waiting_count`, in the same query."""
        return self.annotate(
            registered_count=_count_of(RegistrationStatus.REGISTERED),
            waiting_count=_count_of(RegistrationStatus.WAITING),
        )

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now(), is_cancelled=False).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def chronological(self):
        return self.order_by("starts_at", "pk")


class EventPage(MunicipalScopeMixin, Page):
    """A lecture, workshop, network meeting, training or webinar of one campaign year."""

    event_type = models.CharField(_("type"), max_length=20, choices=EventType.choices, default=EventType.LECTURE)
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("Plain language, at most 300 characters: what participants get out of it. Shown in the programme."),
    )
    starts_at = models.DateTimeField(_("starts"), help_text=_("Swedish time."))
    ends_at = models.DateTimeField(_("ends"), help_text=_("Swedish time."))
    place = models.CharField(
        _("place"), max_length=300, blank=True, help_text=_("Address and room. Leave empty for an online event.")
    )
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("The meeting link (Teams, Zoom …). Shown only to people who are signed in."),
    )
    municipality = models.ForeignKey(
        "accounts.Municipality",
        verbose_name=_("host municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its editors organise the event. Leave empty when the joint board hosts it."),
    )
    sectors = ParentalManyToManyField("accounts.Sector", verbose_name=_("audience (sectors)"), blank=True)
    target_groups = ParentalManyToManyField("knowledge.TargetGroup", verbose_name=_("target groups"), blank=True)
    speaker = models.CharField(
        _("speaker"),
        max_length=300,
        blank=True,
        help_text=_("The speaker's name and role, or the organisation that leads the event."),
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty when there is no limit.")
    )
    registration_deadline = models.DateTimeField(
        _("last day to register"),
        null=True,
        blank=True,
        help_text=_("Leave empty to take registrations until it starts."),
    )
    description = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    methods = ParentalManyToManyField(
        "knowledge.MethodPage", verbose_name=_("methods"), blank=True, related_name="events"
    )
    tags = ClusterTaggableManager(through=EventPageTag, blank=True, verbose_name=_("tags"))
    is_cancelled = models.BooleanField(
        _("cancelled"), default=False, help_text=_("The event will not take place. Registered people are told.")
    )
    recording_url = models.URLField(
        _("recording"),
        blank=True,
        help_text=_("A link to the recording, after the event. Shown only to signed-in staff."),
    )
    experience = models.ForeignKey(
        "knowledge.ExperiencePage",
        verbose_name=_("experience report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The experience report written after the event."),
    )

    objects = PageManager.from_queryset(EventPageQuerySet)()

    base_form_class = MunicipalPageForm  # the personal-data guard on every text; editors keep to their municipality
    copy_form_class = GuardedCopyForm
    content_panels = [
        PersonalDataPanel(),
        *Page.content_panels,
        FieldPanel("event_type"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldRowPanel([FieldPanel("place"), FieldPanel("online_link")]),
                FieldPanel("municipality"),
                FieldPanel("speaker"),
            ],
            heading=_("When, where and who"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
                FieldPanel("is_cancelled"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("sectors", widget=CHECKBOXES),
                FieldPanel("target_groups", widget=CHECKBOXES),
                FieldPanel("methods", widget=CHECKBOXES),
                FieldPanel("tags"),
            ],
            heading=_("For whom and about what"),
        ),
        MultiFieldPanel(
            [FieldPanel("recording_url"), InlinePanel("documents", label=_("Slides and material"))],
            heading=_("After the event"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("speaker"),
        index.SearchField("description"),
        index.FilterField("starts_at"),
        index.FilterField("municipality"),
    ]

    parent_page_types = ["events.CampaignPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The event cannot end before it starts.")
        if self.starts_at and self.registration_deadline and self.registration_deadline > self.starts_at:
            errors["registration_deadline"] = _("The last day to register cannot be after the event starts.")
        if not self.place and not self.online_link:
            errors["place"] = _("Give a place, an online link, or both.")
        if self.capacity is not None and self.pk:
            registered = self.registrations.filter(status=RegistrationStatus.REGISTERED).count()
            if self.capacity < registered:
                errors["capacity"] = _(
                    "%(registered)d people are already registered: the event needs at least that many places. "
                    "Cancel registrations in the participant list first."
                ) % {"registered": registered}
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["is_over"] = self.ends_at < timezone.now()
        context["methods"] = visible_pages(self.methods.all(), user).order_by("title")
        context["experience"] = (
            visible_pages(ExperiencePage.objects.filter(pk=self.experience_id), user).first()
            if self.experience_id
            else None
        )
        context["slides"] = self.documents.select_related("document")
        return context

    @property
    def is_online(self):
        return bool(self.online_link) and not self.place

    def closes_at(self):
        """When registration closes: the deadline, or the start."""
        return self.registration_deadline or self.starts_at


class EventDocument(Orderable):
    """Slides and material from the event, for signed-in staff."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]
