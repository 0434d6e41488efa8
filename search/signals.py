"""Keep the index right where modelsearch's own signals come too early, or, through the task worker, too late."""

from django.db.models.signals import post_delete, post_save

from taggit.models import Tag
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction
from wagtail.search.index import insert_or_update_object
from wagtail.signals import page_published, page_unpublished, post_page_move

from common import versions
from forum.models import Post, Thread

from . import analysis, labels, promotions, thesaurus
from .documents import REGISTRY
from .models import SynonymGroup


def reindex_page(sender, instance, **kwargs):
    # A page's tags and taxonomy terms are saved after the page row, so the index entry written
    # on post_save still had the old ones; publishing is over by the time this signal is sent.
    page = instance.specific
    if type(page) in REGISTRY:
        insert_or_update_object(page)


def _reindex_section(section):
    # Whether a page may be listed depends on the restrictions of its ancestors too.
    for page in section.get_descendants(inclusive=True).specific().iterator():
        if type(page) in REGISTRY:
            insert_or_update_object(page)


def reindex_restricted_pages(sender, instance, **kwargs):
    _reindex_section(instance.page)


def reindex_moved_pages(sender, instance, **kwargs):
    # A page moved under a restricted section takes its subpages along, and Wagtail saves only the page itself.
    _reindex_section(instance)


def reindex_changed_forum_content(sender, instance, created, raw=False, **kwargs):
    # modelsearch leaves the index to the task worker. Until it runs, a hidden, moved or redacted
    # thread or post would still be found by its old text and its old audience: a change to existing
    # content is indexed in the transaction that makes it. New content may wait: appearing late hides nothing.
    if not created and not raw:
        insert_or_update_object(instance)


def forget_lexicon(sender, **kwargs):
    # A new or renamed tag is a word of the lexicon and a label a question may name.
    analysis.forget_lexicon()
    labels.forget()


def renew_synonyms(sender, **kwargs):
    # Every process reads the thesaurus again on its next search (search/thesaurus.py keeps it per version).
    versions.renew(thesaurus.SYNONYMS_VERSION)


def renew_picks(sender, **kwargs):
    # The editors' picks of a search are kept per version (search/promotions.py).
    versions.renew(promotions.PICKS_VERSION)


def connect():
    page_published.connect(reindex_page, dispatch_uid="search_reindex_published_page")
    page_unpublished.connect(reindex_page, dispatch_uid="search_reindex_unpublished_page")
    post_page_move.connect(reindex_moved_pages, dispatch_uid="search_page_moved")
    post_save.connect(reindex_restricted_pages, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(reindex_restricted_pages, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted")
    for model in (Thread, Post):
        post_save.connect(
            reindex_changed_forum_content, sender=model, dispatch_uid=f"search_forum_change_{model.__name__}"
        )
    for model in (Tag, SynonymGroup):
        post_save.connect(forget_lexicon, sender=model, dispatch_uid=f"search_lexicon_save_{model.__name__}")
        post_delete.connect(forget_lexicon, sender=model, dispatch_uid=f"search_lexicon_delete_{model.__name__}")
    for model in (SearchPromotion, Query):
        post_save.connect(renew_picks, sender=model, dispatch_uid=f"search_picks_save_{model.__name__}")
        post_delete.connect(renew_picks, sender=model, dispatch_uid=f"search_picks_delete_{model.__name__}")
    post_save.connect(renew_synonyms, sender=SynonymGroup, dispatch_uid="search_synonyms_save")
    post_delete.connect(renew_synonyms, sender=SynonymGroup, dispatch_uid="search_synonyms_delete")
