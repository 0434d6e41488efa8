"""The three writing forms (new thread, reply, edit): mentions pointed out before a post goes out, the draft the browser
keeps, quotes in the thread's language, and where "Fråga en kollega" and "Diskutera" lead."""

import uuid

import pytest

from django.conf import settings
from django.urls import reverse

from accounts.models import Municipality
from forum.mentions import person_url
from forum.models import Category, Notification, Post, Thread
from forum.views.writing import SENT_DRAFTS
from knowledge.models import MunicipalityPage
from tests.factories import UserFactory, forum_category, start_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna_in_jarfalla():
    return UserFactory(
        first_name="Anna",
        last_name="Larsson",
        email="anna.larsson@jarfalla.example",
        municipality=Municipality.objects.get(slug="jarfalla"),
    )


@pytest.fixture
def anna_in_sigtuna():
    return UserFactory(first_name="Anna", last_name="Larsson", email="anna.larsson@sigtuna.example")


def reply_data(body, **more):
    return {"body": body, "submission_key": str(uuid.uuid4()), **more}


def test_the_preview_links_mentions_and_names_who_is_mentioned(member_client, member, anna_in_jarfalla):
    thread = start_thread(member)
    response = member_client.post(
        reverse("forum:reply", args=[thread.pk]), reply_data("Vad säger @Anna Larsson?", preview="1")
    )
    html = response.content.decode()
    assert f'<a href="{person_url(anna_in_jarfalla)}" rel="noopener noreferrer">@Anna Larsson</a>' in html
    assert "Omnämnda: Anna Larsson (Järfälla)" in html
    assert 'id="mention-problems"' not in html
    assert thread.posts.count() == 1


def test_a_mention_of_nobody_holds_the_post_back_once_then_it_goes_out_as_plain_text(member_client, member):
    thread = start_thread(member)
    url = reverse("forum:reply", args=[thread.pk])
    data = reply_data("Tack @Anna Larson för tipset")

    held = member_client.post(url, data)
    html = held.content.decode()
    assert held.status_code == 200 and thread.posts.count() == 1
    assert "Inte publicerat än: titta på omnämnandena nedan." in html
    assert "@Anna Larson motsvarar ingen kollega." in html
    assert '<input type="hidden" name="mentions_shown" value="@Anna Larson">' in html

    sent = member_client.post(url, {**data, "mentions_shown": "@Anna Larson"})
    assert sent.status_code == 302
    assert thread.posts.get(number=2).body_html == "<p>Tack @Anna Larson för tipset</p>"


def test_a_new_problem_after_the_preview_holds_the_post_back_again(member_client, member):
    thread = start_thread(member)
    data = reply_data("Tack @Anna Larson och @Bo Ingen", mentions_shown="@Anna Larson")
    response = member_client.post(reverse("forum:reply", args=[thread.pk]), data)
    assert response.status_code == 200 and "@Bo Ingen motsvarar ingen kollega." in response.content.decode()
    assert thread.posts.count() == 1


def test_a_shared_name_is_pointed_out_with_the_handles_to_choose_from(
    member_client, member, anna_in_jarfalla, anna_in_sigtuna
):
    response = member_client.post(
        reverse("forum:new_thread"),
        {
            "title": "Vem vet mest om Trappan?",
            "kind": "question",
            "category": forum_category().pk,
            "body": "Fråga @Anna Larsson!",
            "submission_key": str(uuid.uuid4()),
        },
    )
    html = response.content.decode()
    assert "@Anna Larsson passar in på flera kollegor. Skriv den du menar:" in html
    assert "<code>@Anna Larsson (Järfälla)</code>" in html and "<code>@Anna Larsson (Sigtuna)</code>" in html
    assert not Thread.objects.exists()


def test_an_edit_that_adds_a_mention_of_nobody_is_held_back_too(member_client, member):
    post = start_thread(member).posts.get()
    url = reverse("forum:edit_post", args=[post.pk])
    response = member_client.post(url, {"title": post.thread.title, "body": "Hej @Ingen Alls", "version": 1})
    assert "@Ingen Alls motsvarar ingen kollega." in response.content.decode()
    post.refresh_from_db()
    assert post.version == 1


