import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted((ROOT / "locale").glob("**/LC_MESSAGES/*.po"))
WAGTAIL_CATALOGS = sorted((ROOT / "locale/wagtail").glob("**/LC_MESSAGES/*.po"))


def catalog_name(path):
    return str(path.relative_to(ROOT / "locale"))


def test_there_is_a_swedish_catalog():
    assert ROOT / "locale/sv/LC_MESSAGES/django.po" in CATALOGS


@pytest.mark.parametrize("catalog", CATALOGS, ids=catalog_name)
def test_catalogs_have_no_untranslated_or_fuzzy_entries(catalog):
    po = polib.pofile(str(catalog))
    problems = [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()]
    assert problems == []


@pytest.mark.parametrize("catalog", CATALOGS, ids=catalog_name)
def test_compiled_catalogs_match_their_sources(catalog):
    source = polib.pofile(str(catalog))
    compiled = polib.mofile(str(catalog.with_suffix(".mo")))
    compiled_entries = {(entry.msgctxt, entry.msgid): entry for entry in compiled}
    stale = [
        entry.msgid
        for entry in source.translated_entries()
        if (entry.msgctxt, entry.msgid) not in compiled_entries
        or compiled_entries[(entry.msgctxt, entry.msgid)].msgstr != entry.msgstr
    ]
    assert stale == [], "Run `make messages` to compile the catalogs"


@pytest.mark.gettext
def test_every_string_in_the_code_is_in_the_swedish_catalog(tmp_path):
    if not shutil.which("xgettext"):
        pytest.fail("GNU gettext is not installed; `make test` installs it (scripts/ensure-test-tools).")
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "staticfiles", ".bench", "media", ".test-media", "*.sqlite3*", "tests"
        ),
    )
    subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "makemessages", "-l", "sv", "--no-location", "--ignore=staticfiles"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"DJANGO_SETTINGS_MODULE": "intranet.settings.test", "PATH": "/usr/bin:/bin"},
    )
    extracted = {entry.msgid for entry in polib.pofile(str(copy / "locale/sv/LC_MESSAGES/django.po"))}
    committed = {entry.msgid for entry in polib.pofile(str(ROOT / "locale/sv/LC_MESSAGES/django.po"))}
    assert sorted(extracted - committed) == [], "Run `make messages` and translate the new strings"


def wagtails_msgids(domain):
    import wagtail

    msgids = set()
    for catalog in Path(wagtail.__file__).parent.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"):
        msgids |= {entry.msgid for entry in polib.pofile(str(catalog))}
    return msgids


def test_there_is_swedish_for_wagtails_own_strings_of_the_editor_and_its_javascript():
    assert {catalog_name(path) for path in WAGTAIL_CATALOGS} == {
        "wagtail/sv/LC_MESSAGES/django.po",
        "wagtail/sv/LC_MESSAGES/djangojs.po",
    }


@pytest.mark.parametrize("catalog", WAGTAIL_CATALOGS, ids=catalog_name)
def test_the_catalogue_for_wagtail_holds_only_strings_wagtail_still_has(catalog):
    msgids = {entry.msgid for entry in polib.pofile(str(catalog))}
    assert sorted(msgids - wagtails_msgids(catalog.stem)) == []


def test_the_page_editor_autosaves_and_helps_with_tags_in_swedish(client, sections):
    from accounts import roles
    from knowledge.models import MethodIndexPage
    from tests.factories import UserFactory

    client.force_login(UserFactory(roles=[roles.EMPLOYEE]))
    html = client.get(f"/admin/pages/add/knowledge/methodpage/{sections[MethodIndexPage].pk}/").content.decode()
    for swedish in ("Sparat", "Automatisk sparning är pausad", "avsluta varje tagg med kommatecken eller Enter"):
        assert swedish in html
    for english in ("Autosave is paused", "Multi-word tags"):
        assert english not in html
    catalog = client.get("/admin/jsi18n/").content.decode()
    assert "Sparar automatiskt" in catalog and r"\u00c4ndringarna har sparats automatiskt." in catalog


def test_pages_are_swedish_even_when_the_browser_asks_for_english(member_client):
    response = member_client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Kunskapsbank" in html
    assert "Logga ut" in html


def test_the_language_switch_turns_the_whole_page_english(member_client):
    response = member_client.post("/sprak/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    html = member_client.get("/").content.decode()
    assert '<html lang="en">' in html
    for english in ["Knowledge bank", "Campaign month", "Log out", "Support and help", "Latest methods"]:
        assert english in html
    for swedish in ["Kunskapsbank", "Logga ut", "Stöd och hjälp", "Senaste metoderna"]:
        assert swedish not in html


def test_the_language_switch_works_before_login(client, db):
    client.post("/sprak/", {"language": "en", "next": "/logga-in/"})
    html = client.get("/logga-in/").content.decode()
    assert "Log in to Kunskapsforum" in html


def test_the_language_switch_ignores_foreign_next_addresses(member_client):
    response = member_client.post("/sprak/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_an_unknown_language_falls_back_to_swedish(member_client, settings):
    member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert '<html lang="sv">' in member_client.get("/").content.decode()
