"""The review closes the loop: the reviewers find a submitted page in their notifications, the author finds that it
was published or that changes are requested, and the buttons, messages and names say so in the reader's language."""

import html
import importlib
import re

import pytest

from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import translation

from wagtail.models import GroupApprovalTask, Page, PageLogEntry, Workflow, WorkflowPage, WorkflowTask

from accounts import roles
from accounts.models import Municipality
from forum.models import Notification, NotificationKind
from forum.tasks import send_digests
from knowledge.admin_review import review_outcome
from knowledge.models import MethodIndexPage, MethodPage
from tests.factories import UserFactory
from tests.knowledge.admin_forms import method_data

pytestmark = pytest.mark.django_db

Kind = NotificationKind


def person(role, municipality):
    return UserFactory(roles=[role], municipality=Municipality.objects.get(slug=municipality))


@pytest.fixture
def author(db):
    return person(roles.EMPLOYEE, "sigtuna")


@pytest.fixture
def reviewer(db):
    return person(roles.EDITOR, "sigtuna")


@pytest.fixture
def board_member(db):
    return person(roles.BOARD, "sundbyberg")


@pytest.fixture
def elsewhere(db):
    return person(roles.EDITOR, "jarfalla")


@pytest.fixture
def submitted(sections, author, reviewer, board_member, elsewhere):
    page = MethodPage(title="Samtal om hedersnormer", summary="Kort.", municipality=author.municipality, live=False)
    page.owner = author
    sections[MethodIndexPage].add_child(instance=page)
    page.save_revision(user=author)
    page.get_workflow().start(page, user=author)
    page.refresh_from_db()
    return page


def told(page):
    return set(Notification.objects.filter(page=page).values_list("recipient_id", "kind"))


def act(page, user, action):
    state = page.current_workflow_task_state.specific
    state.task.specific.on_action(state, user, action)
    page.refresh_from_db()
    return state


def test_the_reviewers_of_the_pages_municipality_find_it_in_their_notifications(
    submitted, author, reviewer, board_member, elsewhere
):
    assert told(submitted) == {(reviewer.pk, Kind.REVIEW_REQUESTED), (board_member.pk, Kind.REVIEW_REQUESTED)}
    notice = Notification.objects.for_person(reviewer).get()
    assert notice.describe() == f"{author} ber dig granska ”Samtal om hedersnormer”"
    assert notice.get_absolute_url() == reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    assert Notification.objects.unread_count(reviewer) == 1  # a draft, not yet anyone's to read, is still listed


def test_the_forum_mails_nothing_of_the_review_as_wagtail_already_does(submitted, reviewer):
    assert {reviewer.email} <= {address for message in mail.outbox for address in message.to}  # Wagtail's e-mail
    assert not [message for message in mail.outbox if message.subject.startswith("Kunskapsforum:")]
    reviewer.notification_email = "daily"
    reviewer.save()
    mail.outbox.clear()
    assert send_digests.call("daily") == 0
    assert mail.outbox == []


def test_the_author_is_told_when_the_page_is_approved_and_published(submitted, author, reviewer):
    act(submitted, reviewer, "approve")
    assert submitted.live
    notice = Notification.objects.get(recipient=author)
    assert notice.kind == Kind.PAGE_PUBLISHED
    assert notice.describe() == f"{reviewer} har godkänt ”Samtal om hedersnormer”: den har publicerats"
    assert notice.get_absolute_url() == submitted.url


def test_the_author_is_told_when_changes_are_requested(submitted, author, reviewer):
    act(submitted, reviewer, "reject")
    notice = Notification.objects.get(recipient=author)
    assert notice.kind == Kind.CHANGES_REQUESTED
    assert notice.describe() == f"{reviewer} begär ändringar i ”Samtal om hedersnormer” innan den publiceras"
    assert notice.get_absolute_url() == reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    assert Notification.objects.for_person(author).get() == notice


def test_a_resubmission_after_changes_reaches_the_reviewers_again(submitted, author, reviewer):
    act(submitted, reviewer, "reject")
    submitted.current_workflow_state.resume(user=author)
    assert Notification.objects.filter(recipient=reviewer, kind=Kind.REVIEW_REQUESTED).count() == 2


def test_a_reviewer_who_approves_their_own_submission_is_not_told_of_it(sections, reviewer):
    page = MethodPage(title="Egen metod", summary="Kort.", municipality=reviewer.municipality, live=False)
    page.owner = reviewer
    sections[MethodIndexPage].add_child(instance=page)
    page.save_revision(user=reviewer)
    page.get_workflow().start(page, user=reviewer)
    page.refresh_from_db()
    act(page, reviewer, "approve")
    assert not Notification.objects.filter(recipient=reviewer).exists()


@pytest.fixture(autouse=True)
def in_swedish():
    """Each test starts in Swedish, whatever language an earlier test's request left active in this thread."""
    with translation.override("sv"):
        yield


def said(response):
    """The admin's messages after a request, without the buttons Wagtail renders into them."""
    return [str(message).split("\n")[0].strip() for message in response.context["messages"]]


def approve_buttons(page):
    return [
        re.sub(r"<[^>]+>|\s+", " ", label).strip()
        for label in re.findall(r'<button[^>]*data-workflow-action-name="approve"[^>]*>(.*?)</button>', page, re.S)
    ]


