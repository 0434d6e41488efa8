from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    """Editors keep the field's vocabulary: a search for one word also finds the words that mean the same."""

    model = SynonymGroup
    icon = "search"
    menu_label = _("Thesaurus")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]


register_snippet(SynonymGroupViewSet)
