import subprocess
import sys
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command
from django.http import QueryDict
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page

from accounts import roles
from accounts.models import Municipality, User
from forum.models import Category, Notification, NotificationKind, Post, Report, Thread, ThreadKind
from knowledge.models import ArticlePage, ExperiencePage, HomePage, MethodPage, MunicipalityPage, TopicPage
from people.directory import find_colleagues

ROOT = Path(__file__).resolve().parents[2]


def test_seed_demo_creates_one_person_per_role_in_every_municipality(db, capsys):
    call_command("seed_demo")
    for municipality in Municipality.objects.all():
        for role in (roles.EMPLOYEE, roles.EDITOR, roles.MODERATOR, roles.ADMINISTRATOR):
            assert User.objects.filter(municipality=municipality, groups__name=role).count() == 1
    assert User.objects.get(email="medarbetare.jarfalla@demo.kunskapsforum.example").job_title == (
        "Socialsekreterare, våldsmottagningen"
    )
    output = capsys.readouterr().out
    assert "medarbetare.sigtuna@demo.kunskapsforum.example" in output
    assert "kunskap-demo-2026" in output


def test_seed_demo_passwords_log_in(client, db):
    call_command("seed_demo")
    response = client.post(
        "/logga-in/",
        {"username": "redaktor.jarfalla@demo.kunskapsforum.example", "password": "kunskap-demo-2026"},
    )
    assert response.status_code == 302


def test_seed_demo_takes_its_password_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "ett-eget-demolosenord")
    call_command("seed_demo")
    assert User.objects.get(email="moderator.sigtuna@demo.kunskapsforum.example").check_password(
        "ett-eget-demolosenord"
    )


def test_seed_demo_builds_the_pages_in_swedish(db):
    call_command("seed_demo")
    assert MunicipalityPage.objects.live().count() == 6
    article = ArticlePage.objects.live().get(slug="valkommen-till-kunskapsforum")
    assert article.title == "Välkommen till Kunskapsforum"
    assert "En månad fri från våld" in str(article.body)
    assert "våld i nära relationer" in HomePage.objects.get().intro


def test_seed_demo_fills_the_knowledge_bank_across_all_six_municipalities(db):
    call_command("seed_demo")
    assert MethodPage.objects.live().count() >= 12
    assert ExperiencePage.objects.live().count() >= 10
    assert ArticlePage.objects.live().count() >= 6
    assert TopicPage.objects.live().count() >= 2
    for municipality in Municipality.objects.all():
        assert MethodPage.objects.filter(municipality=municipality).exists(), municipality
        assert ExperiencePage.objects.filter(municipality=municipality).exists(), municipality
    assert MethodPage.objects.filter(title__icontains="våldsmottagning").exists()


def test_seed_demo_fills_the_forum_with_discussions_in_every_category(db):
    call_command("seed_demo")

    threads = Thread.objects.all()
    assert threads.count() >= 25
    for thread in threads:
        assert 2 <= thread.reply_count <= 8, thread
    assert set(threads.values_list("kind", flat=True)) == set(ThreadKind.values)
    seeded = ["forebyggande-arbete", "barn-och-unga", "hedersrelaterat-vald", "samverkan", "kampanjmanaden"]
    for slug in [*seeded, "metodfragor"]:
        assert threads.filter(category__slug=slug).exists(), slug
    restricted = Category.objects.get(slug="redaktionsrummet")
    assert restricted.is_restricted and threads.filter(category=restricted).exists()
    assert threads.solved().count() >= 5
    assert threads.filter(knowledge_page__in=MethodPage.objects.all()).count() >= 5
    assert {thread.municipality.slug for thread in threads} == set(Municipality.objects.values_list("slug", flat=True))
    assert Post.objects.exclude(mentions=None).exists() and Post.objects.exclude(quotes=None).exists()
    # The demo people wrote everything, and loading it told nobody anything but the reviewers, of the pages the
    # demo leaves waiting for their review (as a real submission does).
    assert not Post.objects.exclude(author__email__endswith="@demo.kunskapsforum.example").exists()
    assert set(Notification.objects.values_list("kind", flat=True)) == {NotificationKind.REVIEW_REQUESTED}
    # A moderator trying the demo finds reports in the queue.
    assert Report.objects.open().count() == 2
    # Whatever the day it is seeded, the latest post was written yesterday.
    latest = threads.latest_activity().first().last_activity_at
    assert timezone.localdate() - timezone.localtime(latest).date() == timedelta(days=1)


