import os
from datetime import date

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from accounts import roles
from accounts.models import Municipality, User
from intranet.demo import content
from knowledge.models import ArticleIndexPage, ArticlePage, HomePage, MunicipalityIndexPage, MunicipalityPage

DEV_ONLY_PASSWORD = "kunskap-demo-2026"  # noqa: S105 - printed by `make run`, refused in production
DEMO_DOMAIN = "demo.kunskapsforum.example"
ROLE_SLUGS = {
    roles.EMPLOYEE: "medarbetare",
    roles.EDITOR: "redaktor",
    roles.MODERATOR: "moderator",
    roles.ADMINISTRATOR: "admin",
}


def demo_email(role, municipality):
    return f"{ROLE_SLUGS[role]}.{municipality.slug}@{DEMO_DOMAIN}"


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


class Command(BaseCommand):
    help = "Fill the database with the demo intranet: people in every role and municipality, pages and news."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing (but print the logins) when people already exist."
        )

    def handle(self, *args, if_empty=False, **options):
        if not getattr(settings, "DEMO_SEED_ALLOWED", False):
            raise CommandError("seed_demo refuses to run with production settings: it creates known passwords.")
        password = os.environ.get("DEMO_PASSWORD", DEV_ONLY_PASSWORD)
        if if_empty and User.objects.exists():
            self.stdout.write("The database already has people; demo content was not added again.")
        else:
            with transaction.atomic():
                self.create_people(password)
                self.create_pages()
            self.stdout.write(self.style.SUCCESS("Demo content is in place."))
        self.print_logins(password)

    def create_people(self, password):
        for municipality in Municipality.objects.all():
            for role in ROLE_SLUGS:
                user, created = User.objects.get_or_create(
                    email=demo_email(role, municipality),
                    defaults={
                        "first_name": role,
                        "last_name": municipality.name,
                        "municipality": municipality,
                        "job_title": role,
                    },
                )
                if created:
                    user.set_password(password)
                    user.save()
                user.groups.add(Group.objects.get(name=role))

    def create_pages(self):
        home = HomePage.objects.get()
        home.intro = content.HOME_INTRO
        home.save_revision().publish()

        article_index = ArticleIndexPage.objects.first() or publish_child(
            home, ArticleIndexPage(**content.ARTICLE_INDEX)
        )
        article = content.WELCOME_ARTICLE
        if not ArticlePage.objects.filter(slug=article["slug"]).exists():
            publish_child(
                article_index,
                ArticlePage(
                    title=article["title"],
                    slug=article["slug"],
                    summary=article["summary"],
                    date=date.today(),
                    body=article["body"],
                ),
            )

        municipality_index = MunicipalityIndexPage.objects.first() or publish_child(
            home, MunicipalityIndexPage(**content.MUNICIPALITY_INDEX)
        )
        for municipality in Municipality.objects.all():
            if MunicipalityPage.objects.filter(municipality=municipality).exists():
                continue
            publish_child(
                municipality_index,
                MunicipalityPage(
                    title=municipality.name,
                    slug=slugify(municipality.slug),
                    municipality=municipality,
                    intro=content.MUNICIPALITY_PAGES.get(municipality.slug, ""),
                ),
            )

    def print_logins(self, password):
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(f"Demo logins (password for all: {password})"))
        for role, role_slug in ROLE_SLUGS.items():
            example = f"{role_slug}.<kommun>@{DEMO_DOMAIN}"
            self.stdout.write(f"  {role:<14} {example}")
        slugs = ", ".join(Municipality.objects.values_list("slug", flat=True))
        self.stdout.write(f"  <kommun> is one of: {slugs}")
        self.stdout.write(f"  For example: {demo_email(roles.EMPLOYEE, Municipality.objects.get(slug='sigtuna'))}")
        self.stdout.write("")
