import json
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from devtools.soak import world


class Command(BaseCommand):
    help = (
        "Add the soak's simulated people (password from SOAK_PASSWORD) to a throwaway demo database and write the "
        "map of what they may do as JSON. Run by `make soak`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=50)
        parser.add_argument("--out", type=Path, required=True, help="Where to write the JSON.")

    def handle(self, *args, people, out, **options):
        if not getattr(settings, "DEMO_SEED_ALLOWED", False):
            raise CommandError("soak_world refuses to run with production settings: it creates known passwords.")
        password = os.environ.get("SOAK_PASSWORD", "")
        if len(password) < 12:
            raise CommandError("Set SOAK_PASSWORD (12 characters or more) in the environment.")
        if world.soak_people().exists():
            raise CommandError("The soak's people are already in this database: the soak needs a fresh one.")
        with transaction.atomic():
            made = world.create_people(password, people)
        description = world.describe(made)
        out.write_text(json.dumps(description, ensure_ascii=False, indent=1), encoding="utf-8")
        self.stdout.write(
            f"{len(made)} people; {len(description['categories'])} categories, {len(description['threads'])} threads "
            f"and {len(description['events'])} open events they all may use."
        )
