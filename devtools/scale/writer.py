"""Swedish sentences, titles and posts from the field's vocabulary, the same ones for the same random seed."""

from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("words.txt")
YEARS = list(range(2016, 2025))


@dataclass(frozen=True)
class Noun:
    gender: str  # "en" or "ett"
    indefinite: str
    definite: str
    plural: str | None = None  # None for a mass noun
    plural_definite: str | None = None
    preposition: str = ""  # where the noun is a place: "på", "i", "hos"

    @property
    def some(self):
        """Plural, or the bare noun when it has no plural: "rutiner", "handledning"."""
        return self.plural or self.indefinite

    @property
    def all(self):
        """Plural definite, or the definite singular: "rutinerna", "handledningen"."""
        return self.plural_definite or self.definite

    @property
    def place(self):
        return f"{self.preposition} {self.definite}"


@dataclass(frozen=True)
class Adjective:
    common: str
    neuter: str
    plural: str

    def agreeing(self, noun):
        return self.neuter if noun.gender == "ett" else self.common


@dataclass(frozen=True)
class Verb:
    infinitive: str
    present: str
    past: str
    supine: str


def read_words(path):
    """Each [section] of the word file → its entries, in order; blank lines and # comments are left out."""
    sections, entries = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            entries = sections.setdefault(line[1:-1], [])
        elif entries is None:
            raise ValueError(f"{path}: {line!r} comes before the first [section]")
        else:
            entries.append(line)
    return sections


def parse_nouns(lines, *, places=False):
    nouns = []
    for line in lines:
        fields = [field.replace("_", " ") for field in line.split()]
        preposition = fields.pop(0) if places else ""
        gender, indefinite, definite, *plurals = fields
        nouns.append(Noun(gender, indefinite, definite, *(plurals or [None, None]), preposition=preposition))
    return nouns


def parse_rows(lines, row_type):
    """Rows of forms; a particle verb ("ta fram tar fram tog fram tagit fram") has two words per form."""
    rows = []
    for line in lines:
        fields = line.split()
        width = len(fields) // len(row_type.__dataclass_fields__)
        rows.append(row_type(*(" ".join(fields[i : i + width]) for i in range(0, len(fields), width))))
    return rows


class Lexicon:
    """Words to pick from, the first ones most often (roughly as Zipf's law has it for real text)."""

    def __init__(self, items, *, flatness=4):
        self.items = list(items)
        self.cum_weights = list(accumulate(1 / (rank + flatness) for rank in range(len(self.items))))

    def pick(self, rng):
        return rng.choices(self.items, cum_weights=self.cum_weights)[0]


WORDS = read_words(WORDS_FILE)
TOOLS = Lexicon(parse_nouns(WORDS["tools"]))
UNITS = Lexicon(parse_nouns(WORDS["units"], places=True))
PROFESSIONALS = Lexicon(parse_nouns(WORDS["professionals"]))
GROUPS = Lexicon(parse_nouns(WORDS["groups"]))
HARMS = Lexicon(parse_nouns(WORDS["harms"]), flatness=2)
IDEAS = Lexicon(parse_nouns(WORDS["ideas"]))
ADJECTIVES = Lexicon(parse_rows(WORDS["adjectives"], Adjective))
MAKING_VERBS = Lexicon(parse_rows(WORDS["making_verbs"], Verb))
NOTICING_VERBS = Lexicon(parse_rows(WORDS["noticing_verbs"], Verb))
MEETING_VERBS = Lexicon(parse_rows(WORDS["meeting_verbs"], Verb))


def inverted(verb_form, subject):
    """The verb before its subject, a particle after it: "tar fram" + "ni" → "tar ni fram"."""
    verb, _, particle = verb_form.partition(" ")
    return f"{verb} {subject} {particle}" if particle else f"{verb} {subject}"


def capitalised(text):
    return text[:1].upper() + text[1:]


