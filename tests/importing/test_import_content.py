import json
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from django.core.management import CommandError, call_command
from django.utils import translation

from wagtail.models import Page, Revision

from accounts.models import User
from forum.models import Post, Thread
from importing.models import ImportedPage
from importing.services import MAX_FILE_BYTES, ImportFailed, import_content
from knowledge.markdown import ALLOWED_TAGS
from knowledge.models import ArticlePage, ExperiencePage, HomePage, MethodIndexPage, MethodPage, TopicPage

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs/examples/import-example.json"


@pytest.fixture(autouse=True)
def swedish():
    with translation.override("sv"):
        yield


def example():
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def a_method(**fields):
    return {
        "id": "m1",
        "title": "Trygga samtal",
        "municipality": "Sigtuna",
        "summary": "Samtal med unga om våld.",
        "body": "Så går det till.",
        **fields,
    }


def an_experience(**fields):
    return {"id": "e1", "title": "Så gjorde vi", "municipality": "Sigtuna", "summary": "Kort om arbetet.", **fields}


def errors_for(data):
    """The error messages an import of the data stops with."""
    with pytest.raises(ImportFailed) as failure:
        import_content(data)
    return failure.value.errors


def run_command(tmp_path, data, *options):
    """Import the data through the command; return (stdout, stderr)."""
    path = tmp_path / "import.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    stdout, stderr = StringIO(), StringIO()
    call_command("import_content", str(path), *options, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


# The example file


def test_the_example_file_imports_on_a_freshly_migrated_database(db):
    assert not MethodIndexPage.objects.exists()

    report = import_content(EXAMPLE)

    assert report.created == {
        "method": 2,
        "experience": 2,
        "article": 1,
        "topic": 1,
        "category": 1,
        "thread": 2,
        "campaign": 0,
    }
    groups = MethodPage.objects.get(title="Samtalsgrupper för barn som upplevt våld")
    classroom = MethodPage.objects.get(title="Våldsförebyggande klassrumssamtal")
    assert groups.live and not groups.has_unpublished_changes
    assert groups.get_parent().title == "Metoder"
    assert groups.municipality.name == "Järfälla"
    assert classroom.municipality.name == "Upplands Väsby"
    assert [group.name for group in groups.target_groups.all()] == ["Barn (0–12 år)", "Föräldrar"]
    assert {sector.name for sector in classroom.sectors.all()} == {"Skola", "Fritid"}
    assert groups.prevention_level.name == "Indikerad"
    assert groups.evidence_level.name == "Beprövad erfarenhet"
    assert sorted(groups.tags.names()) == ["barn som upplevt våld", "gruppverksamhet"]
    assert groups.cost_level == "medel"
    assert str(groups.next_review_due) == "2027-09-01"
    uses = [(use.municipality.name, use.status, use.since_year) for use in groups.local_uses.all()]
    assert uses == [("Järfälla", "införd", 2019), ("Sollentuna", "prövas", 2025)]
    assert [(rating.registry, str(rating.rated_on)) for rating in groups.ratings.all()] == [("Annan", "2024-05-15")]
    assert [link.related for link in groups.related_methods.all()] == [classroom]
    assert "<h2>Så går det till</h2>" in str(groups.body)
    # Numbered as the file lists them: unnumbered rows come back in no particular order from PostgreSQL.
    assert [use.sort_order for use in groups.local_uses.all()] == [0, 1]


def test_the_example_experiences_article_and_theme_page_are_linked(db):
    import_content(EXAMPLE)

    groups = MethodPage.objects.get(title="Samtalsgrupper för barn som upplevt våld")
    jarfalla = ExperiencePage.objects.get(title="Samtalsgrupper för barn i Järfälla 2023–2024")
    sollentuna = ExperiencePage.objects.get(title="Klassrumssamtal i årskurs 8 i Sollentuna")
    assert list(groups.experiences.all()) == [jarfalla]
    assert jarfalla.live and "<strong>21 barn</strong>" in jarfalla.target_group_and_reach
    assert sollentuna.municipality.name == "Sollentuna"
    assert "<strong>våld i ungas relationer</strong>" in sollentuna.what_was_done
    article = ArticlePage.objects.get()
    assert article.live and str(article.date) == "2026-10-20" and article.municipality is None
    topic = TopicPage.objects.get()
    assert topic.live and isinstance(topic.get_parent().specific, HomePage)
    assert [pin.pinned.specific.title for pin in topic.pins.all()] == [
        "Samtalsgrupper för barn som upplevt våld",
        "Samtalsgrupper för barn i Järfälla 2023–2024",
        "En månad fri från våld 2026: programmet är klart",
    ]
    assert [pin.sort_order for pin in topic.pins.all()] == [0, 1, 2]


def test_the_example_threads_discuss_a_method_and_one_has_an_answer(db):
    import_content(EXAMPLE)

    waiting = Thread.objects.get(title="Hur länge får barnen vänta på en plats i samtalsgruppen?")
    assert waiting.category.slug == "barn-och-unga"
    assert waiting.knowledge_page.title == "Samtalsgrupper för barn som upplevt våld"
    assert waiting.answer == waiting.posts.get(number=2)
    assert waiting.posts.get(number=2).helpful_count == 1
    network = Thread.objects.get(title="Teman till nätverksträffen i december")
    assert network.category.name == "Nätverk för samordnare"
    assert network.kind == "collaboration"
    assert sorted(User.objects.values_list("email", "is_active")) == [
        ("familjebehandlare@kommun.example", False),
        ("samordnare@kommun.example", False),
    ]


def test_imported_pages_can_be_read(member_client):
    data = example()
    for item in data["methods"] + data["experiences"] + data["articles"]:
        item.pop("tags")  # see the next test
    import_content(data)
    for page in [
        *MethodPage.objects.all(),
        *ExperiencePage.objects.all(),
        ArticlePage.objects.get(),
        TopicPage.objects.get(),
    ]:
        response = member_client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()
    assert "<strong>fyra till sex barn</strong>" in member_client.get(MethodPage.objects.first().url).content.decode()


def test_imported_pages_with_swedish_tags_can_be_read(member_client):
    import_content(EXAMPLE)
    assert member_client.get(MethodPage.objects.first().url).status_code == 200


def test_importing_the_same_file_again_creates_no_duplicates(db):
    import_content(EXAMPLE)
    pages_before = Page.objects.count()

    report = import_content(EXAMPLE)

    assert report.created == {
        "method": 0,
        "experience": 0,
        "article": 0,
        "topic": 0,
        "category": 0,
        "thread": 0,
        "campaign": 0,
    }
    assert report.updated == {
        "method": 2,
        "experience": 2,
        "article": 1,
        "topic": 1,
        "category": 1,
        "thread": 2,
        "campaign": 0,
    }
    assert Page.objects.count() == pages_before
    assert Post.objects.count() == 5
    assert ImportedPage.objects.count() == 6
    method = MethodPage.objects.get(title="Samtalsgrupper för barn som upplevt våld")
    assert method.revisions.count() == 2
    assert method.local_uses.count() == 2 and method.related_methods.count() == 1


def test_importing_a_changed_file_updates_the_same_pages(db):
    import_content(EXAMPLE)
    method = MethodPage.objects.get(title="Samtalsgrupper för barn som upplevt våld")
    changed = example()
    changed["methods"][0].update(
        title="Samtalsgrupper för barn",
        tags=["stödgrupp"],
        local_use=[{"municipality": "Sigtuna", "status": "avslutad"}],
        related=[],
    )

    import_content(changed)

    method.refresh_from_db()
    assert method.title == "Samtalsgrupper för barn"
    assert method.slug == "samtalsgrupper-for-barn-som-upplevt-vald"  # links to the page keep working
    assert list(method.tags.names()) == ["stödgrupp"]
    assert [(use.municipality.name, use.status) for use in method.local_uses.all()] == [("Sigtuna", "avslutad")]
    assert not method.related_methods.exists()
    assert MethodPage.objects.count() == 2


def test_a_new_title_that_a_sibling_has_gets_a_numbered_slug(db):
    import_content({"methods": [a_method(), a_method(id="m2")]})
    assert sorted(MethodPage.objects.values_list("slug", flat=True)) == ["trygga-samtal", "trygga-samtal-2"]


def test_items_may_refer_to_pages_from_an_earlier_import(db):
    import_content({"methods": [a_method()]})
    import_content({"experiences": [an_experience(method="m1")]})
    assert list(ExperiencePage.objects.get().methods.all()) == [MethodPage.objects.get()]


# All or nothing


def test_a_file_with_one_valid_and_one_invalid_item_imports_nothing(db):
    pages_before = Page.objects.count()
    errors = errors_for({"methods": [a_method(), a_method(id="m2", title="")]})
    assert errors == ['methods[1] (id "m2"): title: får inte vara tom']
    assert Page.objects.count() == pages_before
    assert not ImportedPage.objects.exists()


def test_a_failure_while_saving_rolls_back_the_whole_file(db, monkeypatch):
    publish = Revision.publish
    published = []

    def fail_on_the_second(revision, *args, **kwargs):
        published.append(revision)
        if len(published) == 2:
            raise RuntimeError("the database went away")
        return publish(revision, *args, **kwargs)

    monkeypatch.setattr(Revision, "publish", fail_on_the_second)
    with pytest.raises(RuntimeError):
        import_content({"methods": [a_method(), a_method(id="m2")]})
    assert not MethodPage.objects.exists()
    assert not ImportedPage.objects.exists()


# Every invalid item is named, with what is valid


def test_an_unknown_taxonomy_value_names_the_position_the_id_and_the_valid_values(db):
    errors = errors_for({"methods": [a_method(), a_method(id="m4", target_groups=["Barn 0-12"])]})
    assert errors == [
        'methods[1] (id "m4"): target_groups[0]: okänt värde "Barn 0-12". Giltiga värden: Barn (0–12 år), '
        "Unga (13–25 år), Vuxna våldsutsatta, Våldsutövare, Äldre, Personer med funktionsnedsättning, "
        "Föräldrar, Yrkesverksamma"
    ]


def test_every_problem_in_the_file_is_reported_not_only_the_first(db):
    errors = errors_for(
        {
            "methods": [
                a_method(sectors=["Skolan"], cost_level="gratis"),
                a_method(id="m2", evidence_level="Bästa möjliga"),
            ],
            "articles": [{"id": "a1", "title": "Nyhet"}],
        }
    )
    assert len(errors) == 5
    assert errors[0].startswith('methods[0] (id "m1"): sectors[0]: okänt värde "Skolan". Giltiga värden: Socialtjänst')
    assert errors[1] == 'methods[0] (id "m1"): cost_level: okänt värde "gratis". Giltiga värden: låg, medel, hög'
    assert errors[2].startswith('methods[1] (id "m2"): evidence_level: okänt värde "Bästa möjliga". Giltiga värden:')
    assert errors[3:] == ['articles[0] (id "a1"): summary: saknas', 'articles[0] (id "a1"): body: saknas']


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("target_groups", ["barn (0-12 år)"]),  # hyphen for en dash, other case
        ("target_groups", ["Children (0–12 years)"]),
        ("target_groups", ["barn-0-12-ar"]),
        ("sectors", ["  socialtjänst "]),
        ("sectors", ["Social services"]),
    ],
)
def test_taxonomy_values_match_by_name_english_name_or_slug(db, field, value):
    import_content({"methods": [a_method(**{field: value})]})
    assert getattr(MethodPage.objects.get(), field).count() == 1


