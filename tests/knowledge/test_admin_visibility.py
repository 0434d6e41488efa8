"""The admin names a page only to those who may see it on the site, own it or may edit it.

Every admin listing is asked, as each role, which of three pages it names: a Sigtuna employee's draft
method, a Järfälla method restricted to Redaktörer and one restricted to Moderatorer.
"""

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from wagtail import permissions
from wagtail.admin.api import filters as admin_api_filters
from wagtail.admin.views.pages import listing, search
from wagtail.admin.views.reports import aging_pages, locked_pages, workflows
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection, CollectionViewRestriction, PageLogEntry, PageViewRestriction, Workflow

from accounts import roles
from accounts.models import Municipality
from forum.models import Category
from knowledge.admin_visibility import AdminPagePermissionPolicy
from knowledge.models import MethodIndexPage, MethodPage
from tests.conftest import queries_for
from tests.factories import UserFactory, start_thread
from tests.knowledge.admin_forms import empty_inline_forms

DRAFT = "Zebra utkast"
FOR_EDITORS = "Zebra for redaktorer"
FOR_MODERATORS = "Zebra for moderatorer"
DOCUMENT = "Zebra dokument"
THREAD_TAG = "zebratrad"

EMPLOYEE_SIGTUNA = "Medarbetare i Sigtuna"
EMPLOYEE_JARFALLA = "Medarbetare i Järfälla"
MODERATOR = "Moderator"
EDITOR_SIGTUNA = "Redaktör i Sigtuna"
EDITOR_JARFALLA = "Redaktör i Järfälla"
ADMINISTRATOR = "Administratör"
BOARD = "Gemensam redaktion"
SUPERUSER = "superuser"
AUTHOR = "utkastets författare"

SEEN_BY = {
    # The author owns it; Sigtuna's editors, the board and administrators may edit it.
    DRAFT: {AUTHOR, EDITOR_SIGTUNA, BOARD, ADMINISTRATOR, SUPERUSER},
    # Redaktörer pass the restriction; Järfälla's editors, the board and administrators may edit it.
    FOR_EDITORS: {EDITOR_SIGTUNA, EDITOR_JARFALLA, BOARD, ADMINISTRATOR, SUPERUSER},
    FOR_MODERATORS: {MODERATOR, EDITOR_JARFALLA, BOARD, ADMINISTRATOR, SUPERUSER},
    # Redaktörer pass the collection's restriction; the board and administrators may change its documents.
    DOCUMENT: {EDITOR_SIGTUNA, EDITOR_JARFALLA, BOARD, ADMINISTRATOR, SUPERUSER},
    # The thread's category is for Redaktörer; moderators see every category.
    THREAD_TAG: {EDITOR_SIGTUNA, EDITOR_JARFALLA, MODERATOR, SUPERUSER},
}
PAGE_TAGS = {"zebrautkast": DRAFT, "zebraredaktorer": FOR_EDITORS, "zebramoderatorer": FOR_MODERATORS}
SEEN_BY.update({tag: SEEN_BY[title] for tag, title in PAGE_TAGS.items()})
PAGES = (DRAFT, FOR_EDITORS, FOR_MODERATORS)


def person(role, municipality="sigtuna", **fields):
    return UserFactory(roles=[role] if role else [], municipality=Municipality.objects.get(slug=municipality), **fields)


@pytest.fixture
def people(db):
    return {
        EMPLOYEE_SIGTUNA: person(roles.EMPLOYEE),
        EMPLOYEE_JARFALLA: person(roles.EMPLOYEE, "jarfalla"),
        MODERATOR: person(roles.MODERATOR),
        EDITOR_SIGTUNA: person(roles.EDITOR),
        EDITOR_JARFALLA: person(roles.EDITOR, "jarfalla"),
        ADMINISTRATOR: person(roles.ADMINISTRATOR),
        BOARD: person(roles.BOARD, "sundbyberg"),
        SUPERUSER: person(None, is_superuser=True),
        AUTHOR: person(roles.EMPLOYEE),
    }


