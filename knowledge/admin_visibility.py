"""Which pages, documents and tags the admin shows to a person: the one rule behind its explorer, search,
choosers, API, reports and history.

Wagtail lists every page under a person's page permissions, drafts and view-restricted pages included,
and its choosers list every page there is. Here a page is shown when the person

- may see it on the site (`visible_pages`: live, and every view restriction on it passed), or
- owns it (an employee's own draft), or
- may edit it: Wagtail's change permission (an "add" permission gives it on one's own pages), narrowed
  by municipality for the municipal page models as `MunicipalPagePermissionTester.can_edit` does,

and superusers see everything. Structure pages (home, sections) are live and unrestricted, so they stay.

A document is shown when the person passes every view restriction of its collection, or may change it
(the collection permissions, or their own upload). Each rule is one SQL condition: no query per row.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from taggit.models import Tag, TaggedItem
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_permission_policy
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_permission_policy
from wagtail.models import Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from accounts import roles

from .models.tags import PAGE_TAG_MODELS, tags_visible_to
from .permissions import MunicipalScopeMixin, in_municipal_scope
from .visibility import stopped_by_a_collection_restriction, visible_pages


@cache
def municipal_page_models():
    return tuple(model for model in get_page_models() if issubclass(model, MunicipalScopeMixin))


def in_editing_scope(user):
    """Pages the municipal scope lets the person work on: any page of another model, and of the
    municipal models those of the person's municipality (all of them for the board and administrators)."""
    if roles.acts_for_all_municipalities(user):
        return Q()
    models = municipal_page_models()
    in_scope = ~Q(content_type__in=ContentType.objects.get_for_models(*models).values())
    for model in models:
        in_scope |= Q(pk__in=in_municipal_scope(model.objects.all(), user).values("pk"))
    return in_scope


def editable_pages(user):
    # Wagtail's own policy, not the narrowed one installed on `wagtail.permissions.page_permission_policy`.
    changeable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return changeable.filter(in_editing_scope(user))


def pages_shown_in_admin(pages, user):
    """The pages of a page queryset that the admin may list, name or link for the person."""
    if user.is_superuser:
        return pages
    if not user.is_authenticated or not user.is_active:
        return pages.none()
    return pages.filter(
        Q(pk__in=visible_pages(Page.objects.all(), user).values("pk"))
        | Q(owner=user)
        | Q(pk__in=editable_pages(user).values("pk"))
    )


class AdminPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy, listing only the pages shown in the admin.

    Its explorer, page search, type usage, reports and `PageLogEntry.viewable_by_user` (site history)
    all ask `wagtail.permissions.page_permission_policy` which pages a person may explore or act on.
    Narrowing the answer once here covers them all; KnowledgeConfig.ready() installs it.
    """

    def instances_user_has_any_permission_for(self, user, actions):
        return pages_shown_in_admin(super().instances_user_has_any_permission_for(user, actions), user)

    def explorable_instances(self, user):
        return pages_shown_in_admin(super().explorable_instances(user), user)


def documents_shown_in_admin(documents, user):
    """The documents of a queryset that the admin may list for the person."""
    if user.is_superuser:
        return documents
    changeable = document_permission_policy.instances_user_has_permission_for(user, "change")
    return documents.filter(~stopped_by_a_collection_restriction(user) | Q(pk__in=changeable.values("pk")))


def tags_shown_in_admin(user):
    """Tags on anything the admin shows the person: pages, documents and images, and what the site shows."""
    if user.is_superuser:
        return Tag.objects.all()
    pages = pages_shown_in_admin(Page.objects.all(), user).values("pk")
    used = Q(pk__in=tags_visible_to(user).values("pk"))
    for through in PAGE_TAG_MODELS:
        used |= Q(pk__in=through.objects.filter(content_object_id__in=pages).values("tag_id"))
    documents = documents_shown_in_admin(get_document_model().objects.all(), user)
    images = image_permission_policy.instances_user_has_any_permission_for(user, ["choose", "change"])
    for model, items in ((get_document_model(), documents), (get_image_model(), images)):
        on_items = TaggedItem.objects.filter(content_type__app_label=model._meta.app_label).filter(
            content_type__model=model._meta.model_name, object_id__in=items.values("pk")
        )
        used |= Q(pk__in=on_items.values("tag_id"))
    return Tag.objects.filter(used)
