"""The page frame's tags: "Fel:" in the title of a page with errors; Swedish content marked in the English interface."""

import pytest
from bs4 import BeautifulSoup

from django import forms
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts import roles
from tests.factories import UserFactory, start_thread


class NameForm(forms.Form):
    name = forms.CharField()


def render(source, **context):
    return Template("{% load page_tags %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("context", "prefix"),
    [
        ({"form": NameForm(data={"name": ""})}, "Fel: "),
        ({"form": NameForm(data={"name": "Ada"})}, ""),
        ({"form": NameForm()}, ""),
        ({"token_form": NameForm(data={}), "form": NameForm()}, "Fel: "),
        ({"page_error": "För många försök."}, "Fel: "),
        ({}, ""),
    ],
    ids=["invalid", "valid", "unbound", "second-form-invalid", "page-error", "no-form"],
)
def test_the_title_says_fel_exactly_when_the_page_shows_an_error(context, prefix):
    with translation.override("sv"):
        assert render("{% error_title_prefix %}", **context) == prefix


def test_the_error_prefix_speaks_the_interfaces_language():
    with translation.override("en"):
        assert render("{% error_title_prefix %}", form=NameForm(data={})) == "Error: "


def test_content_is_marked_swedish_only_when_the_interface_is_not():
    source = "<h1{% content_lang %}>{{ title }}</h1> {{ title|in_content_language }}"
    with translation.override("sv"):
        assert render(source, title="Barn & unga") == "<h1>Barn &amp; unga</h1> Barn &amp; unga"
    with translation.override("en"):
        assert render(source, title="Barn & unga") == (
            '<h1 lang="sv">Barn &amp; unga</h1> <span lang="sv">Barn &amp; unga</span>'
        )


@pytest.mark.django_db
def test_in_the_english_interface_a_threads_title_body_and_tags_are_swedish(member_client):
    thread = start_thread(title="Samtal med unga om heder", body="Vi arbetar med **trygghet**.", tags=["skola"])
    member_client.cookies["kf_language"] = "en"
    page = BeautifulSoup(member_client.get(thread.get_absolute_url()).content.decode(), "html.parser")
    assert page.html["lang"] == "en"
    assert page.find("h1")["lang"] == "sv"
    assert page.select_one(".post__body")["lang"] == "sv"
    assert page.select_one(".tag-list .tag")["lang"] == "sv"
    # The interface around them stays English.
    assert not page.select_one(".post__meta").has_attr("lang")

    member_client.cookies["kf_language"] = "sv"
    page = BeautifulSoup(member_client.get(thread.get_absolute_url()).content.decode(), "html.parser")
    assert page.select("main [lang]") == []


@pytest.mark.django_db
def test_in_the_english_interface_method_cards_and_pages_are_swedish(member_client, make_method):
    method = make_method("Trygga samtal", owner="sigtuna", summary="Samtal i skolan.")
    member_client.cookies["kf_language"] = "en"
    listing = BeautifulSoup(member_client.get(method.get_parent().url).content.decode(), "html.parser")
    assert listing.select_one(".card__title a")["lang"] == "sv"
    assert listing.select_one(".card__summary")["lang"] == "sv"
    assert not listing.select_one(".card__meta").has_attr("lang")
    detail = BeautifulSoup(member_client.get(method.url).content.decode(), "html.parser")
    assert detail.find("h1")["lang"] == "sv"
    assert detail.select_one(".lead")["lang"] == "sv"
    assert detail.select_one(".stream")["lang"] == "sv"
    assert not detail.select_one(".knowledge-page__kind").has_attr("lang")


@pytest.mark.django_db
def test_the_post_link_is_named_by_what_it_shows(member_client):
    thread = start_thread(title="Samverkan med skolan")
    page = BeautifulSoup(member_client.get(thread.get_absolute_url()).content.decode(), "html.parser")
    link = page.select_one(".post__meta a")
    assert not link.has_attr("aria-label")
    assert link.get_text() == "#1 (länk till inlägget)"
    assert link.find(class_="visually-hidden").get_text() == " (länk till inlägget)"
    assert reverse("forum:thread", args=[thread.pk]) in link["href"]


class Counted:
    """A value that counts how often a template reads it."""

    def __init__(self):
        self.reads = 0

    def __str__(self):
        self.reads += 1
        return "shown"


def test_a_frame_part_is_rendered_once_per_language_values_and_version(db):
    from common import versions

    inside = Counted()
    source = '{% frame_part "test_part" flag versions "test-part" %}{{ inside }}{% end_frame_part %}'
    for flag in (True, True, False, False):
        assert render(source, inside=inside, flag=flag) == "shown"
    with translation.override("en"):
        render(source, inside=inside, flag=True)
    assert inside.reads == 3
    versions.renew("test-part")
    render(source, inside=inside, flag=True)
    assert inside.reads == 4


def test_a_frame_parts_own_bits_are_drawn_on_every_request_and_the_rest_once(db):
    around, inside = Counted(), Counted()
    source = (
        '{% frame_part "test_own" %}<p>{{ around }} {% own %}{{ name }}{% end_own %}'
        "{% if flag %}{% own %}<b>{{ name }}</b>{% end_own %}{% endif %}</p>{% end_frame_part %}"
    )
    assert render(source, around=around, name="Ada", flag=True) == "<p>shown Ada<b>Ada</b></p>"
    # Kept as drawn the first time: the flag is not among the part's values, so it has no say any more.
    assert render(source, around=around, name="<Bo>", flag=False) == "<p>shown &lt;Bo&gt;<b>&lt;Bo&gt;</b></p>"
    assert around.reads == 1
    # Outside a frame part an own bit is simply drawn.
    assert render("{% own %}{{ inside }}{% end_own %}", inside=inside) == "shown"


def test_the_header_is_kept_for_everyone_but_says_whose_it_is(member_client, member):
    other = UserFactory(roles=[roles.EMPLOYEE], first_name="Bo", last_name="Ek")
    other_client = Client()
    other_client.force_login(other)
    first = BeautifulSoup(member_client.get(reverse("forum:index")).content, "html.parser")
    second = BeautifulSoup(other_client.get(reverse("forum:index")).content, "html.parser")
    for soup, person in ((first, member), (second, other)):
        assert (
            soup.find("summary", class_="user-menu__toggle")
            .get_text(" ", strip=True)
            .endswith(person.get_full_name() or person.email)
        )
        tokens = {field["value"] for field in soup.select(".site-header input[name=csrfmiddlewaretoken]")}
        assert len(tokens) == 1
    assert (
        first.select(".site-header input[name=csrfmiddlewaretoken]")[0]["value"]
        != (second.select(".site-header input[name=csrfmiddlewaretoken]")[0]["value"])
    )
    assert first.select_one(".language-switch input[name=next]")["value"] == reverse("forum:index")


@pytest.mark.parametrize("route", ["forum:index", "people:directory", "knowledge:bank"])
def test_the_main_navigation_marks_the_current_section_only(member_client, route):
    nav = BeautifulSoup(member_client.get(reverse(route)).content, "html.parser").find("nav", class_="main-nav")
    current = [link["href"] for link in nav.find_all("a", attrs={"aria-current": "page"})]
    assert current == [reverse(route)]
