"""The accessibility statement (tillgänglighetsredogörelse) that the law on accessibility of digital public
services (2018:1937) asks for, following the model of the Agency for Digital Government (DIGG).

One page under the start page, made by a data migration with DIGG's headings and the gaps known when it was
written; editors keep it true in Wagtail. Every page's footer links to it through `knowledge:accessibility`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from knowledge.forms import KnowledgePageForm
from privacy.admin_forms import GuardedCopyForm

STATEMENT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class Compliance(models.TextChoices):
    FULLY = "full", _("Fully compliant")
    PARTIALLY = "partial", _("Partially compliant")
    NOT = "none", _("Not compliant")


class AccessibilityStatementPage(Page):
    """How accessible Kunskapsforum is, its known gaps, how to report a problem and where to complain."""

    compliance = models.CharField(
        _("compliance with WCAG 2.1 AA"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIALLY,
        help_text=_("As measured: partially compliant while any gap is listed in the statement."),
    )
    body = RichTextField(
        _("statement"),
        features=STATEMENT_FEATURES,
        help_text=_("DIGG's headings: what does not work, how to report a gap, supervision, how it was tested."),
    )
    contact_email = models.EmailField(
        _("e-mail address for reports"),
        blank=True,
        help_text=_(
            "A shared mailbox (never a person's own) where anyone may report a gap or ask for content in another "
            "form. Also shown on the login page, to those who cannot sign in."
        ),
    )
    tested_on = models.DateField(_("last tested"), help_text=_("When the site was last tested for accessibility."))
    statement_date = models.DateField(_("statement updated"))

    base_form_class = KnowledgePageForm  # the personal-data guard on every text
    copy_form_class = GuardedCopyForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("compliance"),
        FieldPanel("body"),
        FieldPanel("contact_email"),
        FieldRowPanel([FieldPanel("tested_on"), FieldPanel("statement_date")]),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["knowledge.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("accessibility statement")
