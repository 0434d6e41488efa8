"""Editors' picks in the admin: Wagtail's own views, with the personal-data guard on every text they store.

The search term, a link's text and a pick's description are shown to everyone who
searches, so a detail the guard finds is removed, never confirmed (Wagtail's form
has no room for the box). search/wagtail_hooks.py puts these views at Wagtail's
addresses for adding and editing picks.
"""

from django.forms.models import inlineformset_factory
from django.utils.functional import cached_property

from wagtail.contrib.search_promotions import forms as wagtail_forms
from wagtail.contrib.search_promotions import views as wagtail_views
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from privacy.forms import PersonalDataGuardMixin

from .querylog import normalise


class QueryForm(PersonalDataGuardMixin, wagtail_forms.QueryForm):
    guarded_fields = ("query_string",)
    confirmable = False


class SearchPromotionForm(PersonalDataGuardMixin, wagtail_forms.SearchPromotionForm):
    guarded_fields = ("external_link_text", "description")
    confirmable = False


SearchPromotionsFormSet = inlineformset_factory(
    Query,
    SearchPromotion,
    form=SearchPromotionForm,
    formset=wagtail_forms.SearchPromotionsFormSet,
    can_order=True,
    can_delete=True,
    extra=0,
)


class GuardedPicksMixin:
    form_class = QueryForm

    @cached_property
    def searchpicks_formset(self):
        data = self.request.POST if self.request.method == "POST" else None
        return SearchPromotionsFormSet(data, instance=self.object)


class CreateView(GuardedPicksMixin, wagtail_views.CreateView):
    def get_initial(self):
        # "Add a pick" in the report of searches without results brings the search words (?q=…).
        initial = super().get_initial()
        text = normalise(self.request.GET.get("q", ""))
        if text:
            initial["query_string"] = text
        return initial


class EditView(GuardedPicksMixin, wagtail_views.EditView):
    pass