def test_missing_required_fields_are_each_reported(db):
    errors = errors_for({"methods": [{"id": "m1", "title": "Utan det mesta"}], "topics": [{"title": "Tema"}]})
    assert errors == [
        'methods[0] (id "m1"): municipality: saknas',
        'methods[0] (id "m1"): summary: saknas',
        'methods[0] (id "m1"): body: saknas',
        "topics[0]: id: saknas",
        "topics[0]: summary: saknas",
    ]


def test_empty_and_too_long_texts_are_refused(db):
    errors = errors_for({"methods": [a_method(summary="   ", title="x" * 256, tags=["våld", " "])]})
    assert errors == [
        'methods[0] (id "m1"): title: för lång: 256 tecken, högst 255',
        'methods[0] (id "m1"): summary: får inte vara tom',
        'methods[0] (id "m1"): tags[1]: får inte vara tom',
    ]


def test_duplicate_ids_within_a_kind_are_refused(db):
    errors = errors_for({"methods": [a_method(), a_method(title="En till")], "experiences": [an_experience(id="m1")]})
    assert errors == ['methods[1] (id "m1"): id: samma id som methods[0]']


def test_wrong_types_are_reported_with_the_expected_type(db):
    errors = errors_for(
        {
            "methods": [
                a_method(
                    target_groups="Föräldrar",
                    title=42,
                    local_use=[{"municipality": "Sigtuna", "status": "införd", "since": True}],
                ),
                "inte ett objekt",
            ],
            "articles": {"id": "a1"},
        }
    )
    assert errors == [
        "articles: ska vara en lista, inte ett objekt",
        'methods[0] (id "m1"): title: ska vara text, inte ett heltal',
        'methods[0] (id "m1"): target_groups: ska vara en lista, inte text',
        'methods[0] (id "m1"): local_use[0].since: ska vara ett heltal, inte sant eller falskt',
        "methods[1]: ska vara ett objekt, inte text",
    ]


