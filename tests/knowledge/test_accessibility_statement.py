"""The accessibility statement: made by a migration in DIGG's words, linked from every page's footer, kept by the
joint editorial board in Wagtail."""

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text

from accounts import roles
from knowledge.models import AccessibilityStatementPage, Compliance
from tests.factories.people import UserFactory

pytestmark = pytest.mark.django_db

DIGG_HEADINGS = [
    "Hur tillgänglig är webbplatsen?",
    "Vad kan du göra om du inte kan använda delar av webbplatsen?",
    "Rapportera brister i webbplatsens tillgänglighet",
    "Tillsyn",
    "Teknisk information om webbplatsens tillgänglighet",
    "Innehåll som inte är tillgängligt",
    "Hur vi testat webbplatsen",
]


@pytest.fixture
def statement():
    return AccessibilityStatementPage.objects.get()


def test_the_migration_publishes_a_statement_with_diggs_headings(statement):
    assert statement.live
    assert statement.title == "Tillgänglighet för Kunskapsforum"
    assert statement.compliance == Compliance.PARTIALLY
    for heading in DIGG_HEADINGS:
        assert f"<h2>{heading}</h2>" in statement.body
    assert "https://www.digg.se/tdosanmalan" in statement.body
    assert "WCAG 2.1" in statement.body and "axe-core" in statement.body


def test_every_page_links_to_the_statement_from_its_footer(member_client, statement):
    for url in ["/", reverse("accounts:profile"), reverse("forum:index")]:
        page = member_client.get(url).content.decode()
        assert f'href="{reverse("knowledge:accessibility")}"' in page
        assert "Tillgänglighetsredogörelse" in page

    response = member_client.get(reverse("knowledge:accessibility"))
    assert response.status_code == 302 and response["Location"] == statement.url


def test_the_statement_reads_in_both_languages(member_client, statement):
    page = member_client.get(statement.url).content.decode()
    assert "Delvis förenlig" in page and "Hur vi testat webbplatsen" in page
    member_client.post("/sprak/", {"language": "en", "next": "/"})
    english = member_client.get(statement.url).content.decode()
    assert "Partially compliant" in english
    assert 'lang="sv"' in english  # the Swedish content is marked inside the English interface


def test_without_a_published_statement_the_footer_link_finds_nothing(member_client, statement):
    statement.unpublish()
    assert member_client.get(reverse("knowledge:accessibility")).status_code == 404


def test_the_joint_editorial_board_edits_the_statement_in_wagtail(client, statement):
    board_member = UserFactory(roles=[roles.BOARD, roles.EDITOR])
    client.force_login(board_member)
    data = nested_form_data(
        {
            "title": statement.title,
            "slug": statement.slug,
            "compliance": Compliance.FULLY,
            "body": rich_text("<h2>Hur tillgänglig är webbplatsen?</h2><p>Helt förenlig.</p>"),
            "tested_on": "2027-01-15",
            "statement_date": "2027-01-15",
            "contact_email": "tillganglighet@sollentuna.se",
            "action-publish": "publish",
        }
    )

    response = client.post(reverse("wagtailadmin_pages:edit", args=[statement.pk]), data)

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.compliance == Compliance.FULLY and "Helt förenlig." in statement.body
    assert statement.contact_email == "tillganglighet@sollentuna.se"


def test_the_address_for_reports_is_on_the_statement_and_on_the_login_page(member_client, statement):
    statement.contact_email = "tillganglighet@sollentuna.se"
    statement.save_revision().publish()
    mailto = 'href="mailto:tillganglighet@sollentuna.se"'
    assert mailto in member_client.get(statement.url).content.decode()
    # Whom the login stops cannot read the statement behind it: the login page's footer gives the address.
    login_page = Client().get(reverse("accounts:login")).content.decode()
    assert mailto in login_page and "Skriv till" in login_page
    assert f'href="{reverse("knowledge:accessibility")}"' not in login_page  # a link that would only lead back


def test_without_an_address_the_login_page_offers_none(client, statement):
    assert statement.contact_email == ""
    login_page = client.get(reverse("accounts:login")).content.decode()
    assert "mailto:" not in login_page