def restrict(page, group_name):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([roles_group(group_name)])


def roles_group(name):
    return Group.objects.get(name=name)


@pytest.fixture
def pages(people, make_method):
    """The three pages, each logged, in review and locked; the draft is the last edited method."""
    for_editors = make_method(FOR_EDITORS, owner="jarfalla", tags=["zebraredaktorer"])
    restrict(for_editors, roles.EDITOR)
    for_moderators = make_method(FOR_MODERATORS, owner="jarfalla", tags=["zebramoderatorer"])
    restrict(for_moderators, roles.MODERATOR)
    draft = make_method(
        DRAFT, owner="sigtuna", tags=["zebrautkast"], publish=False, live=False, owner_id=people[AUTHOR].pk
    )
    for page in (for_editors, for_moderators, draft):
        PageLogEntry.objects.log_action(page, "wagtail.create", user=people[SUPERUSER])
        page.get_workflow().start(page, user=people[SUPERUSER])
    MethodPage.objects.filter(pk__in=[draft.pk, for_editors.pk, for_moderators.pk]).update(
        locked=True, locked_by=people[SUPERUSER], locked_at=timezone.now()
    )
    return {DRAFT: draft, FOR_EDITORS: for_editors, FOR_MODERATORS: for_moderators}


def who_sees(client, people, url, names):
    seen = {}
    for role, user in people.items():
        client.force_login(user)
        body = client.get(url).content.decode()
        seen[role] = {name for name in names if name in body}
    return seen


# Moderators hold no page permission, so Wagtail shows them pages in its choosers only;
# its reports of aging and locked pages are for those who publish and unlock.
PAGE_WORKERS = {
    EMPLOYEE_SIGTUNA,
    EMPLOYEE_JARFALLA,
    EDITOR_SIGTUNA,
    EDITOR_JARFALLA,
    ADMINISTRATOR,
    BOARD,
    SUPERUSER,
    AUTHOR,
}
EVERYONE = PAGE_WORKERS | {MODERATOR}
PUBLISHERS = {EDITOR_SIGTUNA, EDITOR_JARFALLA, ADMINISTRATOR, BOARD, SUPERUSER}
LIVE_PAGES = (FOR_EDITORS, FOR_MODERATORS)

PAGE_ROUTES = {
    "explorer": ("/admin/pages/{index}/", PAGES, PAGE_WORKERS),
    "explorer results": ("/admin/pages/{index}/results/", PAGES, PAGE_WORKERS),
    "explorer search": ("/admin/pages/{index}/?q=Zebra", PAGES, PAGE_WORKERS),
    "page search": ("/admin/pages/search/?q=Zebra", PAGES, PAGE_WORKERS),
    "page search results": ("/admin/pages/search/results/?q=Zebra", PAGES, PAGE_WORKERS),
    "page type usage": ("/admin/pages/usage/knowledge/methodpage/", PAGES, PAGE_WORKERS),
    "page type usage results": ("/admin/pages/usage/knowledge/methodpage/results/", PAGES, PAGE_WORKERS),
    "page chooser": ("/admin/choose-page/{index}/", PAGES, EVERYONE),
    "page chooser search": ("/admin/choose-page/search/?q=Zebra", PAGES, EVERYONE),
    "admin API listing": ("/admin/api/main/pages/?child_of={index}", PAGES, PAGE_WORKERS),
    "site history": ("/admin/reports/site-history/", PAGES, PAGE_WORKERS),
    "site history results": ("/admin/reports/site-history/results/", PAGES, PAGE_WORKERS),
    "workflow report": ("/admin/reports/workflow/", PAGES, PAGE_WORKERS),
    "workflow tasks report": ("/admin/reports/workflow_tasks/", PAGES, PAGE_WORKERS),
    "aging pages report": ("/admin/reports/aging-pages/", LIVE_PAGES, PUBLISHERS),
    "locked pages report": ("/admin/reports/locked/", PAGES, PUBLISHERS),
    "explorer of the draft": ("/admin/pages/{draft}/", [DRAFT], PAGE_WORKERS),
    "explorer results of the draft": ("/admin/pages/{draft}/results/", [DRAFT], PAGE_WORKERS),
    "page chooser in the draft": ("/admin/choose-page/{draft}/", [DRAFT], EVERYONE),
}


