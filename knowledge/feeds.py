"""Atom feeds of new knowledge, behind the login wall like everything else."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

from .models import ArticlePage, ExperiencePage, MethodPage
from .models.pages import newest
from .models.tags import tags_visible_to

FEED_SIZE = 20


class KnowledgeFeed(Feed):
    """A feed of the newest pages the reader may see.

    The feed object is the reader (or the reader and a tag): one Feed instance
    serves every request, so nothing about the reader may be kept on it.
    """

    feed_type = Atom1Feed
    page_model = None

    def get_object(self, request):
        return request.user

    def items(self, user):
        return newest(self.page_model, user)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class MethodFeed(KnowledgeFeed):
    title = _("Kunskapsforum: new methods")
    subtitle = _("Methods published in the knowledge bank")
    page_model = MethodPage

    def link(self):
        return reverse("knowledge:method_feed")


class ExperienceFeed(KnowledgeFeed):
    title = _("Kunskapsforum: new experiences")
    subtitle = _("Experiences published in the knowledge bank")
    page_model = ExperiencePage

    def link(self):
        return reverse("knowledge:experience_feed")


@dataclass(frozen=True)
class TaggedFor:
    tag: Tag
    user: object


class TagFeed(KnowledgeFeed):
    def get_object(self, request, slug):
        return TaggedFor(get_object_or_404(tags_visible_to(request.user), slug=slug), request.user)

    def title(self, tagged):
        return _("Kunskapsforum: %(tag)s") % {"tag": tagged.tag.name}

    def link(self, tagged):
        return reverse("knowledge:tag", kwargs={"slug": tagged.tag.slug})

    def items(self, tagged):
        pages = []
        for page_model in (MethodPage, ExperiencePage, ArticlePage):
            pages += newest(page_model, tagged.user).filter(tags=tagged.tag)[:FEED_SIZE]
        return sorted(pages, key=lambda page: page.first_published_at, reverse=True)[:FEED_SIZE]
