"""Swedish text analysis for the search: words, stems and the parts of compound words.

SQLite's FTS5 neither stems nor splits compounds, and PostgreSQL's `swedish` config only stems, so
each indexed object gets an extra text field from `index_terms()`: "relationsvåldet" also yields
"relation" and "våld", and a search for "våld" finds it.
"""

import math
import re
import threading
import time
import unicodedata
from functools import lru_cache

import snowballstemmer

from .stopwords import STOPWORDS

__all__ = [
    "BASE_LEXICON",
    "STOPWORDS",
    "forget_lexicon",
    "index_terms",
    "lexicon",
    "split_compound",
    "stem",
    "tokens",
]

WORD = re.compile(r"[^\W_]+")

LEXICON_SECONDS = 300

MIN_PART = 3
# Longer "words" are codes, URLs run together or garbage; splitting them is wasted work.
MAX_COMPOUND = 48
VOWELS = frozenset("aeiouyåäö")
LINKS = ("", "s", "e", "a", "u", "o")
# Word lists stay text (SIM905 off): one word per line would make the module unreadable.
ENDINGS = frozenset(
    """
    s n t e a en et er ar or na ns ts ens ets ers ars ors nas arna erna orna arnas ernas ornas are aren
    arens ande at ad ade
    """.split()  # noqa: SIM905
) | {""}
# A clipped or doubled stem (kvinn-or, föräldr-ar, lärar-na, vänn-en) never stands alone.
CLIPPED_ENDINGS = frozenset(ending for ending in ENDINGS if ending[:1] in {"a", "e", "o"}) | {"na", "nas"}

# Base forms of the field's words that often make up compounds. Editors extend the lexicon
# through taxonomies, tags and the thesaurus, so this only has to cover the common heads.
BASE_LEXICON = frozenset(
    """
    våld relation partner heder förtryck utövare förövare utsatt utsatthet offer brott brottsoffer barn
    unga ungdom vuxen kvinna flicka pojke tjej kille familj förälder föräldraskap mamma pappa syskon
    make maka sambo pojkvän flickvän vän anhörig närstående person individ gärning skola förskola
    fritid gård hus verksamhet stöd samtal behandling skydd plan kartläggning risk bedömning oro
    anmälan anmälning socialtjänst socialsekreterare handläggare handläggning utredning polis åklagare
    domstol lagstiftning hälsa vård sjukvård mottagning klinik central centrum grupp program metod
    insats prevention arbete kunskap utbildning hem boende kris jour frid stympning kön äktenskap gifte
    tvång kontroll hot bild trakasseri kränkning mobbning övergrepp misshandel våldtäkt mord sexuell
    sexualitet fysisk psykisk digital ekonomi ekonomisk materiell latent försummelse äldre omsorg
    funktion funktionsnedsättning nedsättning ensamkommande nätverk samverkan samarbete kampanj månad
    vecka dialog elev lärare kurator rektor personal chef ledning rutin handbok fråga screening faktor
    signal tecken trauma stress ångest beteende attityd norm maskulinitet jämställdhet rättighet
    diskriminering hat nät internet spel säkerhet trygghet missbruk beroende alkohol narkotika
    psykiatri myndighet kommun region länsstyrelse kvalitet uppföljning utvärdering forskning evidens
    studie rapport statistik material film webb föreläsning konferens seminarium träff möte plats tonår
    tonåring student pensionär vårdnadshavare placering familjehem bistånd relatera relaterad medveten
    medvetenhet upplevelse erfarenhet berättelse vittne bevittna krets roll ansvar uppdrag
    handlingsplan policy strategi samordning samordnare koordinator mentor ambassadör förebild
    ingripande skyldighet ärende dragning rådgivning rådgivare skuld ledare lov sommar termin läger
    tolk ombud team tjänst social rätt vårdnad umgänge separation skilsmässa avtal kontakt förbud
    besök sköterska lektion serie övning åskådare spårning chatt språk ekonomi bank polisanmälan
    läkare psykolog barnmorska tandvård mödravård biträde assistent boendestöd bostad tillsyn
    """.split()  # noqa: SIM905
)

_stemmer = snowballstemmer.stemmer("swedish")
# The stemmer keeps its working word on the object; two threads stemming at once would mix them.
_stemmer_lock = threading.Lock()

_lexicon_cache: tuple[float, frozenset[str]] = (-math.inf, frozenset())


def tokens(text: str) -> list[str]:
    """The words of `text`, NFC-normalised and lower case, in order."""
    return WORD.findall(unicodedata.normalize("NFC", text).lower())


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The Snowball Swedish stem of a word, the same as PostgreSQL's `swedish` config gives."""
    with _stemmer_lock:
        return _stemmer.stemWord(word.lower())


class _Forms:
    """The shapes lexicon words take inside compounds, each mapped back to its base form."""

    def __init__(self, words: frozenset[str]):
        self.words = words
        self.heads: dict[str, str] = {}
        self.before_vowel: dict[str, str] = {}
        for word in sorted(words):
            if len(word) < MIN_PART or not word.isalpha():
                continue
            self.heads.setdefault(word, word)
            for form in _clipped_forms(word):
                self.heads.setdefault(form, word)
                self.before_vowel.setdefault(form, word)
            if word[-1] not in VOWELS and word[-2] in VOWELS:
                # vän → vännen, pojkvännerna
                self.before_vowel.setdefault(word + word[-1], word)
        shapes = self.before_vowel | self.heads
        self.longest = max(map(len, shapes), default=0)
        # Most words start with no lexicon word; three letters tell, without trying every split.
        self.openings = {shape[:MIN_PART] for shape in shapes}


