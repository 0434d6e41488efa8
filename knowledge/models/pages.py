from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from knowledge.blocks import BodyBlock

LISTING_PAGE_SIZE = 20


def page_of(request, queryset, per_page=LISTING_PAGE_SIZE):
    """Return the requested page of a listing; a bad or too large ?page= gives the nearest valid page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


class HomePage(Page):
    """The start page: what is new across the six municipalities."""

    intro = RichTextField(
        _("welcome text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences that welcome colleagues and say what the intranet is for."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["knowledge.ArticleIndexPage", "knowledge.MunicipalityIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("start page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = ArticlePage.objects.live().newest_first().select_related("municipality")[:3]
        context["municipality_pages"] = MunicipalityPage.objects.live().order_by("title")
        return context


class ArticleIndexPage(Page):
    """News and articles ("Aktuellt") from the joint editorial board."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("article listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.live().child_of(self).newest_first().select_related("municipality")
        context["articles"] = page_of(request, articles)
        return context


class ArticlePageQuerySet(PageQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")


class ArticlePage(Page):
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

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("municipality"),
        FieldPanel("body"),
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

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.MunicipalityPage"]
    max_count = 1

    class Meta:
        verbose_name = _("municipality listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["municipality_pages"] = (
            MunicipalityPage.objects.live().child_of(self).select_related("municipality").order_by("title")
        )
        return context


class MunicipalityPage(Page):
    """A municipality's own page: who does what against violence there."""

    municipality = models.OneToOneField(
        "accounts.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="page",
    )
    intro = models.TextField(
        _("introduction"),
        max_length=500,
        blank=True,
        help_text=_("A short presentation of how the municipality works against violence in close relationships."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("municipality"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["knowledge.MunicipalityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("municipality page")
        verbose_name_plural = _("municipality pages")
