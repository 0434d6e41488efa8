from django.core.exceptions import PermissionDenied
from django.db.models import Count, Value
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from taggit.models import Tag

from .models import (
    ArticleIndexPage,
    ArticlePage,
    ExperienceIndexPage,
    ExperiencePage,
    MethodIndexPage,
    MethodPage,
    MunicipalityIndexPage,
    MunicipalityPage,
    TopicPage,
)

SHARE_TARGETS = {"metod": (MethodIndexPage, "methodpage"), "erfarenhet": (ExperienceIndexPage, "experiencepage")}
TAG_PAGE_LIMIT = 50
TAG_THROUGH_MODELS = ["methodpagetag", "experiencepagetag", "articlepagetag"]


def knowledge_bank(request):
    """The entry to the knowledge bank: its sections, how much each holds, themes and common tags."""
    sections = [
        section(
            MethodIndexPage,
            MethodPage,
            _("Methods"),
            _("Methods the municipalities use, with target groups, evidence and contacts."),
            _("No methods have been published yet. Editors publish them as colleagues share them."),
        ),
        section(
            ExperienceIndexPage,
            ExperiencePage,
            _("Experiences"),
            _("Local experiences: what was done, for whom, and what was learned."),
            _("No experiences have been published yet. Share how your unit works so others can learn."),
        ),
        section(
            ArticleIndexPage,
            ArticlePage,
            _("News and articles"),
            _("News from the joint editorial board and the municipalities."),
            _("No articles have been published yet."),
        ),
        section(
            MunicipalityIndexPage,
            MunicipalityPage,
            _("The municipalities"),
            _("How each of the six municipalities works against violence in close relationships."),
            _("No municipality pages have been published yet."),
        ),
    ]
    context = {
        "sections": sections,
        "topics": TopicPage.objects.live().public().order_by("title"),
        "tags": most_used_tags(),
    }
    return render(request, "knowledge/knowledge_bank.html", context)


def most_used_tags(limit=40):
    uses = sum(
        (Count(f"knowledge_{through}_items", distinct=True) for through in TAG_THROUGH_MODELS),
        start=Value(0),
    )
    return Tag.objects.annotate(uses=uses).filter(uses__gt=0).order_by("-uses", "name")[:limit]


def section(index_model, page_model, title, description, empty):
    return {
        "title": title,
        "description": description,
        "page": index_model.objects.live().first(),
        "count": page_model.objects.live().public().count(),
        "empty": empty,
    }


def share(request, kind):
    """Lead a colleague straight into the editing form for a new method or experience draft."""
    if kind not in SHARE_TARGETS:
        raise Http404
    index_model, page_type = SHARE_TARGETS[kind]
    index = index_model.objects.first()
    if index is None:
        raise Http404
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    return redirect(reverse("wagtailadmin_pages:add", args=("knowledge", page_type, index.pk)))


def tag(request, slug):
    """Everything carrying one tag, grouped by type."""
    tag = get_object_or_404(Tag, slug=slug)
    groups = []
    for page_model, index_model in ((MethodPage, MethodIndexPage), (ExperiencePage, ExperienceIndexPage)):
        pages = page_model.objects.live().public().filter(tags=tag).select_related("municipality").order_by("title")
        index = index_model.objects.first()
        groups.append((page_model._meta.verbose_name_plural, list(pages[:TAG_PAGE_LIMIT]), index))
    articles = ArticlePage.objects.live().public().filter(tags=tag).order_by("-date")
    groups.append((ArticlePage._meta.verbose_name_plural, list(articles[:TAG_PAGE_LIMIT]), None))
    return render(request, "knowledge/tag.html", {"tag": tag, "groups": groups})


def campaign(request):
    """The campaign month "En månad fri från våld": the current year's programme when published."""
    return render(request, "knowledge/campaign.html", {})
