"""Remove personal data that has outlived its retention (docs/privacy.md). Run it daily, for example from cron."""

from django.core.management.base import BaseCommand

from accounts import rights


class Command(BaseCommand):
    help = "Remove sign-in logs older than 12 months and forget the addresses of accounts closed over a year ago."

    def handle(self, *args, **options):
        removed = rights.prune()
        for kind, count in removed.items():
            self.stdout.write(f"{kind}: {count}")
