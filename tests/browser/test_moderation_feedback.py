"""Moderation and review that close the loop, in Chromium, by keyboard where a person would type and press:
a hidden post's author hears why, changes it and asks for it back; the moderator sees the queue's count, previews
a redaction before anything goes; a reviewer hears of a submission in the intranet and approves once."""

import re

import pytest
from playwright.sync_api import expect

from accounts import roles
from accounts.models import Municipality
from forum import services
from forum.models import Post, Report, ReportReason
from knowledge.models import MethodIndexPage, MethodPage
from knowledge.services import ensure_sections
from tests.factories import UserFactory, start_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SECRET = "Familjen på Storgatan 4 vet ni nog vilka det är."


def person(first_name, municipality, *role_names):
    return UserFactory(
        first_name=first_name,
        last_name="Testsson",
        email=f"{first_name.lower()}@{municipality}.example",
        municipality=Municipality.objects.get(slug=municipality),
        roles=list(role_names) or [roles.EMPLOYEE],
    )


def tab_to(page, target, limit=120):
    """Move the focus with Tab alone until it reaches `target`, as a keyboard user would; fail if it never does."""
    for _press in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {target}")


def press(page, target):
    tab_to(page, target)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def open_notification_centre(page):
    """The count opens the latest notifications in place; "Alla notiser" in that list leads to the centre."""
    tab_to(page, page.locator(".notifications-menu__toggle"))
    page.keyboard.press("Enter")
    press(page, page.locator("#notifications-menu-panel").get_by_role("link", name="Alla notiser"))


def wait_for_admin_messages(page):
    # Wagtail fades its messages in; checking contrast mid-fade would measure a paler colour.
    expect(page.locator(".messages > ul")).to_have_css("opacity", "1")


def fits_a_phone(page):
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, page.url
    page.set_viewport_size({"width": width, "height": 800})


def test_a_hidden_posts_author_asks_for_it_back_by_keyboard_and_the_moderator_restores_it(signed_in, assert_accessible):
    astrid = person("Astrid", "sigtuna")
    bertil = person("Bertil", "jarfalla")
    reporter = person("Cecilia", "sollentuna")
    maja = person("Maja", "sollentuna", roles.EMPLOYEE, roles.MODERATOR)
    thread = start_thread(astrid, title="Tolk vid samtal med föräldrar", body="Hur bokar ni tolk?")
    reply = services.reply(thread, author=bertil, body=SECRET)
    services.report_post(reply, by=reporter, reason=ReportReason.PERSONAL_DATA, explanation="En adress.")

    desk = signed_in(maja)
    desk.goto("/admin/")
    expect(desk.get_by_role("region", name="Modereringskö")).to_contain_text("1 inlägg väntar på en moderator")
    assert_accessible(desk)
    press(desk, desk.get_by_role("link", name="Öppna modereringskön"))
    assert_accessible(desk)
    press(desk, desk.locator(f"a[href$='/moderering/inlagg/{reply.pk}/']"))
    tab_to(desk, desk.locator("#id_hide-reason"))
    desk.keyboard.type("Pekar ut en familj.")
    with desk.expect_navigation():
        desk.keyboard.press("Enter")
    wait_for_admin_messages(desk)
    expect(desk.locator(".messages")).to_contain_text("Författaren och de som rapporterade det får besked.")
    members_see = desk.locator("section[aria-labelledby=post-heading] .forum-admin-post")
    expect(members_see).to_have_text(
        "Medlemmarna ser bara att ett inlägg är dolt: ”Inlägget har dolts av en moderator.”"
    )
    assert_accessible(desk)

    author = signed_in(bertil)
    author.goto("/forum/")
    expect(author.locator(".notifications-link__count")).to_have_text("1")
    open_notification_centre(author)
    notice = author.locator(".notification--unread .notification__link")
    expect(notice).to_contain_text("Skäl: Pekar ut en familj.")
    assert "Storgatan" not in author.locator("main").inner_text()
    assert_accessible(author)
    fits_a_phone(author)
    press(author, notice)
    author.wait_for_url(f"**/forum/inlagg/{reply.pk}/redigera/")
    expect(author.get_by_role("heading", name="En moderator har dolt ditt inlägg")).to_be_visible()
    assert_accessible(author)
    fits_a_phone(author)
    tab_to(author, author.locator("#id_body"))
    author.keyboard.press("Control+A")
    author.keyboard.type("Vi bokar tolk via förvaltningen.")
    tab_to(author, author.locator("#id_message"))
    author.keyboard.type("Jag tog bort adressen.")
    press(author, author.get_by_role("button", name="Spara och be att det visas igen"))
    author.wait_for_url(re.compile(rf"/forum/trad/{thread.pk}/"))
    expect(author.locator(".messages")).to_contain_text("Moderatorerna har fått din begäran")
    expect(author.locator(f"#inlagg-{reply.number}")).to_contain_text("Du har bett att det visas igen.")
    assert_accessible(author)
    fits_a_phone(author)
    assert Report.objects.open().restore_requests().get().explanation == "Jag tog bort adressen."

    desk.goto("/admin/")
    expect(desk.get_by_role("region", name="Modereringskö")).to_contain_text("1 inlägg väntar")
    desk.goto("/admin/forum/moderering/")
    row = desk.locator("table.listing tbody tr", has_text="Författaren har ändrat det och ber att det visas igen")
    expect(row).to_contain_text("Jag tog bort adressen.")
    assert_accessible(desk)
    fits_a_phone(desk)
    press(desk, row.locator("a").first)
    tab_to(desk, desk.locator("#id_restore-reason"))
    desk.keyboard.type("Adressen är borta.")
    with desk.expect_navigation():
        desk.keyboard.press("Enter")
    wait_for_admin_messages(desk)
    assert not Post.objects.get(pk=reply.pk).is_hidden
    assert_accessible(desk)

    author.goto("/forum/notiser/")
    expect(author.locator(".notification--unread .notification__link")).to_contain_text(
        "En moderator visar ditt inlägg i ”Tolk vid samtal med föräldrar” igen."
    )
    watcher = signed_in(reporter)
    watcher.goto("/forum/notiser/")
    expect(watcher.locator(".notification__link")).to_contain_text("Moderatorerna har hanterat din rapport")
    assert_accessible(watcher)


