"""Threads and the knowledge bank: a thread about a page starts where such threads belong; a solved thread becomes a
draft experience for review."""

import html
import re

import nh3

from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from accounts import roles
from knowledge.models import ExperienceIndexPage, ExperiencePage
from knowledge.slugs import free_slug

from . import caching
from .models import Category, Thread
from .permissions import ForumError, NotAllowed, may_see

SUMMARY_LENGTH = 250
# What the experience's text fields offer (knowledge.models.experiences.TEXT_FEATURES), in Wagtail's stored form.
RICH_TEXT_TAGS = {"p", "h3", "ul", "ol", "li", "b", "i", "a", "br"}
# Forum HTML that the page editor has no button for, turned into what it has.
RENAMED_TAGS = [
    (r"<(/?)(?:h2|h4)>", r"<\1h3>"),
    (r"<(/?)strong>", r"<\1b>"),
    (r"<(/?)em>", r"<\1i>"),
    (r"<(/?)pre>", r"<\1p>"),
    (r"<hr\s*/?>", ""),
]


# Where a thread about a method or an experience belongs: "Frågor om metoder i kunskapsbanken och hur de används".
PAGE_DISCUSSION_CATEGORY = "metodfragor"


def discussion_defaults(page, user, *, max_tags):
    """What a new thread about `page` (a method or an experience) starts with: the category for questions about
    methods, when the person may write there, and the page's tags (the first `max_tags` in alphabetical order)."""
    defaults = {}
    category = Category.objects.visible_to(user).filter(slug=PAGE_DISCUSSION_CATEGORY).first()
    if category:
        defaults["category"] = category
    names = list(page.specific.tags.order_by("name").values_list("name", flat=True)[:max_tags])
    if names:
        defaults["tags"] = ", ".join(names)
    return defaults


def may_draft_pages(user):
    return user.is_superuser or bool(roles.group_names(user) & {roles.EDITOR, roles.BOARD})


def as_rich_text(body_html):
    """A post's cleaned HTML as text for the page editor: quotes become plain paragraphs, code plain text."""
    text = body_html
    for pattern, replacement in RENAMED_TAGS:
        text = re.sub(pattern, replacement, text)
    return nh3.clean(text, tags=RICH_TEXT_TAGS, attributes={"a": {"href"}}, link_rel=None).strip()


def plain_summary(body_html):
    text = " ".join(html.unescape(nh3.clean(body_html, tags=set())).split())
    return Truncator(text).chars(SUMMARY_LENGTH)


def _refuse_unless_allowed(thread, user):
    if not may_draft_pages(user):
        raise NotAllowed(_("Only editors can turn a thread into an experience."))
    if not may_see(user, thread) or thread.is_hidden:
        raise NotAllowed(_("You cannot see this thread."))


def _refuse_unless_convertible(thread):
    if thread.answer_id is None:
        raise ForumError(_("Only a solved thread can become an experience: mark the answer first."))
    if thread.category.is_restricted:
        # The knowledge bank is read by everyone; a restricted room's talk must not end up there.
        raise ForumError(_("Threads in restricted categories cannot become pages that everyone can read."))


def _municipality_for(thread, user):
    """The thread's municipality if the editor works for it (so they can edit the draft), else their own."""
    if thread.municipality_id and roles.may_work_on(user, thread.municipality_id):
        return thread.municipality_id
    if user.municipality_id:
        return user.municipality_id
    raise ForumError(_("Your account has no municipality, so the page would have no owner."))


@transaction.atomic
def draft_experience_from_thread(thread, *, by):
    """Copy a solved thread into a draft experience page, link the two, and send the draft to review.

    The question goes under "Background and goal", the accepted answer under
    "What was done"; the editor rewrites them before it is published. A second
    call returns the page made the first time.
    """
    locked = Thread.objects.select_for_update(of=("self",)).select_related("category", "answer").get(pk=thread.pk)
    _refuse_unless_allowed(locked, by)  # before anything about an earlier draft is told
    if locked.derived_page_id:
        return locked.derived_page.specific
    _refuse_unless_convertible(locked)
    parent = ExperienceIndexPage.objects.first()
    if parent is None:
        raise ForumError(_("The knowledge bank has no experience section yet."))
    question = locked.posts.get(number=1)
    page = ExperiencePage(
        title=locked.title,
        slug=free_slug(parent, locked.title, fallback="erfarenhet"),
        live=False,
        owner=by,
        summary=plain_summary(question.body_html),
        municipality_id=_municipality_for(locked, by),
        background=as_rich_text(question.body_html),
        what_was_done=as_rich_text(locked.answer.body_html),
    )
    page.tags.add(*locked.tags.names())
    parent.add_child(instance=page)
    page.save_revision(user=by)
    Thread.objects.filter(pk=locked.pk).update(derived_page=page)
    caching.thread_changed(locked.pk)
    thread.derived_page = page
    workflow = page.get_workflow()
    if workflow:
        workflow.start(page, by)
    return page
