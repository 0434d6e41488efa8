"""How tag names are cleaned up, whichever way they arrive (editing forms, the forum, imports).

With TAGGIT_CASE_INSENSITIVE, "Våld" and "våld" are one tag; this also makes
"våld ", " våld" and "våld  i nära relationer" match their tidy spelling.
"""

from taggit.utils import _parse_tags

MAX_TAG_LENGTH = 100


def normalise_tag_name(name):
    return " ".join(str(name).split())[:MAX_TAG_LENGTH]


def normalise_tag_names(names):
    """Tidy names, dropping empty ones and duplicates that differ only in case."""
    seen = {}
    for name in names:
        tidy = normalise_tag_name(name)
        if tidy and tidy.casefold() not in seen:
            seen[tidy.casefold()] = tidy
    return list(seen.values())


def parse_tags(tag_string):
    """TAGGIT_TAGS_FROM_STRING: taggit's parsing, then our tidying."""
    return normalise_tag_names(_parse_tags(tag_string))
