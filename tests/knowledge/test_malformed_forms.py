"""A page form with values its editor never sends answers with a form error, never a server error."""

import json

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from accounts.models import Municipality
from knowledge.models import ExperienceIndexPage, ExperiencePage, MethodIndexPage, MethodPage
from tests.knowledge.admin_forms import method_form

UNREADABLE = "Värdet gick inte att läsa."


def stream_block(block_type, **value):
    fields = {"body-count": "1", "body-0-type": block_type, "body-0-deleted": "", "body-0-order": "0", "body-0-id": "a"}
    return fields | {f"body-0-value{suffix}": item for suffix, item in value.items()}


def inline_row(prefix, **fields):
    row = {f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-0-id": "", f"{prefix}-0-ORDER": "1", f"{prefix}-0-DELETE": ""}
    return row | {f"{prefix}-0-{name}": value for name, value in fields.items()}


MALFORMED_METHOD_VALUES = {
    "a block count that is no number": {"body-count": "abc"},
    "an image id that is no number": stream_block("image", **{"-image": "abc"}),
    "a document id that is no number": stream_block("document", **{"-document": "abc"}),
    "rich text in a block that is no JSON": stream_block("paragraph", **{"": "{inte json"}),
    "a chosen document that is no number": inline_row("materials", document="abc"),
    "a related method that is no number": inline_row("related_methods", related="abc"),
    "a municipality that is no number": {"municipality": "abc"},
}


@pytest.mark.parametrize("case", list(MALFORMED_METHOD_VALUES))
def test_a_malformed_value_in_a_method_form_is_a_form_error(editor_client, sections, case):
    data = method_form() | MALFORMED_METHOD_VALUES[case]
    url = reverse("wagtailadmin_pages:add", args=("knowledge", "methodpage", sections[MethodIndexPage].pk))
    response = editor_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    # StreamField shows its errors through the JSON its editor starts from.
    assert UNREADABLE in html or json.dumps(UNREADABLE)[1:-1] in html
    assert not MethodPage.objects.exists()


@pytest.mark.parametrize(
    "value",
    [
        "{inte json",
        '{"blocks": 5}',
        "[]",
        '{"blocks": [{"text": 5}]}',
        '{"blocks": [{"text": "a", "entityRanges": [{"key": 9}]}]}',
    ],
)
def test_malformed_rich_text_in_an_experience_form_is_a_form_error(editor_client, sections, value):
    data = nested_form_data(
        {
            "title": "Ny erfarenhet",
            "slug": "ny-erfarenhet",
            "summary": "Kort.",
            "municipality": Municipality.objects.get(slug="sigtuna").pk,
            "comments": inline_formset([]),
        }
    )
    data["what_was_done"] = value
    url = reverse("wagtailadmin_pages:add", args=("knowledge", "experiencepage", sections[ExperienceIndexPage].pk))
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert UNREADABLE in response.content.decode()
    assert not ExperiencePage.objects.exists()
