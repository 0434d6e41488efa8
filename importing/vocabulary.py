"""The values the taxonomy, municipality and choice fields accept, by every spelling a file may use."""

import re
import unicodedata
from typing import Any, NamedTuple

from django.utils.text import slugify

from accounts import roles
from accounts.models import Municipality, Sector, User
from events.models import EventType
from forum.models import Category, ThreadKind
from forum.models.categories import limits_admit
from knowledge.models import (
    AgeGroup,
    EvidenceLevel,
    MethodLocalUse,
    MethodPage,
    MethodRating,
    PreventionLevel,
    TargetGroup,
    ViolenceType,
)


class Vocabulary(NamedTuple):
    """The values a field accepts, by every spelling an import file may use."""

    entries: dict
    valid: list
    normalise: Any

    def find(self, spelling):
        return self.entries.get(self.normalise(spelling))


def loose(spelling):
    """Compare taxonomy values case-insensitively, with en dash and hyphen alike."""
    return " ".join(spelling.replace("–", "-").split()).casefold()


def place(spelling):
    """Compare municipality names also without å, ä, ö, and with hyphen and space alike."""
    words = re.split(r"[\s\-–]+", spelling.strip().casefold())
    ascii_words = [unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode() for word in words]
    return "-".join(word for word in ascii_words if word)


def short_forms(name):
    """ "Barn (0–12 år)" may be written "Barn", and "0–5 år" as "0–5", as DESIGN.md lists them."""
    without_brackets = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    without_years = re.sub(r"\s+(år|years)$", "", without_brackets)
    return {without_brackets, without_years} - {name}


def term_vocabulary(model):
    terms = list(model.objects.in_order())
    entries = {loose(spelling): term for term in terms for spelling in (term.name, term.name_en, term.slug) if spelling}
    for term in terms:
        for spelling in short_forms(term.name) | short_forms(term.name_en):
            entries.setdefault(loose(spelling), term)
    return Vocabulary(entries, [term.name for term in terms], loose)


def municipality_vocabulary():
    municipalities = list(Municipality.objects.all())
    entries = {}
    for municipality in municipalities:
        name = place(municipality.name)
        # "Järfälla kommun" and "Sundbybergs stad" are how the municipalities sign their letters.
        for spelling in (name, place(municipality.slug), f"{name}-kommun", f"{name}s-stad"):
            entries[spelling] = municipality
    return Vocabulary(entries, sorted(municipality.name for municipality in municipalities), place)


def choice_vocabulary(choices):
    values = [value for value, _label in choices]
    return Vocabulary({loose(value): value for value in values}, values, loose)


# The import format is Swedish whatever the language of the person importing (DESIGN.md: "kind": "Fråga").
THREAD_KIND_NAMES = {
    ThreadKind.QUESTION: "Fråga",
    ThreadKind.IDEA: "Idé",
    ThreadKind.EXPERIENCE: "Erfarenhet",
    ThreadKind.COLLABORATION: "Samverkan",
}


def thread_kind_vocabulary():
    entries = {}
    for kind, name in THREAD_KIND_NAMES.items():
        entries[loose(name)] = entries[loose(kind.value)] = kind.value
    return Vocabulary(entries, list(THREAD_KIND_NAMES.values()), loose)


def role_vocabulary():
    return Vocabulary({loose(name): name for name in roles.ROLES}, list(roles.ROLES), loose)


class ForumCategory(NamedTuple):
    """A forum category as a thread names it: in the database, defined in the file, or to be created."""

    slug: str
    name: str
    roles: frozenset = frozenset()  # group names; empty for everyone
    municipalities: frozenset = frozenset()  # empty for all six

    def restrictions(self):
        return sorted(self.roles) + sorted(municipality.name for municipality in self.municipalities)

    def is_visible_to(self, person):
        """What start_thread would say, asked before the file's categories are written.

        `person` is None for an address that matches no account: its new account has no role.
        """
        municipality_ids = {municipality.pk for municipality in self.municipalities}
        return limits_admit(person, role_names=self.roles, municipality_ids=municipality_ids)


class ForumCategories:
    """The categories threads may name: by name, English name or slug, in any case.

    Those the file defines are added while its `categories` are checked, before its threads.
    """

    def __init__(self):
        self.by_key = {}
        categories = Category.objects.in_order().prefetch_related(
            "restricted_to_groups", "restricted_to_municipalities"
        )
        for category in categories:
            known = ForumCategory(
                category.slug,
                category.name,
                frozenset(group.name for group in category.restricted_to_groups.all()),
                frozenset(category.restricted_to_municipalities.all()),
            )
            self.add(known, category.name_en)

    def add(self, category, *other_spellings):
        for spelling in (category.name, category.slug, *other_spellings):
            if spelling:
                self.by_key[loose(spelling)] = category

    def find(self, spelling):
        return self.by_key.get(loose(spelling)) or self.by_key.get(slugify(spelling))

    def new(self, slug, name):
        """A category that a thread names and nobody has made: the import creates it, open to everyone."""
        category = ForumCategory(slug, name)
        self.add(category)
        return category

    def define(self, category, name_en=""):
        """Add a category as the file's `categories` define it, in place of what the database had."""
        self.by_key = {key: known for key, known in self.by_key.items() if known.slug != category.slug}
        self.add(category, name_en)

    @property
    def valid(self):
        return list(dict.fromkeys(category.name for category in self.by_key.values()))


class People:
    """Accounts by e-mail address, each looked up once; None for an address that matches no one."""

    def __init__(self):
        self.found = {}

    def find(self, email):
        email = email.lower()
        if email not in self.found:
            self.found[email] = User.objects.filter(email__iexact=email).first()
        return self.found[email]


# The import format is Swedish here too: "type": "Föreläsning" (the stored values are accepted as well).
EVENT_TYPE_NAMES = {
    EventType.LECTURE: "Föreläsning",
    EventType.WORKSHOP: "Workshop",
    EventType.NETWORK_MEETING: "Nätverksträff",
    EventType.TRAINING: "Utbildning",
    EventType.WEBINAR: "Webbinarium",
}


def event_type_vocabulary():
    entries = {}
    for value, name in EVENT_TYPE_NAMES.items():
        entries[loose(value)] = entries[loose(name)] = value
    return Vocabulary(entries, list(EVENT_TYPE_NAMES.values()), loose)


def load_vocabularies():
    return {
        "event_type": event_type_vocabulary(),
        "municipality": municipality_vocabulary(),
        "target_group": term_vocabulary(TargetGroup),
        "age_group": term_vocabulary(AgeGroup),
        "violence_type": term_vocabulary(ViolenceType),
        "sector": term_vocabulary(Sector),
        "prevention_level": term_vocabulary(PreventionLevel),
        "evidence_level": term_vocabulary(EvidenceLevel),
        "cost_level": choice_vocabulary(MethodPage.COST_CHOICES),
        "status": choice_vocabulary(MethodLocalUse.STATUS_CHOICES),
        "registry": choice_vocabulary(MethodRating.REGISTRY_CHOICES),
        "thread_kind": thread_kind_vocabulary(),
        "role": role_vocabulary(),
        "forum_category": ForumCategories(),
        "person": People(),
    }
