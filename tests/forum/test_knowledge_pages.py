import pytest

from django.urls import reverse

from forum.models import Category, Thread
from tests.factories import start_thread

pytestmark = pytest.mark.django_db


def test_a_method_page_lists_its_discussions_and_offers_to_discuss(client, member, colleague, make_method):
    method = make_method("Trappan", tags=["Barn som upplever våld"])
    start_thread(member, title="Hur många samtal behövs i Trappan?", knowledge_page=method)
    room = Category.objects.create(name="Sigtuna internt", slug="sigtuna-internt")
    room.restricted_to_municipalities.add(member.municipality)
    start_thread(member, title="Intern fråga om Trappan", knowledge_page=method, category=room)
    client.force_login(colleague)

    content = client.get(method.url).content.decode()

    assert "Hur många samtal behövs i Trappan?" in content
    assert "Intern fråga om Trappan" not in content
    assert f"{reverse('forum:new_thread')}?sida={method.pk}" in content


def test_discuss_starts_a_thread_linked_to_the_page(member_client, member, make_method):
    method = make_method("Mentorer i våldsprevention")
    form_page = member_client.get(reverse("forum:new_thread"), {"sida": method.pk})
    assert "Mentorer i våldsprevention" in form_page.content.decode()
    member_client.post(
        reverse("forum:new_thread"),
        {
            "title": "Erfarenheter av MVP på högstadiet?",
            "kind": "experience",
            "category": Category.objects.get(slug="metodfragor").pk,
            "body": "Vi startar till hösten.",
            "knowledge_page": method.pk,
        },
    )
    thread = Thread.objects.get()
    assert thread.knowledge_page.specific == method
    assert "Mentorer i våldsprevention" in member_client.get(thread.get_absolute_url()).content.decode()


def test_the_tag_page_and_start_page_show_discussions(member_client, member, sections):
    start_thread(member, title="Orosanmälan från fritids", tags=["Orosanmälan"])
    assert (
        "Orosanmälan från fritids" in member_client.get(reverse("knowledge:tag", args=["orosanmalan"])).content.decode()
    )
    assert "Orosanmälan från fritids" in member_client.get("/").content.decode()


def test_the_category_feed_lists_titles_only_for_those_who_may_see_it(client, member, colleague):
    start_thread(
        member,
        title="Nätverksträff i Sollentuna",
        body="Hemlig detalj i texten",
        category=Category.objects.get(slug="samverkan"),
    )
    client.force_login(colleague)
    feed = client.get(reverse("forum:category_feed", args=["samverkan"])).content.decode()
    assert "Nätverksträff i Sollentuna" in feed and "Hemlig detalj" not in feed
    room = Category.objects.create(name="Sigtuna internt", slug="sigtuna-internt")
    room.restricted_to_municipalities.add(member.municipality)
    assert client.get(reverse("forum:category_feed", args=["sigtuna-internt"])).status_code == 404


@pytest.fixture
def editors_only_method(make_method):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    page = make_method("Metod bara för redaktörer")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Redaktör"))
    return page


def thread_form(page_id):
    return {
        "title": "En fråga om en sida",
        "kind": "question",
        "category": Category.objects.get(slug="metodfragor").pk,
        "body": "Hur gör ni?",
        "knowledge_page": page_id,
    }


def test_the_new_thread_form_names_only_a_page_the_person_may_see(member_client, editors_only_method):
    from wagtail.models import Page

    html = member_client.get(reverse("forum:new_thread"), {"sida": editors_only_method.pk}).content.decode()
    assert "Metod bara för redaktörer" not in html
    root = Page.objects.get(depth=1)
    assert root.title not in member_client.get(reverse("forum:new_thread"), {"sida": root.pk}).content.decode()
    assert member_client.get(reverse("forum:new_thread"), {"sida": "²"}).status_code == 200


def test_a_thread_is_about_a_method_or_experience_the_person_may_see_or_about_nothing(
    member_client, editors_only_method, sections
):
    from wagtail.models import Page

    for page in (editors_only_method, Page.objects.get(depth=1), sections[next(iter(sections))]):
        response = member_client.post(reverse("forum:new_thread"), thread_form(page.pk))
        assert response.status_code == 200
        assert "Sidan du vill diskutera finns inte eller är inte öppen för dig." in response.content.decode()
    assert not Thread.objects.exists()


def test_the_thread_page_names_the_discussed_page_only_to_those_who_may_see_it(
    client, member, editor, editors_only_method
):
    thread = start_thread(editor, title="Hur använder ni metoden?", knowledge_page=editors_only_method)
    client.force_login(member)
    assert "Metod bara för redaktörer" not in client.get(thread.get_absolute_url()).content.decode()
    client.force_login(editor)
    assert "Metod bara för redaktörer" in client.get(thread.get_absolute_url()).content.decode()
