from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
