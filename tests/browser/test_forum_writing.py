"""Writing in the forum in a real browser, keyboard only: mentions by full name, mentions pointed out before a post
goes out, drafts that survive a reload and a lost session, and the ways into the new-thread form."""

import re

import pytest
from playwright.sync_api import expect

from accounts import roles
from accounts.models import Municipality
from forum.mentions import person_url
from forum.models import Category, Notification, Thread
from knowledge.models import MethodIndexPage
from knowledge.services import ensure_sections
from tests.browser.helpers import choose_suggestion, sign_in
from tests.factories import MethodPageFactory, UserFactory, start_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUBMIT = ".compose__buttons button[type=submit]:not([name])"
PREVIEW = ".compose__buttons button[name=preview]"


def person(first_name, last_name, slug, email):
    return UserFactory(
        first_name=first_name,
        last_name=last_name,
        email=email,
        municipality=Municipality.objects.get(slug=slug),
        roles=[roles.EMPLOYEE],
    )


@pytest.fixture
def writer():
    return person("Wilma", "Skrivare", "sollentuna", "wilma.skrivare@sollentuna.example")


@pytest.fixture
def annas():
    return [
        person("Anna", "Larsson", "jarfalla", "anna.larsson@jarfalla.example"),
        person("Anna", "Larsson", "sigtuna", "anna.larsson@sigtuna.example"),
    ]


def fits_320_pixels(page):
    page.set_viewport_size({"width": 320, "height": 640})
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size({"width": 1280, "height": 800})
    return width <= 320


def test_a_mention_by_full_name_is_suggested_pointed_out_when_it_fits_nobody_and_becomes_a_link(
    signed_in, writer, annas, assert_accessible
):
    thread = start_thread(writer, title="Vem har erfarenhet av Trappan?")
    page = signed_in(writer)
    page.goto(thread.get_absolute_url())
    body = page.get_by_role("combobox", name="Text")
    body.focus()
    choose_suggestion(page, body, "Fråga @Anna La", while_open=assert_accessible)
    assert body.input_value() == "Fråga @Anna Larsson (Järfälla) "
    body.press_sequentially("och @Bertil Nyström om det.", delay=10)

    page.keyboard.press("Tab")  # to the send button, then send with the keyboard
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert thread.posts.count() == 1
    problems = page.locator("#mention-problems")
    expect(problems).to_contain_text("@Bertil Nyström motsvarar ingen kollega.")
    expect(page.locator(".preview [role=alert]")).to_contain_text("Inte publicerat än")
    link = page.locator(".preview .post__body a", has_text="@Anna Larsson (Järfälla)")
    assert link.get_attribute("href") == person_url(annas[0])
    assert_accessible(page)
    assert fits_320_pixels(page)

    page.locator(SUBMIT).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(f"**/forum/trad/{thread.pk}/**#inlagg-2")
    post = thread.posts.get(number=2)
    link = page.locator("#inlagg-2 .post__body a", has_text="@Anna Larsson (Järfälla)")
    assert link.get_attribute("href") == person_url(annas[0])
    assert "@Bertil Nyström" in page.locator("#inlagg-2 .post__body").inner_text()
    assert list(post.mentions.all()) == [annas[0]]
    assert Notification.objects.filter(recipient=annas[0], kind="mention").count() == 1
    assert not Notification.objects.filter(recipient=annas[1]).exists()
    assert_accessible(page)


def test_a_shared_name_is_shown_with_the_choices_in_the_preview(signed_in, writer, annas, assert_accessible):
    page = signed_in(writer)
    page.goto("/forum/ny/")
    page.get_by_label("Titel").fill("Vem vet mest om Trappan?")
    page.get_by_label("Kategori").select_option(label="Metodfrågor")
    page.get_by_role("combobox", name="Text").fill("Fråga @Anna Larsson om Trappan.")
    page.locator(PREVIEW).click()
    problems = page.locator("#mention-problems")
    expect(problems).to_contain_text("@Anna Larsson passar in på flera kollegor")
    assert problems.locator("code").all_inner_texts() == ["@Anna Larsson (Järfälla)", "@Anna Larsson (Sigtuna)"]
    assert page.locator(".preview [role=alert]").count() == 0  # asked for a preview: nothing was held back
    assert_accessible(page)
    assert fits_320_pixels(page)
    assert not Thread.objects.exists()


def test_a_reply_survives_a_reload_and_a_lost_session_and_is_forgotten_once_sent(
    signed_in, writer, password, assert_accessible
):
    thread = start_thread(writer, title="Hur ofta träffas ert nätverk?", body="Vi ses varannan månad.")
    page = signed_in(writer)
    page.goto(thread.get_absolute_url())
    body = page.get_by_role("combobox", name="Text")
    body.fill("Vi träffas en gång i månaden, och")
    page.wait_for_timeout(500)  # the draft is kept after a pause in typing

    page.reload()
    body = page.get_by_role("combobox", name="Text")
    assert body.input_value() == "Vi träffas en gång i månaden, och"
    notice = page.locator(".draft-notice")
    expect(notice).to_contain_text("Din osända text från")
    assert_accessible(page)
    assert fits_320_pixels(page)

    body.press("End")
    body.press_sequentially(" alla kommuner kommer.", delay=10)
    page.context.clear_cookies(name="sessionid")  # the session is lost while writing
    page.locator(SUBMIT).click()
    page.wait_for_url(re.compile(r"/logga-in/"))
    sign_in(page, writer.email, password)
    page.goto(f"/forum/trad/{thread.pk}/svara/")
    body = page.get_by_role("combobox", name="Text")
    assert body.input_value() == "Vi träffas en gång i månaden, och alla kommuner kommer."
    assert thread.posts.count() == 1

    page.locator(SUBMIT).click()
    page.wait_for_url(f"**/forum/trad/{thread.pk}/**#inlagg-2")
    assert thread.posts.get(number=2).body == "Vi träffas en gång i månaden, och alla kommuner kommer."
    page.reload()
    assert page.get_by_role("combobox", name="Text").input_value() == ""
    assert page.locator(".draft-notice").count() == 0
    assert page.evaluate("Object.keys(localStorage).filter((key) => key.startsWith('kf-draft:'))") == []