def test_a_file_that_is_not_an_object_is_refused(db):
    assert errors_for([a_method()]) == ["Filen ska innehålla ett JSON-objekt, {…}, inte en lista."]


def test_unknown_fields_are_refused_with_the_valid_fields(db):
    errors = errors_for({"methods": [a_method(titel="Stavfel")], "metoder": []})
    assert errors[0].startswith(
        "metoder: okänt fält. Giltiga fält: methods, experiences, articles, topics, categories, threads"
    )
    assert errors[1].startswith('methods[0] (id "m1"): titel: okänt fält. Giltiga fält: id, title, municipality, ')


def test_a_reference_to_an_unknown_method_is_refused(db):
    errors = errors_for({"methods": [a_method(related=["m9"])], "experiences": [an_experience(method="m7")]})
    assert errors == [
        'methods[0] (id "m1"): related[0]: okänt id "m9": inget objekt i methods i den här filen eller i en '
        "tidigare import har det",
        'experiences[0] (id "e1"): method: okänt id "m7": inget objekt i methods i den här filen eller i en '
        "tidigare import har det",
    ]


def test_a_theme_page_may_only_pin_ids_of_the_right_kind(db):
    errors = errors_for(
        {"methods": [a_method()], "topics": [{"id": "t1", "title": "T", "summary": "S", "articles": ["m1"]}]}
    )
    assert errors == [
        'topics[0] (id "t1"): articles[0]: okänt id "m1": inget objekt i articles i den här filen eller i en '
        "tidigare import har det"
    ]