def _clipped_forms(word: str) -> list[str]:
    # kvinna → kvinn-o-jour, skola → skol-kurator, förälder → föräldr-a-stöd, föräldr-ar.
    forms = []
    if word[-1] in "ae" and len(word) > MIN_PART:
        forms.append(word[:-1])
    if len(word) > MIN_PART + 1 and word[-2] == "e" and word[-1] in "lnr":
        forms.append(word[:-2] + word[-1])
    return forms


@lru_cache(maxsize=8)
def _forms(words: frozenset[str]) -> _Forms:
    return _Forms(words)


def _rank(parts: list[str]) -> tuple[int, int]:
    return len(parts), -sum(map(len, parts))


def _best_split(word: str, forms: _Forms, *, min_parts: int) -> list[str] | None:
    """The fewest, longest lexicon words `word` is made of, or None."""
    length = len(word)
    memo: dict[int, list[str] | None] = {}

    def from_position(start: int) -> list[str] | None:
        if start in memo:
            return memo[start]
        if word[start : start + MIN_PART] not in forms.openings:
            return None
        best = None
        for end in range(start + MIN_PART, min(length, start + forms.longest) + 1):
            piece = word[start:end]
            ending = word[end:]
            candidates = []
            if piece in forms.words and ending in ENDINGS:
                candidates.append([piece])
            elif piece in forms.before_vowel and ending in CLIPPED_ENDINGS:
                candidates.append([forms.before_vowel[piece]])
            if piece in forms.heads:
                for link in LINKS:
                    if word.startswith(link, end):
                        rest = from_position(end + len(link))
                        if rest:
                            candidates.append([forms.heads[piece], *rest])
            for candidate in candidates:
                if start == 0 and len(candidate) < min_parts:
                    continue
                if best is None or _rank(candidate) < _rank(best):
                    best = candidate
        memo[start] = best
        return best

    return from_position(0)


@lru_cache(maxsize=200_000)
def _parts(word: str, words: frozenset[str]) -> tuple[str, ...]:
    if not MIN_PART < len(word) <= MAX_COMPOUND or not word.isalpha():
        return ()
    forms = _forms(words)
    # A lexicon word is indexed as itself already; only a split into other lexicon words adds to it.
    parts = _best_split(word, forms, min_parts=2 if word in words else 1)
    if not parts:
        return ()
    found: list[str] = []
    for part in parts:
        found.append(part)
        # "relationsvåldet" splits into the lexicon word "relationsvåld", itself made of two more.
        if part != word:
            found.extend(_parts(part, words))
    return tuple(dict.fromkeys(found))


def split_compound(word: str, lexicon: frozenset[str]) -> list[str]:
    """The lexicon words a compound is made of ("våldsutövaren" → våld, utövare), or []."""
    return list(_parts(word, lexicon))


def lexicon() -> frozenset[str]:
    """BASE_LEXICON and the words of every taxonomy term, tag and thesaurus term; cached for a while."""
    global _lexicon_cache
    read_at, words = _lexicon_cache
    if time.monotonic() - read_at < LEXICON_SECONDS:
        return words
    fresh = frozenset(BASE_LEXICON | _lexicon_words(_source_texts()))
    # The word caches are keyed by the lexicon: an equal new object would cost a full set
    # comparison on every cache hit, the very same object only an identity check.
    if fresh != words:
        words = fresh
    _lexicon_cache = (time.monotonic(), words)
    return words


def forget_lexicon() -> None:
    """Drop the cached lexicon, so the next call reads the vocabularies again."""
    global _lexicon_cache
    _lexicon_cache = (-math.inf, _lexicon_cache[1])


def _source_texts() -> list[str]:
    # Imported here so the text functions work without Django's app registry (e.g. in scripts).
    from taggit.models import Tag

    from accounts.models import Sector
    from knowledge.models import AgeGroup, EvidenceLevel, PreventionLevel, TargetGroup, ViolenceType

    from .models import SynonymGroup, split_terms

    texts: list[str] = []
    for model in (ViolenceType, TargetGroup, AgeGroup, PreventionLevel, EvidenceLevel, Sector, Tag):
        # Only the Swedish names: English words would split Swedish compounds wrongly.
        texts += model.objects.values_list("name", flat=True)
    for terms in SynonymGroup.objects.values_list("terms", flat=True):
        texts += split_terms(terms)
    return texts


def _lexicon_words(texts: list[str]) -> set[str]:
    return {
        word
        for text in texts
        for word in tokens(text)
        if len(word) >= MIN_PART and word.isalpha() and word not in STOPWORDS
    }


def _current(words: frozenset[str] | None) -> frozenset[str]:
    return lexicon() if words is None else words


@lru_cache(maxsize=200_000)
def _word_terms(word: str, stems: bool, words: frozenset[str]) -> str:
    terms = []
    if stems:
        terms.append(stem(word))
        for part in _parts(word, words):
            terms += [part, stem(part)]
    else:
        terms += _parts(word, words)
    return " ".join(term for term in dict.fromkeys(terms) if term != word)


def index_terms(text: str, *, stems: bool, lexicon: frozenset[str] | None = None) -> str:
    """Extra words to index for `text`: stems (when the engine cannot stem) and compound parts."""
    words = _current(lexicon)
    terms = (_word_terms(word, stems, words) for word in tokens(text) if word not in STOPWORDS)
    return " ".join(term for term in terms if term)
