"""Editors' picks: pages and links that editors put first for a search, kept in Wagtail's search promotions.

A search's picks are read once and kept in the cache under PICKS_VERSION, which every save and deletion of a
promotion renews (`signals`), and the page tree's token (a picked page's title, address, publication).
"""

import hashlib
from dataclasses import dataclass

from django.db.models import Q

from wagtail.contrib.search_promotions.models import SearchPromotion

from common import versions
from common.parts import kept
from knowledge.visibility import PAGES_VERSION

from .querylog import normalise

PICKS_VERSION = "search:picks"
PICKS_SECONDS = 60 * 60


@dataclass(frozen=True)
class Pick:
    title: str
    url: str
    description: str


def _as_pick(promotion):
    page = promotion.page
    if page is None:
        return Pick(
            title=promotion.external_link_text or promotion.external_link_url,
            url=promotion.external_link_url,
            description=promotion.description,
        )
    url = page.url
    if not url:  # a page outside every site has no address to link to
        return None
    return Pick(title=page.title, url=url, description=promotion.description or page.search_description)


def picks_for(text):
    """The picks for a search, in the editors' order: published pages and external links.

    Reads only, so an odd search never leaves a row behind; one query, two when the site
    root paths are not yet cached, however many picks there are; none when kept.
    """
    asked = normalise(text)
    if not asked:
        return []
    tokens = versions.tokens(PICKS_VERSION, PAGES_VERSION)
    key = "search:picks:" + hashlib.sha256(repr((asked, tokens)).encode()).hexdigest()

    def read():
        promotions = (
            SearchPromotion.objects.filter(query__query_string=asked)
            .filter(Q(page__live=True) | (Q(page__isnull=True) & ~Q(external_link_url="")))
            .select_related("page")
            .order_by("sort_order", "pk")
        )
        return [pick for pick in map(_as_pick, promotions) if pick]

    return kept(key, read, PICKS_SECONDS)
