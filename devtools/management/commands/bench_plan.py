"""Choose what `make bench` measures on the seed_scale data set: a reader, the address of each page, the data's size.

The harness (devtools/bench/run.py) runs this under the development settings on its throwaway database,
then signs in as the reader on the server it started with the bench settings. The reader is an ordinary
employee of the data set (no role that asks for a second factor) given a new random password, and the
notifications a person who follows threads would have: the data set makes none, nobody having been told.
"""

import json
import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from accounts import roles
from devtools.bench.pages import FLOOR, FLOOR_URL, PAGES, SEARCH_WORD
from devtools.scale.people import scale_people
from forum.models import POSTS_PER_PAGE, Category, Notification, Post, Subscription, Thread
from forum.models.notifications import NotificationKind
from knowledge.models import ArticlePage, ExperiencePage, MethodIndexPage, MethodPage

LONG_THREAD_PAGE = 10
# A thread page showing a whole page of posts, and a second page after it.
FULL_PAGE = POSTS_PER_PAGE + 1


class Command(BaseCommand):
    help = "Choose the reader and the pages `make bench` measures, and write them as JSON (benchmark databases only)."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="Where to write the plan (JSON).")
        parser.add_argument(
            "--notifications", type=int, default=60, help="Notifications given to the reader (default 60)."
        )

    @transaction.atomic
    def handle(self, *args, output, notifications, **options):
        if not getattr(settings, "DEMO_SEED_ALLOWED", False):
            raise CommandError("bench_plan refuses production settings: it sets a password and adds notifications.")
        reader = self.reader()
        password = secrets.token_urlsafe(24)
        reader.set_password(password)
        reader.save(update_fields=["password"])
        self.notify(reader, notifications)
        urls = self.urls(reader)
        plan = {
            "reader": {"email": reader.email, "password": password},
            "login_url": reverse("accounts:login"),
            "search_url": reverse("search:search"),
            "urls": urls,
            "data": {
                "threads": Thread.objects.count(),
                "posts": Post.objects.count(),
                "knowledge_pages": sum(model.objects.count() for model in (MethodPage, ExperiencePage, ArticlePage)),
                "reader_notifications": Notification.objects.filter(recipient=reader).count(),
            },
        }
        Path(output).write_text(json.dumps(plan, ensure_ascii=False, indent=2), encoding="utf-8")
        self.stdout.write(f"Plan for {len(urls)} pages, reader {reader.email}, written to {output}")

    def reader(self):
        """The first generated person whose only role is employee: no second factor asked, no moderator's view."""
        others = Group.objects.exclude(name=roles.EMPLOYEE)
        reader = (
            scale_people()
            .filter(is_active=True, is_superuser=False, groups__name=roles.EMPLOYEE)
            .exclude(groups__in=others)
            .order_by("pk")
            .first()
        )
        if reader is None:
            raise CommandError("No generated employee to read as: run seed_scale on this database first.")
        return reader

    def notify(self, reader, count):
        """Replies in the threads the reader follows, the older half read (those of an earlier plan replaced)."""
        Notification.objects.filter(recipient=reader).delete()
        followed = Subscription.objects.filter(user=reader, thread__isnull=False).values("thread")
        replies = list(
            Post.objects.filter(thread__in=followed, number__gt=1)
            .exclude(author=reader)
            .order_by("-created_at", "-pk")[:count]
        )
        now = timezone.now()
        Notification.objects.bulk_create(
            Notification(
                recipient=reader,
                kind=NotificationKind.REPLY,
                thread_id=post.thread_id,
                post=post,
                actor_id=post.author_id,
                created_at=post.created_at,
                read_at=now - timedelta(minutes=1) if position >= count // 2 else None,
            )
            for position, post in enumerate(replies)
        )

    def urls(self, reader):
        visible = Thread.objects.visible_to(reader)
        longest = visible.order_by("-post_count", "pk").first()
        if longest is None or longest.post_count <= (LONG_THREAD_PAGE - 1) * POSTS_PER_PAGE:
            raise CommandError(
                f"No thread has a {LONG_THREAD_PAGE}th page: run seed_scale with --long-thread "
                f"{LONG_THREAD_PAGE * POSTS_PER_PAGE} or more."
            )
        thread = visible.filter(post_count__gte=FULL_PAGE).exclude(pk=longest.pk).order_by("pk").first()
        category = (
            Category.objects.visible_to(reader)
            .annotate(thread_total=Count("threads"))
            .order_by("-thread_total", "position", "pk")
            .first()
        )
        method = (
            MethodPage.objects.live()
            .filter(pk__in=Thread.objects.filter(knowledge_page__isnull=False).values("knowledge_page"))
            .order_by("pk")
            .first()
        ) or MethodPage.objects.live().order_by("pk").first()
        found = {
            FLOOR: FLOOR_URL,
            "thread": thread and thread.get_absolute_url(),
            "forum_list": category and f"{reverse('forum:index')}?{urlencode({'kategori': category.slug})}",
            "start": "/",
            "method_listing": _url(MethodIndexPage.objects.live().first()),
            "search": f"{reverse('search:search')}?{urlencode({'q': SEARCH_WORD})}",
            "experience": _url(ExperiencePage.objects.live().order_by("pk").first()),
            "method": _url(method),
            "notifications": reverse("forum:notifications"),
            "long_thread": f"{longest.get_absolute_url()}?page={LONG_THREAD_PAGE}",
        }
        missing = [page.key for page in PAGES if not found.get(page.key)]
        if missing:
            raise CommandError(f"The data set has nothing to show for: {', '.join(missing)}. Run seed_scale first.")
        return {page.key: found[page.key] for page in PAGES}


def _url(page):
    return page.url if page else None
