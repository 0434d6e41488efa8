"""`manage.py db_worker`: django-tasks-db's worker, kept running through a restart of the database.

django-tasks-db's own worker stops at the first database error between tasks, and a task it was running when the
database went away stays marked as running for ever: after a restart of PostgreSQL (an upgrade, a failover) no
e-mail would go out until someone started the worker again, and the interrupted one never. This command has the
same name, options and work. When the database goes away it waits for it to come back, puts the task it was
running back in the queue, and goes on. Running a task again is safe: each e-mail is marked as sent when it is
sent (forum/tasks.py, events/tasks.py), and search index updates are idempotent.
"""

import logging
import os
import time

from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from django.db import connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader

from common.database import DATABASE_GONE

logger = logging.getLogger("intranet.worker")

RETRY_SECONDS = 1.0


class Worker(db_worker.Worker):
    def run(self):
        while self.running:
            try:
                return super().run()
            except DATABASE_GONE as error:
                logger.warning("The database went away (%s): the worker waits for it.", type(error).__name__)
                if self.wait_for_database():
                    requeued = self.requeue_interrupted_tasks()
                    logger.warning("The database is back: the worker goes on (%d tasks queued again).", requeued)
        return None

    def wait_for_database(self):
        """Reconnect once a second until the database answers; False if the worker was told to stop meanwhile."""
        alias = DBTaskResult.objects.db
        while self.running:
            connections[alias].close()
            try:
                connections[alias].ensure_connection()
            except DATABASE_GONE:
                time.sleep(RETRY_SECONDS)
            else:
                return True
        return False

    def requeue_interrupted_tasks(self):
        """Put the tasks this worker claimed and never finished back in the queue; returns how many."""
        running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, backend_name=self.backend_name)
        # The last worker to claim a task is the one running it; others' tasks are theirs to finish.
        interrupted = [result.pk for result in running if result.worker_ids[-1:] == [self.worker_id]]
        return DBTaskResult.objects.filter(pk__in=interrupted, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None
        )


class Command(db_worker.Command):
    help = "Run the database task worker; it waits out a restart of the database and goes on."

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        **options,
    ):
        self.configure_logging(verbosity)
        worker = Worker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only in the child that runs the tasks
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
