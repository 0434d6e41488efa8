"""Writing a checked file: every page, created or updated and published, kind by kind; then the forum."""

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from forum.permissions import ForumError
from knowledge.models import HomePage
from knowledge.services import ensure_sections
from knowledge.slugs import free_slug

from .campaigns import write_campaign
from .kinds import CAMPAIGNS, CATEGORIES, PAGE_KINDS, THREADS
from .models import ImportedPage
from .outcome import ImportFailed
from .threads import Accounts, Categories, save_thread, write_categories


def write(plan, out):
    """Write everything in a checked file: pages first, so that threads can discuss them."""
    page_ids = write_pages(plan, out)
    write_categories(plan.items[CATEGORIES.name])
    accounts, categories = Accounts(out), Categories(out)
    threads = plan.items[THREADS.name]
    for done, item in enumerate(threads, start=1):
        with reported_as(item):
            save_thread(item, page_ids, accounts, categories)
        report_progress(out, THREADS, done, len(threads))
    campaigns = plan.items[CAMPAIGNS.name]
    for done, item in enumerate(campaigns, start=1):
        with reported_as(item):
            write_campaign(item.data)
        report_progress(out, CAMPAIGNS, done, len(campaigns))


def write_pages(plan, out):
    """Create or update every page of a checked file and publish it, kind by kind; return their ids."""
    parents = {**ensure_sections(), HomePage: HomePage.objects.get()}
    page_ids = {
        (kind, source_id): page_id
        for kind, source_id, page_id in ImportedPage.objects.values_list("kind", "source_id", "page_id")
    }
    for kind in PAGE_KINDS:
        items = plan.items[kind.name]
        # Every page of a kind exists before any links, so methods can be related to each other.
        pages = [save_page(kind, item, parents[kind.parent_model]) for item in items]
        page_ids.update({(kind.name, item.source_id): page.pk for item, page in zip(items, pages, strict=True)})
        for done, (item, page) in enumerate(zip(items, pages, strict=True), start=1):
            kind.link(page, item.data, page_ids)
            with reported_as(item):
                page.save_revision().publish()
            report_progress(out, kind, done, len(items))
    return page_ids


def report_progress(out, kind, done, total):
    every = max(1, total // 10)
    if done == total or done % every == 0:
        out(f"{kind.label}: {done}/{total}")


@contextmanager
def reported_as(item):
    # The checks above should catch everything; if the model or a forum rule still objects, say which item
    # and roll back.
    try:
        yield
    except ValidationError as error:
        reason = "; ".join(error.messages)
        raise ImportFailed([f"{item.position}: " + _("could not be saved: %(reason)s") % {"reason": reason}]) from error
    except ForumError as error:
        raise ImportFailed(
            [f"{item.position}: " + _("could not be saved: %(reason)s") % {"reason": error.message}]
        ) from error


def save_page(kind, item, parent):
    """Return the page an item updates, or a new one under the parent, with the item's own fields set."""
    imported = ImportedPage.objects.filter(kind=kind.name, source_id=item.source_id).select_related("page").first()
    page = imported.page.specific if imported else kind.model()
    kind.fill(page, item.data)
    if imported is None:
        page.slug = free_slug(parent, page.title)
        with reported_as(item):
            parent.add_child(instance=page)
        ImportedPage.objects.create(kind=kind.name, source_id=item.source_id, page=page)
    return page
