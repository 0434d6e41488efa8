import pytest

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from common.uploads import looks_like_markup, validate_content_matches_name


@pytest.mark.parametrize(
    "head",
    [
        b"<html>",
        b"<!DOCTYPE HTML>",
        b"\n  <SCRIPT src=x>",
        b"<svg/onload=x>",
        b"<?xml version='1.0'?>",
        b"<!-- x",
        b"<p",
    ],
)
def test_what_a_browser_would_take_for_a_page_is_markup(head):
    assert looks_like_markup(head)


@pytest.mark.parametrize("head", [b"kommun;antal", b"<18 ar", b"<bold text", b"a <html> inside", b""])
def test_text_that_only_contains_angle_brackets_is_not(head):
    assert not looks_like_markup(head)


def test_the_check_leaves_the_file_where_it_was_read_from():
    file = ContentFile(b"%PDF-1.4 rest", name="rutin.pdf")
    file.seek(5)
    validate_content_matches_name(file)
    assert file.tell() == 5


def test_a_kind_without_a_known_signature_is_left_to_the_extension_list():
    content = b"<html>"
    with pytest.raises(ValidationError):
        validate_content_matches_name(ContentFile(content, name="rutin.pdf"))
    assert validate_content_matches_name(ContentFile(content, name="data.bin")) is None  # .bin is not a kind it checks


def test_the_extension_is_read_in_any_case():
    with pytest.raises(ValidationError):
        validate_content_matches_name(ContentFile(b"<html>", name="RUTIN.PDF"))
