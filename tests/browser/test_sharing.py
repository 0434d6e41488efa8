"""Sharing a method or an experience as a new colleague would: with the keyboard alone, without JavaScript,
on a phone, and on into Wagtail's editor in Swedish; and editors keeping the tag vocabulary."""

import re

import pytest
from playwright.sync_api import expect

from accounts import roles
from accounts.models import Municipality
from knowledge.models import ExperiencePage, MethodIndexPage, MethodLocalUse, MethodPage, TagSynonym
from knowledge.services import ensure_sections
from tests.browser.helpers import sign_in, wait_for_messages
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sigtuna(role, email):
    return UserFactory(roles=[role], municipality=Municipality.objects.get(slug="sigtuna"), email=email)


def tab_to(page, name, most=80):
    """Press Tab until the focused element is the one named; fail if it never comes."""
    for _ in range(most):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "(() => { const e = document.activeElement;"
            " return (e.labels && e.labels[0] ? e.labels[0].innerText : '') + '|' + (e.innerText || '') })()"
        )
        if name in focused:
            return
    pytest.fail(f"Tab never reached “{name}”")


def fits(page, width=320):
    return page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_new_colleague_shares_a_method_with_the_keyboard_alone(page, log_in, assert_accessible):
    ensure_sections()
    author = sigtuna(roles.EMPLOYEE, "ny.kollega@sigtuna.example")
    log_in(author)
    page.goto("/kunskapsbank/")

    tab_to(page, "Dela en metod")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kunskapsbank/dela/metod/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dela en metod")
    assert_accessible(page)

    tab_to(page, "Titel")
    page.keyboard.type("Trygga samtal i årskurs 8")
    page.keyboard.press("Tab")
    page.keyboard.type("Klassrumssamtal om heder, frihet och rättigheter, ledda av skolkurator.")
    page.keyboard.press("Tab")  # into the question of use, on the answer already chosen
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Ja, vi prövar den")).to_be_checked()
    tab_to(page, "Spara och fortsätt i redigeraren")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    method = MethodPage.objects.get()
    assert re.search(rf"/admin/pages/{method.pk}/edit/$", page.url)
    expect(page.get_by_text("Ditt utkast är sparat")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value("Trygga samtal i årskurs 8")
    expect(page.locator("#id_slug")).to_have_value("trygga-samtal-i-arskurs-8")
    assert [(use.municipality.slug, use.status) for use in method.local_uses.all()] == [
        ("sigtuna", MethodLocalUse.TRYING)
    ]

    page.goto("/kunskapsbank/dela/metod/")
    expect(page.get_by_role("heading", name="Du har ett utkast")).to_be_visible()
    expect(page.get_by_role("link", name="Trygga samtal i årskurs 8")).to_have_attribute(
        "href", f"/admin/pages/{method.pk}/edit/"
    )
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    page.reload()
    assert fits(page)


def test_the_first_step_shows_its_errors_accessibly_and_fits_a_phone(page, log_in, assert_accessible):
    ensure_sections()
    log_in(sigtuna(roles.EMPLOYEE, "kollega@sigtuna.example"))
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/kunskapsbank/dela/erfarenhet/")
    assert fits(page)
    page.get_by_label("Sammanfattning").fill("Ring Anna på 070-123 45 67.")
    page.get_by_role("button", name="Spara och fortsätt i redigeraren").click()
    # The error summary links to the field; the field says it again beside it.
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.get_by_role("link", name="Titel: Skriv en titel.")).to_have_attribute("href", "#id_title")
    expect(page.locator(".field__error", has_text="Skriv en titel.")).to_be_visible()
    expect(page.get_by_label("Jag har kontrollerat att inlägget inte innehåller uppgifter om enskilda")).to_be_visible()
    assert fits(page)
    assert_accessible(page)
    assert not ExperiencePage.objects.exists()


