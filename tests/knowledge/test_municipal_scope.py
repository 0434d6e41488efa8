"""An editor works on their own municipality's articles; articles without one are the joint board's."""

from datetime import date, timedelta

import pytest

from django.urls import reverse

from accounts import roles
from accounts.models import Municipality
from knowledge.models import ArticleIndexPage, ArticlePage
from tests.factories import UserFactory


def person(role, municipality="sigtuna"):
    return UserFactory(roles=[role], municipality=Municipality.objects.get(slug=municipality))


@pytest.fixture
def article(sections):
    def make(title, municipality=None):
        page = ArticlePage(
            title=title,
            date=date(2026, 11, 1),
            summary="Kort.",
            municipality=Municipality.objects.get(slug=municipality) if municipality else None,
        )
        sections[ArticleIndexPage].add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


def can_do_anything(page, user):
    tester = page.permissions_for_user(user)
    return {
        "edit": tester.can_edit(),
        "publish": tester.can_publish(),
        "unpublish": tester.can_unpublish(),
        "delete": tester.can_delete(),
        "move": tester.can_move(),
    }


def test_an_editor_cannot_touch_another_municipalitys_article(client, article):
    jarfalla_news = article("Nytt från Järfälla", municipality="jarfalla")
    sigtuna_editor = person(roles.EDITOR)
    assert not any(can_do_anything(jarfalla_news, sigtuna_editor).values())
    client.force_login(sigtuna_editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[jarfalla_news.pk])).status_code != 200
    client.post(reverse("wagtailadmin_pages:unpublish", args=[jarfalla_news.pk]))
    client.post(reverse("wagtailadmin_pages:delete", args=[jarfalla_news.pk]))
    assert ArticlePage.objects.get(pk=jarfalla_news.pk).live


def test_an_editor_works_on_their_own_municipalitys_article(article):
    sigtuna_news = article("Nytt från Sigtuna", municipality="sigtuna")
    assert all(can_do_anything(sigtuna_news, person(roles.EDITOR)).values())


def test_an_article_without_municipality_is_for_the_board_and_administrators_only(article):
    board_news = article("Från redaktionen")
    assert not any(can_do_anything(board_news, person(roles.EDITOR)).values())
    assert all(can_do_anything(board_news, person(roles.BOARD, "sundbyberg")).values())
    assert can_do_anything(board_news, person(roles.ADMINISTRATOR))["edit"]


def test_an_editor_must_give_a_new_article_their_municipality(client, sections):
    editor = person(roles.EDITOR)
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=("knowledge", "articlepage", sections[ArticleIndexPage].pk))
    response = client.get(add_url)
    field = response.context["form"].fields["municipality"]
    assert field.required and list(field.queryset) == [editor.municipality]


def test_the_review_report_is_for_editors_and_shows_an_editor_only_their_municipality(client, make_method):
    due = date.today() - timedelta(days=800)
    make_method("Sigtunas metod", owner="sigtuna", last_reviewed=due)
    make_method("Järfällas metod", owner="jarfalla", last_reviewed=due)
    url = reverse("methods_to_review")
    for role in (roles.EMPLOYEE, roles.MODERATOR):
        client.force_login(person(role))
        response = client.get(url)  # Wagtail's admin turns "permission denied" into a way back home
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    client.force_login(person(roles.EDITOR))
    html = client.get(url).content.decode()
    assert "Sigtunas metod" in html and "Järfällas metod" not in html
    client.force_login(person(roles.BOARD, "sundbyberg"))
    html = client.get(url).content.decode()
    assert "Sigtunas metod" in html and "Järfällas metod" in html
