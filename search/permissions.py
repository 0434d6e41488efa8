"""Who may see what the search found, asked of the objects themselves with the forum's and Wagtail's own rules.

The search statement already leaves out what the side table says a person may not see. This is the
second look, when the hits are shown: a side table that lags behind or was written wrong still
shows nobody a hidden post, a thread in a room they may not enter, a draft or a restricted page.
"""

from functools import cached_property

from django.db.models import Q

from wagtail.models import Page

from forum.models import Post, Thread
from knowledge.visibility import paths_with_view_rules


def private_sections():
    """Wagtail's condition for the pages in a section behind a view restriction (one query)."""
    return Page.objects.all().private_q()


def kept_private_sections():
    """The same condition from the restricted paths kept per version of the page tree: no query once kept.

    Only for showing hits: indexing asks the database itself (`private_sections`), for it runs inside the very
    write that changes a restriction."""
    restricted, _aliases = paths_with_view_rules()
    sections = Q(pk__in=[])
    for path in restricted:
        sections |= Q(path__startswith=path)  # a restriction covers its page and every page below it
    return sections


def listable_pages(model, *, private=None):
    """The pages of `model` the search shows: live, not expired, and in no section behind a view restriction.

    A page limited to some groups or behind a password is left out for everyone: the search cannot
    tell who passed the page's own check. `private` is `private_sections()`, read once for several models.
    """
    return model.objects.live().filter(expired=False).exclude(private_sections() if private is None else private)


class Visibility:
    """The objects of each listed model the search may show one person, as querysets."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def private(self):
        return kept_private_sections()

    def objects(self, model):
        # Hidden threads and posts are listed for nobody, moderators included: they have the admin's list of them.
        if issubclass(model, Thread):
            return Thread.objects.visible_to(self.user).filter(is_hidden=False)
        if issubclass(model, Post):
            return Post.objects.visible_to(self.user).filter(is_hidden=False, thread__is_hidden=False)
        if issubclass(model, Page):
            return listable_pages(model, private=self.private)
        return model.objects.none()  # a model nobody taught this module to check is shown to nobody
