"""The XSS corpus: every payload in `xss_payloads.txt` through every text a person types, on every page that shows it.

Each payload, if it ran, would open a dialog (alert, confirm, prompt), set `window.__xss` or put "XSS" in the
title. The corpus is stored in bulk through the project's own services and the ORM, then each page that shows
it is opened once in Chromium, with the Content-Security-Policy switched off (`bypass_csp`): what keeps the
payloads inert there is escaping alone, so the policy is a second wall and never the only one. On top of
the sinks, every page's DOM is searched for what an unescaped payload would leave even if nobody clicks or
hovers: an `on…` attribute, a `javascript:`/`vbscript:`/`data:` address, an inline or foreign script, a frame.
One payload per input also goes through the real form, typed, with the policy on; there the conftest's
rule stands unchanged (any CSP refusal fails the test), which shows the policy never had to act.
"""

from pathlib import Path
from urllib.parse import urlencode

import pytest
from defusedxml import ElementTree

from django.conf import settings
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client

from taggit.models import Tag
from wagtail.documents.models import Document

from accounts import roles
from accounts.models import EmailFrequency
from forum import moderation, services
from forum.models import Post, ReportReason, Subscription, Thread
from knowledge.models import MethodIndexPage, MethodPage
from knowledge.services import ensure_review_workflow, ensure_sections
from tests.factories import UserFactory, forum_category, start_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAYLOADS = [line for line in Path(__file__).with_name("xss_payloads.txt").read_text().splitlines() if line.strip()]
MARKER = "korpusord"
ATOM = "{http://www.w3.org/2005/Atom}"

# What a payload that reached the page as markup would leave behind, clicked or not.
FIND_ACTIVE_MARKUP = """() => {
    const found = [];
    const dangerous = /^(javascript|vbscript|data):/i;
    const sinks = /alert|confirm|prompt|__xss|WFNT|msgbox/;
    const addresses = ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "srcdoc"];
    for (const element of document.querySelectorAll("*")) {
        const tag = element.tagName.toLowerCase();
        for (const attribute of element.attributes) {
            const name = attribute.name.toLowerCase();
            const value = attribute.value.replace(/[\\u0000-\\u0020]/g, "");
            if (name.startsWith("on")) found.push(`${tag} ${name}=${attribute.value}`);
            if (name === "srcdoc" || (addresses.includes(name) && dangerous.test(value))) {
                found.push(`${tag} ${name}=${attribute.value}`);
            }
        }
        // The admin's own inline scripts are allowed ('unsafe-inline' there): a script counts when it is
        // foreign or carries one of the corpus's sinks.
        if (tag === "script" && (element.src ? new URL(element.src).origin !== location.origin
                                             : sinks.test(element.textContent))) {
            found.push(`script ${element.src || element.textContent.slice(0, 80)}`);
        }
        // The page editor's own preview panel is an empty frame or one of the admin itself; a frame elsewhere is not.
        const framed = element.getAttribute("src") || element.getAttribute("data");
        if (["iframe", "frame", "object", "embed"].includes(tag)
                && framed && new URL(framed, location.href).origin !== location.origin) {
            found.push(`${tag} ${framed}`);
        }
        if (["frameset", "base", "xmp", "isindex", "keygen"].includes(tag)) found.push(tag);
        if (tag === "meta" && element.httpEquiv) found.push(`meta ${element.httpEquiv}`);
    }
    return found;
}"""


def squeeze(text):
    return " ".join(text.split())


@pytest.fixture
def dialogs():
    return []


@pytest.fixture
def open_as(chromium, live_server, dialogs):
    """A browser window already signed in as the person, with the Content-Security-Policy switched off."""
    contexts = []

    def open_for(user):
        client = Client()
        client.force_login(user)
        context = chromium.new_context(base_url=live_server.url, locale="sv-SE", bypass_csp=True)
        contexts.append(context)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        watch_for_dialogs(page, dialogs)
        return page

    yield open_for
    for context in contexts:
        context.close()


def watch_for_dialogs(page, dialogs):
    def note(dialog):
        dialogs.append(f"{page.url}: {dialog.type} {dialog.message}")
        dialog.dismiss()

    page.on("dialog", note)


