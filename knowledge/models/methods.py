from datetime import date
from functools import cache

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from knowledge.blocks import BodyBlock
from knowledge.forms import MethodPageForm, PersonalDataPanel
from knowledge.parts import owner_shown, parts_for

from .experiences import ExperiencePage
from .listing import CHECKBOXES, KnowledgePage, ListingIndexPage
from .tags import MethodPageTag

REVIEW_INTERVAL_YEARS = 2


def two_years_after(day):
    try:
        return day.replace(year=day.year + REVIEW_INTERVAL_YEARS)
    except ValueError:  # 29 February
        return day.replace(year=day.year + REVIEW_INTERVAL_YEARS, day=28)


class MethodIndexPage(ListingIndexPage):
    """All methods, with filters ("Metoder")."""

    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.MethodPage"]
    max_count = 1
    listing_model_name = "knowledge.MethodPage"

    class Meta:
        verbose_name = _("method listing")


class MethodPage(KnowledgePage):
    """A method in use in one or more municipalities, with what it takes and what is known about it."""

    COST_CHOICES = [("låg", _("Low")), ("medel", _("Medium")), ("hög", _("High"))]

    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    method_owner = models.CharField(
        _("method owner"),
        max_length=200,
        blank=True,
        help_text=_("The organisation that owns or developed the method, e.g. a foundation or authority."),
    )
    contact_role = models.CharField(
        _("contact (role)"),
        max_length=200,
        blank=True,
        help_text=_("A role to contact, never a person's name: e.g. “Samordnare för våld i nära relationer”."),
    )
    prevention_level = models.ForeignKey(
        "knowledge.PreventionLevel",
        verbose_name=_("prevention level"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evidence_level = models.ForeignKey(
        "knowledge.EvidenceLevel",
        verbose_name=_("evidence level"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("What is known about the method's effect. External ratings are shown beside it, never merged."),
    )
    staff = models.CharField(_("staff"), max_length=300, blank=True, help_text=_("Who is needed, and how many."))
    training = models.CharField(_("training"), max_length=300, blank=True)
    sessions = models.CharField(_("sessions"), max_length=300, blank=True, help_text=_("How many, how long."))
    cost_level = models.CharField(_("cost level"), max_length=10, choices=COST_CHOICES, blank=True)
    last_reviewed = models.DateField(_("last reviewed"), default=date.today)
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_("Leave empty for two years after the last review."),
    )
    tags = ClusterTaggableManager(through=MethodPageTag, blank=True, verbose_name=_("tags"))

    base_form_class = MethodPageForm

    content_panels = [
        PersonalDataPanel(),  # the guard's confirmation box, shown only when it warns
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("municipality"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("method_owner"), FieldPanel("contact_role")],
            heading=_("Owner and contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("target_groups", widget=CHECKBOXES),
                FieldPanel("age_groups", widget=CHECKBOXES),
                FieldPanel("violence_types", widget=CHECKBOXES),
                FieldPanel("sectors", widget=CHECKBOXES),
                FieldPanel("prevention_level", widget=forms.RadioSelect),
                FieldPanel("evidence_level", widget=forms.RadioSelect),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
        InlinePanel("ratings", heading=_("External ratings"), label=_("rating")),
        MultiFieldPanel(
            [FieldPanel("staff"), FieldPanel("training"), FieldPanel("sessions"), FieldPanel("cost_level")],
            heading=_("What it takes"),
        ),
        InlinePanel(
            "local_uses",
            heading=_("Local use"),
            label=_("municipality using the method"),
            help_text=_(
                "A new method starts with your municipality's row: remove it if your municipality does not use it."
            ),
        ),
        InlinePanel("materials", heading=_("Materials"), label=_("document")),
        InlinePanel("related_methods", heading=_("Related methods"), label=_("related method")),
        # Only for reviewers (MethodPageForm): approving the review sets the date for them.
        FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("next_review_due")], heading=_("Review")),
    ]
    search_fields = [
        *KnowledgePage.search_fields,
        index.SearchField("body"),
        index.SearchField("method_owner"),
        index.FilterField("next_review_due"),
    ]

    parent_page_types = ["knowledge.MethodIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("method")
        verbose_name_plural = _("methods")

    def save(self, *args, **kwargs):
        if self.last_reviewed and not self.next_review_due:
            self.next_review_due = two_years_after(self.last_reviewed)
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        """What the page shows. Most of it is the same for everyone with the same sight and is kept as HTML
        (knowledge/parts.py): each list is read when the template first asks for it (a function read once, which
        the template calls; a lazy object would be read by whatever looks at the context's values), so that a
        part found in the cache costs no query."""
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        uses = cache(self.confirmed_local_uses)
        experiences = cache(lambda: list(self.experiences_visible_to(user)))
        context.update(
            parts=parts_for(request, self.pk, date.today(), owner_shown(self)),
            tags=cache(lambda: list(self.tags.all())),
            local_uses=uses,
            used_in=cache(lambda: [use.municipality for use in uses() if use.status != MethodLocalUse.ENDED]),
            experiences=experiences,
            experience_municipality_count=cache(lambda: len({item.municipality_id for item in experiences()})),
            ratings=cache(lambda: list(self.ratings.all())),
            materials=cache(lambda: list(self.materials.select_related("document"))),
            related=cache(lambda: self.related_visible_to(user)),
        )
        return context

    def confirmed_local_uses(self):
        """The municipalities' own rows; a suggestion for another municipality waits for it (MethodLocalUse)."""
        return [use for use in self.local_uses.select_related("municipality") if use.confirmed]

    def experiences_visible_to(self, user):
        if self.pk is None:  # a preview of a page never saved: nothing can link to it yet
            return ExperiencePage.objects.none()
        return (
            ExperiencePage.objects.visible_to(user)
            .filter(methods=self)
            .select_related("municipality")
            .prefetch_related("target_groups")
            .order_by("-first_published_at")
        )

    def related_visible_to(self, user):
        """The related methods in the editor's order; read from the links in memory, so previews show them too."""
        ids = [link.related_id for link in self.related_methods.all()]
        visible = MethodPage.objects.visible_to(user).in_bulk(ids)
        return [visible[pk] for pk in ids if pk in visible]

    def record_review(self, day):
        """An editor approved the method on `day`: that is its last review; a next review date the editors
        did not choose themselves (two years after the last one) moves along."""
        automatic = self.last_reviewed is None or self.next_review_due in (None, two_years_after(self.last_reviewed))
        self.last_reviewed = day
        if automatic or self.next_review_due <= day:
            self.next_review_due = two_years_after(day)

    @property
    def review_overdue(self):
        return bool(self.next_review_due and self.next_review_due < date.today())


class MethodLocalUse(Orderable):
    """One municipality's use of a method: who, since when, how far it has come."""

    TRYING, ESTABLISHED, ENDED = "prövas", "införd", "avslutad"
    STATUS_CHOICES = [(TRYING, _("being tried")), (ESTABLISHED, _("established")), (ENDED, _("ended"))]

    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="local_uses")
    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="method_uses"
    )
    unit = models.CharField(_("unit"), max_length=200, blank=True, help_text=_("E.g. “Våldsmottagningen”."))
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, default=ESTABLISHED)
    since_year = models.PositiveSmallIntegerField(
        _("since (year)"), null=True, blank=True, validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    contact_role = models.CharField(_("contact (role)"), max_length=200, blank=True)
    # A row for another municipality than the one the writer works for is that municipality's to confirm:
    # until then it is a suggestion, shown to its editors and to no reader (see MethodPageForm).
    confirmed = models.BooleanField(
        _("confirmed by the municipality"),
        default=True,
        help_text=_("Whether the municipality itself has confirmed that it uses the method like this."),
    )

    panels = [
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("status"), FieldPanel("since_year")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("contact_role")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("local use")
        verbose_name_plural = _("local use")


class MethodRating(Orderable):
    """A rating by an external registry; each is shown beside the others, never merged."""

    REGISTRY_CHOICES = [
        ("Metodguiden", "Metodguiden (Socialstyrelsen)"),
        ("SBU", "SBU"),
        ("CEBC", "CEBC"),
        ("EIF", "EIF"),
        ("Annan", _("Other")),
    ]

    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="ratings")
    registry = models.CharField(_("registry"), max_length=30, choices=REGISTRY_CHOICES)
    rating = models.CharField(_("rating"), max_length=200)
    rated_on = models.DateField(_("date of rating"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)

    panels = [FieldRowPanel([FieldPanel("registry"), FieldPanel("rating"), FieldPanel("rated_on")]), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("external rating")
        verbose_name_plural = _("external ratings")


class MethodMaterial(Orderable):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]


class RelatedMethod(Orderable):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="related_methods")
    related = models.ForeignKey(
        MethodPage, verbose_name=_("method"), on_delete=models.CASCADE, related_name="related_from"
    )

    panels = [FieldPanel("related")]
