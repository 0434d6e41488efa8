"""The soak's own judgement: the criteria it applies to a run's records, and the checks it makes in the database.

The soak itself (`make soak`) restarts PostgreSQL and takes minutes, so it is not part of the suite; what decides
whether it passes is, here, on records and rows made for the purpose.
"""

import json
import random
from datetime import timedelta
from io import StringIO

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.core.mail import EmailMessage, get_connection
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts import roles
from accounts.models import User
from devtools.soak import check, run, verdict
from devtools.soak.people import Person, Records, Request, dropped, token
from events import services as events
from forum import mail, services
from forum.models import Category, Notification
from tests.factories import EventPageFactory, UserFactory, forum_category, start_thread

OUTAGE = {"started": 30.0, "ready": 33.0}
KILL = {"at": 15.0, "port": 8161, "pid": 4711, "respawned_after": 0.4}
PORTS = [8161, 8162]


def request(started, ended, status, port=8161, kind="thread", retried_after=""):
    error = "" if status else "ConnectionError: ('Connection aborted.', ConnectionResetError(104))"
    return {
        "person": 1,
        "kind": kind,
        "method": "GET",
        "port": port,
        "started": started,
        "ended": ended,
        "status": status,
        "error": error,
        "retried_after": retried_after,
    }


def probe(started, status, port=8161, ended=None):
    return {"port": port, "started": started, "ended": ended or started + 0.05, "status": status}


def passing_findings():
    return {
        "queue_drained_after_seconds": 0.5,
        "writes_checked": 3,
        "writes_by_kind": {"thread": 1, "reply": 2},
        "writes_missing": [],
        "counters": [],
        "mail": {
            "tasks": {"SUCCESSFUL": 2},
            "messages": 2,
            "problems": [],
            "expected": 2,
            "sent_once": 2,
            "duplicates": 0,
            "notifications_queued": 2,
            "registrations_queued": 0,
            "notifications_not_queued": 0,
        },
    }


def good_run(**changes):
    """A run that meets every criterion; each test spoils one thing."""
    run = {
        "people": 2,
        "seconds": 60,
        "ports": PORTS,
        "workers": 2,
        "cores": 2,
        "setup_seconds": 60,
        "sign_in_seconds": 5,
        "total_seconds": 150,
        "sign_in_failed": [],
        "requests": [
            request(10, 10.2, 200),
            request(31, 31.1, 500),  # inside the outage: allowed
            request(33.5, 33.7, 200, port=8161),
            request(34, 34.3, 302, port=8162, kind="reply"),
        ],
        "writes": [],
        "refused": [],
        "probes": [
            probe(29.0, 200),
            probe(29.0, 200, port=8162),
            probe(31.0, 503),
            probe(31.0, 503, port=8162),
            probe(34.0, 200),
            probe(34.0, 200, port=8162),
        ],
        "postgres_down": [[30.5, 30.55], [31.0, 31.05], [31.5, 31.55], [32.0, 32.05]],
        "outage": OUTAGE,
        "kill": KILL,
        "check": passing_findings(),
        "worker_alive": True,
    }
    run.update(changes)
    return run


def failed(run):
    return [criterion.name for criterion in verdict.judge(run) if not criterion.passed]


def test_a_good_run_passes_every_criterion_and_its_summary_says_so():
    run = good_run()
    assert failed(run) == []
    lines = verdict.summary(run, verdict.judge(run))
    assert not any(line.startswith("[FAIL]") for line in lines)
    assert any(line.startswith("all ") and line.split()[1:7] == ["4", "2", "1", "0", "1", "0"] for line in lines)


def test_a_5xx_outside_the_outage_fails_and_one_inside_does_not():
    run = good_run()
    run["requests"].append(request(40, 40.2, 502))
    assert failed(run) == ["No 5xx outside the outage window"]
    # A request that began before the restart and ended in it counts as inside.
    assert failed(good_run(requests=[*good_run()["requests"], request(29.5, 30.5, 500)])) == []


def test_a_healthz_that_says_200_while_postgresql_is_down_fails():
    run = good_run()
    run["probes"].append(probe(31.2, 200, port=8162))
    assert failed(run) == ["/healthz answers 503 while PostgreSQL is down"]


def test_a_200_answered_while_the_first_check_that_found_postgresql_down_was_running_is_no_failure():
    # pg_isready was asked at 30.5 and answered at 30.55: PostgreSQL may still have been up at 30.52.
    run = good_run()
    run["probes"].append(probe(30.51, 200, ended=30.53))
    assert failed(run) == []
    run["probes"].append(probe(30.56, 200, ended=30.58))
    assert failed(run) == ["/healthz answers 503 while PostgreSQL is down"]
    assert verdict.surely_down(run["postgres_down"]) == (30.55, 32.0)


