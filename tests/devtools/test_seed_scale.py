import random
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import F
from django.test import override_settings
from django.utils.translation import gettext

from wagtail.models import Page

from accounts import roles
from accounts.models import Municipality, User
from devtools.scale.forum import MAX_POSTS_PER_THREAD, posts_per_thread
from devtools.scale.people import PEOPLE, scale_people
from devtools.scale.writer import (
    ADJECTIVES,
    GROUPS,
    HARMS,
    IDEAS,
    MAKING_VERBS,
    MEETING_VERBS,
    NOTICING_VERBS,
    PROFESSIONALS,
    TOOLS,
    UNITS,
)
from forum.models import Category, Post, PostRevision, Reaction, Subscription, Thread, ThreadKind, ThreadRead
from knowledge.markdown import render_markdown
from knowledge.models import (
    ArticleIndexPage,
    ArticlePage,
    ExperienceIndexPage,
    ExperiencePage,
    MethodIndexPage,
    MethodPage,
)
from privacy.guard import inspect

ROOT = Path(__file__).resolve().parents[2]
SMALL = {"pages": 12, "threads": 20, "posts": 90}


def seed(**options):
    out = StringIO()
    call_command("seed_scale", **{**SMALL, "no_index": True, **options}, stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(db):
    return seed()


def test_seed_scale_makes_exactly_the_pages_threads_and_posts_asked_for(seeded):
    assert MethodPage.objects.count() == 6
    assert ExperiencePage.objects.count() == 4
    assert ArticlePage.objects.count() == 2
    assert Thread.objects.count() == 20
    assert Post.objects.count() == 90
    assert PostRevision.objects.count() == 90
    assert scale_people().count() == PEOPLE


def test_seed_scale_ends_each_stage_with_a_full_progress_bar_a_count_and_seconds(seeded):
    # Not a terminal: one finished line per stage, no carriage returns, no dots.
    assert "\r" not in seeded
    assert re.search(r"^Pages   \[#{30}\] 100%  12/12  \d+\.\d s  6 methods, 4 experiences, 2 articles$", seeded, re.M)
    assert re.search(r"^Forum   \[#{30}\] 100%  90/90  \d+\.\d s  20 threads$", seeded, re.M)
    assert "Made 300 people, 6 methods, 4 experiences, 2 articles, 20 threads and 90 posts" in seeded


def test_the_search_index_is_built_under_one_progress_bar_over_every_object(db):
    out = seed(no_index=False)
    indexed = re.search(r"^Index   \[#{30}\] 100%  (\d+)/(\d+)  \d+\.\d s  search backend 'default'$", out, re.M)
    assert indexed and indexed[1] == indexed[2]
    assert int(indexed[1]) >= SMALL["pages"] + SMALL["threads"] + SMALL["posts"]
    assert "." * 3 not in out


def test_a_long_thread_is_the_last_within_the_posts_asked_for_in_a_category_open_to_all(db):
    seed(threads=20, posts=300, long_thread=250)
    longest = Thread.objects.order_by("-post_count").first()
    assert longest.post_count == longest.posts.count() == 250
    assert longest.pk == Thread.objects.order_by("pk").last().pk
    assert not longest.category.is_restricted
    assert Thread.objects.count() == 20 and Post.objects.count() == 300
    assert Thread.objects.exclude(pk=longest.pk).filter(post_count__gt=MAX_POSTS_PER_THREAD).count() == 0


@pytest.mark.parametrize("long_thread", [301, 20 * MAX_POSTS_PER_THREAD])
def test_a_long_thread_that_leaves_the_others_too_few_or_too_many_posts_is_refused(db, long_thread):
    with pytest.raises(CommandError, match="--long-thread"):
        seed(threads=20, posts=300, long_thread=long_thread)


def test_every_thread_numbers_its_posts_from_one_and_its_counters_agree_with_them(seeded):
    for thread in Thread.objects.all():
        posts = list(thread.posts.order_by("number"))
        assert [post.number for post in posts] == list(range(1, len(posts) + 1))
        assert 1 <= len(posts) <= MAX_POSTS_PER_THREAD
        assert thread.post_count == thread.last_post_number == len(posts)
        assert thread.author_id == posts[0].author_id
        assert thread.municipality_id == thread.author.municipality_id
        assert thread.created_at == posts[0].created_at
        assert thread.last_activity_at == posts[-1].created_at
        assert thread.last_poster_id == posts[-1].author_id
        assert [post.created_at for post in posts] == sorted(post.created_at for post in posts)
        if thread.answer_id:
            assert thread.answer.thread_id == thread.pk and thread.answer.number >= 2


def test_every_post_has_its_first_revision_and_its_author_follows_and_has_read_the_thread(seeded):
    for post in Post.objects.select_related("thread"):
        revision = post.revisions.get()
        assert revision.body == post.body
        assert (revision.edited_by_id, revision.created_at) == (post.author_id, post.created_at)
        assert Subscription.objects.filter(user_id=post.author_id, thread=post.thread, is_active=True).exists()
        assert ThreadRead.objects.get(user_id=post.author_id, thread=post.thread).last_read_number >= post.number


def test_helpful_counts_match_the_marks_and_nobody_marks_their_own_post(seeded):
    for post in Post.objects.all():
        assert post.helpful_count == post.reactions.count()
    assert not Reaction.objects.filter(user_id=F("post__author_id")).exists()


def test_the_html_of_every_post_is_what_the_forum_makes_of_its_markdown(seeded):
    for post in Post.objects.all():
        assert post.body_html == render_markdown(post.body)


def test_every_generated_page_is_live_under_its_section_and_opens(seeded, member_client):
    sections = {MethodPage: MethodIndexPage, ExperiencePage: ExperienceIndexPage, ArticlePage: ArticleIndexPage}
    for model, section_model in sections.items():
        section = section_model.objects.get()
        for page in model.objects.all():
            assert page.live and page.first_published_at and page.last_published_at
            assert page.get_parent().pk == section.pk
        page = model.objects.first()
        assert member_client.get(page.url).status_code == 200
    assert member_client.get(Thread.objects.order_by("-post_count").first().get_absolute_url()).status_code == 200


def test_generated_pages_are_classified_and_spread_over_the_municipalities(db):
    seed(pages=60, threads=0, posts=0)
    methods = MethodPage.objects.all()
    assert methods.filter(target_groups__isnull=False).distinct().count() == methods.count()
    assert methods.filter(tags__isnull=False).distinct().count() == methods.count()
    assert methods.values("municipality").distinct().count() == Municipality.objects.count()
    for page in methods:
        assert 1 <= page.tags.count() <= 5


def test_threads_are_in_every_category_of_every_kind_with_some_solved_and_tagged(db):
    seed(pages=4, threads=300, posts=3000)
    threads = Thread.objects.all()
    assert set(threads.values_list("category", flat=True)) == set(Category.objects.values_list("pk", flat=True))
    assert set(threads.values_list("kind", flat=True)) == set(ThreadKind.values)
    assert 0 < threads.solved().count() < threads.count()
    assert 0 < threads.filter(tagged_items__isnull=False).distinct().count() < threads.count()
    counts = sorted(threads.values_list("post_count", flat=True))
    assert counts[0] < 4 and counts[-1] > 25, "most threads short, a few long"


def test_people_are_spread_over_the_municipalities_with_addresses_nobody_receives(seeded):
    people = scale_people()
    for municipality in Municipality.objects.all():
        assert people.filter(municipality=municipality).count() == PEOPLE // 6
    for person in people:
        assert person.email.endswith(f"@{person.municipality.slug}.example")
        assert not person.has_usable_password()
    assert people.filter(groups__name=roles.EMPLOYEE).count() == PEOPLE
    assert people.filter(groups__name=roles.MODERATOR).exists()


def test_the_same_seed_gives_the_same_titles_and_another_seed_others(db):
    def titles(seed_number):
        with transaction.atomic():
            seed(seed=seed_number)
            made = (
                list(Page.objects.filter(depth__gt=3).order_by("path").values_list("title", flat=True)),
                list(Thread.objects.order_by("pk").values_list("title", flat=True)),
            )
            transaction.set_rollback(True)
        return made

    assert titles(7) == titles(7)
    assert titles(7) != titles(8)


def test_the_generated_text_passes_the_personal_data_guard(seeded):
    texts = [*Post.objects.values_list("body", flat=True), *Thread.objects.values_list("title", flat=True)]
    for model in (MethodPage, ExperiencePage, ArticlePage):
        texts += [page.title + " " + page.summary for page in model.objects.all()]
    texts += [str(page.body) for page in MethodPage.objects.all()]
    texts += [page.what_was_done + page.results for page in ExperiencePage.objects.all()]
    for text in texts:
        assert not inspect(text), text


def test_a_second_run_refuses_because_the_data_set_is_already_there(seeded):
    with pytest.raises(CommandError) as refusal:
        seed()
    assert str(refusal.value) == gettext(
        "The scale data set is already in this database. Run seed_scale on a new, empty or demo database."
    )
    assert Thread.objects.count() == 20


def test_more_posts_than_forty_per_thread_or_fewer_than_one_are_refused(db):
    for posts in (19, 20 * MAX_POSTS_PER_THREAD + 1):
        with pytest.raises(CommandError):
            seed(posts=posts)
    assert not User.objects.exists()


@override_settings(DEMO_SEED_ALLOWED=False)
def test_seed_scale_refuses_settings_that_do_not_allow_seeding(db):
    with pytest.raises(CommandError):
        seed()
    assert not User.objects.exists()


def test_seed_scale_does_not_exist_with_production_settings():
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "seed_scale", "--pages", "1", "--threads", "1", "--posts", "1"],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "kunskapsforum.example",
            "SQLITE_PATH": "/nonexistent/never-created.sqlite3",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Unknown command: 'seed_scale'" in result.stderr


