"""The parts of method and experience pages and listings kept in the cache (knowledge/parts.py): every write that
changes what they show is seen at once, what is a reader's own is never shown to another, and the queries stay few."""

import re

import pytest

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from wagtail.models import PageViewRestriction

from accounts import roles
from common.parts import drawn_by
from knowledge.models import ExperienceIndexPage, MethodIndexPage, MethodLocalUse, RelatedMethod, TargetGroup
from knowledge.parts import PageParts
from knowledge.services import confirm_local_use
from knowledge.vocabulary import rename_tag
from tests.factories import UserFactory
from tests.knowledge.admin_forms import method_form

# Each page, with everything it shows, in the cache and not: the reader's own bits, the chrome and routing around
# the kept parts (read with a warm cache, as every request but the first after a change): the session, the person
# and, on a method or experience, whether the reader saved it. The page itself is kept in the process
# (knowledge/routing.py).
METHOD_PAGE_QUERIES = 3
EXPERIENCE_PAGE_QUERIES = 3
LISTING_QUERIES = 3
# A method page drawn anew, every part read from the database: a fixed number, whatever the page holds. Its tags are
# read twice then, by the header and by "Vem kan mer om detta?", which reads them itself only when it is not kept
# (people/caching.py), so that it costs no query when it is. The page itself is read twice then: routed by Wagtail,
# and read once with its owner and municipality to be kept in the process (knowledge/routing.py).
METHOD_PAGE_QUERIES_DRAWN_ANEW = 28


def shown(client, page_or_url):
    response = client.get(getattr(page_or_url, "url", page_or_url))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def method(make_method, make_experience):
    """A method with a related method and an experience, each seen once so that its parts are in the cache."""
    page = make_method("Stödsamtal", target_groups=["barn-0-12-ar"], tags=["stöd"], used_in=[("jarfalla", "införd")])
    related = make_method("Gruppstöd")
    RelatedMethod.objects.create(page=page, related=related)
    page.save_revision().publish()
    make_experience("Så gick det", methods=[page])
    return page


def related_of(method):
    return method.related_methods.get().related


def test_an_edit_an_unpublication_a_move_and_a_restriction_show_at_once(client, member, sections, method):
    client.force_login(member)
    listing = sections[MethodIndexPage].url
    shown(client, method), shown(client, listing)  # kept in the cache now

    method.title = "Stödsamtal för barn"
    method.save_revision().publish()
    assert "Stödsamtal för barn" in shown(client, method)
    assert "Stödsamtal för barn" in shown(client, listing)

    related = related_of(method)
    related.unpublish()
    assert "Gruppstöd" not in shown(client, method)
    assert "Gruppstöd" not in shown(client, listing)

    related.save_revision().publish()
    old_address = related.url
    related.move(sections[ExperienceIndexPage], pos="last-child")
    html = shown(client, method)
    assert f'href="{old_address}"' not in html
    related.refresh_from_db()
    assert f'href="{related.url}"' in html

    restriction = PageViewRestriction.objects.create(page=related, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=roles.EDITOR)])
    assert "Gruppstöd" not in shown(client, method)
    member.groups.add(Group.objects.get(name=roles.EDITOR))  # another sight: the restriction lets them in now
    assert "Gruppstöd" in shown(client, method)


def test_a_renamed_term_a_confirmed_local_use_and_a_new_experience_show_at_once(
    client, member, editor, sections, method, make_experience
):
    client.force_login(member)
    listing = sections[MethodIndexPage].url
    shown(client, method), shown(client, listing)

    term = TargetGroup.objects.get(slug="barn-0-12-ar")
    term.name = "Unga barn"
    term.save()  # as the snippet editor saves it
    assert "Unga barn" in shown(client, method)
    assert "Unga barn" in shown(client, listing)

    use = MethodLocalUse.objects.create(
        page=method, municipality=editor.municipality, unit="Familjeenheten", confirmed=False
    )
    assert "Familjeenheten" not in shown(client, method)
    assert confirm_local_use(use, by=editor)
    assert "Familjeenheten" in shown(client, method)

    make_experience("Andra försöket", methods=[method])
    assert "Andra försöket" in shown(client, method)


def test_a_readers_own_bits_never_show_for_another(client, method, make_experience):
    first, second = UserFactory(roles=[roles.EMPLOYEE]), UserFactory(roles=[roles.EMPLOYEE])  # the same sight
    experience = make_experience("Vår erfarenhet", methods=[method])
    for page in (method, experience):
        client.force_login(first)
        client.post(reverse("forum:bookmark_page", args=[page.pk]), {"save": "1", "next": page.url})
        first_html = shown(client, page)
        assert "Ta bort från Sparat" in first_html
        first_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', first_html)[1]

        client.force_login(second)
        second_html = shown(client, page)
        assert "Ta bort från Sparat" not in second_html
        assert first_token not in second_html