def test_invalid_dates_addresses_and_years_are_refused(db):
    method = a_method(
        last_reviewed="1/9 2025",
        local_use=[{"municipality": "Sigtuna", "status": "införd", "since": 1950}],
        ratings=[{"registry": "SBU", "rating": "Låg", "date": "2025-02-30", "url": "javascript:alert(1)"}],
    )
    errors = errors_for(
        {"methods": [method], "experiences": [an_experience(period_start="2025-06-01", period_end="2025-01-01")]}
    )
    assert errors == [
        'methods[0] (id "m1"): last_reviewed: inte ett datum på formen ÅÅÅÅ-MM-DD: "1/9 2025"',
        'methods[0] (id "m1"): local_use[0].since: ska vara ett år från 1990 till 2100, inte 1950',
        'methods[0] (id "m1"): ratings[0].date: inte ett datum på formen ÅÅÅÅ-MM-DD: "2025-02-30"',
        'methods[0] (id "m1"): ratings[0].url: inte en webbadress som börjar med http:// eller https://: '
        '"javascript:alert(1)"',
        'experiences[0] (id "e1"): period_end: är före period_start (2025-06-01)',
    ]


def test_an_experience_gives_either_a_body_or_the_headings(db):
    errors = errors_for({"experiences": [an_experience(body="Text", results="Resultat")]})
    assert errors == ['experiences[0] (id "e1"): body: ange antingen body eller rubrikerna (results), inte båda']


