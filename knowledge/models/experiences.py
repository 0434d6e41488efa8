from functools import cache

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from knowledge.forms import PersonalDataPanel
from knowledge.parts import parts_for

from .listing import CHECKBOXES, KnowledgePage, ListingIndexPage
from .tags import ExperiencePageTag

TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link", "h3"]


def heading_field(label, help_text):
    return RichTextField(label, blank=True, features=TEXT_FEATURES, help_text=help_text)


class ExperienceIndexPage(ListingIndexPage):
    """All experiences (lärande exempel), with filters ("Erfarenheter")."""

    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.ExperiencePage"]
    max_count = 1
    listing_model_name = "knowledge.ExperiencePage"

    class Meta:
        verbose_name = _("experience listing")


class ExperiencePage(KnowledgePage):
    """A local experience (lärande exempel) under fixed headings, linked to the methods it used."""

    HEADINGS = [
        ("background", _("Background and goal")),
        ("target_group_and_reach", _("Target group and how many were reached")),
        ("what_was_done", _("What was done")),
        ("adaptations", _("Adaptations from the method's manual")),
        ("results", _("Follow-up and results")),
        ("lessons_worked", _("Lessons: what worked")),
        ("lessons_not_worked", _("Lessons: what did not work")),
        ("resources", _("Resources")),
    ]

    methods = ParentalManyToManyField(
        "knowledge.MethodPage",
        verbose_name=_("methods used"),
        blank=True,
        related_name="experiences",
        help_text=_("The method or methods the work built on."),
    )
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    contact_role = models.CharField(
        _("contact (role)"), max_length=200, blank=True, help_text=_("A role to contact, never a person's name.")
    )
    period_start = models.DateField(_("period from"), null=True, blank=True)
    period_end = models.DateField(_("period to"), null=True, blank=True, help_text=_("Leave empty if ongoing."))
    background = heading_field(_("background and goal"), _("Why you started and what you wanted to achieve."))
    target_group_and_reach = heading_field(
        _("target group and reach"), _("Who the work was for, and roughly how many were reached.")
    )
    what_was_done = heading_field(_("what was done"), _("What you did, step by step."))
    adaptations = heading_field(_("adaptations"), _("What you changed from the method's manual, and why."))
    results = heading_field(_("follow-up and results"), _("How you followed up, and what you saw."))
    lessons_worked = heading_field(_("what worked"), _("What you would do again."))
    lessons_not_worked = heading_field(_("what did not work"), _("What you would do differently."))
    resources = heading_field(_("resources"), _("Staff time, costs and partners."))
    tags = ClusterTaggableManager(through=ExperiencePageTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        PersonalDataPanel(),  # the guard's confirmation box, shown only when it warns
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldRowPanel([FieldPanel("unit"), FieldPanel("contact_role")]),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("methods", widget=CHECKBOXES),
            ],
            heading=_("Where, when and with which method"),
        ),
        *[FieldPanel(name) for name, _label in HEADINGS],
        MultiFieldPanel(
            [
                FieldPanel("target_groups", widget=CHECKBOXES),
                FieldPanel("age_groups", widget=CHECKBOXES),
                FieldPanel("violence_types", widget=CHECKBOXES),
                FieldPanel("sectors", widget=CHECKBOXES),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
    ]
    search_fields = [
        *KnowledgePage.search_fields,
        *[index.SearchField(name) for name, _label in HEADINGS],
        index.SearchField("unit"),
    ]

    parent_page_types = ["knowledge.ExperienceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("experience")
        verbose_name_plural = _("experiences")

    def get_context(self, request, *args, **kwargs):
        """What the page shows; all but the reader's own bits is kept as HTML (knowledge/parts.py), and what the
        parts show is read only when the template asks for it (see MethodPage.get_context)."""
        context = super().get_context(request, *args, **kwargs)
        context.update(
            parts=parts_for(request, self.pk),
            tags=cache(lambda: list(self.tags.all())),
            methods=cache(lambda: list(self.methods_visible_to(request.user))),
        )
        return context

    def methods_visible_to(self, user):
        """The methods the work built on that the reader may open; read from memory, so previews show them too."""
        ids = [method.pk for method in self.methods.all()]
        method_model = self._meta.get_field("methods").related_model
        return method_model.objects.visible_to(user).filter(pk__in=ids).order_by("title")

    def sections(self):
        """The fixed headings with their text, in order, leaving out empty ones."""
        return [(label, getattr(self, name)) for name, label in self.HEADINGS if getattr(self, name)]
