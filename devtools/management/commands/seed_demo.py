import json
import os
from base64 import b32encode
from datetime import date, datetime, timedelta
from pathlib import Path

from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts import mfa, roles
from accounts.models import Municipality, Sector, User
from devtools.demo import content
from devtools.demo.campaigns import seed_campaigns
from devtools.demo.content import DEMO_DOMAIN
from forum.models import Post
from forum.services import report_post
from importing.services import import_content
from knowledge.models import AccessibilityStatementPage, ArticleIndexPage, ArticlePage, HomePage, MunicipalityPage
from knowledge.services import ensure_sections, publish_child
from people.directory import profile_of
from people.services import save_profile

DEV_ONLY_PASSWORD = "kunskap-demo-2026"  # noqa: S105 - printed by `make run`, refused in production
# The authenticator key of every demo account whose role requires two-step sign-in (accounts/mfa.py): printed with
# the logins, for an app or `manage.py demo_code`. Known to everyone, like the password, so never in production.
DEV_ONLY_TOTP_KEY = "4b756e736b6170736675726d2d64656d6f2d3236"  # hex of 20 bytes, as django-otp keeps it
ROLE_SLUGS = {
    roles.EMPLOYEE: "medarbetare",
    roles.EDITOR: "redaktor",
    roles.MODERATOR: "moderator",
    roles.ADMINISTRATOR: "admin",
}


def demo_totp_key():
    """The demo key as one types it into an authenticator app (base32)."""
    return b32encode(bytes.fromhex(DEV_ONLY_TOTP_KEY)).decode()


def demo_email(role, municipality):
    return f"{ROLE_SLUGS[role]}.{municipality.slug}@{DEMO_DOMAIN}"


BOARD_EMAIL = f"gemensam.redaktion@{DEMO_DOMAIN}"
DEMO_KNOWLEDGE = Path(content.__file__).with_name("knowledge.json")
DEMO_FORUM = Path(content.__file__).with_name("forum.json")


def moved_to_recent(forum, today):
    """The forum file with its times moved by whole days, so that its latest post was written yesterday."""
    posts = [post for thread in forum["threads"] for post in thread["posts"]]
    latest = max(datetime.fromisoformat(post["created_at"]) for post in posts)
    days = timedelta(days=(today - timedelta(days=1) - latest.date()).days)
    for post in posts:
        post["created_at"] = (datetime.fromisoformat(post["created_at"]) + days).isoformat(timespec="minutes")
    return forum