def test_sharing_works_without_javascript_and_can_go_straight_to_review(chromium, live_server, password):
    ensure_sections()
    author = sigtuna(roles.EMPLOYEE, "utan.js@sigtuna.example")
    sigtuna(roles.EDITOR, "redaktor@sigtuna.example")
    context = chromium.new_context(base_url=live_server.url, locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    sign_in(page, author.email, password)
    page.goto("/kunskapsbank/dela/erfarenhet/")
    page.get_by_label("Titel").fill("Samtalsgrupper för barn på fritidsgården")
    page.get_by_label("Sammanfattning").fill("Tio träffar för barn som upplevt våld hemma.")
    page.get_by_role("button", name="Skicka till granskning nu").click()
    page.wait_for_url("**/erfarenheter/")
    expect(page.get_by_text("har skickats till granskning")).to_be_visible()
    experience = ExperiencePage.objects.get()
    assert experience.slug == "samtalsgrupper-for-barn-pa-fritidsgarden"
    assert experience.workflow_in_progress
    page.goto("/kunskapsbank/dela/erfarenhet/")
    expect(page.get_by_text("väntar på granskning")).to_be_visible()
    context.close()


def test_the_editor_after_the_first_step_speaks_swedish_and_explains_the_levels(page, log_in, assert_accessible):
    ensure_sections()
    log_in(sigtuna(roles.EMPLOYEE, "skribent@sigtuna.example"))
    page.goto("/kunskapsbank/dela/metod/")
    page.get_by_label("Titel").fill("Våld i nära relationer – stöd för äldre")
    page.get_by_label("Sammanfattning").fill("Stödsamtal för äldre som utsätts för våld av en närstående.")
    page.get_by_role("button", name="Spara och fortsätt i redigeraren").click()
    page.wait_for_url("**/edit/")
    expect(page.locator("#id_slug")).to_have_value("vald-i-nara-relationer-stod-for-aldre")
    expect(page.get_by_text("Selektiv – För grupper med förhöjd risk")).to_be_attached()
    expect(page.get_by_text("Välj bland intranätets gemensamma taggar")).to_be_attached()
    expect(page.locator("#id_last_reviewed")).to_have_count(0)
    page.wait_for_timeout(3000)  # Wagtail notes the form as it was two seconds after it opened
    page.locator("#id_summary").fill("Stödsamtal för äldre som utsätts för våld av en närstående eller vårdare.")
    indicator = page.locator("#w-autosave-indicator")
    expect(indicator).to_have_attribute("data-w-tooltip-content-value", "Ändringarna har sparats automatiskt.")
    expect(indicator.locator(".w-autosave-indicator__state--saved")).to_have_text("Sparat")
    for english in ("Autosave", "Multi-word", "Changes have been"):
        expect(page.get_by_text(english)).to_have_count(0)
    assert "stöd för äldre" not in MethodPage.objects.get().slug


def test_a_method_started_in_the_editor_gets_an_ascii_address_and_its_owners_use_once(page, log_in):
    ensure_sections()
    log_in(sigtuna(roles.EDITOR, "redaktor.ny@sigtuna.example"))
    index = MethodIndexPage.objects.get()
    page.goto(f"/admin/pages/add/knowledge/methodpage/{index.pk}/")
    expect(page.locator("#id_local_uses-0-municipality")).to_have_value(
        str(Municipality.objects.get(slug="sigtuna").pk)
    )
    page.wait_for_timeout(3000)
    page.locator("#id_title").fill("Öppna förskolan för föräldrar")
    page.locator("#id_summary").fill("Föräldragrupper i öppna förskolan.")
    expect(page.locator("#id_slug")).to_have_value("oppna-forskolan-for-foraldrar")
    expect(page.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-tooltip-content-value", "Ändringarna har sparats automatiskt."
    )
    page.locator("#id_summary").fill("Föräldragrupper i öppna förskolan, tio träffar.")
    page.wait_for_function("() => window.location.pathname.endsWith('/edit/')")
    page.wait_for_timeout(2000)
    method = MethodPage.objects.get()
    assert method.slug == "oppna-forskolan-for-foraldrar"
    latest = method.get_latest_revision_as_object()
    assert latest.summary == "Föräldragrupper i öppna förskolan, tio träffar."
    assert [use.municipality.slug for use in latest.local_uses.all()] == ["sigtuna"]


def test_a_typo_in_the_tag_field_is_refused_in_swedish_and_a_synonym_is_accepted(page, log_in, make_method):
    make_method("I bruk", owner="sigtuna", tags=["hedersrelaterat våld"])
    from taggit.models import Tag

    TagSynonym.objects.create(name="hedersvåld", tag=Tag.objects.get(name="hedersrelaterat våld"))
    log_in(sigtuna(roles.EMPLOYEE, "taggar@sigtuna.example"))
    page.goto("/kunskapsbank/dela/metod/")
    page.get_by_label("Titel").fill("Taggad metod")
    page.get_by_label("Sammanfattning").fill("Kort.")
    page.get_by_role("button", name="Spara och fortsätt i redigeraren").click()
    page.wait_for_url("**/edit/")
    tags = page.locator("#id_tags")
    tags.evaluate("(input, value) => { input.value = value }", "hedersvlåd")
    with page.expect_navigation():
        page.evaluate("document.querySelector('button[name=action-submit]').click()")
    expect(page.get_by_text("Taggen “hedersvlåd” finns inte bland de gemensamma taggarna")).to_be_visible()
    page.locator("#id_tags").evaluate("(input, value) => { input.value = value }", "hedersvåld")
    with page.expect_navigation():
        page.evaluate("document.querySelector('button[name=action-submit]').click()")
    method = MethodPage.objects.get(title="Taggad metod")
    assert [tag.name for tag in method.get_latest_revision_as_object().tags.all()] == ["hedersrelaterat våld"]
    assert method.workflow_in_progress


def test_an_editor_merges_a_misspelt_tag_into_the_right_one(page, log_in, assert_accessible, make_method):
    make_method("Rätt", owner="sigtuna", tags=["hedersrelaterat våld"])
    make_method("Fel", owner="sigtuna", tags=["hedersrelaterat vld"])
    log_in(sigtuna(roles.EDITOR, "redaktor.taggar@sigtuna.example"))
    page.goto("/admin/snippets/taggit/tag/")
    expect(page.get_by_role("link", name="hedersrelaterat vld")).to_be_visible()
    assert_accessible(page)
    from taggit.models import Tag

    typo = Tag.objects.get(name="hedersrelaterat vld")
    page.goto(f"/admin/snippets/taggit/tag/merge/{typo.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Slå ihop “hedersrelaterat vld”")
    assert_accessible(page)
    page.get_by_label("Slå ihop med").select_option(label="hedersrelaterat våld")
    page.get_by_label("Slå ihop med").focus()
    tab_to(page, "Slå ihop")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("har slagits ihop med")
    wait_for_messages(page)
    assert_accessible(page)
    assert not Tag.objects.filter(name="hedersrelaterat vld").exists()
    assert TagSynonym.objects.get(name="hedersrelaterat vld").tag.name == "hedersrelaterat våld"
    page.goto("/admin/snippets/knowledge/tagsynonym/")
    expect(page.get_by_role("link", name="hedersrelaterat vld")).to_be_visible()
    assert_accessible(page)
    page.goto("/admin/snippets/knowledge/tagsynonym/add/")
    page.locator("#id_name").fill("hedersrelaterat")
    page.locator("#id_tag").select_option(label="hedersrelaterat våld")
    page.get_by_role("button", name="Spara").click()
    wait_for_messages(page)
    assert_accessible(page)
    assert TagSynonym.objects.filter(name="hedersrelaterat").exists()
    page.set_viewport_size({"width": 320, "height": 800})
    for path in ("/admin/snippets/taggit/tag/", f"/admin/snippets/taggit/tag/merge/{Tag.objects.get().pk}/"):
        page.goto(path)
        assert fits(page), path
