from functools import cache

from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from knowledge.blocks import BodyBlock
from knowledge.forms import KnowledgePageForm, MunicipalPageForm, PersonalDataPanel
from knowledge.parts import parts_for
from knowledge.permissions import MunicipalScopeMixin
from knowledge.visibility import (
    FewViewRestrictionQueriesMixin,
    VisiblePageManager,
    VisiblePageQuerySet,
    visible_pages,
)
from privacy.admin_forms import GuardedCopyForm

from .experiences import ExperiencePage
from .methods import MethodLocalUse, MethodPage
from .tags import ArticlePageTag

LISTING_PAGE_SIZE = 20


def page_of(request, queryset, per_page=LISTING_PAGE_SIZE):
    """Return the requested page of a listing; a bad or too large ?page= gives the nearest valid page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


class HomePage(FewViewRestrictionQueriesMixin, Page):
    """The start page: what is new across the six municipalities."""

    intro = RichTextField(
        _("welcome text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences that welcome colleagues and say what the intranet is for."),
    )

    base_form_class = KnowledgePageForm  # the personal-data guard on every text, malformed values refused
    copy_form_class = GuardedCopyForm
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "knowledge.MethodIndexPage",
        "knowledge.ExperienceIndexPage",
        "knowledge.ArticleIndexPage",
        "knowledge.MunicipalityIndexPage",
        "knowledge.TopicPage",
        "knowledge.AccessibilityStatementPage",
        "events.CampaignIndexPage",  # a string, not an import: Wagtail needs both ends of the tree rule
    ]
    max_count = 1

    class Meta:
        verbose_name = _("start page")

    def route(self, request, path_components):
        """On the way through a section to a page below it (/metoder/<method>/) the section's own fields are not
        needed: it is taken as its specific type with them deferred, which saves Wagtail's query for them (a field
        asked for after all is read then). The page at the end of the path is routed as Wagtail does."""
        if len(path_components) > 1:
            try:
                section = self.get_children().get(slug=path_components[0])
            except Page.DoesNotExist:
                raise Http404 from None
            section._cached_parent_obj = self  # as Wagtail's routing does: get_parent() needs no query
            return section.specific_deferred.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        """What the page shows of the knowledge bank is the same for everyone with the same sight and is kept as HTML
        (knowledge/parts.py); each list is read only when the template asks for it (see MethodPage.get_context). The
        discussions and events are kept by their own apps, with the reader's own bits filled in."""
        user = request.user
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.visible_to(user).newest_first().select_related("municipality")
        context.update(
            parts=parts_for(request, self.pk),
            latest_methods=cache(lambda: list(newest(MethodPage, user)[:4])),
            latest_experiences=cache(lambda: list(newest(ExperiencePage, user)[:4])),
            latest_articles=cache(lambda: list(articles[:3])),
            municipality_pages=cache(lambda: list(MunicipalityPage.objects.visible_to(user).order_by("title"))),
            topics=cache(lambda: list(TopicPage.objects.visible_to(user).order_by("title"))),
        )
        return context


def newest(page_model, user):
    return page_model.objects.visible_to(user).select_related("municipality").order_by("-first_published_at")


class ArticleIndexPage(Page):
    """News and articles ("Aktuellt") from the joint editorial board."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    base_form_class = KnowledgePageForm  # the personal-data guard on every text, malformed values refused
    copy_form_class = GuardedCopyForm
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("article listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (
            ArticlePage.objects.visible_to(request.user).child_of(self).newest_first().select_related("municipality")
        )
        context["articles"] = page_of(request, articles)
        return context


class ArticlePageQuerySet(VisiblePageQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")


class ArticlePage(MunicipalScopeMixin, Page):
    """News from a municipality, edited by its editors, or from the joint editorial board (no municipality)."""

    date = models.DateField(_("date"), help_text=_("The date shown on the article, normally the publishing date."))
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences in plain language, shown in listings (at most 300 characters)."),
    )
    municipality = models.ForeignKey(
        "accounts.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for articles from the joint editorial board."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    base_form_class = MunicipalPageForm  # the personal-data guard on every text
    copy_form_class = GuardedCopyForm
    content_panels = [
        PersonalDataPanel(),  # the guard's confirmation box, shown only when it warns
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("municipality"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["knowledge.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")


class MunicipalityIndexPage(Page):
    """The six municipalities, each with its own page."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    base_form_class = KnowledgePageForm  # the personal-data guard on every text, malformed values refused
    copy_form_class = GuardedCopyForm
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.MunicipalityPage"]
    max_count = 1

    class Meta:
        verbose_name = _("municipality listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["municipality_pages"] = (
            MunicipalityPage.objects.visible_to(request.user)
            .child_of(self)
            .select_related("municipality")
            .order_by("title")
        )
        return context


