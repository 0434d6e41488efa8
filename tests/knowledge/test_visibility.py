"""Every list, count, feed and link shows a page only to those Wagtail would let open it."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import OuterRef
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction

from accounts import roles
from knowledge.models import (
    ArticleIndexPage,
    ArticlePage,
    ExperienceIndexPage,
    MethodIndexPage,
    MethodPage,
    MunicipalityPage,
    RelatedMethod,
    TopicPage,
    TopicPin,
)
from knowledge.visibility import is_visible_to, may_see_page, visible_pages
from tests.conftest import queries_for
from tests.factories import UserFactory
from tests.factories.events import make_event

SECRET = "Hemlig metod för ledningsgruppen"


def restrict(page, kind, groups=()):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="lösen")
    restriction.groups.set(Group.objects.filter(name__in=groups))
    return restriction


@pytest.fixture
def secret(make_method):
    """A method only editors may open, used in Sigtuna, tagged and related to an open method."""
    page = make_method(SECRET, owner="sigtuna", tags=["ledning"], used_in=[("sigtuna", "införd")])
    restrict(page, PageViewRestriction.GROUPS, groups=[roles.EDITOR])
    return page


def titles_visible_to(user, *pages):
    pages = Page.objects.filter(pk__in=[page.pk for page in pages])
    return set(visible_pages(pages, user).values_list("title", flat=True))


def test_a_groups_restriction_lets_only_its_members_and_superusers_see_the_page(secret, member, editor):
    superuser = UserFactory(is_superuser=True)
    assert titles_visible_to(member, secret) == set()
    assert titles_visible_to(editor, secret) == {SECRET}
    assert titles_visible_to(superuser, secret) == {SECRET}


def test_a_login_restriction_lets_everyone_signed_in_see_the_page(make_method, member):
    page = make_method("För inloggade")
    restrict(page, PageViewRestriction.LOGIN)
    assert titles_visible_to(member, page) == {"För inloggade"}


def test_a_password_restricted_page_is_never_listed_not_even_for_a_superuser(make_method):
    page = make_method("Med lösenord")
    restrict(page, PageViewRestriction.PASSWORD)
    assert titles_visible_to(UserFactory(is_superuser=True), page) == set()


def test_a_restriction_covers_every_page_below_it(sections, make_method, make_experience, member, editor):
    method = make_method("Öppen metod")
    experience = make_experience("Erfarenhet i skyddad del")
    restrict(sections[ExperienceIndexPage], PageViewRestriction.GROUPS, groups=[roles.EDITOR])
    assert titles_visible_to(member, method, experience) == {"Öppen metod"}
    assert titles_visible_to(editor, method, experience) == {"Öppen metod", "Erfarenhet i skyddad del"}


def test_drafts_are_never_visible(make_method, editor):
    draft = make_method("Utkast", publish=False, live=False)
    assert titles_visible_to(UserFactory(is_superuser=True), draft) == set()


def test_may_see_page_asked_of_people_and_is_visible_to_asked_in_memory_give_the_answers_of_visible_pages(
    sections, make_method, make_experience, member, editor
):
    """The rule turned round for notifying many people at once, and asked of a page held in memory, holds to the rule
    itself, case by case."""
    pages = [
        make_method("Öppen metod"),
        make_method("Utkast", publish=False, live=False),
        restrict(make_method("För inloggade"), PageViewRestriction.LOGIN).page,
        restrict(make_method("För redaktörer"), PageViewRestriction.GROUPS, groups=[roles.EDITOR]).page,
        restrict(make_method("Med lösenord"), PageViewRestriction.PASSWORD).page,
        make_experience("Erfarenhet i skyddad del"),
    ]
    restrict(sections[ExperienceIndexPage], PageViewRestriction.GROUPS, groups=[roles.EDITOR])
    people = [member, editor, UserFactory(is_superuser=True), UserFactory(roles=[])]
    for page in pages:
        asked_of_people = set(
            get_user_model()
            .objects.filter(may_see_page(page=page.pk, person=OuterRef("pk")), pk__in=[p.pk for p in people])
            .values_list("pk", flat=True)
        )
        asked_of_pages = {person.pk for person in people if titles_visible_to(person, page)}
        asked_in_memory = {person.pk for person in people if is_visible_to(Page.objects.get(pk=page.pk), person)}
        assert asked_of_people == asked_of_pages == asked_in_memory, page.title
    seen = {person.pk: titles_visible_to(person, *pages) for person in people}
    assert seen[member.pk] == {"Öppen metod", "För inloggade"}
    assert seen[editor.pk] == {"Öppen metod", "För inloggade", "För redaktörer", "Erfarenhet i skyddad del"}


def lists_of_pages(sections, secret, make_method, make_experience):
    """The URLs that list pages, each set up so that the secret method would appear on it."""
    open_method = make_method("Öppen metod")
    open_method.related_methods = [RelatedMethod(related=secret)]
    open_method.save_revision().publish()
    make_experience("Erfarenhet av båda", methods=[open_method, secret])
    topic = TopicPage(title="Ledning", slug="ledning", summary="Temat.")
    topic.pins = [TopicPin(pinned=secret)]
    sections[MethodIndexPage].get_parent().add_child(instance=topic)
    topic.save_revision().publish()
    experience = sections[ExperienceIndexPage].get_children().get().specific
    return [
        "/",
        sections[MethodIndexPage].url,
        sections[MethodIndexPage].url + "?tagg=ledning",
        MunicipalityPage.objects.get(municipality__slug="sigtuna").url,
        open_method.url,
        experience.url,
        topic.url,
        reverse("knowledge:method_feed"),
    ]


def test_no_list_shows_a_restricted_page_to_those_outside_it(
    client, member, editor, sections, secret, make_method, make_experience
):
    urls = lists_of_pages(sections, secret, make_method, make_experience)
    client.force_login(member)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode(), url
    client.force_login(editor)
    assert SECRET in client.get(sections[MethodIndexPage].url).content.decode()
    assert SECRET in client.get(reverse("knowledge:method_feed")).content.decode()


def test_the_method_page_lists_only_the_experiences_the_reader_may_see(
    client, member, editor, make_method, make_experience
):
    method = make_method("Trappan")
    hidden = make_experience("Erfarenhet för redaktörer", methods=[method])
    restrict(hidden, PageViewRestriction.GROUPS, groups=[roles.EDITOR])
    make_experience("Öppen erfarenhet", methods=[method])
    client.force_login(member)
    html = client.get(method.url).content.decode()
    assert "Öppen erfarenhet" in html and "Erfarenhet för redaktörer" not in html
    assert "1 erfarenhet från 1 kommun" in html
    client.force_login(editor)
    assert "Erfarenhet för redaktörer" in client.get(method.url).content.decode()


def test_the_knowledge_bank_counts_only_what_the_reader_may_see(client, member, editor, secret, make_method):
    make_method("Öppen metod")
    client.force_login(member)
    assert client.get(reverse("knowledge:bank")).context["sections"][0]["count"] == 1
    client.force_login(editor)
    assert client.get(reverse("knowledge:bank")).context["sections"][0]["count"] == 2


def test_articles_in_a_restricted_section_are_missing_from_the_start_page_and_their_list(client, member, sections):
    article = ArticlePage(title="Intern nyhet", slug="intern", date="2026-11-01", summary="Bara för redaktörer.")
    sections[ArticleIndexPage].add_child(instance=article)
    article.save_revision().publish()
    restrict(article, PageViewRestriction.LOGIN)
    restrict(article, PageViewRestriction.GROUPS, groups=[roles.EDITOR])
    client.force_login(member)
    assert "Intern nyhet" not in client.get("/").content.decode()
    assert "Intern nyhet" not in client.get(sections[ArticleIndexPage].url).content.decode()


def test_the_start_page_runs_the_same_queries_with_and_without_restrictions(member_client, make_method):
    for number in range(3):
        make_method(f"Metod {number}")
    member_client.get("/")
    few = queries_for(member_client, "/")
    for page in MethodPage.objects.all():
        restrict(page, PageViewRestriction.GROUPS, groups=[roles.EDITOR, roles.MODERATOR])
    assert queries_for(member_client, "/") == few


def test_the_knowledge_bank_and_a_tag_page_run_the_same_queries_for_2_and_12_pages(member_client, make_method):
    urls = [reverse("knowledge:bank"), reverse("knowledge:tag", args=["skola"])]
    for number in range(2):
        make_method(f"Metod {number}", tags=["skola", f"tagg {number}"])
    for url in urls:
        member_client.get(url)
    few = [queries_for(member_client, url) for url in urls]
    for number in range(2, 12):
        restrict(make_method(f"Metod {number}", tags=["skola", f"tagg {number}"]), PageViewRestriction.LOGIN)
        restrict(make_event(f"Workshop {number}", tags=["skola", f"tagg {number}"]), PageViewRestriction.LOGIN)
    assert [queries_for(member_client, url) for url in urls] == few
