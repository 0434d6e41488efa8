from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet, SnippetViewSetGroup

from . import audit
from .bulk_actions import AssignRole, Delete, SetActiveState
from .models import Municipality, Sector


class KeepWhatIsInUseDeleteView(DeleteView):
    """Wagtail refuses to delete what its reference index knows is in use; the database knows more (people,
    municipality pages), and its refusal would otherwise be a server error."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request, _("“%(object)s” is still in use and cannot be deleted.") % {"object": self.object}
            )
            return redirect(self.get_success_url())


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    delete_view_class = KeepWhatIsInUseDeleteView
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