def assert_inert(page, dialogs):
    """No payload ran on the open page, and none sits in it as markup waiting for a click."""
    assert page.evaluate("window.__xss") is None, page.url
    assert "XSS" not in page.title(), page.url
    assert page.evaluate(FIND_ACTIVE_MARKUP) == [], page.url
    assert dialogs == []


def visit(page, path, dialogs):
    response = page.goto(path)
    assert response.ok, f"{path}: {response.status}"
    page.wait_for_load_state("load")
    assert_inert(page, dialogs)
    return squeeze(page.locator("body").inner_text())


def visit_every_page(page, path, dialogs, *, parameter="page"):
    """The listing at `path` and its following pages; the text of all of them."""
    texts, number = [], 1
    separator = "&" if "?" in path else "?"
    while True:
        texts.append(visit(page, f"{path}{separator}{parameter}={number}" if number > 1 else path, dialogs))
        if not page.locator(f"a[href*='{parameter}={number + 1}']").count():
            return " ".join(texts)
        number += 1


@pytest.fixture
def reader(db):
    """A superuser who follows the forum and is mailed at once: they see every page and every notification."""
    person = UserFactory(
        first_name="Rut",
        last_name="Läsare",
        is_superuser=True,
        roles=[roles.MODERATOR],
        notification_email=EmailFrequency.IMMEDIATELY,
    )
    Subscription.objects.create(user=person, category=forum_category())
    return person


@pytest.fixture
def corpus(reader, media_root):
    """Each payload as a person's name and job title, a thread title, a tag, a post, a report, a moderation
    reason, a page title and summary, a review comment and a document's title and file name."""
    category = forum_category()
    people = [
        UserFactory(first_name=payload, last_name=f"Korpus{index}", job_title=payload)
        for index, payload in enumerate(PAYLOADS)
    ]
    main = services.start_thread(
        author=reader, category=category, title="Korpusen", kind="discussion", body=MARKER, rate_limited=False
    )
    posts = [
        services.reply(main, author=person, body=f"{payload}\n\n{MARKER}", rate_limited=False)
        for person, payload in zip(people, PAYLOADS, strict=True)
    ]
    threads = [
        services.start_thread(
            author=person,
            category=category,
            title=payload,
            kind="question",
            body=f"{MARKER} {payload}",
            tags=[payload],
            rate_limited=False,
        )
        for person, payload in zip(people, PAYLOADS, strict=True)
    ]
    for index, payload in enumerate(PAYLOADS):
        services.report_post(posts[index - 1], by=people[index], reason=ReportReason.OTHER, explanation=payload)
    hidden = [thread.posts.get() for thread in threads[:10]]
    for post, payload in zip(hidden, PAYLOADS, strict=False):
        moderation.hide_post(post, by=reader, reason=payload[:300])
    methods = knowledge_pages(reader)
    documents = [
        Document.objects.create(title=payload, file=ContentFile(b"korpus\n", name=f"{payload[:60]}.txt"))
        for payload in PAYLOADS
    ]
    return {"people": people, "main": main, "threads": threads, "methods": methods, "documents": documents}


def knowledge_pages(reader):
    """A method page per payload (title and summary), each sent to review and sent back with the payload as comment."""
    sections = ensure_sections()
    pages = []
    for payload in PAYLOADS:
        page = MethodPage(title=payload, summary=payload, municipality=reader.municipality)
        sections[MethodIndexPage].add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    workflow = ensure_review_workflow([sections[MethodIndexPage]])
    for page, payload in zip(pages, PAYLOADS, strict=True):
        state = workflow.start(page, reader)
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state.specific, reader, "reject", comment=payload)
    return pages


def sample(items):
    """Every 25th, and every one whose payload starts by breaking out of an attribute: for pages shown one by one."""
    return [
        item
        for index, (item, payload) in enumerate(zip(items, PAYLOADS, strict=True))
        if index % 25 == 0 or payload[0] in "\"'"
    ]


def assert_shown_as_text(text, payloads):
    missing = [payload for payload in payloads if squeeze(payload) not in text]
    assert missing == []


