"""Who may open the forum's admin rooms: moderators the moderation, editors the way into the knowledge bank."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.views.defaults import permission_denied

from accounts.roles import is_moderator
from common.params import positive_int

from ..knowledge_link import may_draft_pages

PAGE_SIZE = 30


def forbidden(request):
    # A real 403, not Wagtail's redirect to the dashboard: a shared link should say plainly that it is closed.
    return permission_denied(request, PermissionDenied())


class ModeratorRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_moderator(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class EditorRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_draft_pages(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


def page_of(request, queryset, per_page=PAGE_SIZE):
    """The requested page; a bad or too large ?p= gives the nearest valid page, never an error."""
    return Paginator(queryset, per_page).get_page(positive_int(request.GET.get("p"), default=1))


def pagination_context(page):
    return {"page_obj": page, "elided_page_range": page.paginator.get_elided_page_range(page.number)}
