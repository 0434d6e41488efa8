"""Tags: listed and counted by what the person may see, and always with an address."""

import pytest

from django import forms
from django.contrib.auth.models import Group
from django.urls import reverse

from taggit.models import Tag
from wagtail.admin.forms.tags import TagField
from wagtail.models import PageViewRestriction

from accounts import roles
from accounts.models import Municipality
from forum.models import Category
from knowledge.tagging import give_empty_slugs_a_slug, normalise_tag_names, parse_tags
from tests.factories import UserFactory, start_thread


def tag_page(slug):
    return reverse("knowledge:tag", kwargs={"slug": slug})


def restrict_to_editors(page):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.EDITOR))


def test_a_tag_only_on_a_draft_has_no_tag_page_and_no_place_in_the_cloud(member_client, make_method):
    make_method("Utkast", tags=["hemligt utkast"], publish=False, live=False)
    make_method("Publicerad", tags=["öppet"])
    assert member_client.get(tag_page("hemligt-utkast")).status_code == 404
    assert member_client.get(reverse("knowledge:tag_feed", args=["hemligt-utkast"])).status_code == 404
    cloud = [tag.name for tag in member_client.get(reverse("knowledge:bank")).context["tags"]]
    assert cloud == ["öppet"]


def test_a_tag_only_on_a_restricted_page_is_shown_only_to_those_who_may_see_the_page(
    client, member, editor, make_method
):
    restrict_to_editors(make_method("För redaktörer", tags=["ledningsfråga"]))
    client.force_login(member)
    assert client.get(tag_page("ledningsfraga")).status_code == 404
    assert "ledningsfråga" not in client.get(reverse("knowledge:bank")).content.decode()
    client.force_login(editor)
    assert client.get(tag_page("ledningsfraga")).status_code == 200
    assert [(tag.name, tag.uses) for tag in client.get(reverse("knowledge:bank")).context["tags"]] == [
        ("ledningsfråga", 1)
    ]


def test_a_tag_only_on_a_restricted_thread_is_shown_only_to_those_who_may_see_the_thread(client, member, sections):
    colleague = UserFactory(municipality=Municipality.objects.get(slug="jarfalla"), roles=[roles.EMPLOYEE])
    room = Category.objects.create(name="Sigtunas rum", slug="sigtunas-rum")
    room.restricted_to_municipalities.add(member.municipality)
    start_thread(member, category=room, tags=["internt ärende"])
    client.force_login(colleague)
    assert client.get(tag_page("internt-arende")).status_code == 404
    client.force_login(member)
    assert client.get(tag_page("internt-arende")).status_code == 200


def test_the_cloud_counts_only_published_pages(member_client, make_method):
    make_method("A", tags=["skola"])
    make_method("B", tags=["skola"], publish=False, live=False)
    assert [(tag.name, tag.uses) for tag in member_client.get(reverse("knowledge:bank")).context["tags"]] == [
        ("skola", 1)
    ]


def test_a_name_without_letters_or_digits_is_refused_where_it_is_typed():
    with pytest.raises(forms.ValidationError, match="En tagg behöver minst en bokstav eller siffra: “ʼʼ”"):
        parse_tags("skola, ʼʼ")
    with pytest.raises(forms.ValidationError, match="minst en bokstav"):
        TagField().clean("ʼʼ")
    assert [name.casefold() for name in parse_tags("skola, Skola ,  våld")] == ["skola", "våld"]


def test_a_name_without_letters_or_digits_is_dropped_where_nobody_typed_it():
    assert normalise_tag_names(["ʼʼ", "skola", "!!"]) == ["skola"]


def test_a_tag_saved_without_a_slug_gets_one(db):
    assert Tag.objects.create(name="ʼʼ").slug == "tagg-2bc-2bc"


def test_the_migration_gives_stored_tags_without_slug_an_address(db):
    Tag.objects.create(name="ʼʼ")
    Tag.objects.filter(name="ʼʼ").update(slug="")
    assert give_empty_slugs_a_slug(Tag) == 1
    assert Tag.objects.get(name="ʼʼ").slug == "tagg-2bc-2bc"


def test_pages_with_a_tag_without_slug_still_open(member_client, make_method):
    method = make_method("Metod", tags=["skola"])
    method.tags.add("ʼʼ")
    method.save_revision().publish()
    Tag.objects.filter(name="ʼʼ").update(slug="")
    assert member_client.get(reverse("knowledge:bank")).status_code == 200
    html = member_client.get(method.url).content.decode()
    assert "ʼʼ" in html and 'href="/taggar//"' not in html


def test_a_listing_filtered_by_a_tag_the_reader_may_not_see_does_not_name_it(client, member, sections, make_method):
    from knowledge.models import MethodIndexPage

    restrict_to_editors(make_method("För redaktörer", tags=["ledningsfråga"]))
    make_method("Öppen", tags=["skola"])
    client.force_login(member)
    response = client.get(sections[MethodIndexPage].url, {"tagg": "ledningsfraga"})
    assert "ledningsfråga" not in response.content.decode()
    assert [page.title for page in response.context["listing"].results] == ["Öppen"]
