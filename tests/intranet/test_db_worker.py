"""The task worker outlives a restart of the database: it waits, puts back what it was running, and goes on."""

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker as stock
from django_tasks_db.models import DBTaskResult

from django.core.management import get_commands
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from intranet.management.commands import db_worker

pytestmark = pytest.mark.django_db


def make_worker(worker_id="this-worker"):
    return db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
    )


def task_row(status, worker_ids):
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [[1]], "kwargs": {}},
        task_path="forum.tasks.send_notification_emails",
        backend_name="default",
        run_after=timezone.now(),
        worker_ids=worker_ids,
        started_at=timezone.now() if status == TaskResultStatus.RUNNING else None,
    )


def test_manage_py_db_worker_is_the_one_that_waits_for_the_database():
    assert get_commands()["db_worker"] == "intranet"


@pytest.mark.parametrize("error", [OperationalError("server closed the connection"), InterfaceError("closed")])
def test_a_database_that_goes_away_does_not_end_the_worker(monkeypatch, error):
    """django-tasks-db's own loop raises the error and ends; this one waits for the database and runs on."""
    outcomes = [error, None]
    calls = []

    def stock_loop(worker):
        calls.append("loop")
        outcome = outcomes.pop(0)
        if outcome:
            raise outcome

    monkeypatch.setattr(stock.Worker, "run", stock_loop)
    monkeypatch.setattr(db_worker.Worker, "wait_for_database", lambda worker: calls.append("wait") or True)
    monkeypatch.setattr(db_worker.Worker, "requeue_interrupted_tasks", lambda worker: calls.append("requeue") or 0)

    make_worker().run()

    assert calls == ["loop", "wait", "requeue", "loop"]


def test_an_error_that_is_not_the_database_going_away_still_ends_the_worker(monkeypatch):
    def stock_loop(worker):
        raise ValueError("a bug")

    monkeypatch.setattr(stock.Worker, "run", stock_loop)
    with pytest.raises(ValueError, match="a bug"):
        make_worker().run()


def test_the_task_it_was_running_goes_back_in_the_queue_and_others_tasks_stay_theirs():
    interrupted = task_row(TaskResultStatus.RUNNING, ["an-earlier-worker", "this-worker"])
    taken_over = task_row(TaskResultStatus.RUNNING, ["this-worker", "another-worker"])
    finished = task_row(TaskResultStatus.SUCCESSFUL, ["this-worker"])

    assert make_worker().requeue_interrupted_tasks() == 1

    statuses = {row.pk: row.status for row in DBTaskResult.objects.all()}
    assert statuses == {
        interrupted.pk: TaskResultStatus.READY,
        taken_over.pk: TaskResultStatus.RUNNING,
        finished.pk: TaskResultStatus.SUCCESSFUL,
    }
    assert DBTaskResult.objects.ready().get() == interrupted


class RestartingDatabase:
    """A connection that refuses `refusals` times, as PostgreSQL does while it restarts."""

    def __init__(self, refusals):
        self.refusals = refusals
        self.closed = 0

    def close(self):
        self.closed += 1

    def ensure_connection(self):
        if self.refusals:
            self.refusals -= 1
            raise OperationalError("the database system is starting up")


def test_waiting_reconnects_once_a_second_until_the_database_answers(monkeypatch):
    database = RestartingDatabase(refusals=3)
    pauses = []
    monkeypatch.setattr(db_worker, "connections", {"default": database})
    monkeypatch.setattr(db_worker.time, "sleep", pauses.append)

    assert make_worker().wait_for_database() is True
    assert pauses == [1.0, 1.0, 1.0]
    assert database.closed == 4  # the broken connection is dropped before each try


def test_a_worker_told_to_stop_while_waiting_stops(monkeypatch):
    worker = make_worker()
    database = RestartingDatabase(refusals=100)
    monkeypatch.setattr(db_worker, "connections", {"default": database})

    def stop(seconds):
        worker.running = False

    monkeypatch.setattr(db_worker.time, "sleep", stop)
    assert worker.wait_for_database() is False
    assert database.refusals == 99
