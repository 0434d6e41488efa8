"""The labels a question names, and hits ranked by them as by their titles (search/labels.py, dialects.labelled)."""

from accounts.models import Sector
from knowledge.models import ViolenceType
from search import engine, labels
from search.models.documents import Facet
from search.question import read_question


def economic(*others):
    return list(ViolenceType.objects.filter(name__in=["Ekonomiskt våld", *others]))


def test_a_concept_names_the_labels_that_hold_it_by_its_stem_or_its_synonyms(db):
    preschool = labels.labelled(read_question("förskolan").concepts[0])
    honour = labels.labelled(read_question("hedersförtryck").concepts[0])

    assert preschool == {Facet.SECTOR: [Sector.objects.get(name="Förskola").pk]}
    assert ViolenceType.objects.get(name="Hedersrelaterat våld och förtryck").pk in honour[Facet.VIOLENCE_TYPE]
    assert labels.labelled(read_question("zyxwvu").concepts[0]) == {}


def test_a_new_tag_is_a_label_at_once(db, make_method):
    labels.labelled([["stalkning"]])  # read, and kept a while

    make_method("Skyddsplanering", tags=["stalkning"])

    assert Facet.TAG in labels.labelled([["stalkning"]])


def test_a_hit_labelled_with_what_was_asked_comes_before_one_that_only_mentions_it_more(member, make_method):
    make_method("Kartläggning av hushållets skulder", summary="Ekonomiskt våld, ekonomiskt våld och ekonomiskt våld.")
    labelled = make_method(
        "Kartläggning av hushållets lån", summary="Om ekonomiskt våld i nära relationer.", violence_types=economic()
    )

    hits = engine.search(member, "ekonomiskt våld").hits

    assert hits[0].title == labelled.title


def test_a_label_among_many_of_its_kind_counts_for_less_than_a_label_of_its_own(member, make_method):
    make_method(
        "Rutin för alla former av våld",
        summary="Ekonomiskt våld, ekonomiskt våld och ekonomiskt våld.",
        violence_types=economic("Fysiskt våld", "Psykiskt våld", "Sexuellt våld"),
    )
    specific = make_method("Skuldrådgivning", summary="Om ekonomiskt våld.", violence_types=economic())

    hits = engine.search(member, "ekonomiskt våld").hits

    assert hits[0].title == specific.title