def test_a_quote_does_not_overwrite_a_draft_the_writer_chooses(signed_in, writer, assert_accessible):
    colleague = person("Bertil", "Nyström", "jarfalla", "bertil.nystrom@jarfalla.example")
    thread = start_thread(colleague, title="Tolk vid samtal", body="Vi bokar tolk via förvaltningen.")
    page = signed_in(writer)
    page.goto(thread.get_absolute_url())
    page.get_by_role("combobox", name="Text").fill("Hos oss bokar")
    page.wait_for_timeout(500)

    page.locator("#inlagg-1 a[href*='citera=']").click()
    page.wait_for_url("**/svara/?citera=*")
    body = page.get_by_role("combobox", name="Text")
    assert body.input_value().startswith("> **Bertil Nyström** skrev:\n> Vi bokar tolk")
    notice = page.locator(".draft-notice")
    expect(notice).to_contain_text("Du har en osänd text från")
    assert_accessible(page)
    notice.get_by_role("button", name="Återställ den").focus()
    page.keyboard.press("Enter")
    assert body.input_value() == "Hos oss bokar"
    assert page.evaluate("document.activeElement.name") == "body"

    page.reload()  # the restored draft goes on from here: one more reload brings it back unasked
    body = page.get_by_role("combobox", name="Text")
    page.locator(".draft-notice").get_by_role("button", name="Släng den").click()
    expect(page.locator(".draft-notice")).to_contain_text("Den osända texten är slängd.")
    assert body.input_value().startswith("> **Bertil Nyström** skrev:")


def test_logging_out_forgets_the_drafts(signed_in, writer):
    thread = start_thread(writer)
    page = signed_in(writer)
    page.goto(thread.get_absolute_url())
    page.get_by_role("combobox", name="Text").fill("Ett utkast")
    page.wait_for_timeout(500)
    assert len(page.evaluate("Object.keys(localStorage).filter((key) => key.startsWith('kf-draft:'))")) == 1
    page.locator(".user-menu__toggle").click()
    page.locator(".user-menu__logout").click()
    page.wait_for_load_state()
    assert page.evaluate("Object.keys(localStorage).filter((key) => key.startsWith('kf-draft:'))") == []


def test_ask_a_colleague_and_discuss_open_the_new_thread_form_ready_to_write(signed_in, writer, assert_accessible):
    sections = ensure_sections()
    method = MethodPageFactory(parent=sections[MethodIndexPage], title="Trappan", tags=["Skola", "Barn"])
    page = signed_in(writer)
    page.goto("/")
    page.get_by_role("link", name="Fråga en kollega").click()
    page.wait_for_url("**/forum/ny/")
    assert page.get_by_role("heading", level=1).inner_text() == "Starta en tråd"

    page.goto(method.url)
    page.get_by_role("link", name="Diskutera").click()
    page.wait_for_url(f"**/forum/ny/?sida={method.pk}")
    category = Category.objects.get(slug="metodfragor")
    assert page.get_by_label("Kategori").input_value() == str(category.pk)
    tags = page.get_by_role("combobox", name="Taggar")
    assert tags.input_value() == "Barn, Skola"
    assert_accessible(page)
    assert fits_320_pixels(page)

    page.get_by_label("Titel").fill("Hur många samtal behövs i Trappan?")
    page.get_by_role("combobox", name="Text").fill("Vi funderar på att börja.")
    page.locator(SUBMIT).click()
    page.wait_for_url(re.compile(r"/forum/trad/\d+/"))
    thread = Thread.objects.get()
    assert (thread.category, thread.knowledge_page.pk) == (category, method.pk)
    assert sorted(thread.tags.names()) == ["Barn", "Skola"]


def test_a_mention_added_by_editing_notifies_once(signed_in, writer, annas, assert_accessible):
    thread = start_thread(writer, title="Nätverksträff i höst")
    post = thread.posts.get()
    page = signed_in(writer)
    page.goto(f"/forum/inlagg/{post.pk}/redigera/")
    body = page.get_by_role("combobox", name="Text")
    body.press("Control+End")
    choose_suggestion(page, body, " Kommer @Anna Larsson (S", while_open=assert_accessible)
    assert body.input_value().endswith("Kommer @Anna Larsson (Sigtuna) ")
    assert_accessible(page)
    assert fits_320_pixels(page)
    page.locator(SUBMIT).click()
    page.wait_for_url(f"**/forum/trad/{thread.pk}/**#inlagg-1")
    assert Notification.objects.filter(recipient=annas[1], kind="mention", post=post).count() == 1

    page.goto(f"/forum/inlagg/{post.pk}/redigera/")
    page.get_by_role("combobox", name="Text").fill("Nätverksträff i höst. Kommer @Anna Larsson (Sigtuna) och du?")
    page.locator(SUBMIT).click()
    page.wait_for_url(f"**/forum/trad/{thread.pk}/**#inlagg-1")
    assert Notification.objects.filter(recipient=annas[1]).count() == 1
    assert not Notification.objects.filter(recipient=annas[0]).exists()
