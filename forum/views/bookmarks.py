"""Sparat: threads and pages a person saved to read again, and the buttons that save them."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from wagtail.models import Page

from common.params import safe_next
from knowledge.visibility import visible_pages

from .. import services
from ..models import Bookmark
from .threads import visible_thread

BOOKMARKS_PER_PAGE = 25
# The root and the start page are where everything begins, not something to save.
FIRST_SAVEABLE_DEPTH = 3


@require_safe
def saved(request):
    """What the person saved, the latest first; what they may no longer see is left out."""
    listed = Bookmark.objects.for_person(request.user)
    page = Paginator(listed, BOOKMARKS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "forum/saved.html", {"page_obj": page, "bookmarks": page.object_list})


def saveable_pages(user):
    return visible_pages(Page.objects.filter(depth__gte=FIRST_SAVEABLE_DEPTH), user)


@require_POST
def bookmark_thread(request, pk):
    thread = visible_thread(request, pk)
    _save_or_remove(request, thread=thread)
    return redirect(safe_next(request, thread.get_absolute_url()))


@require_POST
def bookmark_page(request, pk):
    page = get_object_or_404(saveable_pages(request.user), pk=pk)
    _save_or_remove(request, page=page)
    return redirect(safe_next(request, page.url))


def _save_or_remove(request, **target):
    save = request.POST.get("save") == "1"
    services.set_bookmarked(request.user, saved=save, **target)
    if save:
        messages.success(request, _("Saved. You find it again under Saved, in the menu with your name."))
    else:
        messages.success(request, _("Removed from Saved."))
