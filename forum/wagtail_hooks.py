"""The "Forum" menu of the admin: categories for editors, the moderation rooms for moderators."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from accounts import rights
from accounts.roles import is_moderator
from knowledge.models.tags import VISIBLE_TAG_USES_HOOK

from . import personal_data
from .admin import categories
from .knowledge_link import may_draft_pages
from .models import Report, Thread, ThreadTag


def queue_length(request):
    """How many posts wait in the moderation queue, counted once per request however often it is shown."""
    if not hasattr(request, "_forum_queue_length"):
        request._forum_queue_length = Report.objects.waiting_posts_count()
    return request._forum_queue_length


def with_queue_length(label, request, *, short=False):
    """ "Moderation queue (3 waiting)", or "Forum (3)" where the sidebar is narrow, for moderators when anything
    waits; the label alone otherwise."""
    if not is_moderator(request.user) or not queue_length(request):
        return label
    text = "%(label)s (%(count)s)" if short else gettext("%(label)s (%(count)s waiting)")
    return text % {"label": label, "count": queue_length(request)}


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


class QueueMenuItem(ModeratorMenuItem):
    def render_component(self, request):
        component = super().render_component(request)
        component.label = with_queue_length(self.label, request)
        return component


class ForumSubmenuItem(SubmenuMenuItem):
    """The forum's menu says how many posts wait, so a moderator sees it without opening the menu."""

    def render_component(self, request):
        component = super().render_component(request)
        component.label = with_queue_length(self.label, request, short=True)
        return component


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return may_draft_pages(request.user)


class ForumMenu(SnippetViewSetGroup):
    menu_label = _("Forum")
    menu_icon = "comment"
    menu_order = 260
    items = (categories.CategoryViewSet,)

    def get_menu_item(self, order=None):
        return ForumSubmenuItem(
            label=self.menu_label,
            menu=Menu(items=self.get_submenu_items()),
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.menu_order if order is None else order,
        )

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            QueueMenuItem(_("Moderation queue"), reverse_lazy("forum_admin:queue"), icon_name="warning", order=10),
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


class QueuePanel(Component):
    """On the admin's start page of moderators: how many posts wait in the moderation queue, and the way there."""

    name = "forum_moderation_queue"
    template_name = "forum/admin/queue_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        return {"count": queue_length(parent_context["request"])}


@hooks.register("construct_homepage_panels")
def show_the_queue_to_moderators(request, panels):
    if is_moderator(request.user):
        panels.append(QueuePanel())


hooks.register(rights.PERSONAL_DATA_HOOK, personal_data.export)
hooks.register(rights.ACCOUNT_CLOSING_HOOK, personal_data.remove)