def test_the_approve_buttons_say_approve_and_publish_once(client, submitted, reviewer):
    client.force_login(reviewer)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[submitted.pk])).content.decode()
    assert approve_buttons(page) == ["Godkänn och publicera", "Godkänn och publicera med en kommentar"]
    assert "och Publicera" not in page


def test_approving_in_the_editor_says_the_page_has_been_published(client, submitted, reviewer):
    client.force_login(reviewer)
    data = method_data(
        submitted,
        **{"action-workflow-action": "true", "workflow-action-name": "approve", "workflow-action-extra-data": "{}"},
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[submitted.pk]), data, follow=True)
    assert said(response) == [
        "”Samtal om hedersnormer (Sigtuna)” är godkänd och har publicerats. Författaren får besked."
    ]
    assert Page.objects.get(pk=submitted.pk).live


def test_the_dashboards_review_action_says_what_it_did(client, submitted, reviewer):
    client.force_login(reviewer)
    state = submitted.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[submitted.pk, "reject", state.pk])
    response = client.post(url, {"comment": "Skriv om sammanfattningen."}, follow=True)
    assert said(response) == ["Ändringar har begärts i ”Samtal om hedersnormer (Sigtuna)”. Författaren får besked."]


def test_an_action_that_did_nothing_says_nothing(submitted):
    state = submitted.current_workflow_task_state
    assert review_outcome(submitted, state) is None


def test_submitting_says_the_page_went_to_review(client, sections, author):
    client.force_login(author)
    page = MethodPage(title="Ny metod", summary="Kort.", municipality=author.municipality, live=False)
    page.owner = author
    sections[MethodIndexPage].add_child(instance=page)
    page.save_revision(user=author)
    data = method_data(page, **{"action-submit": "action-submit"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)
    assert said(response) == ["Sidan ”Ny metod (Sigtuna)” har skickats till granskning."]


def test_the_review_workflow_and_its_step_are_named_in_the_readers_language(submitted):
    workflow = submitted.get_workflow()
    task = workflow.tasks.get()
    assert (workflow.name, task.name, str(workflow)) == ("Granskning", "Kommunens redaktör granskar", "Granskning")
    with translation.override("en"):
        assert (workflow.name, task.name, task.specific.name) == (
            "Review",
            "The municipality's editor reviews",
            "The municipality's editor reviews",
        )
        workflow.save()
        workflow.refresh_from_db()
        assert workflow.name == "Review"
    assert Workflow.objects.filter(name="Granskning").get() == workflow  # stored as it was


def test_an_administrator_editing_the_workflow_in_english_edits_the_stored_name(client, submitted):
    client.force_login(UserFactory(is_superuser=True))
    workflow = submitted.get_workflow()
    client.cookies["kf_language"] = "en"
    page = client.get(reverse("wagtailadmin_workflows:edit", args=[workflow.pk])).content.decode()
    assert 'value="Granskning"' in page
    assert "Review" in page  # its name in the header, as the reader reads it


@pytest.mark.parametrize(
    ("workflow", "step"),
    [("Granskning", "Kommunens redaktör granskar"), ("Review", "The municipality's editor reviews")],
    ids=["logged-in-swedish", "logged-in-english"],
)
def test_the_history_names_the_workflow_in_the_readers_language_whoever_wrote_it(
    client, submitted, reviewer, workflow, step
):
    # Wagtail logs the names as its actor read them, in the actor's language.
    entry = PageLogEntry.objects.filter(page=submitted, action="wagtail.workflow.start").get()
    entry.data["workflow"].update(title=workflow, next={**entry.data["workflow"]["next"], "title": step})
    entry.save()
    client.force_login(reviewer)
    page = html.unescape(client.get(reverse("wagtailadmin_pages:history", args=[submitted.pk])).content.decode())
    assert "'Granskning' startad. Nästa steg 'Kommunens redaktör granskar'" in page
    client.cookies["kf_language"] = "en"
    page = html.unescape(client.get(reverse("wagtailadmin_pages:history", args=[submitted.pk])).content.decode())
    assert "'Review' started. Next step 'The municipality's editor reviews'" in page


def test_wagtails_example_workflow_no_one_could_approve_is_retired(sections):
    assert list(Workflow.objects.filter(active=True).values_list("name", flat=True)) == ["Granskning"]
    assert not WorkflowPage.objects.filter(page__depth=1).exists()


def test_the_retirement_leaves_a_moderators_approval_with_groups_alone(db):
    retire = importlib.import_module("knowledge.migrations.0007_retire_wagtails_example_workflow").retire
    kept = Workflow.objects.create(name="Moderators approval")
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.set([Group.objects.get(name=roles.EDITOR)])
    WorkflowTask.objects.create(workflow=kept, task=task, sort_order=0)
    retired = Workflow.objects.create(name="Moderators approval")
    WorkflowTask.objects.create(workflow=retired, task=GroupApprovalTask.objects.create(name="Moderators approval"))
    WorkflowPage.objects.create(workflow=retired, page=Page.objects.get(depth=1))

    retire(apps, None)

    kept.refresh_from_db()
    retired.refresh_from_db()
    assert kept.active and not retired.active
    assert not WorkflowPage.objects.filter(workflow=retired).exists()