def test_tags_are_normalised_and_limited_to_twenty(db):
    import_content({"methods": [a_method(tags=["  Våld   i nära  relationer ", "våld i nära relationer", "SKOLA"])]})
    assert sorted(MethodPage.objects.get().tags.names()) == ["skola", "våld i nära relationer"]
    errors = errors_for({"methods": [a_method(id="m2", tags=[f"tagg {number}" for number in range(21)])]})
    assert errors == ['methods[0] (id "m2"): tags: för många taggar: 21, högst 20']


# Municipalities


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("Upplands-Väsby", "Upplands Väsby"),
        ("upplands väsby", "Upplands Väsby"),
        ("Upplands-Vasby", "Upplands Väsby"),
        ("jarfalla", "Järfälla"),
        ("JÄRFÄLLA", "Järfälla"),
        ("Upplands Bro", "Upplands-Bro"),
        ("Sundbybergs stad", "Sundbyberg"),
        ("Sigtuna kommun", "Sigtuna"),
    ],
)
def test_municipality_names_are_accepted_in_common_spellings(db, spelling, name):
    import_content({"methods": [a_method(municipality=spelling)]})
    assert MethodPage.objects.get().municipality.name == name


def test_an_unknown_municipality_lists_the_six(db):
    assert errors_for(
        {"articles": [{"id": "a1", "title": "T", "summary": "S", "body": "B", "municipality": "Solna"}]}
    ) == [
        'articles[0] (id "a1"): municipality: okänt värde "Solna". Giltiga värden: Järfälla, Sigtuna, '
        "Sollentuna, Sundbyberg, Upplands Väsby, Upplands-Bro"
    ]


# Markdown


def test_markdown_with_scripts_event_handlers_and_javascript_links_is_rendered_inert(db):
    body = (
        "# Rubrik\n\n<script>alert('hej')</script>\n\n<img src=x onerror=alert(1)>\n\n"
        "[klicka](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) "
        '<a href="javascript:alert(1)" onclick="alert(1)">länk</a> [Socialstyrelsen](https://www.socialstyrelsen.se/)'
    )
    import_content({"methods": [a_method(body=body)]})

    html = MethodPage.objects.get().body[0].value.source
    soup = BeautifulSoup(html, "html.parser")
    assert {element.name for element in soup.find_all(True)} <= ALLOWED_TAGS
    assert soup.find("h2").text == "Rubrik"  # the page title is the only h1
    assert "&lt;script&gt;" in html
    assert not any(name.startswith("on") for element in soup.find_all(True) for name in element.attrs)
    links = [(link.text, link.get("href"), link.get("rel")) for link in soup.find_all("a")]
    assert links == [("Socialstyrelsen", "https://www.socialstyrelsen.se/", ["noopener", "noreferrer"])]


# The file itself


def test_a_file_over_5_mb_is_refused_before_it_is_parsed(db, tmp_path):
    path = tmp_path / "stor.json"
    path.write_bytes(b"x" * (MAX_FILE_BYTES + 1))  # not JSON either: the size is what stops it
    assert errors_for(path) == [
        "Filen är större än 5 MB, det mesta som kan importeras på en gång. Dela upp den i mindre filer."
    ]


def test_a_markdown_body_of_5_mb_is_refused_even_when_passed_as_data(db):
    [error] = errors_for({"methods": [a_method(body="x" * MAX_FILE_BYTES)]})
    assert error == 'methods[0] (id "m1"): body: för lång: 5242880 tecken, högst 200000'


def test_invalid_json_is_reported_with_line_and_column(db, tmp_path):
    path = tmp_path / "trasig.json"
    path.write_text('{\n  "methods": [\n    {"id": "m1",}\n  ]\n}', encoding="utf-8")
    [error] = errors_for(path)
    assert error.startswith("Filen är inte giltig JSON: rad 3, kolumn 17")


