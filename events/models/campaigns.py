"""The campaign month "En månad fri från våld": one page per year under one index page, the archive."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from knowledge.forms import KnowledgePageForm, PersonalDataPanel
from knowledge.visibility import VisiblePageQuerySet
from privacy.admin_forms import GuardedCopyForm

from ..programme import Programme

# The campaign is announced as "kommer snart" this many days before it starts.
ANNOUNCED_DAYS_BEFORE = 31


class CampaignIndexPage(Page):
    """ "Kampanjmånaden": the current campaign and the archive of earlier years."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    base_form_class = KnowledgePageForm  # the personal-data guard on every text
    copy_form_class = GuardedCopyForm
    content_panels = [PersonalDataPanel(), *Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["events.CampaignPage"]
    max_count = 1

    class Meta:
        verbose_name = _("campaign month")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = CampaignPage.objects.visible_to(request.user).child_of(self)
        context["shown"] = campaigns.shown_on(timezone.localdate()).first()
        context["campaigns"] = campaigns.by_year()
        return context


class CampaignPageQuerySet(VisiblePageQuerySet):
    def by_year(self):
        return self.order_by("-year")

    def shown_on(self, day):
        """The campaign that runs on `day`, or that starts within ANNOUNCED_DAYS_BEFORE days of it."""
        return self.filter(starts_on__lte=day + timedelta(days=ANNOUNCED_DAYS_BEFORE), ends_on__gte=day).order_by(
            "starts_on"
        )


class CampaignPage(Page):
    """One year's campaign: its theme, period, partner municipalities, introduction and materials."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    theme = models.CharField(
        _("theme"), max_length=200, help_text=_("This year's focus, e.g. children and young people.")
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    partner_municipalities = ParentalManyToManyField(
        "accounts.Municipality", verbose_name=_("partner municipalities"), blank=True, related_name="+"
    )
    introduction = RichTextField(
        _("introduction"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )

    objects = PageManager.from_queryset(CampaignPageQuerySet)()

    base_form_class = KnowledgePageForm
    copy_form_class = GuardedCopyForm
    content_panels = [
        PersonalDataPanel(),
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year"), FieldPanel("theme")]),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldPanel("partner_municipalities", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Year, theme and period"),
        ),
        FieldPanel("introduction"),
        InlinePanel("materials", label=_("Materials"), heading=_("Materials")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("theme"), index.SearchField("introduction")]

    parent_page_types = ["events.CampaignIndexPage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("campaign year")
        verbose_name_plural = _("campaign years")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programme"] = Programme(request, self)
        context["materials"] = self.materials.select_related("document")
        context["partners"] = self.partner_municipalities.order_by("name")
        return context

    def is_running(self, day=None):
        day = day or timezone.localdate()
        return self.starts_on <= day <= self.ends_on

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first day.")})


class CampaignMaterial(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]
