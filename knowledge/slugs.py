"""Page addresses: ASCII ("Våld i nära relationer" → vald-i-nara-relationer, as tag addresses are), unique
among the page's siblings, and never a reason to refuse a page whose writer did not type one."""

import re

from django.utils.text import slugify

from wagtail.models import Page

MAX_SLUG_LENGTH = Page._meta.get_field("slug").max_length
ROOM_FOR_NUMBER = 10  # "-2", "-3" … added to make a slug free
FALLBACK_SLUG = "sida"


def ascii_slug(text):
    """A slug of letters a–z, digits and hyphens: å and ä become a, ö becomes o; other signs go."""
    return slugify(str(text or "")).strip("-_")[:MAX_SLUG_LENGTH]


def free_slug(parent, title, *, fallback=FALLBACK_SLUG, page=None):
    """The title as a slug, with -2, -3 … added if a sibling (other than `page` itself) already has it."""
    base = ascii_slug(title)[: MAX_SLUG_LENGTH - ROOM_FOR_NUMBER].strip("-") or fallback
    siblings = parent.get_children().filter(slug__startswith=base)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def slug_is_free(slug, parent, page=None):
    return Page._slug_is_available(slug, parent, page)


def made_from_title(slug, title):
    """Whether a slug is the title's own (as the editor fills it in), perhaps with a number: nobody chose it."""
    base = ascii_slug(title)
    return bool(base) and re.fullmatch(re.escape(base) + r"(-\d+)?", slug) is not None