class Writer:
    """Writes texts with one random generator, so that a seed always gives the same texts."""

    def __init__(self, rng, municipality_names):
        self.rng = rng
        self.municipality_names = list(municipality_names)

    # Words

    def tool(self):
        return TOOLS.pick(self.rng)

    def unit(self):
        return UNITS.pick(self.rng)

    def professional(self):
        return PROFESSIONALS.pick(self.rng)

    def group(self):
        return GROUPS.pick(self.rng)

    def harm(self):
        return HARMS.pick(self.rng)

    def idea(self):
        return IDEAS.pick(self.rng)

    def making(self):
        return MAKING_VERBS.pick(self.rng)

    def noticing(self):
        return NOTICING_VERBS.pick(self.rng)

    def meeting(self):
        return MEETING_VERBS.pick(self.rng)

    def municipality(self):
        return self.rng.choice(self.municipality_names)

    def one_of(self, choices):
        return self.rng.choice(choices)

    def a(self, noun, *, described=None):
        """ "en rutin", "ett tydligt stöd", "handledning": indefinite, with an adjective half of the time."""
        if described is None:
            described = self.rng.random() < 0.5
        bare = f"{ADJECTIVES.pick(self.rng).agreeing(noun)} {noun.indefinite}" if described else noun.indefinite
        return bare if noun.plural is None else f"{noun.gender} {bare}"

    def some(self, noun):
        """ "rutiner", "tydliga rutiner": plural indefinite, with an adjective half of the time."""
        if self.rng.random() < 0.5:
            adjective = ADJECTIVES.pick(self.rng)
            return f"{adjective.plural if noun.plural else adjective.agreeing(noun)} {noun.some}"
        return noun.some

    # Sentences

    def sentence(self):
        return capitalised(self.rng.choice(STATEMENTS)(self))

    def question(self):
        return capitalised(self.rng.choice(QUESTIONS)(self))

    def sentences(self, count):
        return [self.sentence() for _ in range(count)]

    def paragraph_html(self, count):
        return f"<p>{' '.join(self.sentences(count))}</p>"

    def summary(self, limit=300):
        text = " ".join(self.sentences(self.rng.choice((1, 2))))
        return text if len(text) <= limit else self.sentence()[:limit]

    def post(self, *, opening=None):
        """A post's Markdown and its HTML: 1–4 sentences, sometimes two paragraphs and a word in bold.

        The HTML is what knowledge.markdown.render_markdown makes of the Markdown (the tests compare
        them): the vocabulary has no characters that Markdown or HTML treat specially.
        """
        rng = self.rng
        count = rng.choices((1, 2, 3, 4), weights=(25, 35, 25, 15))[0]
        if opening == "question":
            sentences = [*self.sentences(count - 1), self.question()]
        elif opening is None and rng.random() < 0.12:
            sentences = [rng.choice(WORDS["short_replies"]), *self.sentences(count - 1)]
        else:
            sentences = self.sentences(count)
        markdown, html = list(sentences), list(sentences)
        if rng.random() < 0.1:
            index = rng.randrange(len(sentences))
            word = max(sentences[index].rstrip(".?!").split(), key=len)
            markdown[index] = sentences[index].replace(word, f"**{word}**", 1)
            html[index] = sentences[index].replace(word, f"<strong>{word}</strong>", 1)
        if len(sentences) >= 3 and rng.random() < 0.4:
            split = rng.choice((1, 2))
            return (
                f"{' '.join(markdown[:split])}\n\n{' '.join(markdown[split:])}",
                f"<p>{' '.join(html[:split])}</p>\n<p>{' '.join(html[split:])}</p>",
            )
        return " ".join(markdown), f"<p>{' '.join(html)}</p>"

    # Titles

    def thread_title(self, kind):
        return capitalised(self.rng.choice(THREAD_TITLES[kind])(self))

    def method_title(self):
        return f"{self.one_of(WORDS['method_activities'])} {self.one_of(WORDS['method_targets'])}"

    def experience_title(self):
        return capitalised(self.rng.choice(EXPERIENCE_TITLES)(self))

    def article_title(self):
        return capitalised(self.rng.choice(ARTICLE_TITLES)(self))


