import time

from django_otp.oath import TOTP

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from devtools.management.commands.seed_demo import DEV_ONLY_TOTP_KEY


class Command(BaseCommand):
    help = "Print the one-time code the demo accounts' authenticator app would show now (dev only)."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_SEED_ALLOWED", False):
            raise CommandError("demo_code runs only where seed_demo may.")
        totp = TOTP(bytes.fromhex(DEV_ONLY_TOTP_KEY))
        totp.time = time.time()
        left = 30 - int(totp.time) % 30
        self.stdout.write(f"{totp.token():06d}  (valid for {left} more seconds, and the 30 after)")