class MunicipalityPage(MunicipalScopeMixin, Page):
    """A municipality's own page: who does what against violence there."""

    municipality = models.OneToOneField(
        "accounts.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="page",
    )
    objects = VisiblePageManager()
    intro = models.TextField(
        _("introduction"),
        max_length=500,
        blank=True,
        help_text=_("A short presentation of how the municipality works against violence in close relationships."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    base_form_class = MunicipalPageForm
    copy_form_class = GuardedCopyForm
    content_panels = [
        PersonalDataPanel(),  # the guard's confirmation box, shown only when it warns
        *Page.content_panels,
        FieldPanel("municipality"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("contacts", heading=_("Contacts by role"), label=_("contact")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["knowledge.MunicipalityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("municipality page")
        verbose_name_plural = _("municipality pages")

    def get_context(self, request, *args, **kwargs):
        user = request.user
        context = super().get_context(request, *args, **kwargs)
        uses = (
            MethodLocalUse.objects.filter(municipality_id=self.municipality_id, confirmed=True)
            .filter(page__in=MethodPage.objects.visible_to(user))
            .exclude(status=MethodLocalUse.ENDED)
            .select_related("page")
            .order_by("page__title")
        )
        context["local_uses"] = uses
        context["owned_methods"] = newest(MethodPage, user).filter(municipality_id=self.municipality_id)
        context["experiences"] = (
            newest(ExperiencePage, user).filter(municipality_id=self.municipality_id).prefetch_related("target_groups")
        )
        context["contacts"] = self.contacts.all()
        return context


class MunicipalityContact(Orderable):
    """Who to contact in a municipality, by role and function; never a private person's details."""

    page = ParentalKey(MunicipalityPage, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(_("role"), max_length=200, help_text=_("E.g. “Samordnare för våld i nära relationer”."))
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    how_to_reach = models.CharField(
        _("how to reach"),
        max_length=200,
        blank=True,
        help_text=_("A functional mailbox or the switchboard, never a private number."),
    )

    panels = [FieldRowPanel([FieldPanel("role"), FieldPanel("unit")]), FieldPanel("how_to_reach")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")


class TopicPage(Page):
    """A theme page that editors curate: pinned methods, experiences and articles on one subject."""

    summary = models.TextField(_("summary"), max_length=300)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    objects = VisiblePageManager()

    base_form_class = MunicipalPageForm  # the personal-data guard on every text
    copy_form_class = GuardedCopyForm
    content_panels = [
        PersonalDataPanel(),  # the guard's confirmation box, shown only when it warns
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([InlinePanel("pins", label=_("pinned page"))], heading=_("Pinned pages")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["knowledge.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("theme page")
        verbose_name_plural = _("theme pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        order = list(self.pins.values_list("pinned_id", flat=True))
        pages = visible_pages(Page.objects.filter(pk__in=order), request.user).specific()
        groups = {}
        for page in sorted(pages, key=lambda page: order.index(page.pk)):
            groups.setdefault(page.specific_class._meta.verbose_name_plural, []).append(page)
        context["pinned_groups"] = list(groups.items())
        return context


class TopicPin(Orderable):
    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="pins")
    pinned = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("pinned", ["knowledge.MethodPage", "knowledge.ExperiencePage", "knowledge.ArticlePage"])]
