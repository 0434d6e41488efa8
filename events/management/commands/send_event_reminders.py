"""Queue the reminders of events that start within a day; run it every hour from cron or a systemd timer (README)."""

from django.core.management.base import BaseCommand

from events.tasks import send_reminders


class Command(BaseCommand):
    help = "E-mail a reminder to everyone with a place in an event that starts within the next day, once each."

    def handle(self, *args, **options):
        result = send_reminders.enqueue()
        if result.is_finished:
            if result.errors:
                self.stderr.write(f"The event reminders failed: {result.errors[0].traceback}")
            else:
                self.stdout.write(f"Event reminders sent: {result.return_value}.")
        else:
            self.stdout.write(f"Queued the event reminders (task {result.id}); the db_worker process sends them.")
