from django.core.exceptions import PermissionDenied
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
from .models.tags import tag_uses_visible_to, tags_visible_to
from .visibility import visible_pages

SHARE_TARGETS = {"metod": (MethodIndexPage, "methodpage"), "erfarenhet": (ExperienceIndexPage, "experiencepage")}
TAG_PAGE_LIMIT = 50


def knowledge_bank(request):
    """The entry to the knowledge bank: its sections, how much each holds, themes and common tags."""
    user = request.user
    sections = [
        section(
            user,
            MethodIndexPage,
            MethodPage,
            _("Methods"),
            _("Methods the municipalities use, with target groups, evidence and contacts."),
            _("No methods have been published yet. Editors publish them as colleagues share them."),
        ),
        section(
            user,
            ExperienceIndexPage,
            ExperiencePage,
            _("Experiences"),
            _("Local experiences: what was done, for whom, and what was learned."),
            _("No experiences have been published yet. Share how your unit works so others can learn."),
        ),
        section(
            user,
            ArticleIndexPage,
            ArticlePage,
            _("News and articles"),
            _("News from the joint editorial board and the municipalities."),
            _("No articles have been published yet."),
        ),
        section(
            user,
            MunicipalityIndexPage,
            MunicipalityPage,
            _("The municipalities"),
            _("How each of the six municipalities works against violence in close relationships."),
            _("No municipality pages have been published yet."),
        ),
    ]
    context = {
        "sections": sections,
        "topics": TopicPage.objects.visible_to(user).order_by("title"),
        "tags": most_used_tags(user),
    }
    return render(request, "knowledge/knowledge_bank.html", context)


def most_used_tags(user, limit=40):
    """The tags on the most pages the person may see; drafts and restricted pages count for nothing."""
    tags = Tag.objects.annotate(uses=tag_uses_visible_to(user)).filter(uses__gt=0)
    return tags.order_by("-uses", "name")[:limit]


def section(user, index_model, page_model, title, description, empty):
    return {
        "title": title,
        "description": description,
        "page": visible_pages(index_model.objects.all(), user).first(),
        "count": page_model.objects.visible_to(user).count(),
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
    user = request.user
    tag = get_object_or_404(tags_visible_to(user), slug=slug)
    groups = []
    for page_model, index_model in ((MethodPage, MethodIndexPage), (ExperiencePage, ExperienceIndexPage)):
        pages = page_model.objects.visible_to(user).filter(tags=tag).select_related("municipality").order_by("title")
        index = visible_pages(index_model.objects.all(), user).first()
        groups.append((page_model._meta.verbose_name_plural, list(pages[:TAG_PAGE_LIMIT]), index))
    articles = ArticlePage.objects.visible_to(user).filter(tags=tag).order_by("-date")
    groups.append((ArticlePage._meta.verbose_name_plural, list(articles[:TAG_PAGE_LIMIT]), None))
    return render(request, "knowledge/tag.html", {"tag": tag, "groups": groups})
