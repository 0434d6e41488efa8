"""The forum in a real browser: writing, answering, the personal-data guard, reports and moderation.

The forum's own strings may not be translated yet, so buttons are found by where
they are (their form or link target) rather than by their Swedish wording.
"""

import re

import pytest
from playwright.sync_api import expect

from taggit.models import Tag

from accounts import roles
from accounts.models import Municipality
from forum.models import Post, Report, Thread
from privacy.guard import is_valid_identity_number
from tests.browser.helpers import choose_suggestion
from tests.factories import UserFactory, forum_category, start_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

IDENTITY_NUMBER = "19850709-9805"  # invented, but passes the Luhn check like a real one
SUBMIT = ".compose__buttons button[type=submit]:not([name])"
PREVIEW = ".compose__buttons button[name=preview]"


@pytest.fixture
def astrid():
    return UserFactory(
        first_name="Astrid",
        last_name="Holm",
        email="astrid.holm@sigtuna.example",
        municipality=Municipality.objects.get(slug="sigtuna"),
        roles=[roles.EMPLOYEE],
    )


@pytest.fixture
def bertil():
    return UserFactory(
        first_name="Bertil",
        last_name="Nyström",
        email="bertil.nystrom@jarfalla.example",
        municipality=Municipality.objects.get(slug="jarfalla"),
        roles=[roles.EMPLOYEE],
    )


@pytest.fixture
def vocabulary():
    return [
        Tag.objects.create(name=name, slug=slug)
        for name, slug in [
            ("orosanmälan", "orosanmalan"),
            ("skola", "skola"),
            ("skolkurator", "skolkurator"),
        ]
    ]


def test_a_member_starts_a_tagged_thread_and_a_colleague_replies_with_a_quote_and_a_mention(
    signed_in, astrid, bertil, vocabulary, assert_accessible
):
    author = signed_in(astrid)
    author.goto("/forum/")
    author.locator(".forum-actions a.button").click()
    author.wait_for_url("**/forum/ny/")
    assert_accessible(author)

    author.locator(SUBMIT).click()
    assert author.locator(".field--error").count() >= 3  # title, category and text are missing
    assert_accessible(author)

    author.locator("#id_title").fill("Hur gör ni när skolan gör en orosanmälan?")
    author.locator("#id_category").select_option(value=str(forum_category("barn-och-unga").pk))
    tags = author.locator("#id_tags")
    choose_suggestion(author, tags, "oros")
    assert tags.input_value() == "orosanmälan, "
    choose_suggestion(author, tags, "sko", while_open=assert_accessible)
    assert tags.input_value() == "orosanmälan, skola, "
    author.locator("#id_body").fill("Vi vill veta hur **skolan** och socialtjänsten samarbetar.")
    author.locator(PREVIEW).click()
    assert author.locator("#preview .post__body strong").inner_text() == "skolan"
    assert author.locator("#id_tags").input_value().startswith("orosanmälan, skola")
    assert Thread.objects.count() == 0
    assert_accessible(author)

    author.locator(SUBMIT).click()
    author.wait_for_url(re.compile(r"/forum/trad/\d+/"))
    thread = Thread.objects.get()
    assert sorted(tag.name for tag in thread.tags.all()) == ["orosanmälan", "skola"]
    assert author.get_by_role("heading", level=1).inner_text() == "Hur gör ni när skolan gör en orosanmälan?"
    assert author.locator(".thread__header .tag").all_inner_texts() == ["orosanmälan", "skola"]
    assert_accessible(author)

    colleague = signed_in(bertil)
    colleague.goto("/forum/")
    row = colleague.locator(".thread-row", has_text=thread.title)
    assert "thread-row--unread" in row.get_attribute("class")
    expect(row.locator(".badge--new")).to_be_visible()
    assert_accessible(colleague)
    row.get_by_role("link", name=thread.title).click()
    colleague.wait_for_url(f"**/forum/trad/{thread.pk}/**")
    colleague.locator("#inlagg-1 a[href*='citera=']").click()
    colleague.wait_for_url(f"**/forum/trad/{thread.pk}/svara/?citera=*")
    body = colleague.locator("#id_body")
    assert body.input_value().startswith("> **Astrid Holm**")
    body.focus()
    body.press("Control+End")
    choose_suggestion(colleague, body, "Vi ringer skolan direkt, @As", while_open=assert_accessible)
    assert body.input_value().endswith("Vi ringer skolan direkt, @Astrid Holm ")
    assert_accessible(colleague)
    colleague.locator(SUBMIT).click()
    colleague.wait_for_url(f"**/forum/trad/{thread.pk}/**")
    expect(colleague.locator("#inlagg-2 .post__body blockquote")).to_be_visible()
    reply = Post.objects.get(thread=thread, number=2)
    assert list(reply.quotes.all()) == [thread.posts.get(number=1)]
    assert list(reply.mentions.all()) == [astrid]

    author.goto("/forum/")
    assert author.locator(".notifications-link__count").inner_text() == "1"
    author.locator(".notifications-link").click()  # opens the latest in place; the centre has them all
    author.locator("#notifications-menu-panel").get_by_role("link", name="Alla notiser").click()
    author.wait_for_url("**/forum/notiser/")
    notification = author.locator(".notification--unread .notification__link")
    assert "Bertil Nyström" in notification.inner_text()
    assert thread.title in notification.inner_text()
    assert_accessible(author)
    notification.click()
    author.wait_for_url(f"**/forum/trad/{thread.pk}/**#inlagg-2")
    assert author.locator(".notifications-link__count").count() == 0