def test_every_payload_stays_text_in_the_forum_search_notifications_profiles_feeds_and_mails(
    open_as, reader, corpus, dialogs
):
    page = open_as(reader)
    listing = visit_every_page(page, "/forum/", dialogs)
    assert_shown_as_text(listing, PAYLOADS)
    discussion = visit_every_page(page, f"/forum/trad/{corpus['main'].pk}/", dialogs)
    assert_shown_as_text(discussion, [person.get_full_name() for person in corpus["people"]])
    for thread in sample(corpus["threads"]):
        assert squeeze(thread.title) in visit(page, f"/forum/trad/{thread.pk}/", dialogs)
    assert_shown_as_text(visit_every_page(page, "/forum/notiser/", dialogs), PAYLOADS)
    visit_every_page(page, f"/sok/?q={MARKER}", dialogs)
    for payload in PAYLOADS:
        visit(page, f"/sok/?{urlencode({'q': payload})}", dialogs)
    for thread in sample(corpus["threads"]):
        tag = thread.tags.get()
        assert squeeze(tag.name) in visit(page, f"/taggar/{tag.slug}/", dialogs)
    for person in sample(corpus["people"]):
        window = open_as(person)
        visit(window, "/profil/", dialogs)
        assert window.locator("#id_first_name").input_value() == person.first_name
        assert window.locator("#id_job_title").input_value() == person.job_title
        window.context.close()

    titles = feed_titles(page, f"/forum/kategori/{forum_category().slug}/flode/")
    assert titles and set(titles) <= {squeeze(payload) for payload in PAYLOADS} | {"Korpusen"}
    titles = feed_titles(page, "/flode/metoder/")
    assert titles and set(titles) <= set(PAYLOADS)
    for thread in sample(corpus["threads"])[:5]:
        feed_titles(page, f"/flode/taggar/{thread.tags.get().slug}/")

    assert len(mail.outbox) >= len(PAYLOADS)
    for message in mail.outbox:
        assert message.content_subtype == "plain"
        assert getattr(message, "alternatives", []) == []
        assert "\n" not in message.subject


def test_every_payload_stays_text_in_the_admin_the_knowledge_pages_and_the_page_editor(
    open_as, reader, corpus, dialogs
):
    page = open_as(reader)
    assert_shown_as_text(visit_every_page(page, "/admin/users/", dialogs, parameter="p"), PAYLOADS)
    for person in sample(corpus["people"]):
        visit(page, f"/admin/users/edit/{person.pk}/", dialogs)
        assert page.locator("#id_first_name").input_value() == person.first_name
    visit_every_page(page, "/admin/forum/moderering/", dialogs, parameter="p")
    for post in sample(list(Post.objects.filter(reports__isnull=False).order_by("reports__pk"))):
        visit(page, f"/admin/forum/moderering/inlagg/{post.pk}/", dialogs)
    visit_every_page(page, f"/admin/forum/moderering/trad/{corpus['main'].pk}/", dialogs, parameter="p")
    visit(page, "/admin/forum/moderering/dolt/", dialogs)
    visit(page, "/admin/forum/moderering/logg/", dialogs)
    assert_shown_as_text(visit_every_page(page, "/admin/documents/", dialogs, parameter="p"), PAYLOADS)
    for document in sample(corpus["documents"]):
        visit(page, f"/admin/documents/edit/{document.pk}/", dialogs)
        assert page.locator("#id_title").input_value() == document.title
    visit(page, "/admin/", dialogs)
    methods = corpus["methods"]
    assert_shown_as_text(
        visit_every_page(page, f"/admin/pages/{methods[0].get_parent().pk}/", dialogs, parameter="p"), PAYLOADS
    )
    for method in sample(methods):
        visit(page, f"/admin/pages/{method.pk}/edit/", dialogs)
        assert page.locator("#id_title").input_value() == method.title
        assert squeeze(method.title) in visit(page, f"/admin/pages/{method.pk}/view_draft/", dialogs)
        assert squeeze(method.title) in visit(page, method.url, dialogs)
        visit(page, f"/admin/pages/{method.pk}/history/", dialogs)
        visit(page, f"/admin/pages/{method.pk}/workflow_history/", dialogs)
    assert_shown_as_text(visit_every_page(page, "/metoder/", dialogs), PAYLOADS)
    for path in ["/admin/sokningar/vanligaste/", "/admin/sokningar/utan-traffar/"]:
        visit(page, path, dialogs)


