"""Queue the daily or weekly forum digest; run it from cron or a systemd timer (see the README)."""

from django.core.management.base import BaseCommand

from accounts.models import EmailFrequency
from forum.tasks import send_digests


class Command(BaseCommand):
    help = "E-mail everyone who chose a daily or weekly digest the forum notifications they have not read yet."

    def add_arguments(self, parser):
        parser.add_argument("frequency", choices=[EmailFrequency.DAILY, EmailFrequency.WEEKLY])

    def handle(self, *args, frequency, **options):
        result = send_digests.enqueue(frequency)
        if result.is_finished:
            if result.errors:
                self.stderr.write(f"The {frequency} digest failed: {result.errors[0].traceback}")
            else:
                self.stdout.write(f"{frequency.capitalize()} digest e-mails sent: {result.return_value}.")
        else:
            self.stdout.write(f"Queued the {frequency} digest (task {result.id}); the db_worker process sends it.")