# Each template takes a Writer and returns one sentence; they pick their words as they go.

STATEMENTS = [
    lambda w: f"vi {w.making().past} {w.a(w.tool())} {w.unit().place} {w.one_of(WORDS['times'])}.",
    lambda w: (
        f"hos oss i {w.municipality()} {inverted(w.making().present, w.professional().all)} "
        f"{w.tool().definite} tillsammans med {w.unit().definite}."
    ),
    lambda w: f"{w.group().some} som utsätts för {w.harm().indefinite} behöver {w.a(w.tool())}.",
    lambda w: (
        f"vår erfarenhet är att {w.tool().definite} fungerar bäst när {w.professional().definite} och "
        f"{w.professional().definite} träffas tidigt."
    ),
    lambda w: f"det tar ofta lång tid innan {w.tool().definite} kommer igång {w.unit().place}.",
    lambda w: f"vi ser att {w.harm().definite} ofta upptäcks sent {w.unit().place}.",
    lambda w: (
        f"{w.professional().all} {w.unit().place} har {w.making().supine} {w.tool().all} {w.one_of(WORDS['times'])}."
    ),
    lambda w: f"vi har {w.making().supine} {w.some(w.tool())} för {w.group().some} i {w.municipality()}.",
    lambda w: f"vi har {w.making().supine} {w.some(w.tool())} {w.one_of(WORDS['method_targets'])}.",
    lambda w: f"jag arbetar som {w.professional().indefinite} {w.unit().place} i {w.municipality()}.",
    lambda w: f"i {w.municipality()} finns {w.a(w.unit())} som arbetar mot {w.harm().indefinite}.",
    lambda w: f"vi samverkar med {w.unit().some} i hela länet.",
    lambda w: f"{w.unit().definite} {w.making().present} {w.a(w.tool())} {w.one_of(WORDS['method_targets'])}.",
    lambda w: (
        f"ett tips är att {w.making().infinitive} {w.tool().definite} redan vid första {w.one_of(WORDS['meetings'])}."
    ),
    lambda w: f"{w.tool().definite} finns att hämta {w.unit().place} och här i kunskapsbanken.",
    lambda w: (
        f"det är viktigt att {w.professional().all} känner till {w.tool().definite} och vet vem som "
        f"ansvarar för {w.tool().definite}."
    ),
    lambda w: (
        f"sedan {w.one_of(YEARS)} {inverted(w.making().present, 'vi')} {w.tool().all} inom hela "
        f"{w.one_of(WORDS['sector_areas'])}."
    ),
    lambda w: (
        f"när {w.group().definite} berättar om {w.harm().indefinite} följer vi {w.tool().definite} och "
        f"gör {w.a(w.tool(), described=False)}."
    ),
    lambda w: (
        f"{w.harm().definite} syns sällan utåt, så {w.professional().all} behöver {w.a(w.tool())} att luta sig mot."
    ),
    lambda w: f"vi fick bra respons från {w.group().all} när vi {w.making().past} {w.tool().definite}.",
    lambda w: f"{w.a(w.tool())} gör stor skillnad för {w.group().some} som lever med {w.harm().indefinite}.",
    lambda w: f"det saknas fortfarande {w.some(w.tool())} för {w.group().some} {w.unit().place}.",
    lambda w: (
        f"i {w.municipality()} har {w.unit().definite} och {w.unit().definite} {w.making().supine} "
        f"{w.a(w.tool())} tillsammans."
    ),
    lambda w: f"vi märker att {w.idea().definite} ökar när {w.professional().all} får {w.a(w.tool())}.",
    lambda w: f"{w.idea().definite} är avgörande i arbetet mot {w.harm().indefinite}.",
    lambda w: f"vi saknar {w.idea().some} om {w.harm().indefinite} bland {w.professional().some} {w.unit().place}.",
    lambda w: (
        f"enligt {w.tool().definite} ska {w.professional().definite} alltid {w.making().infinitive} "
        f"{w.tool().definite} först."
    ),
    lambda w: f"det viktigaste för {w.group().definite} är {w.idea().indefinite} och {w.idea().indefinite}.",
    lambda w: (
        f"vi har bjudit in {w.professional().some} från {w.municipality()} för att "
        f"{w.making().infinitive} {w.tool().definite}."
    ),
    lambda w: (
        f"efter {w.tool().definite} {inverted(w.making().past, 'vi')} {w.tool().definite} tillsammans med "
        f"{w.group().all}."
    ),
    lambda w: (
        f"många {w.professional().some} känner sig osäkra på {w.tool().definite} när det gäller {w.harm().indefinite}."
    ),
    lambda w: f"vi {w.making().present} {w.tool().all} varje termin och {w.making().present} dem vid behov.",
    lambda w: (
        f"{w.professional().all} och {w.professional().all} träffas en gång i månaden för att "
        f"{w.making().infinitive} {w.tool().all}."
    ),
    lambda w: (
        f"vi {w.meeting().present} {w.group().all} {w.unit().place} och {w.noticing().present} "
        f"{w.harm().definite} tidigt."
    ),
    lambda w: (
        f"för att {w.noticing().infinitive} {w.harm().indefinite} behövs {w.idea().indefinite} om {w.idea().definite}."
    ),
    lambda w: (
        f"{w.professional().all} {w.meeting().past} {w.group().all} {w.one_of(WORDS['times'])} och "
        f"{w.making().past} {w.a(w.tool())}."
    ),
    lambda w: f"{w.idea().definite} påverkar hur {w.group().all} vågar berätta om {w.harm().indefinite}.",
    lambda w: (
        f"vi har {w.noticing().supine} {w.harm().definite} i {w.a(w.tool(), described=False)} "
        f"som {w.unit().definite} {w.making().past}."
    ),
    lambda w: f"{w.group().some} i {w.municipality()} ska kunna få {w.idea().indefinite} oavsett var de bor.",
    lambda w: (
        f"det är {w.professional().definite} som {w.meeting().present} {w.group().definite} först, "
        f"så {w.professional().definite} behöver {w.idea().indefinite}."
    ),
    lambda w: (
        f"vi {w.making().past} {w.tool().definite} för att {w.noticing().infinitive} "
        f"{w.harm().indefinite} bland {w.group().some}."
    ),
    lambda w: f"i {w.tool().definite} ingår {w.a(w.tool(), described=False)} och {w.a(w.tool())}.",
    lambda w: (
        f"{w.unit().definite} i {w.municipality()} har {w.making().supine} {w.tool().all} efter "
        f"synpunkter från {w.group().all}."
    ),
]

