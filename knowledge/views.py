import re
from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import gettext as _

from wagtail.models import Page

from .models import ArticleIndexPage, ArticlePage, MunicipalityIndexPage, MunicipalityPage
from .models.pages import page_of

MAX_QUERY_LENGTH = 200
WORDS = re.compile(r"\w+")


def knowledge_bank(request):
    """The entry to the knowledge bank: its sections and how much each holds."""
    sections = [
        {
            "title": _("Methods"),
            "description": _("Methods the municipalities use, with target groups, evidence and contacts."),
            "page": None,
            "count": 0,
            "empty": _("No methods have been published yet. Editors publish them as colleagues share them."),
        },
        {
            "title": _("Experiences"),
            "description": _("Local experiences: what was done, for whom, and what was learned."),
            "page": None,
            "count": 0,
            "empty": _("No experiences have been published yet. Share how your unit works so others can learn."),
        },
        {
            "title": _("News and articles"),
            "description": _("News from the joint editorial board and the municipalities."),
            "page": ArticleIndexPage.objects.live().first(),
            "count": ArticlePage.objects.live().count(),
            "empty": _("No articles have been published yet."),
        },
        {
            "title": _("The municipalities"),
            "description": _("How each of the six municipalities works against violence in close relationships."),
            "page": MunicipalityIndexPage.objects.live().first(),
            "count": MunicipalityPage.objects.live().count(),
            "empty": _("No municipality pages have been published yet."),
        },
    ]
    return render(request, "knowledge/knowledge_bank.html", {"sections": sections})


def campaign(request):
    """The campaign month "En månad fri från våld": the current year's programme when published."""
    return render(request, "knowledge/campaign.html", {})


def search(request):
    """Search every published page the person may see."""
    # Keep words only: search syntax characters (& | ! : * " …) mean nothing to a reader
    # and make the full-text engines fail.
    query = " ".join(WORDS.findall(request.GET.get("q", "")))
    notice = ""
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        notice = _("Your search was shortened to the first %(count)s characters.") % {"count": MAX_QUERY_LENGTH}
    results = None
    if query:
        found = Page.objects.live().public().filter(depth__gt=1).specific().search(query)
        results = page_of(request, found, per_page=10)
    context = {"query": query, "query_string": urlencode({"q": query}), "results": results, "notice": notice}
    return render(request, "knowledge/search.html", context)