def test_seed_scale_adds_to_the_demo_content(db):
    call_command("seed_demo", stdout=StringIO())
    before = {model: model.objects.count() for model in (MethodPage, ExperiencePage, ArticlePage, Thread, Post)}
    seed()
    made = {model: model.objects.count() - count for model, count in before.items()}
    assert made == {MethodPage: 6, ExperiencePage: 4, ArticlePage: 2, Thread: 20, Post: 90}


def test_search_finds_a_generated_page_by_a_word_of_its_title_after_indexing(db):
    seed(no_index=False)
    page = MethodPage.objects.order_by("pk").first()
    word = max(page.title.split(), key=len)
    assert page.pk in [result.pk for result in Page.objects.live().search(word)]


@pytest.mark.parametrize(("threads", "posts"), [(0, 0), (1, 1), (1, 40), (10, 10), (10, 400), (1000, 10000)])
def test_posts_per_thread_adds_up_to_the_total_with_one_to_forty_each(threads, posts):
    counts = posts_per_thread(random.Random(1), threads, posts)  # noqa: S311 - test data
    assert len(counts) == threads
    assert sum(counts) == posts
    assert all(1 <= count <= MAX_POSTS_PER_THREAD for count in counts)


def test_the_vocabulary_is_well_formed_and_has_over_a_thousand_words():
    nouns = [noun for lexicon in (TOOLS, UNITS, PROFESSIONALS, GROUPS, HARMS, IDEAS) for noun in lexicon.items]
    for noun in nouns:
        assert noun.gender in ("en", "ett"), noun
        assert (noun.plural is None) == (noun.plural_definite is None), noun
    for unit in UNITS.items:
        assert unit.preposition in ("på", "i", "hos"), unit
    forms = {form for noun in nouns for form in (noun.indefinite, noun.definite, noun.plural, noun.plural_definite)}
    forms |= {form for adjective in ADJECTIVES.items for form in (adjective.common, adjective.neuter, adjective.plural)}
    verbs = [verb for lexicon in (MAKING_VERBS, NOTICING_VERBS, MEETING_VERBS) for verb in lexicon.items]
    forms |= {form for verb in verbs for form in (verb.infinitive, verb.present, verb.past, verb.supine)}
    assert len(forms - {None}) > 1000
