"""With the keyboard alone: the header's suggestions, the user menu, forms sent with mistakes, the preview and the
listings' filters, each checked with axe in the state a person reaches (the list open, the errors shown)."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.factories import forum_category, start_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The colours a person sees of an element: its text, and the first background behind it that is not transparent.
COLOURS = """element => {
    let behind = element;
    let background = getComputedStyle(behind).backgroundColor;
    while (behind && /rgba\\(.*, 0\\)|transparent/.test(background)) {
        behind = behind.parentElement;
        background = behind ? getComputedStyle(behind).backgroundColor : "rgb(255, 255, 255)";
    }
    return [getComputedStyle(element).color, background];
}"""
# The heading a heading sits under: the nearest one before it of a higher level.
PARENT_HEADING = """element => {
    const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")];
    const level = Number(element.tagName[1]);
    for (let index = headings.indexOf(element) - 1; index >= 0; index--) {
        const heading = headings[index];
        if (Number(heading.tagName[1]) < level) { return heading.id || heading.textContent.trim(); }
    }
    return null;
}"""
# Whether a person sees the focused element: nothing (an open menu) lies over its middle.
FOCUSED_IS_UNCOVERED = """() => {
    const focused = document.activeElement;
    const box = focused.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return focused === top || focused.contains(top);
}"""


def contrast(foreground, background):
    def luminance(colour):
        red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", colour)[:3])
        linear = [part / 12.92 if part <= 0.03928 else ((part + 0.055) / 1.055) ** 2.4 for part in (red, green, blue)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def active(page, script="element => element.id"):
    return page.evaluate(f"({script})(document.activeElement)")


def tab_to(page, selector, limit=60):
    """Press Tab until the focused element matches `selector`, as a keyboard user moves through the page."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.fixture
def content(make_method):
    for number, owner in enumerate(["sigtuna", "jarfalla", "sundbyberg", "sollentuna"]):
        make_method(f"Hedersförtryck och skolan {number}", owner=owner, target_groups=["unga"], tags=["skola"])


def test_the_header_suggestions_are_readable_and_escape_closes_only_the_list(
    page, member, log_in, content, assert_accessible
):
    log_in(member)
    box = page.get_by_role("combobox", name="Sök på intranätet")
    box.wait_for()  # the script has made the field a combobox: it listens to the keys
    tab_to(page, "#site-search-q")
    page.keyboard.type("heder")
    page.locator("#site-search-q-suggestions [role=option]").first.wait_for()
    status = page.locator(".site-search [role=status]")
    assert re.match(r"\d+ förslag", status.inner_text())

    page.keyboard.press("ArrowDown")
    highlighted = page.locator("#site-search-q-suggestions [aria-selected=true]")
    assert highlighted.count() == 1
    for option in page.locator("#site-search-q-suggestions [role=option]").all():
        assert contrast(*option.evaluate(COLOURS)) >= 4.5, option.inner_text()
    assert contrast(*highlighted.evaluate(COLOURS)) >= 4.5
    # axe judges the colours only while the list is open and one option is highlighted.
    assert_accessible(page)

    page.keyboard.press("Escape")
    assert page.locator("#site-search-q-suggestions").is_hidden()
    assert box.input_value() == "heder"
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    assert status.inner_text() == ""

    page.keyboard.type("xqz")
    page.wait_for_function("() => document.querySelector('.site-search [role=status]').textContent === 'Inga förslag'")
    assert page.locator("#site-search-q-suggestions").is_hidden()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=hederxqz" in page.url


def test_the_suggestion_count_agrees_with_its_number_in_english(page, member, log_in, content):
    log_in(member)
    page.context.add_cookies([{"name": "kf_language", "value": "en", "url": page.url}])
    page.goto("/")
    box = page.get_by_role("combobox", name="Search the intranet")
    box.press_sequentially("skolan 0", delay=30)
    status = page.locator(".site-search [role=status]")
    expect(status).to_have_text("1 suggestion; use the arrow keys to choose")
    box.fill("")
    box.press_sequentially("hedersf", delay=30)
    expect(status).to_have_text(re.compile(r"^[2-9] suggestions; use the arrow keys to choose$"))


def test_the_user_menu_closes_with_escape_and_when_focus_leaves_it(page, member, log_in, assert_accessible):
    log_in(member)
    menu = page.locator(".user-menu")
    tab_to(page, ".user-menu__toggle")
    page.keyboard.press("Enter")
    assert menu.get_attribute("open") is not None
    assert_accessible(page)

    page.keyboard.press("Tab")
    assert active(page, "element => element.textContent.trim()") == "Min profil"
    page.keyboard.press("Escape")
    assert menu.get_attribute("open") is None
    assert active(page, "element => element.className") == "user-menu__toggle"

    page.keyboard.press("Enter")
    tab_to(page, ".user-menu__logout")
    assert menu.get_attribute("open") is not None
    page.keyboard.press("Tab")
    assert active(page, "element => element.closest('.user-menu') === null")
    assert menu.get_attribute("open") is None
    assert page.evaluate(FOCUSED_IS_UNCOVERED)

    # A click elsewhere closes it as well.
    page.locator(".user-menu__toggle").click()
    assert menu.get_attribute("open") is not None
    page.locator("h1").click()
    assert menu.get_attribute("open") is None


