"""The shared tag vocabulary in the admin: editors rename and merge tags and keep their synonyms.

Nobody deletes a tag here: merging moves every use to the tag that stays and keeps the
old name as a synonym (knowledge/vocabulary.py); renaming keeps the old name the same way.
Both are logged on the tag's history. A person keeps the tags the admin shows them and those
on nothing yet: a tag used only where they may not look is not named to them here either.
"""

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from taggit.models import Tag
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.admin.widgets.button import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser, snippets
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from privacy.admin_forms import GuardedAdminModelForm

from .admin_visibility import tags_shown_in_admin
from .models.tags import TagSynonym, tags_offered_to
from .tagging import has_slug, normalise_tag_name
from .vocabulary import MERGED, RENAMED, merge_tags, rename_tag, spelled_alike, tag_relations

TAG_WITHOUT_LETTERS = gettext_lazy("A tag needs at least one letter or digit.")


def tags_kept_by(user):
    """The tags a person keeps in the admin: those on what the admin shows them, and those on nothing yet."""
    shown = Q(pk__in=tags_shown_in_admin(user).values("pk")) | Q(pk__in=tags_offered_to(user).values("pk"))
    return Tag.objects.filter(shown)


def synonyms_kept_by(user):
    # The tags' ids are read first: one more level of subqueries is more than SQLite's parser takes.
    kept = list(tags_kept_by(user).values_list("pk", flat=True))
    return TagSynonym.objects.filter(tag_id__in=kept).select_related("tag")


def same_name(queryset, name):
    """The objects (tags or synonyms) whose name is `name` in any case."""
    return [obj for obj in queryset.filter(spelled_alike(name)) if obj.name.casefold() == name.casefold()]


def tidy_name(value):
    name = normalise_tag_name(value)
    if not has_slug(name):
        raise forms.ValidationError(TAG_WITHOUT_LETTERS)
    return name


class TagForm(GuardedAdminModelForm):
    def clean_name(self):
        name = tidy_name(self.cleaned_data["name"])
        if same_name(Tag.objects.exclude(pk=self.instance.pk), name):
            raise forms.ValidationError(_("The tag “%(name)s” exists already. Merge the two instead.") % {"name": name})
        if synonyms := [s for s in same_name(TagSynonym.objects.select_related("tag"), name) if s.tag != self.instance]:
            raise forms.ValidationError(
                _("“%(name)s” is a synonym of the tag “%(tag)s”.") % {"name": name, "tag": synonyms[0].tag.name}
            )
        return name


class TagSynonymForm(GuardedAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tags = Tag.objects.all() if self.for_user is None else tags_kept_by(self.for_user)
        self.fields["tag"].queryset = tags.order_by("name")

    def clean_name(self):
        name = tidy_name(self.cleaned_data["name"])
        if tags := same_name(Tag.objects.all(), name):
            raise forms.ValidationError(
                _("“%(name)s” is a tag of its own. Merge it into the other tag instead.") % {"name": tags[0].name}
            )
        if same_name(TagSynonym.objects.exclude(pk=self.instance.pk), name):
            raise forms.ValidationError(_("“%(name)s” is a synonym already.") % {"name": name})
        return name


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        label=gettext_lazy("Merge into"),
        queryset=Tag.objects.none(),
        empty_label=gettext_lazy("Choose the tag to keep"),
        help_text=gettext_lazy(
            "Every page, thread and file with this tag gets the tag you choose, and those who follow this tag "
            "follow that one. This tag's name becomes a synonym of it, so typing it still finds the tag."
        ),
        error_messages={"required": gettext_lazy("Choose the tag to keep.")},
    )

    def __init__(self, *args, source, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = tags_kept_by(user).exclude(pk=source.pk).order_by("name")


class TagPermissionPolicy(ModelPermissionPolicy):
    """A tag is never deleted, only merged into another: what people wrote keeps a tag."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)


def with_uses(tags):
    """Each tag with `uses`: how many pages, threads and files carry it, one subquery per kind of thing."""
    counts = [
        Coalesce(
            Subquery(
                relation.related_model.objects.filter(**{relation.field.name: OuterRef("pk")})
                .order_by()
                .values(relation.field.name)
                .annotate(count=Count("pk"))
                .values("count")
            ),
            0,
        )
        for relation in tag_relations()
        if relation.related_model is not TagSynonym and hasattr(relation.related_model, "content_object")
    ]
    return tags.annotate(uses=sum(counts, start=Value(0)))


def synonym_names(tag):
    return ", ".join(synonym.name for synonym in tag.synonyms.all()) or "–"


class KeptOnlyMixin:
    """Views of one tag or synonym answer "not found" when it is not the person's to keep."""

    kept_by = staticmethod(tags_kept_by)

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not self.kept_by(self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


class TagIndexView(snippets.IndexView):
    def get_base_queryset(self):
        return with_uses(tags_kept_by(self.request.user)).prefetch_related("synonyms")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            url = reverse(Tag.snippet_viewset.get_url_name("merge"), args=[quote(instance.pk)])
            buttons.append(MenuItem(_("Merge into another tag"), url=url, icon_name="resubmit", priority=25))
        return buttons


class TagEditView(KeptOnlyMixin, snippets.EditView):
    def save_instance(self):
        old_name, old_slug = Tag.objects.filter(pk=self.object.pk).values_list("name", "slug").get()
        tag = super().save_instance()
        if tag.name != old_name:
            rename_tag(tag, old_name, old_slug, by=self.request.user)
        return tag

    @cached_property
    def header_more_buttons(self):
        url = reverse(Tag.snippet_viewset.get_url_name("merge"), args=[quote(self.object.pk)])
        return [*super().header_more_buttons, Button(_("Merge into another tag"), url=url, icon_name="resubmit")]


class TagDeleteView(KeptOnlyMixin, snippets.DeleteView):
    pass


class TagHistoryView(KeptOnlyMixin, snippets.HistoryView):
    pass


class TagUsageView(KeptOnlyMixin, snippets.UsageView):
    pass


class SynonymIndexView(snippets.IndexView):
    def get_base_queryset(self):
        return synonyms_kept_by(self.request.user)


class SynonymEditView(KeptOnlyMixin, snippets.EditView):
    kept_by = staticmethod(synonyms_kept_by)


class SynonymDeleteView(KeptOnlyMixin, snippets.DeleteView):
    kept_by = staticmethod(synonyms_kept_by)


class SynonymHistoryView(KeptOnlyMixin, snippets.HistoryView):
    kept_by = staticmethod(synonyms_kept_by)


class SynonymUsageView(KeptOnlyMixin, snippets.UsageView):
    kept_by = staticmethod(synonyms_kept_by)


def kept_chooser(kept_by):
    """A snippet chooser that offers, and hands back, only what the person keeps."""

    class ChooseView(chooser.ChooseView):
        def get_object_list(self):
            return kept_by(self.request.user)

    class ChooseResultsView(chooser.ChooseResultsView):
        def get_object_list(self):
            return kept_by(self.request.user)

    class ChosenView(chooser.SnippetChosenView):
        def get_object(self, pk):
            return get_object_or_404(kept_by(self.request.user), pk=pk)

    class ChosenMultipleView(chooser.SnippetChosenMultipleView):
        def get_objects(self, pks):
            return kept_by(self.request.user).filter(pk__in=pks)

    return type(
        "KeptChooserViewSet",
        (chooser.SnippetChooserViewSet,),
        {
            "choose_view_class": ChooseView,
            "choose_results_view_class": ChooseResultsView,
            "chosen_view_class": ChosenView,
            "chosen_multiple_view_class": ChosenMultipleView,
        },
    )


class TagMergeView(WagtailAdminTemplateMixin, FormView):
    """Merge one tag into another, after saying what will happen."""

    template_name = "knowledge/admin/merge_tag.html"
    form_class = MergeForm
    header_icon = "tag"
    viewset = None

    def dispatch(self, request, pk):
        if not self.viewset.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        self.source = get_object_or_404(with_uses(tags_kept_by(request.user)), pk=pk)
        return super().dispatch(request)

    def get_page_title(self):
        return _("Merge “%(name)s”") % {"name": self.source.name}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.viewset.get_url_name("list")), "label": _("Tags")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "source": self.source, "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            source=self.source, cancel_url=reverse(self.viewset.get_url_name("list")), **kwargs
        )

    def form_valid(self, form):
        into = form.cleaned_data["into"]
        moved = merge_tags(self.source, into, by=self.request.user)
        messages.success(
            self.request,
            _("“%(source)s” is merged into “%(into)s” (%(uses)d uses moved) and is now a synonym of it.")
            % {"source": self.source.name, "into": into.name, "uses": moved},
        )
        return redirect(self.viewset.get_url_name("edit"), quote(into.pk))


