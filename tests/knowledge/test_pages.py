from datetime import date, timedelta

import pytest

from django.urls import reverse

from wagtail.models import Site

from accounts.models import Municipality
from knowledge.models import ArticleIndexPage, ArticlePage, HomePage, MunicipalityIndexPage, MunicipalityPage
from tests.conftest import queries_for


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def article_index(home):
    index = ArticleIndexPage(title="Aktuellt", slug="aktuellt")
    home.add_child(instance=index)
    return index


def add_articles(index, count):
    add_articles_from(index, 0, count)


def add_articles_from(index, start, count):
    for number in range(start, start + count):
        article = ArticlePage(
            title=f"Nyhet {number}",
            slug=f"nyhet-{number}",
            summary="Kort om nyheten.",
            date=date(2026, 11, 1) + timedelta(days=number),
            municipality=Municipality.objects.get(slug="jarfalla"),
        )
        index.add_child(instance=article)


def test_the_site_root_is_the_home_page(member_client, home):
    response = member_client.get("/")
    assert response.status_code == 200
    assert response.context["page"].specific == home


def test_home_page_shows_every_section_with_an_empty_state(member_client, home):
    html = member_client.get("/").content.decode()
    for heading in [
        "Senaste metoderna",
        "Senaste erfarenheterna",
        "Aktiva diskussioner",
        "Kommande aktiviteter",
        "Kampanjmånaden",
    ]:
        assert heading in html
    assert html.count('class="empty-state"') >= 5


def test_home_page_lists_the_latest_news_newest_first(member_client, article_index):
    add_articles(article_index, 5)
    html = member_client.get("/").content.decode()
    assert html.index("Nyhet 4") < html.index("Nyhet 3") < html.index("Nyhet 2")
    assert "Nyhet 1" not in html


def test_main_navigation_and_sections_work(member_client, home):
    for path in [reverse("knowledge:bank"), reverse("forum:index"), "/kampanjmanaden/", reverse("search:search")]:
        response = member_client.get(path)
        assert response.status_code == 200, path
    html = member_client.get("/").content.decode()
    for label in ["Start", "Kunskapsbank", "Forum", "Kampanjmånaden"]:
        assert f">{label}</a>" in html


def test_article_listing_runs_the_same_queries_for_5_and_40_articles(member_client, article_index):
    add_articles(article_index, 5)
    member_client.get(article_index.url)  # first visit creates the editor's profile row
    few = queries_for(member_client, article_index.url)
    add_articles_from(article_index, 5, 35)
    many = queries_for(member_client, article_index.url)
    assert few == many
    assert many <= 22


def test_home_page_runs_the_same_queries_for_5_and_40_articles(member_client, article_index):
    add_articles(article_index, 5)
    member_client.get("/")
    few = queries_for(member_client, "/")
    add_articles_from(article_index, 5, 35)
    assert queries_for(member_client, "/") == few


@pytest.mark.parametrize("bad_page", ["abc", "-1", "0", "10000000000", "1.5", "%00"])
def test_bad_page_numbers_give_a_valid_page(member_client, article_index, bad_page):
    add_articles(article_index, 3)
    response = member_client.get(article_index.url, {"page": bad_page})
    assert response.status_code == 200


def test_municipality_pages_list_the_six(member_client, home):
    index = MunicipalityIndexPage(title="Kommunerna", slug="kommunerna")
    home.add_child(instance=index)
    for municipality in Municipality.objects.all():
        index.add_child(instance=MunicipalityPage(title=municipality.name, municipality=municipality))
    html = member_client.get(index.url).content.decode()
    for name in ["Upplands-Bro", "Järfälla", "Sigtuna", "Sollentuna", "Sundbyberg", "Upplands Väsby"]:
        assert name in html
    page = MunicipalityPage.objects.get(municipality__slug="sigtuna")
    assert "Metoder som används i Sigtuna" in member_client.get(page.url).content.decode()


def test_knowledge_bank_counts_what_is_published(member_client, article_index):
    add_articles(article_index, 3)
    html = member_client.get(reverse("knowledge:bank")).content.decode()
    assert "3 publicerade sidor" in html
    assert "Inga metoder har publicerats än" in html


def test_support_numbers_are_in_the_footer_as_phone_links(member_client, home):
    html = member_client.get("/").content.decode()
    for number, dial in [("116 006", "116006"), ("020-50 50 50", "020505050"), ("116 111", "116111")]:
        assert f'<a href="tel:{dial}">{number}</a>' in html
    assert '<a href="tel:112">112</a> / <a href="tel:11414">114 14</a>' in html


def test_editors_change_the_support_numbers_in_one_place(member_client, home):
    """The footer is kept rendered (intranet/templatetags/page_tags.py): a change shows on the next request."""
    from knowledge.models import SupportSettings

    assert "Brottsofferjouren" in member_client.get("/").content.decode()
    support = SupportSettings.load()
    support.lines = [("line", {"name": "Socialjouren", "number": "08-123 456 78", "note": "Kvällar och helger"})]
    support.save()
    html = member_client.get("/").content.decode()
    assert "Socialjouren" in html
    assert "Brottsofferjouren" not in html


def test_the_admin_start_page_greets_editors_with_the_sites_name(client, editor, home):
    assert Site.objects.get(is_default_site=True).site_name == "Kunskapsforum"
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "localhost" not in html
    assert "Kunskapsforum" in html