def test_a_thread_sent_empty_shows_a_focused_error_summary_that_leads_to_the_field(
    page, member, log_in, assert_accessible
):
    log_in(member)
    page.goto("/forum/ny/")
    tab_to(page, "#id_title")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile(r"^Fel: Starta en tråd"))
    assert active(page, "element => element.className") == "error-summary"
    assert_accessible(page)

    page.keyboard.press("Tab")
    assert active(page, "element => element.getAttribute('href')") == "#id_title"
    page.keyboard.press("Enter")
    assert active(page) == "id_title"
    assert "id_title_error" in page.locator("#id_title").get_attribute("aria-describedby").split()
    assert page.locator("#id_title_error").text_content().strip() == "Fel: Ge tråden en titel."


def test_a_preview_takes_focus(page, member, log_in, assert_accessible):
    log_in(member)
    page.goto(f"/forum/ny/?kategori={forum_category().slug}")
    page.locator("#id_title").fill("Hur pratar ni om heder i skolan?")
    page.locator("#id_kind_0").check()
    page.locator("#id_body").fill("Vi vill höra hur **ni** gör.")
    tab_to(page, "button[name=preview]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert active(page) == "preview"
    assert not page.title().startswith("Fel")
    assert page.locator("#preview strong").inner_text() == "ni"
    assert_accessible(page)


def test_a_failed_login_says_fel_and_starts_at_the_error(page, member, assert_accessible):
    page.goto("/logga-in/")
    assert active(page) == "id_username"
    page.keyboard.type(member.email)
    page.keyboard.press("Tab")
    page.keyboard.type("fel lösenord")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.title() == "Fel: Logga in – Kunskapsforum"
    assert active(page, "element => element.className") == "error-summary"
    assert "E-postadressen eller lösenordet är fel" in page.locator(".error-summary").inner_text()
    assert_accessible(page)


def test_the_method_listing_skips_its_filters_and_answers_a_filter_at_the_results(
    page, member, log_in, content, assert_accessible
):
    log_in(member)
    page.goto("/metoder/")
    assert active(page, "element => element.tagName") == "BODY"
    tab_to(page, ".skip-to-results")
    assert page.locator(".skip-to-results").bounding_box()["width"] > 20  # shown while focused
    assert page.locator(".skip-to-results").inner_text() == "Hoppa till resultaten"
    assert_accessible(page)
    page.keyboard.press("Enter")
    assert active(page) == "results"
    page.keyboard.press("Tab")
    assert active(page, "element => element.closest('.card') !== null")

    first_title = page.locator(".card__title").first
    assert first_title.evaluate(PARENT_HEADING) == "results"

    tab_to(page, ".filters input[type=checkbox]")
    page.keyboard.press("Space")
    tab_to(page, ".filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "?" in page.url
    assert active(page) == "results"
    assert re.match(r"\d+ träff", page.locator("#results").inner_text())
    assert_accessible(page)


def test_the_search_page_answers_at_its_results_and_skips_its_facets(page, member, log_in, content, assert_accessible):
    start_thread(title="Hedersförtryck på fritidsgården", body="Hur gör ni?")
    log_in(member)
    tab_to(page, "#site-search-q")
    page.keyboard.type("hedersförtryck")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert active(page) == "results"
    assert "träffar för" in page.locator("#results").inner_text()
    assert page.locator(".search-result__title").first.evaluate(PARENT_HEADING) == "results"
    assert page.locator(".skip-to-results").count() == 1
    assert_accessible(page)

    page.get_by_role("navigation", name="Avgränsa sökningen").get_by_role("link", name="Järfälla").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "kommun=jarfalla" in page.url
    assert active(page) == "results"


def test_the_forum_answers_a_filter_at_its_threads(page, member, log_in, assert_accessible):
    start_thread(title="Samverkan med skolan")
    log_in(member)
    page.goto("/forum/")
    assert active(page, "element => element.tagName") == "BODY"
    assert page.locator(".thread-row__title").first.evaluate(PARENT_HEADING) == "results"
    page.locator("#filter-status").select_option("olosta")
    tab_to(page, ".filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert active(page) == "results"
    assert page.locator("#results").inner_text() == "1 tråd"
    assert_accessible(page)


def test_english_interface_marks_swedish_content_and_names_the_post_link_by_its_text(
    page, member, log_in, assert_accessible
):
    thread = start_thread(title="Samverkan med skolan", body=f"Ett inlägg {uuid.uuid4().hex[:6]}.")
    log_in(member)
    page.context.add_cookies([{"name": "kf_language", "value": "en", "url": page.url}])
    page.goto(thread.get_absolute_url())
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").get_attribute("lang") == "sv"
    assert page.locator(".post__body").first.get_attribute("lang") == "sv"
    # Its name starts with what it shows; the rest is for screen readers only.
    link = page.get_by_role("link", name=re.compile(r"^#1 \(link to this post\)$"))
    assert link.evaluate("element => element.firstChild.textContent") == "#1"
    assert link.locator(".visually-hidden").bounding_box()["width"] <= 1
    assert_accessible(page)


def test_the_changed_pages_hold_at_320_pixels(page, member, log_in, content):
    page.set_viewport_size({"width": 320, "height": 640})
    log_in(member)
    for path in ["/metoder/?ordning=titel", "/sok/?q=heder", "/forum/ny/?", "/forum/?status=olosta"]:
        page.goto(path)
        if path == "/forum/ny/?":
            page.locator(".compose button[type=submit]").first.click()
            page.wait_for_selector(".error-summary")
        tab_to(page, ".skip-to-results, .error-summary a")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