def test_a_moderator_sees_every_match_before_personal_data_is_removed(signed_in, assert_accessible):
    astrid = person("Astrid", "sigtuna")
    maja = person("Maja", "sollentuna", roles.EMPLOYEE, roles.MODERATOR)
    thread = start_thread(astrid, title="Samtal med Olle Ek", body="Olle Ek går i trean.")
    quoting = services.reply(thread, author=person("Bertil", "jarfalla"), body="> Olle Ek går i trean.\n\nSvårt.")

    desk = signed_in(maja)
    desk.goto(f"/admin/forum/moderering/inlagg/{thread.posts.get(number=1).pk}/")
    tab_to(desk, desk.locator("#id_redact-fragment"))
    desk.keyboard.type("Olle Ek")
    tab_to(desk, desk.locator("#id_redact-reason"))
    desk.keyboard.type("Ett barns namn")
    press(desk, desk.get_by_role("button", name="Visa alla ställen där den finns"))
    preview = desk.locator("section[aria-labelledby=preview-heading]")
    expect(preview.locator("tbody tr")).to_have_count(5)  # the title, the post, its version, the quote, its version
    expect(preview).to_contain_text("Texten finns på 5 ställen.")
    assert "Olle Ek" in Post.objects.get(pk=quoting.pk).body
    assert_accessible(desk)
    fits_a_phone(desk)

    press(desk, preview.get_by_role("button", name="Ta bort den på alla 5 ställen"))
    wait_for_admin_messages(desk)
    assert "Olle" not in Post.objects.get(pk=quoting.pk).body
    thread.refresh_from_db()
    assert thread.title == "Samtal med [borttaget av moderator]"
    assert_accessible(desk)


def test_a_reviewer_hears_of_a_submission_in_the_intranet_approves_once_and_the_author_hears_it_was_published(
    signed_in, assert_accessible
):
    sections = ensure_sections()
    author = person("Astrid", "sigtuna")
    reviewer = person("Rut", "sigtuna", roles.EDITOR)
    method = MethodPage(title="Samtal om hedersnormer", summary="Kort.", municipality=author.municipality, live=False)
    method.owner = author
    sections[MethodIndexPage].add_child(instance=method)
    method.save_revision(user=author)
    method.get_workflow().start(method, user=author)

    desk = signed_in(reviewer)
    desk.goto("/")
    expect(desk.locator(".notifications-link__count")).to_have_text("1")
    open_notification_centre(desk)
    notice = desk.locator(".notification__link", has_text="ber dig granska ”Samtal om hedersnormer”")
    assert_accessible(desk)
    press(desk, notice)
    desk.wait_for_url(f"**/admin/pages/{method.pk}/edit/")
    tab_to(desk, desk.locator("footer [data-w-dropdown-target=toggle]").last, limit=300)
    desk.keyboard.press("Enter")
    approve = desk.get_by_role("button", name="Godkänn och publicera", exact=True)
    expect(approve).to_have_count(1)
    expect(desk.get_by_role("button", name=re.compile("och Publicera"))).to_have_count(0)
    assert_accessible(desk)
    press(desk, approve)
    wait_for_admin_messages(desk)
    expect(desk.locator(".messages")).to_contain_text("är godkänd och har publicerats")
    assert MethodPage.objects.get(pk=method.pk).live
    assert_accessible(desk)

    home = signed_in(author)
    home.goto("/forum/notiser/")
    expect(home.locator(".notification__link")).to_contain_text(
        "har godkänt ”Samtal om hedersnormer”: den har publicerats"
    )
    assert_accessible(home)
