"""Every form in the forum where a person types: texts that say nothing, numbers, mentions and the guard."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from taggit.models import Tag

from forum.admin.forms import MoveForm, ReasonForm, RedactForm, RetagForm
from forum.forms import EditPostForm, ReplyForm, ReportForm, ThreadForm
from forum.mentions import MAX_MENTIONS
from forum.services import MAX_TAGS
from privacy.forms import CONFIRMATION_FIELD
from tests.factories import forum_category, start_thread

pytestmark = pytest.mark.django_db

PERSONAL_NUMBER = "19850709-9805"  # invented; valid date and check digit
PRIVATE_PHONE = "070-123 45 67"
PRIVATE_EMAIL = "anna.karlsson@gmail.com"


def thread_data(**overrides):
    return {
        "title": "Hur arbetar ni med barn som upplever våld?",
        "kind": "question",
        "category": forum_category().pk,
        "tags": "",
        "body": "Vi vill höra hur ni gör.",
        **overrides,
    }


@pytest.mark.parametrize("title", ["\u0301\u0301\u0301\u0301\u0301\u0301", "\u200b\u200b\u200b\u200b\u200b\u200b"])
def test_a_thread_title_of_only_marks_or_invisible_characters_is_refused(member, title):
    form = ThreadForm(thread_data(title=title), user=member)
    assert not form.is_valid()
    assert "bokstav eller en siffra" in " ".join(form.errors["title"])


def test_a_post_of_only_invisible_characters_is_refused(member):
    form = ReplyForm({"body": "\u200b\u2060\u0301\u200d"})
    assert not form.is_valid()
    assert "bokstav eller en siffra" in " ".join(form.errors["body"])


def test_an_edited_first_post_needs_a_title_that_says_something(member):
    post = start_thread(member).posts.get()
    form = EditPostForm({"title": "\u0301" * 8, "body": "Ny text.", "version": post.version}, post=post)
    assert not form.is_valid()
    assert set(form.errors) == {"title"}


def test_quoted_posts_are_read_as_ascii_numbers_only():
    form = ReplyForm({"body": "Håller med.", "quoted": "²,①,12,x,12,7"})
    assert form.is_valid()
    assert form.cleaned_data["quoted"] == [12, 7]


def test_more_mentions_than_a_post_notifies_are_refused_with_a_message():
    handles = " ".join(f"@kollega{number}" for number in range(MAX_MENTIONS + 1))
    form = ReplyForm({"body": f"Hej {handles}!"})
    assert not form.is_valid()
    assert f"högst {MAX_MENTIONS} kollegor" in " ".join(form.errors["body"])
    assert ReplyForm({"body": " ".join(f"@kollega{number}" for number in range(MAX_MENTIONS))}).is_valid()


def test_a_moderators_new_tag_passes_the_guard(moderator):
    form = ThreadForm(thread_data(tags=f"Skola, {PERSONAL_NUMBER}"), user=moderator)
    assert not form.is_valid()
    assert "19850709-****" in " ".join(form.errors["tags"])


def test_typed_tags_take_the_vocabularys_spelling_in_one_query_however_many(member):
    names = ["Skolkurator", "Fritidsgård", "Hedersrelaterat våld", "Barnahus", "Samverkan"][:MAX_TAGS]
    for name in names:
        Tag.objects.create(name=name)  # its address made from its name, as in use
    Tag.objects.create(name="Fritidsgard")  # a near namesake, never taken for "FRITIDSGÅRD"

    def check(typed):
        form = ThreadForm(thread_data(tags=", ".join(typed)), user=member)
        with CaptureQueriesContext(connection) as queries:
            assert form.is_valid(), form.errors
        return form.tag_names, len(queries)

    check(["skolkurator"])  # what each process keeps (the categories' limits) is read once, from here on kept
    one, one_costs = check(["skolkurator"])
    every, every_costs = check([name.upper() for name in names])
    assert (one, sorted(every)) == (["Skolkurator"], sorted(names))
    assert every_costs == one_costs


def post_of(member):
    return start_thread(member, body="Ett inlägg med orden att ta bort.").posts.get()


# The forms whose text reaches the moderators or the moderation log; none has room for the confirmation box.
REFUSING_FORMS = [
    ("report", lambda post: ReportForm, {"reason": "other"}, "explanation"),
    ("hide", lambda post: ReasonForm, {}, "reason"),
    ("move", lambda post: MoveForm, {"category": "1"}, "reason"),
    ("retag", lambda post: RetagForm, {"tags": "Skola", "reason": "Ordning"}, "tags"),
    ("retag reason", lambda post: RetagForm, {"tags": "Skola"}, "reason"),
]


def make_form(form_class, post, data):
    if form_class is RedactForm:
        return RedactForm(data, post=post)
    return form_class(data)


@pytest.mark.parametrize(("name", "form_of", "data", "field"), REFUSING_FORMS, ids=[f[0] for f in REFUSING_FORMS])
def test_an_identity_number_is_refused_in_every_moderation_text(member, name, form_of, data, field):
    post = post_of(member)
    form = make_form(form_of(post), post, {**data, field: f"Gäller {PERSONAL_NUMBER}"})
    assert not form.is_valid()
    assert "19850709-****" in " ".join(form.errors[field])
    assert PERSONAL_NUMBER not in str(form.errors)


@pytest.mark.parametrize("contact", [PRIVATE_PHONE, PRIVATE_EMAIL])
@pytest.mark.parametrize(("name", "form_of", "data", "field"), REFUSING_FORMS, ids=[f[0] for f in REFUSING_FORMS])
def test_a_private_contact_detail_is_refused_where_no_box_can_confirm_it(member, name, form_of, data, field, contact):
    post = post_of(member)
    form = make_form(form_of(post), post, {**data, field: f"Nå mig på {contact}", CONFIRMATION_FIELD: "on"})
    assert CONFIRMATION_FIELD not in form.fields
    assert not form.is_valid()
    assert "Ta bort" in " ".join(form.errors[field])


def test_a_redaction_reason_is_guarded_but_not_the_fragment_it_removes(member):
    post = start_thread(member, body=f"Flickan har personnummer {PERSONAL_NUMBER}.").posts.get()
    form = RedactForm({"fragment": PERSONAL_NUMBER, "reason": "Personnummer i inlägget"}, post=post)
    assert form.is_valid(), form.errors
    form = RedactForm({"fragment": PERSONAL_NUMBER, "reason": f"Tog bort {PERSONAL_NUMBER}"}, post=post)
    assert not form.is_valid()
    assert list(form.errors) == ["reason"]


def test_moderation_forms_hand_their_verbs_only_their_own_fields(member):
    form = ReasonForm({"reason": "Kränkande"})
    assert form.is_valid()
    assert form.cleaned_data == {"reason": "Kränkande"}
