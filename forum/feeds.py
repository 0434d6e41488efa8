"""Atom feed of new threads in a category: titles and links only, and only for people who may see it."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import Category, Thread

FEED_SIZE = 20


@dataclass(frozen=True)
class CategoryFor:
    category: Category
    user: object


class CategoryFeed(Feed):
    """One instance serves every request (and gunicorn runs threads): the reader travels in the feed object."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return CategoryFor(get_object_or_404(Category.objects.visible_to(request.user), slug=slug), request.user)

    def title(self, scope):
        return _("Kunskapsforum: %(name)s") % {"name": scope.category.label}

    def link(self, scope):
        return f"{reverse('forum:index')}?kategori={scope.category.slug}"

    def items(self, scope):
        threads = Thread.objects.visible_to(scope.user).filter(category=scope.category).select_related("author")
        return threads.order_by("-created_at")[:FEED_SIZE]

    def item_title(self, thread):
        return thread.title

    def item_description(self, thread):
        # What is written stays in the intranet: the feed names the thread, never its text.
        return _("%(kind)s by %(author)s") % {"kind": thread.get_kind_display(), "author": thread.author}

    def item_link(self, thread):
        return thread.get_absolute_url()

    def item_pubdate(self, thread):
        return thread.created_at