def test_seed_demo_can_run_twice_without_duplicates(db):
    call_command("seed_demo")
    pages, threads, posts = Page.objects.count(), Thread.objects.count(), Post.objects.count()
    call_command("seed_demo")
    assert User.objects.count() == 25
    assert MunicipalityPage.objects.count() == 6
    assert Page.objects.count() == pages
    assert (Thread.objects.count(), Post.objects.count()) == (threads, posts)
    assert Report.objects.count() == 2


def test_seed_demo_if_empty_leaves_an_existing_database_alone(db, member):
    call_command("seed_demo", "--if-empty")
    assert User.objects.count() == 1


@override_settings(DEMO_SEED_ALLOWED=False)
def test_seed_demo_refuses_settings_that_do_not_allow_seeding(db):
    with pytest.raises(CommandError, match="refuses to run with production settings"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()


def test_seed_demo_does_not_exist_with_production_settings():
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "seed_demo"],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "kunskapsforum.example",
            "SQLITE_PATH": "/nonexistent/never-created.sqlite3",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Unknown command: 'seed_demo'" in result.stderr


def test_seed_demo_shows_a_live_campaign_month_and_its_archive(db):
    from events.models import CampaignPage, EventPage, EventType, Registration, RegistrationStatus

    call_command("seed_demo")
    today = timezone.localdate()
    current = CampaignPage.objects.live().get(year=2026)
    assert current.theme == "Barn och unga"
    assert current.starts_on < today < current.ends_on
    assert current.partner_municipalities.count() == 6
    assert set(CampaignPage.objects.values_list("year", flat=True)) == {2020, 2021, 2022, 2026}

    events = EventPage.objects.live().child_of(current).with_counts()
    assert events.count() >= 14
    assert set(events.values_list("event_type", flat=True)) == set(EventType.values)
    hosts = set(events.values_list("municipality__slug", flat=True))
    assert hosts == {*Municipality.objects.values_list("slug", flat=True), None}
    assert {"Socialtjänst", "Fritid", "Skola"} <= set(events.values_list("sectors__name", flat=True))
    assert events.upcoming().count() > events.past().count() == 2
    assert any(event.is_online for event in events)
    [full] = [event for event in events if event.waiting_count]
    assert full.registered_count == full.capacity
    for past in events.past():
        assert past.experience.live and past.experience.municipality_id == past.municipality_id
        assert Registration.objects.filter(event=past, attended=True).exists()
    # Nobody outside the demo registered, and the demo told nobody.
    assert not Registration.objects.exclude(person__email__endswith="@demo.kunskapsforum.example").exists()
    assert Registration.objects.filter(status=RegistrationStatus.WAITING).count() == full.waiting_count


def test_seed_demo_adds_the_campaigns_once(db):
    from events.models import EventPage, Registration

    call_command("seed_demo")
    counts = (EventPage.objects.count(), Registration.objects.count(), ExperiencePage.objects.count())
    call_command("seed_demo")
    assert (EventPage.objects.count(), Registration.objects.count(), ExperiencePage.objects.count()) == counts


def test_demo_editors_pass_the_second_step_with_the_printed_key(client, db, settings, capsys):
    settings.MFA_REQUIRED = True
    call_command("seed_demo")
    assert "demo_code" in capsys.readouterr().out
    client.post(
        "/logga-in/",
        {"username": "redaktor.jarfalla@demo.kunskapsforum.example", "password": "kunskap-demo-2026"},
    )
    assert client.get("/admin/")["Location"].startswith("/tvastegs/")
    call_command("demo_code")
    code = capsys.readouterr().out.split()[0]
    assert client.post("/tvastegs/", {"code": code, "next": "/admin/"})["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_seed_demo_gives_sollentuna_a_sigtuna_colleague_who_knows_honour_violence_in_school(db):
    call_command("seed_demo", stdout=StringIO())
    viewer = User.objects.get(email="medarbetare.sollentuna@demo.kunskapsforum.example")
    found = find_colleagues(QueryDict("kommun=sigtuna&verksamhet=skola&kunskap=hedersfortryck&kunskap=skola"), viewer)
    assert [person.email for person in found.results] == ["medarbetare.sigtuna@demo.kunskapsforum.example"]