QUESTIONS = [
    lambda w: f"hur {inverted(w.making().present, 'ni')} {w.tool().definite} när {w.group().definite} inte vill prata?",
    lambda w: (
        f"har någon {w.making().supine} {w.a(w.tool())} för {w.group().some} som lever med {w.harm().indefinite}?"
    ),
    lambda w: f"vem ansvarar för {w.tool().definite} hos er?",
    lambda w: f"finns det {w.a(w.unit(), described=False)} i er kommun?",
    lambda w: f"om {w.a(w.group(), described=False)} berättar om {w.harm().indefinite}, vad gör ni då?",
    lambda w: f"finns det någon som har {w.making().supine} {w.a(w.tool())} {w.one_of(WORDS['method_targets'])}?",
    lambda w: f"finns det {w.some(w.tool())} på andra språk än svenska?",
    lambda w: f"hur lång är väntetiden till {w.unit().definite} i er kommun?",
    lambda w: (
        f"hur gör ni när {w.professional().definite} misstänker {w.harm().indefinite} men "
        f"{w.group().definite} förnekar allt?"
    ),
    lambda w: (
        f"är det någon som vill {w.making().infinitive} {w.tool().definite} tillsammans med oss i {w.municipality()}?"
    ),
    lambda w: f"vad har ni för erfarenheter av {w.tool().all} {w.unit().place}?",
    lambda w: f"hur {inverted(w.meeting().present, 'ni')} {w.group().all} i {w.tool().definite}?",
    lambda w: f"kan {w.professional().some} {w.making().infinitive} {w.tool().definite} utan {w.idea().indefinite}?",
    lambda w: f"hur länge brukar {w.tool().definite} ta hos er?",
    lambda w: f"vilka {w.tool().some} använder ni för att {w.noticing().infinitive} {w.harm().indefinite}?",
    lambda w: f"hur {inverted(w.noticing().present, 'ni')} {w.harm().indefinite} {w.unit().place}?",
    lambda w: f"vad säger {w.idea().definite} om {w.tool().definite} när {w.group().definite} är under 15 år?",
]