def test_the_author_marks_a_colleagues_reply_helpful_and_as_the_answer(
    signed_in, astrid, bertil, vocabulary, assert_accessible
):
    from forum import services

    thread = start_thread(astrid, title="Vem kallar till samverkansmöte?", tags=["skola"])
    services.reply(thread, author=bertil, body="Den som gjorde orosanmälan kallar, brukar vi säga.")
    author = signed_in(astrid)
    author.goto(thread.get_absolute_url())
    assert author.locator("#inlagg-1 form[action$='/hjalpsamt/']").count() == 0  # never one's own post

    helpful = author.locator("#inlagg-2 form[action$='/hjalpsamt/'] button")
    assert helpful.get_attribute("aria-pressed") == "false"
    helpful.focus()
    with author.expect_navigation():
        author.keyboard.press("Enter")
    helpful = author.locator("#inlagg-2 form[action$='/hjalpsamt/'] button")
    assert helpful.get_attribute("aria-pressed") == "true"
    assert "(1)" in helpful.inner_text()

    author.locator("#inlagg-2 form[action$='/svaret/'] button").click()
    author.wait_for_load_state()
    expect(author.locator(".thread__header .badge--solved")).to_be_visible()
    assert "post--answer" in author.locator("#inlagg-2").get_attribute("class")
    thread.refresh_from_db()
    assert thread.answer.number == 2
    assert_accessible(author)

    author.goto("/forum/?status=losta")
    expect(author.locator(".thread-row", has_text=thread.title).locator(".badge--solved")).to_be_visible()
    author.locator("#filter-status").select_option("olosta")
    author.locator(".filters button[type=submit]").click()
    author.wait_for_url("**status=olosta**")
    assert author.locator(".thread-row", has_text=thread.title).count() == 0


