from django.conf import settings
from django.core.management.base import BaseCommand

from accounts import retention


class Command(BaseCommand):
    help = "Delete sign-in events and ended sign-in sessions older than SIGNIN_LOG_RETENTION_DAYS (run nightly)."

    def handle(self, *args, **options):
        entries, rows = retention.prune_signin_log()
        self.stdout.write(
            f"Deleted {entries} sign-in events and {rows} ended sessions older than "
            f"{settings.SIGNIN_LOG_RETENTION_DAYS} days."
        )