def test_a_file_that_is_not_utf8_is_refused(db, tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(json.dumps({"methods": [a_method(title="Våld")]}, ensure_ascii=False).encode("latin-1"))
    [error] = errors_for(path)
    assert error.startswith("Filen är inte UTF-8")


def test_a_missing_file_is_reported(db, tmp_path):
    [error] = errors_for(tmp_path / "finns-inte.json")
    assert error.startswith("Filen kan inte läsas:")


# The command


def test_the_command_prints_progress_and_a_summary_in_swedish(db, tmp_path):
    stdout, stderr = run_command(tmp_path, example())
    assert "Metoder: 2/2" in stdout
    assert "Erfarenheter: 2/2" in stdout
    assert (
        "Klart: 2 metoder (2 nya, 0 uppdaterade), 2 erfarenheter (2 nya, 0 uppdaterade), "
        "1 artikel (1 ny, 0 uppdaterade), 1 temasida (1 ny, 0 uppdaterade)" in stdout
    )
    assert stderr == ""


def test_personal_data_warnings_are_printed_and_refuse_the_file_only_with_strict(db, tmp_path, monkeypatch):
    def warn_about_phone_numbers(item):
        return [(False, "privat telefonnummer i body")] if "070" in item.get("body", "") else []

    monkeypatch.setattr("importing.checking.check_texts", warn_about_phone_numbers)
    data = {"methods": [a_method(body="Ring 070-123 45 67")]}

    with pytest.raises(CommandError):
        run_command(tmp_path, data, "--strict")
    assert not MethodPage.objects.exists()

    _stdout, stderr = run_command(tmp_path, data)
    assert 'Varning: methods[0] (id "m1"): privat telefonnummer i body' in stderr
    assert MethodPage.objects.count() == 1


def test_dry_run_checks_the_file_but_writes_nothing(db, tmp_path):
    pages_before = Page.objects.count()
    stdout, _stderr = run_command(tmp_path, example(), "--dry-run")
    assert "Provkörning, inget sparades. Filen skulle importera: 2 metoder (2 nya, 0 uppdaterade)" in stdout
    assert Page.objects.count() == pages_before
    assert not ImportedPage.objects.exists()


def test_dry_run_reports_errors_like_a_real_import(db, tmp_path):
    with pytest.raises(CommandError):
        run_command(tmp_path, {"methods": [a_method(municipality="Stockholm")]}, "--dry-run")


def test_the_command_fails_with_every_error_and_says_nothing_was_imported(db, tmp_path):
    data = {"methods": [a_method(), a_method(id="m2", violence_types=["Okänt våld"]), a_method(id="m3", summary="")]}
    path = tmp_path / "fel.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    stdout, stderr = StringIO(), StringIO()

    with pytest.raises(CommandError) as failure:
        call_command("import_content", str(path), stdout=stdout, stderr=stderr)

    assert failure.value.returncode != 0
    assert str(failure.value) == "2 fel i filen. Inget importerades."
    assert 'methods[1] (id "m2"): violence_types[0]: okänt värde "Okänt våld"' in stderr.getvalue()
    assert 'methods[2] (id "m3"): summary: får inte vara tom' in stderr.getvalue()
    assert not MethodPage.objects.exists()


def test_the_command_explains_itself_in_swedish():
    from importing.management.commands.import_content import Command

    help_text = Command().create_parser("manage.py", "import_content").format_help()
    assert "Importera metoder, erfarenheter, artiklar, temasidor och forumtrådar" in help_text
    assert "--dry-run" in help_text and "--strict" in help_text


def test_taxonomy_values_may_be_written_as_design_lists_them(db):
    from importing.vocabulary import load_vocabularies

    vocabularies = load_vocabularies()
    assert vocabularies["age_group"].find("0–5").name == "0–5 år"
    assert vocabularies["age_group"].find("20-25 år").name == "20–25 år"
    assert vocabularies["target_group"].find("Barn").name == "Barn (0–12 år)"
    assert vocabularies["target_group"].find("unga (13-25 år)").name == "Unga (13–25 år)"
    assert vocabularies["evidence_level"].find("beprövad erfarenhet").name == "Beprövad erfarenhet"