def test_an_instance_whose_healthz_never_said_503_fails():
    run = good_run()
    run["probes"] = [item for item in run["probes"] if not (item["port"] == 8162 and item["status"] == 503)]
    assert failed(run) == ["/healthz answers 503 while PostgreSQL is down"]


def test_serving_again_more_than_ten_seconds_after_postgresql_returns_fails():
    run = good_run()
    run["probes"] = [item for item in run["probes"] if item["started"] < 33] + [probe(43.5, 200), probe(34, 200, 8162)]
    assert failed(run) == ["Serving again within 10 s after PostgreSQL returns"]
    assert verdict.recovery(run["probes"], PORTS, OUTAGE["ready"], lambda item: item["status"] == 200) == {
        8161: 10.55,
        8162: 1.05,
    }


def test_a_request_lost_with_the_killed_worker_is_excused_and_one_lost_later_is_not():
    run = good_run()
    run["requests"].append(request(14.0, 15.1, None))
    assert failed(run) == []
    run["requests"].append(request(20.0, 20.5, None))
    assert failed(run) == ["Every request answered, outside the outage and the killed worker's own"]


def test_a_missing_write_a_wrong_counter_or_a_duplicate_e_mail_fails():
    missing = passing_findings()
    missing["writes_missing"] = [{"kind": "reply", "token": "soakabc", "problem": "0 posts carry the token"}]
    counter = passing_findings()
    counter["counters"] = ["post 3: helpful_count 2, 1 marks"]
    duplicate = passing_findings()
    duplicate["mail"].update(problems=["sent more than once: [7]"], duplicates=1, sent_once=1)
    assert failed(good_run(check=missing)) == ["Every acknowledged write is in the database (row by row)"]
    assert failed(good_run(check=counter)) == ["Every acknowledged write is in the database (row by row)"]
    assert failed(good_run(check=duplicate)) == ["The task worker resumes and sends every queued e-mail once"]
    assert failed(good_run(worker_alive=False)) == ["The task worker resumes and sends every queued e-mail once"]


def test_a_worker_the_master_did_not_replace_fails():
    assert failed(good_run(kill={**KILL, "respawned_after": None})) == ["The killed gunicorn worker is replaced"]


def test_only_a_connection_the_server_dropped_is_tried_again():
    assert dropped("('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))")
    assert dropped("('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))")
    assert not dropped("HTTPConnectionPool(host='127.0.0.1', port=8161): Max retries exceeded (Connection refused)")


def test_a_token_is_letters_only_so_that_the_personal_data_guard_never_stops_it():
    marks = {token(random.Random(seed)) for seed in range(50)}
    assert len(marks) == 50
    assert all(mark.isalpha() and mark.startswith("soak") for mark in marks)


def test_a_person_keeps_within_the_forums_posting_limit():
    world = {"people": [{"email": "a@example.org", "handle": "A"}], "threads": [1]}
    now = [100.0]
    person = Person(1, world["people"][0], "password", world, PORTS, Records(lambda: now[0]), seed=1)
    for _post in range(4):
        assert person.may_post()
        person.posted_at.append(now[0])
    assert not person.may_post()
    now[0] += 61
    assert person.may_post()


# --- the checks in the database ---------------------------------------------------------------------------------


@pytest.fixture
def writer(db):
    return UserFactory(roles=[roles.EMPLOYEE])


def test_an_acknowledged_thread_is_found_by_its_token_author_and_category(writer):
    category = forum_category()
    start_thread(writer, category=category, title="Hur gör ni? (soakqwertyuiop)", body="Märkning: soakqwertyuiop")
    write = {"kind": "thread", "person": writer.email, "token": "soakqwertyuiop", "category": category.pk}

    assert check.check_write(write) == ""
    assert check.check_write({**write, "token": "soakmissing"}) == "0 threads carry the token"
    assert check.check_write({**write, "person": "someone@example.org"}) == f"author is {writer.email}"


def test_an_acknowledged_reply_with_a_mention_is_found_with_its_mention_and_notification(writer):
    mentioned = UserFactory(roles=[roles.EMPLOYEE])
    thread = start_thread()
    handle = mentioned.email.split("@")[0]
    services.reply(thread, author=writer, body=f"Märkning: soakasdfghjkl\n\nVad tror du, @{handle}?")
    write = {
        "kind": "reply",
        "person": writer.email,
        "token": "soakasdfghjkl",
        "thread": thread.pk,
        "mentions": [mentioned.email],
    }

    assert check.check_write(write) == ""
    assert check.check_write({**write, "thread": thread.pk + 1}) == f"in thread {thread.pk}, not {thread.pk + 1}"
    other = UserFactory()
    assert check.check_write({**write, "mentions": [other.email]}) == f"{other.email} is not among the post's mentions"