THREAD_TITLES = {
    "question": [
        *QUESTIONS,
        lambda w: f"någon som har erfarenhet av {w.tool().some}?",
        lambda w: f"tips på {w.some(w.tool())} för {w.group().some}?",
        lambda w: f"{w.tool().definite} och {w.idea().definite}, hur tänker ni?",
    ],
    "idea": [
        lambda w: f"idé: {w.a(w.tool())} för {w.group().some} {w.unit().place}",
        lambda w: f"förslag: {w.a(w.tool(), described=False)} för alla sex kommuner",
        lambda w: f"tänk om vi {w.making().past} {w.tool().definite} tillsammans?",
        lambda w: f"idé till kampanjmånaden: {w.a(w.tool())} om {w.harm().indefinite}",
        lambda w: (
            f"kan vi {w.making().infinitive} {w.some(w.tool())} för att {w.noticing().infinitive} "
            f"{w.harm().indefinite}?"
        ),
    ],
    "experience": [
        lambda w: f"så {inverted(w.making().past, 'vi')} {w.tool().definite} {w.unit().place} i {w.municipality()}",
        lambda w: f"erfarenheter av {w.tool().some} för {w.group().some}",
        lambda w: f"det här lärde vi oss av {w.tool().definite}",
        lambda w: f"ett år med {w.a(w.tool())} {w.unit().place}",
    ],
    "collaboration": [
        lambda w: f"söker samarbete kring {w.tool().some}",
        lambda w: f"vill någon kommun {w.making().infinitive} {w.tool().definite} tillsammans med {w.municipality()}?",
        lambda w: f"nätverk för {w.professional().some} som arbetar mot {w.harm().indefinite}",
        lambda w: f"samverkan kring {w.group().some} {w.unit().place}",
        lambda w: f"{w.a(w.tool())} för flera kommuner? {w.municipality()} och {w.municipality()} bjuder in",
    ],
}

EXPERIENCE_TITLES = [
    lambda w: f"så {inverted(w.making().past, 'vi')} {w.tool().definite} {w.unit().place} i {w.municipality()}",
    lambda w: f"{w.tool().some} för {w.group().some} {w.unit().place}",
    lambda w: f"{w.idea().definite} i fokus när {w.unit().definite} {w.making().past} {w.tool().definite}",
    lambda w: f"att {w.noticing().infinitive} {w.harm().indefinite} {w.unit().place}",
    lambda w: f"{w.a(w.tool())} för {w.group().some} i {w.municipality()}",
]

ARTICLE_TITLES = [
    lambda w: f"{w.municipality()} {w.making().present} {w.a(w.tool())} för {w.group().some}",
    lambda w: f"ny satsning: {w.a(w.tool())} {w.unit().place} i {w.municipality()}",
    lambda w: f"utbildningsdag om {w.harm().indefinite} för {w.professional().some}",
    lambda w: f"kampanjmånaden: {w.some(w.tool())} om {w.harm().indefinite}",
    lambda w: f"rapport: {w.idea().indefinite} om {w.harm().indefinite} {w.unit().place}",
    lambda w: f"{w.unit().definite} i {w.municipality()} {w.making().present} {w.tool().definite}",
]
