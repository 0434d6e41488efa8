"""Professionals draft, editors of their municipality review and publish, authors are told."""

import pytest

from django.core import mail
from django.urls import reverse

from accounts import roles
from accounts.models import Municipality
from knowledge.models import MethodIndexPage, MethodPage
from tests.factories import UserFactory
from tests.knowledge.admin_forms import empty_inline_forms


def person(role, municipality):
    return UserFactory(roles=[role], municipality=Municipality.objects.get(slug=municipality))


@pytest.fixture
def sigtuna_member(db):
    return person(roles.EMPLOYEE, "sigtuna")


@pytest.fixture
def sigtuna_editor(db):
    return person(roles.EDITOR, "sigtuna")


@pytest.fixture
def jarfalla_editor(db):
    return person(roles.EDITOR, "jarfalla")


@pytest.fixture
def board_member(db):
    return person(roles.BOARD, "sundbyberg")


def draft_by(author, sections, title="Samtal om hedersnormer"):
    page = MethodPage(title=title, summary="Kort.", municipality=author.municipality, owner=author)
    sections[MethodIndexPage].add_child(instance=page)
    page.save_revision(user=author)
    page.refresh_from_db()
    return page


def test_the_editing_form_offers_an_employee_only_their_own_municipality(client, sections, sigtuna_member):
    client.force_login(sigtuna_member)
    index = sections[MethodIndexPage]
    form = client.get(f"/admin/pages/add/knowledge/methodpage/{index.pk}/")
    assert form.status_code == 200
    municipality_choices = form.context["form"].fields["municipality"].queryset
    assert list(municipality_choices) == [sigtuna_member.municipality]


def test_share_with_an_unknown_kind_is_404(member_client, sections):
    assert member_client.get(reverse("knowledge:share", kwargs={"kind": "recept"})).status_code == 404


def test_a_moderator_without_drafting_rights_gets_a_403_page(client, sections):
    client.force_login(person(roles.MODERATOR, "sigtuna"))
    response = client.get(reverse("knowledge:share", kwargs={"kind": "metod"}))
    assert response.status_code == 403


def test_an_employee_drafts_and_submits_but_cannot_publish(sections, sigtuna_member):
    page = draft_by(sigtuna_member, sections)
    permissions = page.permissions_for_user(sigtuna_member)
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_an_employee_cannot_draft_for_another_municipality(client, sections, sigtuna_member):
    client.force_login(sigtuna_member)
    index = sections[MethodIndexPage]
    response = client.post(
        f"/admin/pages/add/knowledge/methodpage/{index.pk}/",
        {
            "title": "Fel kommun",
            "slug": "fel-kommun",
            "summary": "Kort.",
            "municipality": Municipality.objects.get(slug="jarfalla").pk,
            "last_reviewed": "2026-11-01",
            "body-count": "0",
            **empty_inline_forms(),
        },
    )
    assert response.status_code == 200
    assert not MethodPage.objects.filter(slug="fel-kommun").exists()


def test_editors_work_on_their_own_municipality_and_the_board_on_all(
    sections, sigtuna_member, sigtuna_editor, jarfalla_editor, board_member
):
    page = draft_by(sigtuna_member, sections)
    assert page.permissions_for_user(sigtuna_editor).can_publish()
    assert not page.permissions_for_user(jarfalla_editor).can_edit()
    assert not page.permissions_for_user(jarfalla_editor).can_publish()
    assert page.permissions_for_user(board_member).can_publish()


def test_the_other_municipalitys_editor_is_refused_the_edit_form(client, sections, sigtuna_member, jarfalla_editor):
    page = draft_by(sigtuna_member, sections)
    client.force_login(jarfalla_editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code in (302, 403)
    assert "/admin/pages/" not in response.get("Location", "/admin/pages/edit")


def test_review_goes_to_the_municipalitys_editors_and_the_author_is_told(
    sections, sigtuna_member, sigtuna_editor, jarfalla_editor, board_member
):
    page = draft_by(sigtuna_member, sections)
    workflow = page.get_workflow()
    assert workflow.name == "Granskning"
    mail.outbox.clear()
    workflow.start(page, user=sigtuna_member)
    told = {address for message in mail.outbox for address in message.to}
    assert sigtuna_editor.email in told
    assert board_member.email in told
    assert jarfalla_editor.email not in told

    page.refresh_from_db()
    task_state = page.current_workflow_task_state.specific
    task = task_state.task.specific
    assert task.get_actions(page, jarfalla_editor) == []
    assert task.get_actions(page, sigtuna_member) == []
    assert [name for name, _label, _modal in task.get_actions(page, sigtuna_editor)][:2] == ["reject", "approve"]
    assert list(task.get_task_states_user_can_moderate(sigtuna_editor)) == [task_state]
    assert list(task.get_task_states_user_can_moderate(jarfalla_editor)) == []

    mail.outbox.clear()
    task.on_action(task_state, sigtuna_editor, "approve")
    page.refresh_from_db()
    assert page.live
    assert sigtuna_member.email in {address for message in mail.outbox for address in message.to}