class TagViewSet(SnippetViewSet):
    model = Tag
    icon = "tag"
    menu_label = gettext_lazy("Tags")
    list_display = [
        "name",
        Column("uses", label=gettext_lazy("Uses"), sort_key="uses"),
        Column("synonyms", label=gettext_lazy("Synonyms"), accessor=synonym_names),
    ]
    search_fields = ["name"]
    ordering = ["name"]
    copy_view_enabled = False
    index_view_class = TagIndexView
    edit_view_class = TagEditView
    delete_view_class = TagDeleteView
    history_view_class = TagHistoryView
    usage_view_class = TagUsageView
    chooser_viewset_class = kept_chooser(tags_kept_by)
    edit_handler = ObjectList([FieldPanel("name")], base_form_class=TagForm)

    @cached_property
    def permission_policy(self):
        return TagPermissionPolicy(self.model)

    @property
    def merge_view(self):
        return TagMergeView.as_view(viewset=self)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("merge/<int:pk>/", self.merge_view, name="merge")]


class TagSynonymViewSet(SnippetViewSet):
    model = TagSynonym
    icon = "tag"
    menu_label = gettext_lazy("Synonyms")
    list_display = ["name", "tag"]
    search_fields = ["name"]
    ordering = ["name"]
    copy_view_enabled = False
    index_view_class = SynonymIndexView
    edit_view_class = SynonymEditView
    delete_view_class = SynonymDeleteView
    history_view_class = SynonymHistoryView
    usage_view_class = SynonymUsageView
    chooser_viewset_class = kept_chooser(synonyms_kept_by)
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("tag", widget=forms.Select)], base_form_class=TagSynonymForm
    )


class VocabularyViewSetGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Tags")
    menu_icon = "tag"
    menu_order = 251
    items = (TagViewSet, TagSynonymViewSet)


class MergeFormatter(LogFormatter):
    label = gettext_lazy("Merge tags")

    def format_message(self, log_entry):
        return _("Merged “%(merged)s” into this tag (%(uses)s uses moved)") % {
            "merged": log_entry.data.get("merged", "?"),
            "uses": log_entry.data.get("uses", 0),
        }


class RenameFormatter(LogFormatter):
    label = gettext_lazy("Rename tag")

    def format_message(self, log_entry):
        return _("Renamed from “%(from)s” to “%(to)s”") % {
            "from": log_entry.data.get("from", "?"),
            "to": log_entry.data.get("to", "?"),
        }


def register_log_actions(actions):
    actions.register_action(MERGED)(MergeFormatter)
    actions.register_action(RENAMED)(RenameFormatter)