def test_the_guard_stops_an_identity_number_and_asks_before_a_phone_number_is_saved(
    signed_in, astrid, bertil, assert_accessible
):
    assert is_valid_identity_number(IDENTITY_NUMBER)
    thread = start_thread(astrid, title="Kontakt med skolan under utredning")
    page = signed_in(bertil)
    page.goto(thread.get_absolute_url())

    page.locator("#id_body").fill(f"Flickan med personnummer {IDENTITY_NUMBER} har bytt skola.")
    page.locator(SUBMIT).click()
    page.wait_for_url(f"**/forum/trad/{thread.pk}/svara/")
    error = page.locator(".field--error .field__error")
    assert "19850709-****" in error.inner_text()
    assert "9805" not in error.inner_text()
    assert thread.posts.count() == 1
    assert page.locator("input[name=personal_data_confirmed]").count() == 0
    assert_accessible(page)

    page.locator("#id_body").fill("Ring mig på 070-123 45 67 så berättar jag hur vi gjorde.")
    page.locator(SUBMIT).click()
    confirmation = page.locator("input[name=personal_data_confirmed]")
    expect(confirmation).to_be_visible()
    assert re.search(
        "I have checked that the post contains no information about individuals"
        "|Jag har kontrollerat att inlägget inte innehåller uppgifter om enskilda",
        page.locator(".field--confirm label").inner_text(),
    )
    assert "070-*** ** 67" in page.locator(".field--confirm .field__error").inner_text()
    assert thread.posts.count() == 1
    assert_accessible(page)

    confirmation.check()
    page.locator(SUBMIT).click()
    page.wait_for_url(f"**/forum/trad/{thread.pk}/**#inlagg-2")
    assert thread.posts.get(number=2).body.startswith("Ring mig på 070-123 45 67")


def test_a_reported_post_reaches_the_moderation_queue_and_a_moderator_hides_it(
    signed_in, astrid, bertil, assert_accessible
):
    from forum import services

    moderator = UserFactory(
        first_name="Maja",
        last_name="Moderator",
        email="maja.moderator@sollentuna.example",
        municipality=Municipality.objects.get(slug="sollentuna"),
        roles=[roles.EMPLOYEE, roles.MODERATOR],
    )
    thread = start_thread(astrid, title="Tolk vid samtal med föräldrar")
    services.reply(thread, author=bertil, body="Vi bokar alltid tolk via förvaltningen.")
    offending = services.reply(thread, author=astrid, body="Familjen på Storgatan 4 vet ni nog vilka det är.")

    reporter = signed_in(bertil)
    reporter.goto(thread.get_absolute_url())
    reporter.locator(f"#inlagg-{offending.number} a[href$='/rapportera/']").click()
    reporter.wait_for_url(f"**/forum/inlagg/{offending.pk}/rapportera/")
    reporter.locator(".form button[type=submit]").click()
    expect(reporter.locator(".field--error")).to_be_visible()  # no reason chosen
    assert_accessible(reporter)
    reporter.locator("input[name=reason][value=personal_data]").check()
    reporter.locator("#id_explanation").fill("Adressen pekar ut en familj.")
    reporter.locator(".form button[type=submit]").click()
    reporter.wait_for_url(f"**/forum/trad/{thread.pk}/**#inlagg-{offending.number}")
    expect(reporter.locator(".messages .message--success")).to_be_visible()
    report = Report.objects.get()
    assert (report.post, report.reporter, report.reason) == (offending, bertil, "personal_data")

    desk = signed_in(moderator)
    desk.goto("/admin/forum/moderering/")
    queued = desk.locator("table.listing tbody tr", has_text="Adressen pekar ut en familj.")
    assert queued.count() == 1
    assert_accessible(desk)
    queued.locator(f"a[href$='/moderering/inlagg/{offending.pk}/']").click()
    desk.wait_for_url(f"**/admin/forum/moderering/inlagg/{offending.pk}/")
    assert "Storgatan 4" in desk.locator(".forum-admin-source").first.inner_text()
    assert_accessible(desk)
    desk.locator("#id_hide-reason").fill("Pekar ut en familj.")
    with desk.expect_navigation():
        desk.locator("form.forum-admin-form:has(input[name=action][value=hide]) button[type=submit]").click()
    offending.refresh_from_db()
    assert offending.is_hidden
    assert offending.hidden_reason == "Pekar ut en familj."
    assert not Report.objects.open().exists()
    # Wagtail fades its messages in; checking contrast mid-fade would measure a paler green.
    expect(desk.locator(".messages > ul")).to_have_css("opacity", "1")
    assert_accessible(desk)

    reporter.reload()
    hidden = reporter.locator(f"#inlagg-{offending.number}")
    assert "Storgatan" not in hidden.inner_text()
    expect(hidden.locator(".post__body.muted")).to_be_visible()
