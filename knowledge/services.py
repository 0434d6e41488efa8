"""Writes to the knowledge bank that the views, the admin and the commands share."""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify

from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from accounts import roles
from accounts.models import Municipality
from common import versions

from .models import (
    ArticleIndexPage,
    ExperienceIndexPage,
    HomePage,
    MethodIndexPage,
    MethodLocalUse,
    MunicipalityIndexPage,
    MunicipalityPage,
    MunicipalReviewTask,
)
from .slugs import free_slug
from .visibility import PAGES_VERSION

REVIEW_WORKFLOW_NAME = "Granskning"

SECTIONS = [
    (MethodIndexPage, "Metoder", "metoder", "Metoder som kommunerna använder i arbetet mot våld i nära relationer."),
    (
        ExperienceIndexPage,
        "Erfarenheter",
        "erfarenheter",
        "Lärande exempel: vad kommunerna har gjort, för vem, och vad de lärde sig.",
    ),
    (ArticleIndexPage, "Aktuellt", "aktuellt", "Nyheter från den gemensamma redaktionen och från kommunerna."),
    (MunicipalityIndexPage, "Kommunerna", "kommunerna", "Så arbetar de sex kommunerna mot våld i nära relationer."),
]


def publish_child(parent, page, user=None):
    """Add a page under a parent and publish it at once (imports and demo content)."""
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    return page


@transaction.atomic
def ensure_sections():
    """Create what the knowledge bank needs to work on a fresh database, leaving existing pages alone.

    The section pages under the start page, one page per municipality, the
    review workflow "Granskning", one media collection per municipality, and
    the right of employees to draft methods and experiences and upload their
    materials. Returns the section pages by model.
    """
    home = HomePage.objects.get()
    sections = {}
    for model, title, slug, intro in SECTIONS:
        page = model.objects.first() or publish_child(home, model(title=title, slug=slug, intro=f"<p>{intro}</p>"))
        sections[model] = page
    for municipality in Municipality.objects.exclude(page__isnull=False):
        publish_child(
            sections[MunicipalityIndexPage],
            MunicipalityPage(title=municipality.name, slug=slugify(municipality.slug), municipality=municipality),
        )
    contributable = [sections[MethodIndexPage], sections[ExperienceIndexPage]]
    grant_drafting(contributable)
    ensure_review_workflow(contributable)
    ensure_municipal_collections()
    return sections


def ensure_municipal_collections():
    """One collection of images and documents per municipality, so materials stay sorted by owner."""
    root = Collection.get_first_root_node()
    existing = set(root.get_children().values_list("name", flat=True))
    for municipality in Municipality.objects.all():
        if municipality.name not in existing:
            root.add_child(instance=Collection(name=municipality.name))
    employees = Group.objects.get(name=roles.EMPLOYEE)
    for codename, app_label in (("add_document", "wagtaildocs"), ("choose_document", "wagtaildocs")):
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(group=employees, collection=root, permission=permission)


def grant_drafting(pages):
    """Employees may create drafts (and edit their own) under these pages; only editors publish."""
    employees = Group.objects.get(name=roles.EMPLOYEE)
    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    for page in pages:
        GroupPagePermission.objects.get_or_create(group=employees, page=page, permission=add_page)


def ensure_review_workflow(pages):
    workflow, created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW_NAME)
    if created:
        task = MunicipalReviewTask.objects.create(name="Kommunens redaktör granskar")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in pages:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def local_use_suggestions_for(user):
    """The suggested local-use rows that the person may confirm: their municipality's, or all for the board."""
    suggestions = MethodLocalUse.objects.filter(confirmed=False).select_related("page", "municipality")
    if not (user.is_superuser or roles.BOARD in roles.group_names(user)):
        if roles.EDITOR not in roles.group_names(user) or user.municipality_id is None:
            return suggestions.none()
        suggestions = suggestions.filter(municipality_id=user.municipality_id)
    return suggestions.order_by("page__title", "pk")


@transaction.atomic
def confirm_local_use(use, *, by):
    """The municipality's editor confirms that it uses the method as the row says; returns whether it changed."""
    if not roles.may_review(by, use.municipality_id):
        raise PermissionDenied
    if not MethodLocalUse.objects.filter(pk=use.pk, confirmed=False).update(confirmed=True):
        return False
    # The rows live in the page's revisions too: publishing the draft or the live one must not undo this.
    page = use.page
    for revision in {page.latest_revision, page.live_revision} - {None}:
        for row in revision.content.get("local_uses", []):
            if row.get("pk") == use.pk:
                row["confirmed"] = True
        revision.save(update_fields=["content"])
    # An update saves no page, so nothing else tells the cached method pages (knowledge/parts.py) of the new row.
    versions.renew(PAGES_VERSION)
    return True


@transaction.atomic
def start_draft(index, page, *, author, uses_it=None, submit=False, slug_fallback="sida"):
    """Add a contributor's new page under its section as a draft of theirs, at a free ASCII address made from
    its title; `uses_it` is the owner's municipality's use of a method (a status, or None when it does not use
    it); `submit` sends it to review at once. Returns the page."""
    page.owner = author
    page.live = False
    page.slug = free_slug(index, page.title, fallback=slug_fallback)
    if uses_it:
        page.local_uses = [MethodLocalUse(municipality=page.municipality, status=uses_it, confirmed=True)]
    index.add_child(instance=page)
    revision = page.save_revision(user=author)
    log(instance=page, action="wagtail.create", user=author, revision=revision, content_changed=True)
    if submit and (workflow := page.get_workflow()):
        workflow.start(page, author)
    return page
