from datetime import date, timedelta

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import GroupApprovalTask, GroupPagePermission

from accounts import roles
from accounts.models import User
from common import versions
from knowledge.models import MethodIndexPage, MunicipalityPage, TopicPage, TopicPin
from knowledge.models.workflows import may_reach_editor
from knowledge.visibility import PAGES_VERSION
from tests.conftest import queries_for
from tests.factories.events import make_event


def test_a_method_page_says_where_it_is_used_and_what_others_learned(member_client, make_method, make_experience):
    method = make_method(
        "Våldsmottagning",
        owner="jarfalla",
        used_in=[("jarfalla", "införd"), ("sollentuna", "prövas"), ("sigtuna", "avslutad")],
    )
    make_experience("Första året", owner="sigtuna", methods=[method])
    make_experience("Andra året", owner="sigtuna", methods=[method])
    make_experience("Så började vi", owner="jarfalla", methods=[method])
    html = member_client.get(method.url).content.decode()
    assert "Används i:</strong> Järfälla, Sollentuna" in html
    assert "3 erfarenheter från 2 kommuner" in html
    assert "Så började vi" in html
    assert "Senast granskad" in html


def test_the_experience_count_agrees_in_number_with_its_nouns(member_client, make_method, make_experience):
    method = make_method("Stödgrupp för barn", owner="jarfalla")
    make_experience("Första omgången", owner="sigtuna", methods=[method])
    assert "1 erfarenhet från 1 kommun<" in member_client.get(method.url).content.decode()

    make_experience("Andra omgången", owner="sigtuna", methods=[method])
    assert "2 erfarenheter från 1 kommun<" in member_client.get(method.url).content.decode()

    member_client.post("/sprak/", {"language": "en", "next": "/"})
    assert "2 experiences from 1 municipality<" in member_client.get(method.url).content.decode()


def test_only_those_who_may_edit_a_page_get_wagtails_user_bar(client, member, editor, make_method):
    method = make_method("Stödgrupp för barn", owner="sigtuna")
    client.force_login(member)
    assert "wagtail-userbar" not in client.get(method.url).content.decode()
    client.force_login(editor)  # a Redaktör in Sigtuna, the method's municipality
    assert "wagtail-userbar" in client.get(method.url).content.decode()