def test_the_quote_header_is_in_the_threads_language_whatever_the_quoter_reads(client, member, colleague):
    thread = start_thread(member, body="Vi har goda erfarenheter.")
    client.force_login(colleague)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("forum:reply", args=[thread.pk]), {"citera": thread.posts.get().pk})
    assert response.context["form"].initial["body"].startswith(f"> **{member}** skrev:\n> Vi har goda erfarenheter.")
    assert '<html lang="en">' in response.content.decode()


def test_each_form_names_its_draft_and_a_sent_one_is_forgotten_on_the_next_page(member_client, member):
    thread = start_thread(member)
    key = f"kf-draft:{member.pk}:svar-{thread.pk}"
    assert f'data-draft-key="{key}"' in member_client.get(thread.get_absolute_url()).content.decode()
    assert f'data-draft-key="{key}"' in member_client.get(reverse("forum:reply", args=[thread.pk])).content.decode()

    held = member_client.post(reverse("forum:reply", args=[thread.pk]), reply_data("Hej @Ingen Alls"))
    assert SENT_DRAFTS not in member_client.session and "data-forget-drafts" not in held.content.decode()

    member_client.post(reverse("forum:reply", args=[thread.pk]), reply_data("Ett svar"))
    assert member_client.session[SENT_DRAFTS] == [key]
    page = member_client.get(thread.get_absolute_url()).content.decode()
    assert f'data-forget-drafts="{key}"' in page
    assert "data-forget-drafts" not in member_client.get(thread.get_absolute_url()).content.decode()


def test_drafts_of_a_new_thread_and_an_edit_have_keys_of_their_own(member_client, member, make_method):
    method = make_method("Trappan")
    post = start_thread(member).posts.get()
    new = member_client.get(reverse("forum:new_thread")).content.decode()
    assert f'data-draft-key="kf-draft:{member.pk}:ny"' in new
    about_method = member_client.get(reverse("forum:new_thread"), {"sida": method.pk}).content.decode()
    assert f'data-draft-key="kf-draft:{member.pk}:ny-{method.pk}"' in about_method
    edit = member_client.get(reverse("forum:edit_post", args=[post.pk])).content.decode()
    assert f'data-draft-key="kf-draft:{member.pk}:redigera-{post.pk}"' in edit


def test_logging_out_forgets_the_drafts_of_this_browser(member_client):
    assert "data-forget-all-drafts" in member_client.get(reverse("forum:index")).content.decode()


def test_ask_a_colleague_on_the_start_page_opens_the_new_thread_form(member_client, sections):
    html = member_client.get("/").content.decode()
    assert f'href="{reverse("forum:new_thread")}">Fråga en kollega</a>' in html


def test_discuss_starts_in_the_category_for_methods_with_the_methods_tags(member_client, make_method, make_experience):
    method = make_method("Trappan", tags=["Skola", "Barn som upplever våld"])
    form = member_client.get(reverse("forum:new_thread"), {"sida": method.pk}).context["form"]
    assert form.initial["category"] == Category.objects.get(slug="metodfragor")
    assert form.initial["tags"] == "Barn som upplever våld, Skola"
    assert form.initial["knowledge_page"] == method.pk

    experience = make_experience("Trappan i Sigtuna", tags=["Skola"])
    form = member_client.get(reverse("forum:new_thread"), {"sida": experience.pk}).context["form"]
    assert (form.initial["category"].slug, form.initial["tags"]) == ("metodfragor", "Skola")


def test_discuss_keeps_to_what_the_person_may_use(member_client, member, make_method):
    method = make_method("Trappan", tags=[f"Tagg {number}" for number in range(7)])
    Category.objects.get(slug="metodfragor").restricted_to_municipalities.add(Municipality.objects.get(slug="jarfalla"))
    form = member_client.get(reverse("forum:new_thread"), {"sida": method.pk}).context["form"]
    assert "category" not in form.initial
    assert form.initial["tags"] == ", ".join(f"Tagg {number}" for number in range(5))
    data = {
        "title": "Hur många samtal?",
        "kind": "question",
        "category": forum_category().pk,
        "tags": form.initial["tags"],
        "body": "Hur gör ni?",
        "knowledge_page": method.pk,
        "submission_key": str(uuid.uuid4()),
    }
    member_client.post(reverse("forum:new_thread"), data)
    assert sorted(Thread.objects.get().tags.names()) == [f"Tagg {number}" for number in range(5)]


