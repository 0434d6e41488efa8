"""The "Forum" menu of the admin: categories for editors, the moderation rooms for moderators."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from accounts.roles import is_moderator
from knowledge.models.tags import VISIBLE_TAG_USES_HOOK

from .admin import categories
from .knowledge_link import may_draft_pages
from .models import Thread, ThreadTag


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return may_draft_pages(request.user)


class ForumMenu(SnippetViewSetGroup):
    menu_label = _("Forum")
    menu_icon = "comment"
    menu_order = 260
    items = (categories.CategoryViewSet,)

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            ModeratorMenuItem(_("Moderation queue"), reverse_lazy("forum_admin:queue"), icon_name="warning", order=10),
            ModeratorMenuItem(_("Hidden content"), reverse_lazy("forum_admin:hidden"), icon_name="view", order=20),
            ModeratorMenuItem(_("Moderation log"), reverse_lazy("forum_admin:log"), icon_name="history", order=30),
            EditorMenuItem(_("Solved threads"), reverse_lazy("forum_admin:solved"), icon_name="tick", order=40),
        ]


register_snippet(ForumMenu)


@hooks.register("register_admin_urls")
def register_forum_admin_urls():
    return [path("forum/", include("forum.admin.urls", namespace="forum_admin"))]


hooks.register("register_log_actions", categories.register_log_actions)


@hooks.register(VISIBLE_TAG_USES_HOOK)
def tags_on_threads_visible_to(user):
    """A tag used on a thread the person may see is one they may see on the knowledge bank's tag pages."""
    return ThreadTag.objects.filter(content_object__in=Thread.objects.visible_to(user)).values("tag_id")
