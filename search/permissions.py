"""Who may see what the search found, asked of the objects themselves with the forum's and Wagtail's own rules.

The search statement already leaves out what the side table says a person may not see. This is the
second look, when the hits are shown: a side table that lags behind or was written wrong still
shows nobody a hidden post, a thread in a room they may not enter, a draft or a restricted page.
"""

from functools import cached_property

from wagtail.models import Page

from forum.models import Post, Thread


def listable_pages(model, *, private_sections=None):
    """The pages of `model` the search shows: live, not expired, and in no section behind a view restriction.

    A page limited to some groups or behind a password is left out for everyone: the search cannot
    tell who passed the page's own check. `private_sections` is Wagtail's `private_q()`, read once
    for several models.
    """
    if private_sections is None:
        private_sections = Page.objects.all().private_q()
    return model.objects.live().filter(expired=False).exclude(private_sections)


class Visibility:
    """The objects of each listed model the search may show one person, as querysets."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def private_sections(self):
        return Page.objects.all().private_q()  # one query, whatever the number of page models

    def objects(self, model):
        # Hidden threads and posts are listed for nobody, moderators included: they have the admin's list of them.
        if issubclass(model, Thread):
            return Thread.objects.visible_to(self.user).filter(is_hidden=False)
        if issubclass(model, Post):
            return Post.objects.visible_to(self.user).filter(is_hidden=False, thread__is_hidden=False)
        if issubclass(model, Page):
            return listable_pages(model, private_sections=self.private_sections)
        return model.objects.none()  # a model nobody taught this module to check is shown to nobody
