import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from devtools.soak.check import check


class Command(BaseCommand):
    help = (
        "After a soak run: wait for the task queue to empty, look up every acknowledged write row by row and match "
        "every queued e-mail to the messages sent; write the findings as JSON. Run by `make soak`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--writes", type=Path, required=True, help="The run's JSON with its acknowledged writes.")
        parser.add_argument("--mail-dir", type=Path, required=True, help="Where the file e-mail backend wrote.")
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--wait", type=float, default=60, help="Seconds to wait for the queue to empty.")

    def handle(self, *args, writes, mail_dir, out, wait, **options):
        if not getattr(settings, "DEMO_SEED_ALLOWED", False):
            raise CommandError("soak_check belongs to the throwaway soak database, never to production.")
        recorded = json.loads(writes.read_text(encoding="utf-8"))["writes"]
        findings = check(recorded, mail_dir, wait_seconds=wait)
        out.write_text(json.dumps(findings, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        self.stdout.write(
            f"{findings['writes_checked']} writes checked, {len(findings['writes_missing'])} missing; "
            f"{findings['mail']['sent_once']} of {findings['mail']['expected']} e-mails sent once."
        )
