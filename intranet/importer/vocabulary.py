"""The values the taxonomy, municipality and choice fields accept, by every spelling a file may use."""

import re
import unicodedata
from typing import Any, NamedTuple

from accounts.models import Municipality, Sector
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


def load_vocabularies():
    return {
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
    }