def feed_titles(page, path):
    """The titles an Atom feed carries, read as XML: a payload that broke out would make it unreadable or add tags."""
    response = page.request.get(path)
    assert response.ok
    assert "<script" not in response.text().lower()
    root = ElementTree.fromstring(response.body())
    assert {element.tag.removeprefix(ATOM) for element in root.iter()} <= {
        "feed",
        "title",
        "link",
        "id",
        "updated",
        "subtitle",
        "entry",
        "summary",
        "author",
        "name",
        "category",
        "published",
        "content",
        "rights",
        "uri",
    }
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def type_and_submit(page, fields, *, button="button[type=submit]:not([name])"):
    """Fill the fields, then press the button of the form they are in (not the header's search)."""
    for selector, text in fields.items():
        page.locator(selector).fill(text)
    form = page.locator("form", has=page.locator(next(iter(fields))))
    with page.expect_navigation():
        form.locator(button).first.click()


def test_payloads_typed_into_the_real_forms_are_stored_as_typed_and_shown_inert_under_the_policy(
    page, log_in, signed_in, reader, media_root, dialogs
):
    """Here the Content-Security-Policy is on, and the conftest fails the test on any refusal it reports."""
    title, body, tag = (
        PAYLOADS[5],
        PAYLOADS[10] + "\n\n" + PAYLOADS[PAYLOADS.index("[x](javascript:alert(56))")],
        "<svg onload=alert(14)>",
    )
    member = UserFactory(roles=[roles.EMPLOYEE])
    Tag.objects.create(name=tag)  # the forum offers only the shared vocabulary, which editors keep
    watch_for_dialogs(page, dialogs)
    log_in(member)

    page.goto("/forum/ny/")
    page.locator("#id_category").select_option(value=str(forum_category().pk))
    page.locator("#id_tags").fill(f"{tag},")
    type_and_submit(page, {"#id_title": title, "#id_body": body}, button="button[name=preview]")
    assert_inert(page, dialogs)
    assert page.locator("#preview .post__body").inner_text().startswith(PAYLOADS[10])
    with page.expect_navigation():
        page.locator(".compose__buttons button[type=submit]:not([name])").click()
    thread = Thread.objects.get(author=member)
    assert (thread.title, thread.posts.get().body.replace("\r\n", "\n")) == (title, body)
    assert [tag.name for tag in thread.tags.all()] == ["<svg onload=alert(14)>"]
    assert squeeze(title) in squeeze(page.locator("h1").inner_text())
    assert_inert(page, dialogs)

    post = thread.posts.get()
    page.goto(f"/forum/inlagg/{post.pk}/redigera/")
    type_and_submit(page, {"#id_body": PAYLOADS[20]}, button="button[name=preview]")
    assert_inert(page, dialogs)

    colleagues_post = start_thread(reader).posts.get()
    page.goto(f"/forum/inlagg/{colleagues_post.pk}/rapportera/")
    page.locator("input[name=reason]").first.check()
    type_and_submit(page, {"#id_explanation": PAYLOADS[88]})
    assert colleagues_post.reports.get().explanation == PAYLOADS[88]
    assert_inert(page, dialogs)

    page.goto("/profil/")
    type_and_submit(page, {"#id_first_name": PAYLOADS[86], "#id_job_title": PAYLOADS[87]})
    member.refresh_from_db()
    assert (member.first_name, member.job_title) == (PAYLOADS[86], PAYLOADS[87])
    assert page.locator("#id_first_name").input_value() == PAYLOADS[86]
    assert_inert(page, dialogs)

    page.get_by_label("Sök på intranätet").fill(PAYLOADS[89])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_inert(page, dialogs)

    admin = signed_in(reader)
    watch_for_dialogs(admin, dialogs)
    admin.goto("/admin/documents/add/")
    admin.locator("#id_file").set_input_files(
        {"name": f"{PAYLOADS[11]}.txt", "mimeType": "text/plain", "buffer": b"korpus\n"}
    )
    admin.locator("#id_title").fill(PAYLOADS[12])
    with admin.expect_navigation():
        admin.locator("form button[type=submit]").last.click()
    document = Document.objects.get()
    assert document.title == PAYLOADS[12]
    admin.goto("/admin/documents/")
    assert_inert(admin, dialogs)
    admin.goto(f"/admin/forum/moderering/inlagg/{colleagues_post.pk}/")
    assert_inert(admin, dialogs)
    admin.goto("/forum/notiser/")
    assert_inert(admin, dialogs)
