"""What the knowledge bank announces for other apps to act on; `intranet/signals.py` connects them.

knowledge is below forum and events, so it never calls them: it says what happened, and whoever cares listens.

A first publication of a method, an experience or an article is announced with `page_first_published` (the forum
tells the tag's followers). A republication after an edit is not news. A review sent and a review ended are
announced with `review_requested` and `review_finished` (the forum puts them in the notifications).
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupApprovalTask, Page, PageLogEntry, PageViewRestriction, Site, Task
from wagtail.signals import page_published, page_unpublished, post_page_move

from accounts.models import Municipality, Sector
from accounts.profiles import changes_what_is_shown
from common import versions

from .models import (
    AgeGroup,
    ArticlePage,
    EvidenceLevel,
    ExperiencePage,
    MethodPage,
    PreventionLevel,
    SupportSettings,
    TargetGroup,
    ViolenceType,
)
from .models.site_settings import SUPPORT_VERSION
from .models.workflows import TASKS_VERSION
from .parts import TERMS_VERSION
from .visibility import PAGES_VERSION

# A page was sent to review. Arguments: `page`, `reviewers` (the people who may review it, not the sender),
# `by` (who sent it, or None).
review_requested = Signal()

# A review ended. Arguments: `page`, `authors` (who sent it and the page's owner, not the reviewer), `by` (the
# reviewer, or None), `published` (True: approved and published; False: changes requested).
review_finished = Signal()

# Sent once per page, when it is first published, with `page` (the specific page). Receivers decide whom to tell
# and check who may see the page.
page_first_published = Signal()

ANNOUNCED_PAGE_TYPES = (MethodPage, ExperiencePage, ArticlePage)


def previously_live(page, revision):
    """The page as it was last published before `revision`, or None when this is its first publication."""
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .exclude(revision=revision)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.as_object() if entry else None


def announce_first_publication(sender, instance, revision, **kwargs):
    if previously_live(instance, revision) is None:
        page_first_published.send(sender=sender, page=instance)


def renew_pages_version(sender, instance=None, **kwargs):
    """Whatever was kept of the page tree and who may see it (the header's campaign link …) is out of date."""
    if instance is None or isinstance(instance, (Page, PageViewRestriction, Site)):
        versions.renew(PAGES_VERSION)


def renew_pages_version_for_people(sender, created, update_fields=None, **kwargs):
    """A page's owner is shown by name, and linked while the account is open: what was kept of pages shows the old."""
    if changes_what_is_shown(created, update_fields):
        versions.renew(PAGES_VERSION)


def renew_pages_version_for_groups(sender, **kwargs):
    """The groups a view restriction lets in changed (from either side of the relation)."""
    versions.renew(PAGES_VERSION)


def renew_support_version(sender, **kwargs):
    """The support lines every footer shows changed."""
    versions.renew(SUPPORT_VERSION)


def renew_tasks_version(sender, instance=None, **kwargs):
    """Whom the review tasks could hand a page to (`workflows.task_rules`) may have changed."""
    if instance is None or isinstance(instance, Task):
        versions.renew(TASKS_VERSION)


def renew_tasks_version_for_groups(sender, **kwargs):
    """The groups a group approval task names changed (from either side of the relation)."""
    versions.renew(TASKS_VERSION)


# What pages name by reference and show by its own text: a change to one is shown on every page naming it.
SHOWN_TERMS = (Tag, TargetGroup, AgeGroup, ViolenceType, PreventionLevel, EvidenceLevel, Municipality, Sector)


def renew_terms_version(sender, **kwargs):
    """The cached parts of pages (knowledge/parts.py) show the old name of a tag, a term, a document …"""
    versions.renew(TERMS_VERSION)


def connect():
    # Every save and deletion of a page (publishing, unpublishing and moving save it too), view restriction or site.
    post_save.connect(renew_pages_version, dispatch_uid="knowledge.pages_version.save")
    post_delete.connect(renew_pages_version, dispatch_uid="knowledge.pages_version.delete")
    for name, signal in [("published", page_published), ("unpublished", page_unpublished), ("moved", post_page_move)]:
        signal.connect(renew_pages_version, dispatch_uid=f"knowledge.pages_version.{name}")
    post_save.connect(
        renew_pages_version_for_people, sender=get_user_model(), dispatch_uid="knowledge.pages_version.people"
    )
    for signal in (post_save, post_delete):
        signal.connect(renew_tasks_version, dispatch_uid="knowledge.tasks_version")
    m2m_changed.connect(
        renew_tasks_version_for_groups,
        sender=GroupApprovalTask.groups.through,
        dispatch_uid="knowledge.tasks_version.groups",
    )
    for signal in (post_save, post_delete):
        signal.connect(renew_support_version, sender=SupportSettings, dispatch_uid="knowledge.support_version")
    m2m_changed.connect(
        renew_pages_version_for_groups,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="knowledge.pages_version.groups",
    )
    for model in (*SHOWN_TERMS, get_document_model(), get_image_model()):
        for name, signal in [("save", post_save), ("delete", post_delete)]:
            signal.connect(renew_terms_version, sender=model, dispatch_uid=f"knowledge.terms_version.{name}.{model}")
    for model in ANNOUNCED_PAGE_TYPES:
        page_published.connect(
            announce_first_publication, sender=model, dispatch_uid=f"knowledge.first_publication.{model.__name__}"
        )
