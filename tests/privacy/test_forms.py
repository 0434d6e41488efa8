"""PersonalDataGuardMixin on a plain Django form: numbers are field errors, contact details need the box ticked."""

import logging

import pytest

from django import forms
from django.utils import translation

from privacy.forms import CONFIRMATION_FIELD, PersonalDataGuardMixin
from privacy.guard import inspect

NUMBER = "850709-1232"


class PostForm(PersonalDataGuardMixin, forms.Form):
    guarded_fields = ("title", "body")

    title = forms.CharField()
    body = forms.CharField(widget=forms.Textarea)

    def clean(self):
        # The mixin must run no matter what the form's own clean() does around it.
        cleaned_data = super().clean()
        cleaned_data["checked_by_form"] = True
        return cleaned_data


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def post(**data):
    form = PostForm(data={"title": "Fråga om stöd", "body": "Hur gör ni?", **data})
    form.is_valid()
    return form


def test_the_form_offers_the_confirmation_box_with_its_label():
    field = PostForm().fields[CONFIRMATION_FIELD]
    assert not field.required
    assert field.label == "I have checked that the post contains no information about individuals"


def test_an_identity_number_is_an_error_on_its_field_that_shows_it_masked():
    form = post(body=f"Mammans personnummer är {NUMBER}.")
    assert not form.is_valid()
    assert form.errors["body"] == [
        "The text contains a personal identity number (850709-****). Remove it before saving."
    ]
    assert NUMBER not in str(form.errors)
    assert "1232" not in str(form.errors)


def test_a_confirmation_does_not_let_an_identity_number_through():
    form = post(title="Om 19850709-1232", **{CONFIRMATION_FIELD: "on"})
    assert not form.is_valid()
    assert "19850709-****" in form.errors["title"][0]


def test_every_identity_number_gets_its_own_error():
    form = post(body="Barnen 1003154562 och 850275-1236.")
    assert form.errors["body"] == [
        "The text contains a personal identity number (100315****). Remove it before saving.",
        "The text contains a coordination number (850275-****). Remove it before saving.",
    ]


def test_a_private_contact_detail_needs_the_box_ticked():
    form = post(body="Mamman mejlade från anna.svensson@gmail.com, ring 070-123 45 67.")
    assert not form.is_valid()
    assert list(form.errors) == [CONFIRMATION_FIELD]
    [message] = form.errors[CONFIRMATION_FIELD]
    assert "a***@gmail.com, 070-*** ** 67" in message
    assert "anna.svensson" not in message
    assert [finding.kind for finding in form.personal_data_warnings] == ["email", "phone"]


def test_a_ticked_box_lets_a_private_contact_detail_through():
    form = post(body="Ring mig på 070-123 45 67.", **{CONFIRMATION_FIELD: "on"})
    assert form.is_valid()
    assert form.cleaned_data["body"] == "Ring mig på 070-123 45 67."
    assert form.cleaned_data["checked_by_form"]
    assert len(form.personal_data_warnings) == 1


def test_a_text_without_personal_data_needs_no_box():
    form = post(body="Ring Kvinnofridslinjen 020-50 50 50 eller mejla vald@jarfalla.se. Dnr SN 2026/123.")
    assert form.is_valid()
    assert form.personal_data_warnings == ()


def test_a_model_form_with_the_mixin_keeps_its_own_validation():
    from django.contrib.auth.models import Group

    class GroupForm(PersonalDataGuardMixin, forms.ModelForm):
        guarded_fields = ("name",)

        class Meta:
            model = Group
            fields = ["name"]

    form = GroupForm(data={"name": f"Grupp {NUMBER}"})
    assert not form.is_valid()
    assert "850709-****" in form.errors["name"][0]
    assert CONFIRMATION_FIELD in form.fields


def test_nothing_is_logged_about_a_number_or_an_address(caplog):
    caplog.set_level(logging.DEBUG)
    text = f"Pnr {NUMBER}, ring 070-123 45 67, mejla anna.svensson@gmail.com"

    inspect(text)
    post(body=text).is_valid()

    for record in caplog.records:
        logged = record.getMessage() + repr(record.args)
        assert NUMBER not in logged and "123 45 67" not in logged and "anna.svensson" not in logged


class NameForm(PersonalDataGuardMixin, forms.Form):
    guarded_fields = ("name",)
    confirmable = False

    name = forms.CharField()


class CommentForm(PersonalDataGuardMixin, forms.Form):
    guarded_fields = ("comment",)
    confirmation_widget = forms.CheckboxInput

    comment = forms.CharField(widget=forms.Textarea)


def test_a_form_without_the_box_asks_for_a_contact_detail_to_be_removed_from_its_field():
    form = NameForm(data={"name": "Anna, 070-123 45 67"})

    assert CONFIRMATION_FIELD not in form.fields
    assert form.errors == {"name": ["The text may contain information about an individual: 070-*** ** 67. Remove it."]}


def test_a_box_in_a_template_that_renders_every_field_stays_hidden_until_the_guard_warns():
    warned = CommentForm(data={"comment": "Ring 070-123 45 67"})
    warned.is_valid()

    assert CommentForm().fields[CONFIRMATION_FIELD].widget.is_hidden
    assert CommentForm(data={"comment": "Bra."}).is_valid()
    assert not warned.fields[CONFIRMATION_FIELD].widget.is_hidden
    assert "070-*** ** 67" in warned.errors[CONFIRMATION_FIELD][0]
    assert CommentForm(data={"comment": "Ring 070-123 45 67", CONFIRMATION_FIELD: "on"}).is_valid()
