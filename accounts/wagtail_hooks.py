from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import audit
from .bulk_actions import AssignRole, Delete, SetActiveState
from .models import Municipality, Sector


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "group"
    list_display = ["name", "name_en", "sort_order"]
    search_fields = ["name", "name_en"]


class OrganisationViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "site"
    menu_order = 300
    items = (MunicipalityViewSet, SectorViewSet)


register_snippet(OrganisationViewSetGroup)

hooks.register("register_log_actions", audit.register_log_actions)

# Registered after Wagtail's own bulk actions of the same names, so these replace them.
for action_class in (AssignRole, SetActiveState, Delete):
    hooks.register("register_bulk_action", action_class, order=1)
