"""Which page an address names, kept per process (knowledge/routing.py): the page is read in one query, and every
change of the page tree, every view restriction and every page type with routes of its own is honoured at once."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from accounts import roles
from knowledge import routing
from knowledge.models import ExperienceIndexPage, MethodIndexPage, MethodPage
from tests.factories import UserFactory


def status_of(client, url):
    return client.get(url).status_code


def sends_on_to(client, url, page):
    """The old address of a moved or renamed page leads to it (Wagtail makes the redirect), and the new one opens."""
    response = client.get(url)
    return response.status_code == 301 and response.url == page.url and status_of(client, page.url) == 200


def page_queries(client, url):
    """The queries of one GET of the URL that read pages (the page tree, a page's own table)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return [query["sql"] for query in captured if "wagtailcore_page" in query["sql"]]


def test_a_method_is_read_once_with_its_owner_and_municipality_and_then_from_what_is_kept(member_client, make_method):
    method = make_method("Stödsamtal")
    with CaptureQueriesContext(connection) as first:
        assert status_of(member_client, method.url) == 200
    assert any(
        "knowledge_methodpage" in q["sql"] and "accounts_user" in q["sql"] and "accounts_municipality" in q["sql"]
        for q in first
    )
    assert page_queries(member_client, method.url) == []


def test_every_request_is_given_a_page_of_its_own(rf, member, make_method):
    method = make_method("Stödsamtal")
    site = Site.objects.get(is_default_site=True)
    request = rf.get(method.url)
    request.user = member
    path = method.url
    first, second, third = (routing.route(request, site, path).page for _request in range(3))
    assert first.pk == second.pk == third.pk == method.pk and type(third) is MethodPage
    second.title = "Ändrad i en begäran"
    assert third.title == "Stödsamtal" and third is not second


def test_a_renamed_owner_and_municipality_show_at_once(member_client, make_method):
    method = make_method("Stödsamtal")
    owner = UserFactory(first_name="Robin", last_name="Berg")
    method.owner = owner
    method.save()
    assert "Robin Berg" in member_client.get(method.url).content.decode()
    owner.first_name, owner.last_name = "Robin", "Nybergsson"
    owner.save()
    assert "Robin Nybergsson" in member_client.get(method.url).content.decode()
    method.municipality.name = "Järfälla kommun"
    method.municipality.save()
    assert "Järfälla kommun" in member_client.get(method.url).content.decode()


def test_an_unpublished_a_moved_a_renamed_and_a_deleted_page_show_at_once(member_client, sections, make_method):
    method = make_method("Stödsamtal")
    old_address = method.url
    assert status_of(member_client, old_address) == 200  # kept from here on

    method.unpublish()
    assert status_of(member_client, old_address) == 404
    method.save_revision().publish()
    assert status_of(member_client, old_address) == 200

    method.move(sections[ExperienceIndexPage], pos="last-child")
    method.refresh_from_db()
    assert sends_on_to(member_client, old_address, method)

    moved_address = method.url
    method.slug = "stodsamtal-for-barn"
    method.save_revision().publish()
    method.refresh_from_db()
    assert status_of(member_client, moved_address) == 404  # a publication makes no redirect; the editor's form does
    assert status_of(member_client, method.url) == 200

    renamed_address = method.url
    method.delete()
    assert status_of(member_client, renamed_address) == 404


def test_a_section_taken_offline_takes_its_kept_pages_along_at_once(member_client, sections, make_method):
    method = make_method("Stödsamtal")
    assert status_of(member_client, method.url) == 200
    UnpublishPageAction(
        sections[MethodIndexPage], include_descendants=True, user=UserFactory(is_superuser=True)
    ).execute()
    assert status_of(member_client, method.url) == 404


def test_a_view_restriction_applies_to_a_page_already_kept(client, member, make_method):
    method = make_method("Stödsamtal")
    client.force_login(member)
    assert status_of(client, method.url) == 200
    restriction = PageViewRestriction.objects.create(page=method, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=roles.EDITOR)])
    assert status_of(client, method.url) == 403
    member.groups.add(Group.objects.get(name=roles.EDITOR))
    assert status_of(client, method.url) == 200


def test_a_page_type_with_routes_of_its_own_is_routed_by_wagtail_every_time(member_client, make_method, monkeypatch):
    method = make_method("Stödsamtal")
    routed = []

    def route_with_a_view_of_its_own(self, request, path_components):
        routed.append(path_components)
        return RouteResult(self, kwargs={"view": "own"})

    monkeypatch.setattr(MethodPage, "route", route_with_a_view_of_its_own)
    monkeypatch.setattr(MethodPage, "serve", lambda self, request, **kwargs: Page.serve(self, request))
    for _visit in range(3):
        assert status_of(member_client, method.url) == 200
    assert len(routed) == 3


def test_an_address_with_no_live_page_still_finds_its_redirect(member_client, make_method):
    method = make_method("Stödsamtal")
    Redirect.objects.create(old_path="/metoder/gammal-adress", redirect_page=method)
    response = member_client.get("/metoder/gammal-adress/")
    assert response.status_code in (301, 302) and response.url == method.url
