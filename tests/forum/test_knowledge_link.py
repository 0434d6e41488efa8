import pytest

from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import WorkflowState

from accounts import roles
from accounts.models import Municipality
from forum import knowledge_link, permissions, services
from forum.models import Category, Thread
from knowledge.models import ExperienceIndexPage, ExperiencePage
from knowledge.services import ensure_sections
from tests.factories import UserFactory, add_replies, start_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(db):
    return ensure_sections()


@pytest.fixture
def solved(member, colleague):
    thread = start_thread(
        member,
        title="Hur når vi föräldrar som inte kommer på möten?",
        body="Vi har **svårt** att nå föräldrar.\n\n> Ett citat\n\n## Bakgrund\n\nMer text.",
        tags=["Föräldrar", "Skola"],
    )
    answer = services.reply(thread, author=colleague, body="Vi ringde upp *alla* och bjöd på fika.")
    services.accept_answer(answer, by=member)
    return thread


@pytest.fixture
def sigtuna_editor(db):
    return UserFactory(roles=[roles.EDITOR], municipality=Municipality.objects.get(slug="sigtuna"))


def test_a_solved_thread_becomes_a_draft_experience_in_review(sections, solved, sigtuna_editor):
    page = knowledge_link.draft_experience_from_thread(solved, by=sigtuna_editor)

    page = ExperiencePage.objects.get(pk=page.pk)
    assert not page.live
    assert page.get_parent().specific == sections[ExperienceIndexPage]
    assert page.title == solved.title
    assert page.municipality == solved.municipality
    assert page.summary.startswith("Vi har svårt att nå föräldrar.")
    assert "<b>svårt</b>" in page.background and "<h3>Bakgrund</h3>" in page.background
    assert "<blockquote>" not in page.background
    assert "fika" in page.what_was_done and "<i>alla</i>" in page.what_was_done
    assert sorted(page.tags.names()) == ["Föräldrar", "Skola"]
    assert page.get_latest_revision().user == sigtuna_editor
    assert list(page.source_discussions.all()) == [solved]
    solved.refresh_from_db()
    assert solved.derived_page_id == page.pk
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Granskning"


def test_making_the_experience_twice_returns_the_same_page(sections, solved, sigtuna_editor):
    first = knowledge_link.draft_experience_from_thread(solved, by=sigtuna_editor)
    second = knowledge_link.draft_experience_from_thread(Thread.objects.get(pk=solved.pk), by=sigtuna_editor)
    assert first.pk == second.pk
    assert ExperiencePage.objects.count() == 1


def test_two_threads_with_one_title_get_two_pages(sections, solved, sigtuna_editor, member, colleague):
    twin = start_thread(member, title=solved.title, body="Samma fråga igen.")
    answer = services.reply(twin, author=colleague, body="Samma svar.")
    services.accept_answer(answer, by=member)
    pages = [knowledge_link.draft_experience_from_thread(t, by=sigtuna_editor) for t in (solved, twin)]
    assert pages[0].slug != pages[1].slug


def test_an_unsolved_thread_is_refused_with_a_reason(sections, member, sigtuna_editor):
    thread = start_thread(member)
    add_replies(thread, 1)
    with pytest.raises(permissions.ForumError, match="löst tråd"):
        knowledge_link.draft_experience_from_thread(thread, by=sigtuna_editor)
    assert not ExperiencePage.objects.exists()


def test_only_editors_and_the_board_may_turn_threads_into_pages(sections, solved, member):
    moderator = UserFactory(roles=[roles.MODERATOR])
    for person in (member, moderator):
        with pytest.raises(permissions.NotAllowed):
            knowledge_link.draft_experience_from_thread(solved, by=person)
    board = UserFactory(roles=[roles.BOARD], municipality=Municipality.objects.get(slug="sundbyberg"))
    page = knowledge_link.draft_experience_from_thread(solved, by=board)
    # The board works for every municipality, so the page stays with the thread's.
    assert page.municipality_id == solved.municipality_id


def test_an_editor_of_another_municipality_gets_the_page_for_their_own(sections, solved):
    jarfalla_editor = UserFactory(roles=[roles.EDITOR], municipality=Municipality.objects.get(slug="jarfalla"))
    page = knowledge_link.draft_experience_from_thread(solved, by=jarfalla_editor)
    assert page.municipality == jarfalla_editor.municipality
    assert page.permissions_for_user(jarfalla_editor).can_edit()


def test_a_thread_in_a_restricted_category_stays_out_of_the_knowledge_bank(sections, member, sigtuna_editor):
    room = Category.objects.create(name="Sigtunas rum", slug="sigtunas-rum")
    room.restricted_to_municipalities.add(member.municipality)
    thread = start_thread(member, category=room)
    answer = services.reply(thread, author=member, body="Svar.")
    services.accept_answer(answer, by=member)
    with pytest.raises(permissions.ForumError, match="begränsade kategorier"):
        knowledge_link.draft_experience_from_thread(thread, by=sigtuna_editor)