class Command(BaseCommand):
    help = (
        "Fill the database with the demo intranet: people in every role and municipality, pages, news, "
        "forum discussions and the campaign month with a live programme."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing (but print the logins) when people already exist."
        )

    def handle(self, *args, if_empty=False, **options):
        self.verbosity = options["verbosity"]
        if not getattr(settings, "DEMO_SEED_ALLOWED", False):
            raise CommandError("seed_demo refuses to run with production settings: it creates known passwords.")
        password = os.environ.get("DEMO_PASSWORD", DEV_ONLY_PASSWORD)
        if if_empty and User.objects.exists():
            self.stdout.write("The database already has people; demo content was not added again.")
        else:
            with transaction.atomic():
                self.create_people(password)
                self.create_board_member(password)
                self.create_pages()
                self.create_profiles()
            self.stdout.write(self.style.SUCCESS("Demo content is in place."))
        self.enrol_demo_apps()
        self.print_logins(password)

    def create_people(self, password):
        for municipality in Municipality.objects.all():
            for role in ROLE_SLUGS:
                email = demo_email(role, municipality)
                job_title = content.JOB_TITLES.get(email.split("@")[0]) or content.JOB_TITLES_BY_ROLE.get(role, role)
                user, created = User.objects.get_or_create(
                    email=email,
                    defaults={
                        "first_name": role,
                        "last_name": municipality.name,
                        "municipality": municipality,
                        "job_title": job_title,
                    },
                )
                if created:
                    user.set_password(password)
                    user.save()
                user.groups.add(Group.objects.get(name=role))

    def create_board_member(self, password):
        user, created = User.objects.get_or_create(
            email=BOARD_EMAIL,
            defaults={
                "first_name": "Gemensam",
                "last_name": "redaktion",
                "municipality": Municipality.objects.get(slug="jarfalla"),
                "job_title": "Redaktör i den gemensamma redaktionen",
            },
        )
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(Group.objects.get(name=roles.BOARD))

    def create_pages(self):
        home = HomePage.objects.get()
        home.intro = content.HOME_INTRO
        home.save_revision().publish()
        sections = ensure_sections()

        article = content.WELCOME_ARTICLE
        if not ArticlePage.objects.filter(slug=article["slug"]).exists():
            publish_child(
                sections[ArticleIndexPage],
                ArticlePage(
                    title=article["title"],
                    slug=article["slug"],
                    summary=article["summary"],
                    date=date.today(),
                    body=article["body"],
                ),
            )
        for page in MunicipalityPage.objects.filter(intro="").select_related("municipality"):
            page.intro = content.MUNICIPALITY_PAGES.get(page.municipality.slug, "")
            page.save_revision().publish()
        # Methods, experiences, articles, themes and the forum come in through the import, as real content would.
        out = self.stdout.write if self.verbosity > 1 else None
        import_content(DEMO_KNOWLEDGE, out=out)
        forum = json.loads(DEMO_FORUM.read_text(encoding="utf-8"))
        import_content(moved_to_recent(forum, timezone.localdate()), out=out)
        self.create_reports()
        seed_campaigns(timezone.now())
        # The shared mailbox for reports of accessibility gaps, at the demo's made-up domain.
        for statement in AccessibilityStatementPage.objects.filter(contact_email=""):
            statement.contact_email = f"tillganglighet@{DEMO_DOMAIN}"
            statement.save_revision().publish()

    def create_profiles(self):
        """Units, sectors and expertise for the demo's colleagues, so that "Hitta kollegor" finds someone."""
        for local_part, entry in content.PROFILES.items():
            person = User.objects.filter(email=f"{local_part}@{DEMO_DOMAIN}").first()
            if person is None:
                continue
            person.sector = Sector.objects.filter(slug=entry["sector"]).first()
            person.save(update_fields=["sector"])
            profile = profile_of(person)
            profile.unit = entry["unit"]
            profile.can_help_with = entry["can_help_with"]
            profile.show_email = entry["show_email"]
            save_profile(profile, expertise=entry["expertise"])

    def create_reports(self):
        """A few reports, so that a moderator trying the demo finds work in the queue."""
        for thread_title, number, reporter, reason, explanation in content.DEMO_REPORTS:
            post = Post.objects.filter(thread__title=thread_title, number=number).first()
            if post:
                report_post(post, by=User.objects.get(email=reporter), reason=reason, explanation=explanation)

    def enrol_demo_apps(self):
        """Give the demo accounts that must use two-step sign-in, and have no app yet, one with the demo key."""
        people = User.objects.filter(
            email__endswith=f"@{DEMO_DOMAIN}", groups__name__in=mfa.ROLES_REQUIRING_SECOND_FACTOR
        ).distinct()
        for person in people:
            if not mfa.has_second_factor(person):
                TOTPDevice.objects.create(user=person, name=mfa.APP_DEVICE_NAME, key=DEV_ONLY_TOTP_KEY, confirmed=True)

    def print_logins(self, password):
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(f"Demo logins (password for all: {password})"))
        for role, role_slug in ROLE_SLUGS.items():
            example = f"{role_slug}.<kommun>@{DEMO_DOMAIN}"
            self.stdout.write(f"  {role:<20} {example}")
        self.stdout.write(f"  {roles.BOARD:<20} {BOARD_EMAIL}")
        slugs = ", ".join(Municipality.objects.values_list("slug", flat=True))
        self.stdout.write(f"  <kommun> is one of: {slugs}")
        self.stdout.write(f"  For example: {demo_email(roles.EMPLOYEE, Municipality.objects.get(slug='sigtuna'))}")
        self.stdout.write(
            "  Redaktör, Moderator, Administratör and the board sign in in two steps: add the key "
            f"{demo_totp_key()} to an authenticator app, or run `manage.py demo_code` for the current code."
        )
        self.stdout.write("")