def expected(people, names, users=EVERYONE):
    return {role: {name for name in names if role in SEEN_BY[name] and role in users} for role in people}


def index_id(pages):
    return pages[DRAFT].get_parent().pk


@pytest.mark.parametrize("route", PAGE_ROUTES)
def test_each_admin_listing_names_a_page_only_to_those_who_may_see_own_or_edit_it(client, people, pages, route):
    url, names, users = PAGE_ROUTES[route]
    seen = who_sees(client, people, url.format(index=index_id(pages), draft=pages[DRAFT].pk), names)
    assert seen == expected(people, names, users)


@pytest.mark.parametrize("title", PAGES)
def test_the_admin_api_gives_a_page_only_to_those_who_may_see_own_or_edit_it(client, people, pages, title):
    url = f"/admin/api/main/pages/{pages[title].pk}/"
    assert who_sees(client, people, url, [title]) == expected(people, [title], PAGE_WORKERS)


def test_the_page_types_report_names_the_last_edited_draft_only_to_those_who_may_see_it(client, people, pages):
    assert who_sees(client, people, "/admin/reports/page-types-usage/", [DRAFT]) == expected(
        people, [DRAFT], PAGE_WORKERS
    )


def test_moving_a_draft_is_confirmed_only_to_those_who_may_move_it(client, people, pages):
    url = f"/admin/pages/{pages[DRAFT].pk}/move/{index_id(pages)}/confirm/"
    movers = {AUTHOR, EDITOR_SIGTUNA, BOARD, ADMINISTRATOR, SUPERUSER}
    assert who_sees(client, people, url, [DRAFT]) == {role: {DRAFT} if role in movers else set() for role in people}


@pytest.fixture
def restricted_document(people, media_root):
    collection = Collection.get_first_root_node().add_child(instance=Collection(name="Redaktionen"))
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([roles_group(roles.EDITOR)])
    return get_document_model().objects.create(
        title=DOCUMENT, collection=collection, file=ContentFile(b"Internt.", name="internt.txt")
    )


@pytest.mark.parametrize("url", ["/admin/documents/chooser/", "/admin/documents/chooser/results/"])
def test_the_document_chooser_lists_a_restricted_collection_only_to_those_who_pass_or_may_change_it(
    client, people, restricted_document, url
):
    assert who_sees(client, people, url, [DOCUMENT]) == expected(people, [DOCUMENT])


def test_the_document_choosers_answer_names_a_restricted_document_only_to_those_who_pass_or_may_change_it(
    client, people, restricted_document
):
    url = f"/admin/documents/chooser/chosen/{restricted_document.pk}/"
    assert who_sees(client, people, url, [DOCUMENT]) == expected(people, [DOCUMENT])


def test_the_workflow_preview_answers_not_found_for_a_page_not_shown_to_the_person(client, people, pages):
    # Wagtail answers a page it cannot preview with a message naming it, on whatever page comes next.
    task = Workflow.objects.get(name="Granskning").tasks.get()
    url = f"/admin/pages/workflow/preview/{pages[DRAFT].pk}/{task.pk}/"
    shown = {role for role, names in expected(people, [DRAFT], PAGE_WORKERS).items() if names}
    for role, user in people.items():
        client.force_login(user)
        response = client.get(url, follow=True)
        if role not in shown:
            assert response.status_code == 404, role
            assert DRAFT not in response.content.decode(), role
        else:
            assert response.status_code == 200, role


