"""The admin room where a municipality's editors confirm what others say about its use of a method."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from common.params import positive_int

from .permissions import keeps_methods_reviewed
from .services import confirm_local_use, local_use_suggestions_for


class LocalUseSuggestionsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "knowledge/admin/local_use_suggestions.html"
    page_title = _("Suggested local use")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        # The same people as the menu item: editors, the joint board and administrators.
        if not keeps_methods_reviewed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(suggestions=local_use_suggestions_for(self.request.user), **kwargs)

    def post(self, request):
        use = get_object_or_404(local_use_suggestions_for(request.user), pk=positive_int(request.POST.get("use"), 0))
        if confirm_local_use(use, by=request.user):
            messages.success(request, _("Confirmed: the method page now shows the row."))
        return redirect("local_use_suggestions")
