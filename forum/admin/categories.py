"""Forum categories in the admin: editors keep the rooms they can see tidy, Administratörer decide who sees them.

An editor lists, opens and edits only the categories they may see themselves, and
never gets the audience fields, so a crafted form cannot change them. Administratörer
and superusers manage every category (its settings, not its threads). Changing who
may see a category is logged in Wagtail's audit log with its before and after.
Nobody deletes a category here: its threads stay where they are.
"""

from django import forms
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser, snippets
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts import audit, roles
from privacy.admin_forms import GuardedAdminModelForm

from ..models import Category

AUDIENCE_FIELDS = ("restricted_to_groups", "restricted_to_municipalities")
AUDIENCE_CHANGED = "forum.category_audience_changed"
NO_LIMITS = {"roles": [], "municipalities": []}


def categories_in_admin(user):
    """Those who decide who sees a category manage them all; anyone else only the ones they see in the forum."""
    if roles.administers_access(user):
        return Category.objects.all()
    return Category.objects.visible_to(user)


def audience_of(category):
    return {
        "roles": sorted(category.restricted_to_groups.values_list("name", flat=True)),
        "municipalities": sorted(category.restricted_to_municipalities.values_list("name", flat=True)),
    }


class AudienceChangeFormatter(audit.ChangeFormatter):
    label = _("Change who may see a forum category")
    names = {"roles": _("Only for these roles"), "municipalities": _("Only for these municipalities")}


def register_log_actions(actions):
    actions.register_action(AUDIENCE_CHANGED)(AudienceChangeFormatter)


class CategoryForm(GuardedAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None or not roles.administers_access(for_user):
            for name in AUDIENCE_FIELDS:
                self.fields.pop(name, None)


class CategoryPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)


class VisibleCategoryMixin:
    """Views of one category answer "not found" to someone who may not see it."""

    def get_object(self, *args, **kwargs):
        category = super().get_object(*args, **kwargs)
        if not categories_in_admin(self.request.user).filter(pk=category.pk).exists():
            raise Http404
        return category


class AudienceLogMixin:
    def save_instance(self):
        editing = getattr(self, "object", None)
        before = audience_of(editing) if editing and editing.pk else NO_LIMITS
        category = super().save_instance()
        audit.log_change(category, AUDIENCE_CHANGED, before, audience_of(category), by=self.request.user)
        return category


class CreateView(AudienceLogMixin, snippets.CreateView):
    pass


class CopyView(VisibleCategoryMixin, snippets.CopyView):
    """Only fills in the form; it is sent to the create view."""


class EditView(VisibleCategoryMixin, AudienceLogMixin, snippets.EditView):
    pass


class DeleteView(VisibleCategoryMixin, snippets.DeleteView):
    pass


class HistoryView(VisibleCategoryMixin, snippets.HistoryView):
    pass


class UsageView(VisibleCategoryMixin, snippets.UsageView):
    pass


class InspectView(VisibleCategoryMixin, snippets.InspectView):
    pass


class VisibleChoicesMixin:
    def get_object_list(self):
        return categories_in_admin(self.request.user)


class ChooseView(VisibleChoicesMixin, chooser.ChooseView):
    pass


class ChooseResultsView(VisibleChoicesMixin, chooser.ChooseResultsView):
    pass


class ChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return categories_in_admin(self.request.user).get(pk=pk)


class ChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return categories_in_admin(self.request.user).filter(pk__in=pks)


class CategoryChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


def audience(category):
    return _("Restricted") if category.restricted else _("Everyone")


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["name", Column("restricted", label=_("Who may see it"), accessor=audience), "position"]
    search_fields = ["name", "name_en", "description"]
    ordering = ["position", "name"]
    add_view_class = CreateView
    copy_view_class = CopyView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    inspect_view_class = InspectView
    chooser_viewset_class = CategoryChooserViewSet
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
            FieldPanel("slug"),
            FieldPanel("description"),
            FieldPanel("position"),
            MultiFieldPanel(
                [
                    FieldPanel("restricted_to_groups", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("restricted_to_municipalities", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("Who may see it"),
                help_text=_("A person must meet every limit that is set. Moderators see every category."),
            ),
        ],
        base_form_class=CategoryForm,
    )

    @cached_property
    def permission_policy(self):
        return CategoryPermissionPolicy(self.model)

    def get_queryset(self, request):
        # One query for the marker, however many categories there are.
        groups = Category.restricted_to_groups.through.objects.filter(category_id=OuterRef("pk"))
        places = Category.restricted_to_municipalities.through.objects.filter(category_id=OuterRef("pk"))
        restricted = ExpressionWrapper(Q(Exists(groups)) | Q(Exists(places)), output_field=BooleanField())
        return categories_in_admin(request.user).annotate(restricted=restricted)
