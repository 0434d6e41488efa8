"""What methods and experiences share: the classification fields and a filterable listing page."""

from django import forms
from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from knowledge.forms import KnowledgePageForm, MunicipalPageForm
from knowledge.parts import parts_for
from knowledge.permissions import MunicipalScopeMixin
from knowledge.visibility import FewViewRestrictionQueriesMixin, VisiblePageManager, visible_pages
from privacy.admin_forms import GuardedCopyForm

from .facets import DEFAULT_SORT, SORTS, FacetedListing

CHECKBOXES = forms.CheckboxSelectMultiple
# A listing page's number longer than this is not kept in the cache (listing_parts).
MAX_PAGE_DIGITS = 4


def municipal_page_ids(municipality_id):
    """Ids (as strings, like workflow states keep them) of the methods and experiences a municipality owns."""
    ids = []
    for model_name in ("knowledge.MethodPage", "knowledge.ExperiencePage"):
        model = apps.get_model(model_name)
        ids += model.objects.filter(municipality_id=municipality_id).values_list("pk", flat=True)
    return [str(pk) for pk in ids]


class KnowledgePage(FewViewRestrictionQueriesMixin, MunicipalScopeMixin, Page):
    """A page that belongs to one municipality and is classified by the shared taxonomies."""

    base_form_class = MunicipalPageForm
    copy_form_class = GuardedCopyForm

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("Plain language, at most 300 characters: what it is and for whom. Shown in listings."),
    )
    municipality = models.ForeignKey(
        "accounts.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The municipality that owns the page. Its editors review and publish it."),
    )
    target_groups = ParentalManyToManyField("knowledge.TargetGroup", verbose_name=_("target groups"), blank=True)
    age_groups = ParentalManyToManyField("knowledge.AgeGroup", verbose_name=_("age groups"), blank=True)
    violence_types = ParentalManyToManyField("knowledge.ViolenceType", verbose_name=_("forms of violence"), blank=True)
    sectors = ParentalManyToManyField("accounts.Sector", verbose_name=_("sectors"), blank=True)

    objects = VisiblePageManager()

    # What the page's template shows of other rows, read with the page when it is routed to (knowledge/routing.py).
    routed_with = ("owner", "municipality")

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.FilterField("municipality"),
        index.RelatedFields("municipality", [index.SearchField("name")]),
    ]

    class Meta:
        abstract = True

    def get_admin_display_title(self):
        return f"{self.draft_title} ({self.municipality})" if self.municipality_id else self.draft_title


def discussable_pages(user):
    """What a forum thread may be about: the methods and experiences the person may see."""
    return visible_pages(discussable_kinds(), user)


def discussable_kinds():
    """The pages of the kinds a forum thread may be about, whoever may see them, live or not."""
    return Page.objects.type(KnowledgePage)


class ListingIndexPage(FewViewRestrictionQueriesMixin, Page):
    """An index page that lists its children with facets, sorting and pagination."""

    listing_model_name = ""  # "app_label.ModelName" of the pages listed

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    base_form_class = KnowledgePageForm  # the personal-data guard on every text, malformed values refused
    copy_form_class = GuardedCopyForm
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True

    @property
    def listing_model(self):
        return apps.get_model(self.listing_model_name)

    def route(self, request, path_components):
        """A listed page is found with its own fields, owner and municipality in one query, where Wagtail reads
        the child, then its specific page, then each of the two. Anything else is routed as Wagtail does."""
        if path_components:
            child = (
                self.listing_model.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related(*self.listing_model.routed_with)
                .first()
            )
            if child is not None:
                child._cached_parent_obj = self  # as Wagtail's routing does: get_parent() needs no query
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = self.listing_model.objects.visible_to(request.user).child_of(self)
        context["listing"] = FacetedListing(request, pages, self.listing_model)  # read only if not in the cache
        context["listing_parts"] = listing_parts(request, self)
        return context


def listing_parts(request, index):
    """The keys under which the listing is kept as HTML (knowledge/parts.py), or None when it is not kept.

    Only the unfiltered listing is kept, in each sort order and page: it is what nearly everyone opens, and its
    addresses are few. A filtered one is drawn each time, as the combinations of filters are countless (a cache
    that any query string could fill) and the tags one may filter by depend on what the reader may read in the
    forum, which no version here follows. The page number is kept only as digits (a few of them): anything else
    shows the first or last page, as Django's paginator reads it, and needs no key of its own."""
    query = request.GET
    if set(query) - {"ordning", "page"} or len(query.getlist("ordning")) > 1 or len(query.getlist("page")) > 1:
        return None
    sort = query.get("ordning", DEFAULT_SORT)
    page = query.get("page", "")
    if page and not (page.isdigit() and len(page) <= MAX_PAGE_DIGITS):
        return None
    return parts_for(request, index.pk, sort if sort in SORTS else "unknown", page, bool(query))