def test_the_admin_button_makes_the_draft_and_opens_its_editor(client, sections, solved, sigtuna_editor):
    client.force_login(sigtuna_editor)
    response = client.post(reverse("forum_admin:draft_experience", args=[solved.pk]))
    page = ExperiencePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(response["Location"]).status_code == 200


def test_the_admin_button_explains_why_an_unsolved_thread_cannot_be_turned(client, sections, member, sigtuna_editor):
    thread = start_thread(member)
    client.force_login(sigtuna_editor)
    response = client.post(reverse("forum_admin:draft_experience", args=[thread.pk]))
    assert response["Location"] == reverse("forum_admin:solved")
    messages = [str(message).strip() for message in get_messages(response.wsgi_request)]
    assert messages == ["Bara en löst tråd kan bli en erfarenhet. Markera svaret först."]
    assert not ExperiencePage.objects.exists()


def test_members_cannot_use_the_admin_button(client, sections, solved, member):
    client.force_login(member)
    response = client.post(reverse("forum_admin:draft_experience", args=[solved.pk]))
    assert response.status_code == 403
    assert not ExperiencePage.objects.exists()


def test_editors_find_solved_threads_in_the_admin(client, sections, solved, sigtuna_editor):
    client.force_login(sigtuna_editor)
    response = client.get(reverse("forum_admin:solved"))
    assert response.status_code == 200
    assert solved.title in response.content.decode()


def test_editors_see_the_draft_button_on_a_solved_thread_and_members_do_not(client, member, colleague):
    from django.urls import reverse

    from accounts import roles
    from forum import services
    from tests.factories import UserFactory, add_replies, start_thread

    thread = start_thread(member)
    services.accept_answer(add_replies(thread, 1, author=colleague)[0], by=member)
    button = reverse("forum_admin:draft_experience", args=[thread.pk])
    client.force_login(member)
    assert button not in client.get(thread.get_absolute_url()).content.decode()
    client.force_login(UserFactory(roles=[roles.EDITOR]))
    assert button in client.get(thread.get_absolute_url()).content.decode()


def test_an_earlier_draft_is_not_handed_to_someone_who_may_not_see_the_thread(sections, solved, sigtuna_editor):
    page = knowledge_link.draft_experience_from_thread(solved, by=sigtuna_editor)
    room = Category.objects.create(name="Sigtunas rum", slug="sigtunas-rum")
    room.restricted_to_municipalities.add(sigtuna_editor.municipality)
    Thread.objects.filter(pk=solved.pk).update(category=room)
    jarfalla_editor = UserFactory(roles=[roles.EDITOR], municipality=Municipality.objects.get(slug="jarfalla"))
    with pytest.raises(permissions.NotAllowed):
        knowledge_link.draft_experience_from_thread(Thread.objects.get(pk=solved.pk), by=jarfalla_editor)
    with pytest.raises(permissions.NotAllowed):
        knowledge_link.draft_experience_from_thread(Thread.objects.get(pk=solved.pk), by=UserFactory())
    assert knowledge_link.draft_experience_from_thread(solved, by=sigtuna_editor).pk == page.pk


def test_the_admin_button_on_a_thread_the_editor_may_not_see_names_no_page(client, sections, solved, sigtuna_editor):
    knowledge_link.draft_experience_from_thread(solved, by=sigtuna_editor)
    Thread.objects.filter(pk=solved.pk).update(is_hidden=True)
    client.force_login(UserFactory(roles=[roles.EDITOR], municipality=Municipality.objects.get(slug="jarfalla")))
    response = client.post(reverse("forum_admin:draft_experience", args=[solved.pk]))
    assert response.status_code == 404
    assert not list(get_messages(response.wsgi_request))


def test_the_thread_links_to_the_page_it_became_once_readers_may_see_it(
    client, sections, solved, member, sigtuna_editor
):
    page = knowledge_link.draft_experience_from_thread(solved, by=sigtuna_editor)
    client.force_login(member)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    became = "Became the page"
    button = reverse("forum_admin:draft_experience", args=[solved.pk])
    assert became not in client.get(solved.get_absolute_url()).content.decode()  # a draft in review
    ExperiencePage.objects.get(pk=page.pk).save_revision().publish()
    shown = client.get(solved.get_absolute_url()).content.decode()
    assert became in shown and page.url in shown
    client.force_login(sigtuna_editor)
    assert button not in client.get(solved.get_absolute_url()).content.decode()  # made once: no second draft