def test_a_mention_leads_to_the_persons_profile_and_the_old_address_still_does(
    member_client, member, anna_in_jarfalla, sections
):
    profile = reverse("people:profile", args=[anna_in_jarfalla.pk])
    assert person_url(anna_in_jarfalla) == profile
    assert member_client.get(reverse("forum:person", args=[anna_in_jarfalla.pk])).url == profile
    assert member_client.get(reverse("forum:person", args=[987654]), follow=False).status_code == 404


def test_the_old_address_of_a_deactivated_person_leads_to_their_municipality(member_client, anna_in_jarfalla, sections):
    anna_in_jarfalla.is_active = False
    anna_in_jarfalla.save()
    page = MunicipalityPage.objects.get(municipality__slug="jarfalla")
    assert person_url(anna_in_jarfalla) == reverse("forum:person", args=[anna_in_jarfalla.pk])
    response = member_client.get(person_url(anna_in_jarfalla))
    assert response.status_code == 302 and response.url == page.url
    page.unpublish()
    assert member_client.get(person_url(anna_in_jarfalla)).url == f"{reverse('forum:index')}?kommun=jarfalla"


def test_mention_suggestions_take_the_whole_name_and_give_a_handle_that_mentions(
    member_client, anna_in_jarfalla, anna_in_sigtuna
):
    UserFactory(first_name="Anders", last_name="Lind")
    results = member_client.get(reverse("forum:suggest_people"), {"q": "anna la"}).json()["results"]
    assert [(result["name"], result["municipality"], result["handle"]) for result in results] == [
        ("Anna Larsson", "Järfälla", "Anna Larsson (Järfälla)"),
        ("Anna Larsson", "Sigtuna", "Anna Larsson (Sigtuna)"),
    ]
    [result] = member_client.get(reverse("forum:suggest_people"), {"q": "Anna Larsson (sig"}).json()["results"]
    assert result["handle"] == "Anna Larsson (Sigtuna)"
    results = member_client.get(reverse("forum:suggest_people"), {"q": "åsa"}).json()["results"]
    assert results == []
    asa = UserFactory(first_name="Åsa", last_name="Öberg")
    [result] = member_client.get(reverse("forum:suggest_people"), {"q": "åsa ö"}).json()["results"]
    assert result["handle"] == "Åsa Öberg"
    thread = start_thread(UserFactory())
    post = Post.objects.get(thread=thread)
    assert asa.pk not in post.mentions.values_list("pk", flat=True)
    member_client.post(reverse("forum:reply", args=[thread.pk]), reply_data(f"Hej @{result['handle']}!"))
    assert Notification.objects.filter(recipient=asa, kind="mention").count() == 1


def test_a_mention_of_someone_who_may_not_read_the_category_is_pointed_out(member_client, member, anna_in_jarfalla):
    room = Category.objects.create(name="Sigtuna internt", slug="sigtuna-internt")
    room.restricted_to_municipalities.add(member.municipality)
    thread = start_thread(member, category=room)
    response = member_client.post(reverse("forum:reply", args=[thread.pk]), reply_data("Vad säger @Anna Larsson?"))
    html = response.content.decode()
    assert "@Anna Larsson kan inte läsa trådar i den här kategorin och får därför inte veta något." in html
    assert "Omnämnda:" not in html
    assert thread.posts.count() == 1
    member_client.post(
        reverse("forum:reply", args=[thread.pk]), reply_data("Vad säger @Anna Larsson?", mentions_shown="@Anna Larsson")
    )
    assert thread.posts.count() == 2
    assert not Notification.objects.filter(recipient=anna_in_jarfalla).exists()