def test_the_method_page_and_listing_in_english_are_kept_apart_from_swedish(client, member, sections, method):
    client.force_login(member)
    assert "Målgrupper" in shown(client, method)
    client.post("/sprak/", {"language": "en", "next": "/"})
    assert "Target groups" in shown(client, method)
    assert "Target group" in shown(client, sections[MethodIndexPage].url)


def test_a_preview_of_a_change_is_never_kept_for_readers(client, editor, member, make_method):
    page = make_method("Stödsamtal", owner="sigtuna")  # the editor's municipality
    client.force_login(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    client.post(preview_url, method_form(slug=page.slug))
    assert "Så gör vi." in shown(client, preview_url)  # drawn first, with the cache empty
    client.force_login(member)
    html = shown(client, page)
    assert "Stödsamtal" in html
    assert "Så gör vi." not in html


def test_method_and_experience_pages_and_the_listing_take_few_queries_in_and_out_of_the_cache(
    client, member, sections, method, make_experience, django_assert_max_num_queries
):
    client.force_login(member)
    experience = make_experience("Erfarenhet", methods=[method], tags=["stöd"])
    for url, most in [
        (method.url, METHOD_PAGE_QUERIES),
        (experience.url, EXPERIENCE_PAGE_QUERIES),
        (sections[MethodIndexPage].url, LISTING_QUERIES),
        (sections[ExperienceIndexPage].url, LISTING_QUERIES),
    ]:
        shown(client, url)
        with django_assert_max_num_queries(most):
            shown(client, url)
    cache.clear()
    shown(client, "/")
    with django_assert_max_num_queries(METHOD_PAGE_QUERIES_DRAWN_ANEW):
        shown(client, method)


def test_the_start_page_shows_an_edit_an_unpublication_a_move_a_restriction_and_a_renamed_term_at_once(
    client, member, sections, method, make_experience
):
    client.force_login(member)
    experience = make_experience("Så gick det i Sigtuna")
    assert "Stödsamtal" in shown(client, "/")  # kept in the cache now

    method.title = "Stödsamtal för barn"
    method.save_revision().publish()
    assert "Stödsamtal för barn" in shown(client, "/")

    experience.municipality.name = "Sigtuna kommun"
    experience.municipality.save()
    assert "Sigtuna kommun" in shown(client, "/")

    experience.unpublish()
    assert "Så gick det i Sigtuna" not in shown(client, "/")

    experience.save_revision().publish()
    experience.move(sections[MethodIndexPage], pos="last-child")
    experience.refresh_from_db()
    assert f'href="{experience.url}"' in shown(client, "/")

    restriction = PageViewRestriction.objects.create(page=method, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=roles.EDITOR)])
    assert "Stödsamtal för barn" not in shown(client, "/")
    client.force_login(UserFactory(roles=[roles.EDITOR]))  # another sight
    assert "Stödsamtal för barn" in shown(client, "/")
    client.force_login(member)
    assert "Stödsamtal för barn" not in shown(client, "/")


def test_a_renamed_tag_shows_at_once_on_the_method_and_experience_pages(
    client, member, editor, method, make_experience
):
    client.force_login(member)
    experience = make_experience("Så gick det", tags=["stöd"])
    shown(client, method), shown(client, experience)
    tag = method.tags.get()
    old_name, old_slug = tag.name, tag.slug
    tag.name = "Stöd till barn"
    tag.save()  # as the tag editor saves it, before it keeps the old name as a synonym
    rename_tag(tag, old_name, old_slug, by=editor)
    assert "Stöd till barn" in shown(client, method)
    assert "Stöd till barn" in shown(client, experience)


def test_a_deploy_of_other_templates_draws_every_part_anew(settings, tmp_path, member, sections):
    """The keys of kept parts name a digest of the templates, translations and code (common/parts.py)."""
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    template = tmp_path / "part.html"
    template.write_text("<p>Före</p>")
    drawn_by.cache_clear()
    try:
        before = drawn_by()
        template.write_text("<p>Efter</p>")
        drawn_by.cache_clear()
        assert drawn_by() != before
    finally:
        drawn_by.cache_clear()
    request = RequestFactory().get("/")
    request.user = member
    assert drawn_by() in PageParts(request).key("method-main")