def test_a_reaction_and_a_registration_are_found_by_post_event_and_person(writer):
    thread = start_thread()
    services.mark_helpful(thread.posts.get(), by=writer)
    event = EventPageFactory(starts_at=timezone.now() + timedelta(days=3))
    events.register(event, writer)

    assert check.check_write({"kind": "helpful", "person": writer.email, "post": thread.posts.get().pk}) == ""
    assert check.check_write({"kind": "registration", "person": writer.email, "event": event.pk}) == ""
    assert check.check_write({"kind": "registration", "person": "x@example.org", "event": event.pk}) == (
        "0 active registrations"
    )
    assert check.check_counters([{"kind": "helpful", "post": thread.posts.get().pk}]) == []


def queued_notification(notification):
    DBTaskResult.objects.create(
        status=TaskResultStatus.SUCCESSFUL,
        args_kwargs={"args": [[notification.pk]], "kwargs": {}},
        task_path=check.NOTIFICATION_TASK,
        backend_name="default",
        run_after=timezone.now(),
    )


@pytest.mark.parametrize(("sends", "sent_once", "duplicates"), [(1, 1, 0), (2, 0, 1), (0, 0, 0)])
def test_each_queued_notification_is_matched_to_the_e_mails_that_name_it(
    writer, settings, tmp_path, sends, sent_once, duplicates
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    thread = start_thread(writer)
    services.reply(thread, author=UserFactory(), body="Svar")
    notification = Notification.objects.get(recipient=writer)
    queued_notification(notification)
    for _send in range(sends):
        mail.send_notification_email(notification)
    if sends:
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())

    report = check.check_mail(tmp_path)

    assert (report["expected"], report["sent_once"], report["duplicates"], report["messages"]) == (
        1,
        sent_once,
        duplicates,
        sends,
    )
    assert bool(report["problems"]) == (sends != 1)


def test_messages_are_read_back_from_the_files_the_file_backend_wrote(settings, tmp_path):
    settings.EMAIL_FILE_PATH = str(tmp_path)
    connection = get_connection("django.core.mail.backends.filebased.EmailBackend")
    connection.send_messages(
        [
            EmailMessage("Första", "Länk: http://x/forum/notiser/1/", to=["a@example.org"]),
            EmailMessage("Andra – å", "Text", to=["b@example.org"]),
        ]
    )
    assert [(message["to"], message["subject"]) for message in check.read_mail(tmp_path)] == [
        (["a@example.org"], "Första"),
        (["b@example.org"], "Andra – å"),
    ]


def test_the_soaks_people_may_sign_in_and_are_sent_only_where_every_one_of_them_may_write(db, tmp_path, monkeypatch):
    monkeypatch.setenv("SOAK_PASSWORD", "ett-langt-losenord-for-soak")
    event = EventPageFactory(starts_at=timezone.now() + timedelta(days=3))
    EventPageFactory(starts_at=timezone.now() + timedelta(days=3), registration_deadline=timezone.now())
    out = tmp_path / "world.json"

    call_command("soak_world", people=3, out=out, stdout=StringIO())

    described = json.loads(out.read_text(encoding="utf-8"))
    people = User.objects.filter(email__in=[person["email"] for person in described["people"]])
    assert len(people) == 3 and all(person.check_password("ett-langt-losenord-for-soak") for person in people)
    assert [person["handle"] for person in described["people"]] == ["Agnes Provsson", "Alva Provsson", "Anton Provsson"]
    open_to_all = set.intersection(*(set(Category.objects.visible_to(person)) for person in people))
    assert {category["pk"] for category in described["categories"]} == {category.pk for category in open_to_all}
    assert "redaktionsrummet" not in {category["slug"] for category in described["categories"]}
    assert [item["pk"] for item in described["events"]] == [event.pk]  # the other one closed its registration
    with pytest.raises(CommandError):
        call_command("soak_world", people=3, out=out, stdout=StringIO())


def test_what_was_recorded_before_the_load_lies_before_its_zero(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(run.time, "monotonic", lambda: now[0])
    clock = run.Clock()
    records = Records(clock)
    now[0] = 1004.0
    records.requests.append(Request(1, "login", "POST", 8161, started=clock() - 1, ended=clock()))
    now[0] = 1010.0
    clock.restart(records)
    assert clock() == 0
    assert (records.requests[0].started, records.requests[0].ended) == (-7.0, -6.0)