def test_the_user_bar_asks_nothing_of_those_who_cannot_edit_and_follows_a_change_of_page_permissions(
    client, member, make_method, sections
):
    method = make_method("Stödgrupp för barn", owner="sigtuna")
    client.force_login(member)
    client.get(method.url)
    with CaptureQueriesContext(connection) as captured:
        assert "wagtail-userbar" not in client.get(method.url).content.decode()
    asked = ("wagtailcore_grouppagepermission", "wagtailcore_workflowstate")
    assert [query["sql"] for query in captured if any(table in query["sql"] for table in asked)] == []
    GroupPagePermission.objects.create(
        group=Group.objects.get(name=roles.EMPLOYEE),
        page=sections[MethodIndexPage],
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    assert "wagtail-userbar" in client.get(method.url).content.decode()


def test_a_review_task_naming_a_persons_group_may_hand_them_pages_at_once(member, make_method):
    method = make_method("Stödgrupp för barn", owner="sigtuna")
    assert not may_reach_editor(member, method)
    task = GroupApprovalTask.objects.create(name="Medarbetarna granskar")
    task.groups.add(Group.objects.get(name=roles.EMPLOYEE))
    assert may_reach_editor(User.objects.get(pk=member.pk), method)


def test_a_method_page_runs_the_same_queries_for_2_and_12_experiences_and_events(
    member_client, make_method, make_experience
):
    method = make_method("Stödgrupp", used_in=[("jarfalla", "införd")])
    for number in range(2):
        make_experience(f"Erfarenhet {number}", methods=[method], tags=["stödgrupp"])
        make_event(f"Workshop {number}", methods=[method], tags=["stödgrupp"])
    member_client.get(method.url)
    few = queries_for(member_client, method.url), queries_drawn_anew(member_client, method.url)
    for number in range(2, 12):
        make_experience(f"Erfarenhet {number}", methods=[method], tags=["stödgrupp"])
        make_event(f"Workshop {number}", methods=[method], tags=["stödgrupp"])
    assert (queries_for(member_client, method.url), queries_drawn_anew(member_client, method.url)) == few


def queries_drawn_anew(client, url):
    """The queries of one GET with none of the page's parts in the cache (knowledge/parts.py), as after a write."""
    client.get(url)
    versions.renew(PAGES_VERSION)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_next_review_defaults_to_two_years_after_the_last(make_method):
    method = make_method("Riskbedömning", last_reviewed=date(2025, 3, 1))
    assert method.next_review_due == date(2027, 3, 1)


def test_an_experience_page_shows_its_fixed_headings_and_method(member_client, make_method, make_experience):
    method = make_method("Fritidsgårdar som stöd")
    experience = make_experience(
        "Utbildning av fritidsledare",
        methods=[method],
        background="<p>Unga berättade om våld för fritidsledarna.</p>",
        lessons_not_worked="<p>Kvällstider passade inte alla.</p>",
    )
    html = member_client.get(experience.url).content.decode()
    assert "Bakgrund och mål" in html
    assert "Lärdomar: det här fungerade inte" in html
    assert "Fritidsgårdar som stöd" in html


def test_a_municipality_page_lists_its_methods_by_query(member_client, make_method, make_experience):
    make_method("Metod som används i Sigtuna", owner="jarfalla", used_in=[("sigtuna", "införd")])
    make_method("Avslutad metod", owner="jarfalla", used_in=[("sigtuna", "avslutad")])
    make_experience("Erfarenhet från Sigtuna", owner="sigtuna")
    page = MunicipalityPage.objects.get(municipality__slug="sigtuna")
    html = member_client.get(page.url).content.decode()
    assert "Metod som används i Sigtuna" in html
    assert "Avslutad metod" not in html
    assert "Erfarenhet från Sigtuna" in html


def test_a_theme_page_shows_its_pinned_pages_grouped(member_client, sections, make_method, make_experience):
    from knowledge.models import HomePage

    method = make_method("Samtal om hedersnormer")
    experience = make_experience("Hedersnormer i årskurs 8", methods=[method])
    topic = TopicPage(title="Hedersrelaterat våld i skolan", slug="heder-i-skolan", summary="Temat.")
    topic.pins = [TopicPin(pinned=method), TopicPin(pinned=experience)]
    HomePage.objects.get().add_child(instance=topic)
    topic.save_revision().publish()
    html = member_client.get(topic.url).content.decode()
    assert html.index("Samtal om hedersnormer") < html.index("Hedersnormer i årskurs 8")
    assert "Metoder" in html and "Erfarenheter" in html


def test_the_tag_page_lists_everything_with_the_tag_grouped_by_type(member_client, make_method, make_experience):
    make_method("Åskådarprogram", tags=["Skola "])
    make_experience("Åskådarprogram i åk 9", tags=["skola"])
    make_method("Annat", tags=["annat"])
    response = member_client.get(reverse("knowledge:tag", kwargs={"slug": "skola"}))
    html = response.content.decode()
    assert "Åskådarprogram" in html and "Åskådarprogram i åk 9" in html
    assert "Annat" not in html


def test_one_tag_vocabulary_for_every_page_type(make_method, make_experience):
    from taggit.models import Tag

    from knowledge.tagging import parse_tags

    make_method("A", tags=parse_tags("Våld, barn"))
    make_experience("B", tags=parse_tags('"våld ", "  Barn  "'))
    assert sorted(Tag.objects.values_list("name", flat=True), key=str.casefold) == ["barn", "Våld"]


def test_an_unknown_tag_gives_404(member_client, db):
    assert member_client.get(reverse("knowledge:tag", kwargs={"slug": "finns-inte"})).status_code == 404


def test_atom_feeds_list_new_methods_experiences_and_tags(member_client, make_method, make_experience):
    make_method("Ny metod", tags=["unga"])
    make_experience("Ny erfarenhet", tags=["unga"])
    methods = member_client.get(reverse("knowledge:method_feed"))
    assert methods["Content-Type"].startswith("application/atom+xml")
    assert "<title>Ny metod</title>" in methods.content.decode()
    experiences = member_client.get(reverse("knowledge:experience_feed")).content.decode()
    assert "<title>Ny erfarenhet</title>" in experiences
    tagged = member_client.get(reverse("knowledge:tag_feed", kwargs={"slug": "unga"})).content.decode()
    assert "Ny metod" in tagged and "Ny erfarenhet" in tagged


def test_feeds_are_behind_the_login(client, db):
    response = client.get(reverse("knowledge:method_feed"))
    assert response.status_code == 302


def test_the_review_report_lists_methods_due_within_30_days(client, editor, make_method):
    today = date.today()
    make_method("Försenad", owner="sigtuna", last_reviewed=today - timedelta(days=800))
    make_method("Snart dags", owner="sigtuna", next_review_due=today + timedelta(days=20))
    make_method("Färsk", owner="sigtuna", last_reviewed=today)
    client.force_login(editor)
    html = client.get(reverse("methods_to_review")).content.decode()
    assert "Försenad" in html and "Snart dags" in html
    assert "Färsk" not in html


def test_the_knowledge_bank_counts_sections_and_shows_tags(member_client, make_method):
    make_method("En metod", tags=["samverkan"])
    html = member_client.get(reverse("knowledge:bank")).content.decode()
    assert "1 publicerad sida" in html
    assert "samverkan" in html
