"""import_content passes every text through the personal-data guard (DESIGN.md: Import format)."""

import json
import logging
from io import StringIO

import pytest

from django.core.management import CommandError, call_command
from django.utils import translation

from importing.checking import check_texts
from importing.services import ImportFailed, import_content
from knowledge.models import MethodPage

NUMBER = "850709-1232"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def a_method(**fields):
    return {
        "id": "m1",
        "title": "Trygga samtal",
        "municipality": "Sigtuna",
        "summary": "Samtal med unga om våld.",
        "body": "Så går det till.",
        **fields,
    }


def run_command(tmp_path, data, *options):
    """Import the data through the command; return (stdout, stderr, the CommandError or None)."""
    path = tmp_path / "import.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    stdout, stderr = StringIO(), StringIO()
    try:
        call_command("import_content", str(path), *options, stdout=stdout, stderr=stderr)
    except CommandError as error:
        return stdout.getvalue(), stderr.getvalue(), error
    return stdout.getvalue(), stderr.getvalue(), None


def test_texts_are_found_in_nested_fields_with_their_path():
    item = a_method(local_use=[{"municipality": "Sigtuna", "unit": f"Enheten {NUMBER}"}], tags=["anna@gmail.com"])
    assert check_texts(item) == [
        (
            True,
            "local_use[0].unit: The text contains a personal identity number (850709-****). Remove it before saving.",
        ),
        (False, "tags[0]: The text may contain a private e-mail address (a***@gmail.com)."),
    ]


def test_an_authors_address_is_not_text_of_the_post():
    thread = {"id": "t1", "author_email": "anna@gmail.com", "posts": [{"author_email": "b@hotmail.com"}]}
    assert check_texts(thread) == []


def test_an_identity_number_anywhere_refuses_the_whole_file_naming_the_item(db):
    data = {"methods": [a_method(), a_method(id="m2", title="Andra", body=f"Mammans personnummer är {NUMBER}.")]}

    with pytest.raises(ImportFailed) as failure:
        import_content(data)

    assert failure.value.errors == [
        'methods[1] (id "m2"): body: The text contains a personal identity number (850709-****). '
        "Remove it before saving."
    ]
    assert not MethodPage.objects.exists()


def test_a_coordination_number_in_an_experience_refuses_the_file_even_without_strict(db, tmp_path):
    data = {
        "methods": [a_method()],
        "experiences": [{"id": "e1", "title": "Så gjorde vi", "municipality": "Sigtuna", "summary": "Om 850275-1236."}],
    }
    stdout, stderr, error = run_command(tmp_path, data)
    assert error is not None and str(error) == "1 problem in the file. Nothing was imported."
    assert 'experiences[0] (id "e1"): summary: The text contains a coordination number (850275-****).' in stderr
    assert "850275-1236" not in stdout + stderr + str(error)
    assert not MethodPage.objects.exists()


def test_a_private_phone_number_is_a_warning_naming_the_item(db, tmp_path):
    stdout, stderr, error = run_command(tmp_path, {"methods": [a_method(body="Ring mig på 070-123 45 67.")]})
    assert error is None
    assert 'Warning: methods[0] (id "m1"): body: The text may contain a private phone number (070-*** ** 67).' in stderr
    assert "123 45 67" not in stdout + stderr
    assert MethodPage.objects.count() == 1


def test_with_strict_a_warning_refuses_the_file(db, tmp_path):
    data = {"methods": [a_method(summary="Frågor till anna.svensson@gmail.com.")]}
    stdout, stderr, error = run_command(tmp_path, data, "--strict")
    assert error is not None
    assert 'methods[0] (id "m1"): summary: The text may contain a private e-mail address (a***@gmail.com).' in stderr
    assert "anna.svensson" not in stdout + stderr
    assert not MethodPage.objects.exists()


def test_public_numbers_and_municipal_addresses_import_without_warnings(db, tmp_path):
    body = "Ring Kvinnofridslinjen 020-50 50 50 eller 112. Frågor till vald@jarfalla.se. Dnr SN 2026/123."
    _stdout, stderr, error = run_command(tmp_path, {"methods": [a_method(body=body)]}, "--strict")
    assert error is None and stderr == ""


def test_the_swedish_warning_starts_with_varning(db, tmp_path):
    with translation.override("sv"):
        _stdout, stderr, _error = run_command(tmp_path, {"methods": [a_method(body="Ring 070-123 45 67.")]})
    assert stderr.startswith('Varning: methods[0] (id "m1"): body: ')


def test_the_import_logs_no_number(db, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    run_command(tmp_path, {"methods": [a_method(body=f"Pnr {NUMBER}, ring 070-123 45 67")]})
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert NUMBER not in logged and "123 45 67" not in logged
