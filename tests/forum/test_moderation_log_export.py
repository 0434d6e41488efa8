import csv
import io

import pytest
from openpyxl import load_workbook

from django.urls import reverse

from common.spreadsheets import defuse_formula
from forum import moderation
from tests.factories import start_thread

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example","klicka")'


@pytest.fixture
def logged(member, moderator):
    thread = start_thread(member, title="Samtal med tonåringar")
    moderation.lock_thread(thread, by=moderator, reason=FORMULA)
    return thread


def export(client, moderator, format):
    client.force_login(moderator)
    response = client.get(reverse("forum_admin:log"), {"export": format})
    assert response.status_code == 200
    return response


def test_the_moderation_log_exports_its_columns_as_csv_with_formulas_defused(client, moderator, logged):
    response = export(client, moderator, "csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["När", "Moderator", "Åtgärd", "Tråd", "Inlägg", "Skäl", "Detaljer"]
    assert rows[1][1:4] == [str(moderator), "Låste en tråd", "Samtal med tonåringar"]
    assert not rows[1][4]  # a thread's action names no post
    assert rows[1][5] == "'" + FORMULA


def test_the_moderation_log_exports_its_columns_as_xlsx_with_formulas_as_text(client, moderator, logged):
    response = export(client, moderator, "xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["När", "Moderator", "Åtgärd", "Tråd", "Inlägg", "Skäl", "Detaljer"]
    assert rows[1][1:4] == [str(moderator), "Låste en tråd", "Samtal med tonåringar"]
    assert not rows[1][4]  # a thread's action names no post
    assert rows[1][5] == "'" + FORMULA
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize("text", ["=1+1", "+46 8 123", "-2", "@SUM(A1)", " =1+1", "＝1+1"])
def test_every_start_of_a_formula_is_defused(text):
    assert defuse_formula(text) == "'" + text


@pytest.mark.parametrize("text", ["\t=1+1", "\r=1+1", "\x00=1+1"])
def test_invisible_characters_become_spaces_and_cannot_hide_a_formula(text):
    assert defuse_formula(text) == "' =1+1"


def test_ordinary_text_and_numbers_stay_as_they_are():
    assert defuse_formula("Kränkande inlägg") == "Kränkande inlägg"
    assert defuse_formula(3) == 3
