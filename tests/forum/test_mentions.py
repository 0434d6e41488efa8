import pytest

from accounts.models import Municipality
from forum.mentions import MAX_CHOICES, MAX_MENTIONS, handles_of, mention_count, mentioned_users, person_url, read_post
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def in_municipality(slug, **names):
    return UserFactory(municipality=Municipality.objects.get(slug=slug), **names)


@pytest.fixture
def alva():
    return in_municipality(
        "jarfalla", first_name="Alva", last_name="Bergström", email="alva.bergstrom@jarfalla.example"
    )


@pytest.fixture
def two_anna_larsson():
    return [
        in_municipality("jarfalla", first_name="Anna", last_name="Larsson", email="anna.larsson@jarfalla.example"),
        in_municipality("sigtuna", first_name="Anna", last_name="Larsson", email="anna.larsson@sigtuna.example"),
    ]


@pytest.mark.parametrize(
    ("text", "mentioned"),
    [
        ("Vad tycker @Alva Bergström?", ["Alva"]),
        ("Vad tycker @Alva Bergström om det?", ["Alva"]),  # the name ends where the words stop fitting it
        ("@alva.bergstrom. Kan du svara?", ["Alva"]),
        ("Hej @alva.bergstrom@jarfalla.example Vad gör ni?", ["Alva"]),
        ("Fråga @Alva, hon vet.", ["Alva"]),
        ("Fråga @alva bergström", ["Alva"]),
        ("Mejla info@alva.se", []),
        ("Fråga @Kim om det", []),  # two people are called Kim: nobody is notified rather than the wrong one
        ("`@Alva Bergström` i kod", []),
        ("[länk till @Alva Bergström](https://example.org)", []),
        ("> @Alva Bergström skrev något\n\nJag håller med.", []),  # a quote notifies nobody
        ("Vi ses @14.00", []),
    ],
)
def test_mentions_by_name_handle_or_address(alva, text, mentioned):
    UserFactory(first_name="Kim")
    UserFactory(first_name="Kim")
    assert [person.first_name for person in mentioned_users(text)] == mentioned


def test_a_full_name_of_several_words_is_one_mention():
    person = UserFactory(first_name="Anna Karin", last_name="af Klint")
    UserFactory(first_name="Anna", last_name="Karlsson")
    assert mentioned_users("Tack @Anna Karin af Klint för svaret") == [person]


def test_a_name_in_another_case_or_with_swedish_letters_is_found():
    person = UserFactory(first_name="Åsa", last_name="Öberg")
    assert mentioned_users("Hej @åsa öberg!") == [person]
    assert mentioned_users("Hej @Åsa Öberg!") == [person]


def test_namesakes_are_told_apart_by_municipality(two_anna_larsson):
    in_jarfalla, in_sigtuna = two_anna_larsson
    assert mentioned_users("Fråga @Anna Larsson (Järfälla) om det") == [in_jarfalla]
    assert mentioned_users("Fråga @Anna Larsson (sigtuna)") == [in_sigtuna]
    assert mentioned_users("Fråga @Anna Larsson om det") == []


def test_a_mention_that_names_several_people_is_a_problem_with_the_choices(two_anna_larsson):
    read = read_post("Fråga @Anna Larsson om det, och @Anna Larsson igen")
    [problem] = read.problems
    assert problem.text == "@Anna Larsson"
    assert problem.choice_handles == ["@Anna Larsson (Järfälla)", "@Anna Larsson (Sigtuna)"]
    assert read.problem_texts == ["@Anna Larsson"]
    assert read.notified == []


def test_a_mention_that_names_nobody_is_a_problem_with_the_name_as_written(alva):
    read = read_post("Tack @Alva Bergström och @Bertil Nyström för hjälpen. @nobody.here, hör av dig.")
    assert [mention.text for mention in read.problems] == ["@Bertil Nyström", "@nobody.here"]
    assert all(mention.choices == [] for mention in read.problems)
    assert read.notified == [alva]


def test_mentions_in_quotes_are_never_problems():
    assert read_post("> @Ingen Alls skrev:\n> hej").problems == []


def test_mentions_become_links_to_the_person_and_the_rest_stays_text(alva):
    html = read_post("Vad tycker @Alva Bergström om det? Och @Ingen Alls?").html
    assert f'<a href="{person_url(alva)}" rel="noopener noreferrer">@Alva Bergström</a> om det?' in html
    assert "Och @Ingen Alls?" in html


def test_a_quoted_mention_is_a_link_too(alva):
    assert f'href="{person_url(alva)}"' in read_post("> @alva.bergstrom skrev\n\nJa.").html


def test_mentions_never_link_inside_code_or_links(alva):
    html = read_post("`@Alva Bergström` och [@Alva Bergström](https://example.org)").html
    assert person_url(alva) not in html


def test_an_inactive_person_is_not_mentioned(alva):
    alva.is_active = False
    alva.save()
    assert read_post("Hej @Alva Bergström").notified == []


def test_handles_are_the_name_the_name_and_municipality_or_the_address(alva, two_anna_larsson):
    same_everything = [
        in_municipality("sollentuna", first_name="Bo", last_name="Ek", email=f"bo.ek{number}@sollentuna.example")
        for number in range(2)
    ]
    no_name = UserFactory(first_name="", last_name="", email="funktion@sigtuna.example")
    people = [alva, *two_anna_larsson, *same_everything, no_name]
    assert list(handles_of(people).values()) == [
        "Alva Bergström",
        "Anna Larsson (Järfälla)",
        "Anna Larsson (Sigtuna)",
        "bo.ek0@sollentuna.example",
        "bo.ek1@sollentuna.example",
        "funktion@sigtuna.example",
    ]
    for person, handle in handles_of(people).items():
        assert [found.pk for found in mentioned_users(f"Hej @{handle}, vad tycker du?")] == [person]


def test_one_post_looks_up_at_most_max_mentions_people(django_assert_max_num_queries):
    body = " ".join(f"@kollega{number} Person" for number in range(MAX_MENTIONS * 10))
    # Each mention may need three look-ups (full name, address, first name) before it is given up.
    with django_assert_max_num_queries(MAX_MENTIONS * 3):
        assert mentioned_users(body) == []


def test_mentions_are_counted_as_written():
    assert mention_count("@a.b @a.b @Anna Larsson och @c@d.se") == 3


def test_a_first_name_many_share_lists_some_choices_and_says_there_are_more():
    for number in range(MAX_CHOICES + 2):
        UserFactory(first_name="Kim", last_name=f"Ek{number}")
    [problem] = read_post("Fråga @Kim").problems
    assert len(problem.choice_handles) == MAX_CHOICES and problem.more_choices
    assert problem.choice_handles[0] == "@Kim Ek0"