@pytest.mark.parametrize("url", ["/admin/reports/site-history/", "/admin/reports/site-history/results/"])
def test_the_site_history_names_a_restricted_document_only_to_those_who_pass_or_may_change_it(
    client, people, restricted_document, url
):
    log(restricted_document, "wagtail.create", user=people[SUPERUSER])
    # Wagtail shows a model's history to holders of a model permission; the board's are per collection.
    readers_of_document_history = EVERYONE - {BOARD}
    assert who_sees(client, people, url, [DOCUMENT]) == expected(people, [DOCUMENT], readers_of_document_history)


def test_the_tag_autocomplete_suggests_only_tags_on_what_the_person_may_see(client, people, pages):
    category = Category.objects.create(name="Redaktionsrummet", slug="redaktionsrummet")
    category.restricted_to_groups.set([roles_group(roles.EDITOR)])
    start_thread(people[EDITOR_SIGTUNA], category=category, tags=[THREAD_TAG])
    tags = [THREAD_TAG, *PAGE_TAGS]
    assert who_sees(client, people, "/admin/tag-autocomplete/?term=zebra", tags) == expected(people, tags)


def test_wagtail_still_asks_the_narrowed_page_policy():
    assert isinstance(permissions.page_permission_policy, AdminPagePermissionPolicy)
    for module in (listing, search, aging_pages, locked_pages, workflows, admin_api_filters):
        assert module.page_permission_policy is permissions.page_permission_policy


@pytest.mark.parametrize(
    "route", ["explorer", "page search", "page chooser", "admin API listing", "site history", "workflow report"]
)
def test_a_listing_runs_a_fixed_number_of_queries_however_many_hidden_pages_there_are(
    client, people, pages, make_method, route
):
    client.force_login(people[EMPLOYEE_SIGTUNA])
    url = PAGE_ROUTES[route][0].format(index=index_id(pages))
    queries_for(client, url)  # the first request fills Wagtail's caches
    before = queries_for(client, url)
    for number in range(5):
        hidden = make_method(f"Zebra {number}", owner="jarfalla", publish=False, live=False)
        PageLogEntry.objects.log_action(hidden, "wagtail.create", user=people[SUPERUSER])
        hidden.get_workflow().start(hidden, user=people[SUPERUSER])
        restrict(make_method(f"Zebra fler {number}", owner="jarfalla"), roles.EDITOR)
    assert queries_for(client, url) == before


def test_an_employee_contributes_a_method_and_their_municipalitys_editor_reviews_it(client, people, sections):
    author, editor = people[AUTHOR], people[EDITOR_SIGTUNA]
    client.force_login(author)
    first_step = {"title": "Samtalsstöd i grupp", "summary": "Kort.", "uses_it": "införd"}
    started = client.post(reverse("knowledge:share", kwargs={"kind": "metod"}), first_step)
    form = {
        "title": "Samtalsstöd i grupp",
        "slug": "samtalsstod-i-grupp",
        "summary": "Kort.",
        "municipality": author.municipality_id,
        "last_reviewed": "2026-11-01",
        "body-count": "0",
        **empty_inline_forms(),
    }
    draft = MethodPage.objects.get(slug="samtalsstod-i-grupp")
    assert draft.owner == author
    assert not draft.live

    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert started["Location"] == edit_url
    assert client.post(edit_url, {**form, "summary": "Längre sammanfattning."}).status_code == 302
    assert client.post(edit_url, {**form, "action-submit": "Skicka"}).status_code == 302
    explorer = client.get(f"/admin/pages/{sections[MethodIndexPage].pk}/").content.decode()
    assert "Samtalsstöd i grupp" in explorer

    draft.refresh_from_db()
    task_state = draft.current_workflow_task_state
    assert task_state is not None
    client.force_login(editor)
    assert "Samtalsstöd i grupp" in client.get("/admin/reports/workflow/").content.decode()
    approve = reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk])
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.live
