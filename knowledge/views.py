from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from taggit.models import Tag

from .models import (
    AccessibilityStatementPage,
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
from .models.tags import TagSynonym, tag_uses_visible_to, tags_visible_to
from .services import start_draft
from .sharing import KINDS, ShareForm, drafts_of, may_share
from .visibility import visible_pages

TAG_PAGE_LIMIT = 50


def accessibility_statement(request):
    """Where every page's footer points: the accessibility statement, wherever editors have put it."""
    statement = visible_pages(AccessibilityStatementPage.objects.all(), request.user).first()
    if statement is None:
        raise Http404(_("The accessibility statement has not been published."))
    return redirect(statement.url)


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
    """The first step of sharing a method or an experience: the person's drafts, and a plain form that makes
    a new one and leads into the editor (or sends it for review at once)."""
    share_kind = KINDS.get(kind)
    index = share_kind.index_model.objects.first() if share_kind else None
    if index is None:
        raise Http404
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    form = ShareForm(request.POST or None, user=request.user, kind=share_kind)
    if request.method == "POST" and may_share(request.user) and form.is_valid():
        submit = "review" in request.POST
        page = form.page(share_kind)
        start_draft(index, page, author=request.user, uses_it=form.owners_use, submit=submit, slug_fallback=kind)
        if submit:
            messages.success(
                request,
                _("Thank you! “%(title)s” is sent for review. You will hear when it is published.")
                % {"title": page.title},
            )
            return redirect(index.url)
        messages.success(request, _("Your draft is saved. Fill in the rest, then send it for review."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    context = {
        "form": form,
        "kind": share_kind,
        "may_share": may_share(request.user),
        "drafts": drafts_of(request.user, share_kind.page_model),
    }
    return render(request, "knowledge/share.html", context)


def tag(request, slug):
    """Everything carrying one tag, grouped by type."""
    user = request.user
    tag = tags_visible_to(user).filter(slug=slug).first()
    if tag is None:
        # The address of a tag since merged or renamed leads to the tag it became.
        synonym = TagSynonym.objects.filter(slug=slug, tag__in=tags_visible_to(user).values("pk"))
        became = synonym.values_list("tag__slug", flat=True).first()
        if became is None:
            raise Http404
        return redirect("knowledge:tag", slug=became)
    groups = []
    for page_model, index_model in ((MethodPage, MethodIndexPage), (ExperiencePage, ExperienceIndexPage)):
        pages = page_model.objects.visible_to(user).filter(tags=tag).select_related("municipality").order_by("title")
        index = visible_pages(index_model.objects.all(), user).first()
        groups.append((page_model._meta.verbose_name_plural, list(pages[:TAG_PAGE_LIMIT]), index))
    articles = ArticlePage.objects.visible_to(user).filter(tags=tag).order_by("-date")
    groups.append((ArticlePage._meta.verbose_name_plural, list(articles[:TAG_PAGE_LIMIT]), None))
    return render(request, "knowledge/tag.html", {"tag": tag, "groups": groups})
