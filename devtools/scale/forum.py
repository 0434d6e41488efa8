"""Threads and posts of the large data set, written to the tables in bulk with what forum.services would keep.

forum.services.start_thread and reply write one post at a time (numbering,
counters, first revision, following, reading state); here the same rows are
planned in memory and inserted a chunk of threads at a time. Nobody is
notified and nothing is indexed on the way: bulk inserts send no signals.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from forum.models import Category, Post, PostRevision, Reaction, Subscription, Thread, ThreadKind, ThreadRead, ThreadTag
from forum.models.threads import TITLE_MAX_LENGTH
from forum.services import MAX_TAGS

from .writer import Lexicon

MAX_POSTS_PER_THREAD = 40
SPAN = timedelta(days=3 * 365)
KIND_WEIGHTS = {ThreadKind.QUESTION: 50, ThreadKind.EXPERIENCE: 20, ThreadKind.IDEA: 15, ThreadKind.COLLABORATION: 15}
RESTRICTED_CATEGORY_WEIGHT = 0.3  # a room for a few roles is quieter than the open ones
METHOD_QUESTIONS = "metodfragor"  # the category whose threads often discuss a method page


def posts_per_thread(rng, threads, posts):
    """How many posts each thread has: 1 to 40, `posts` in all; most threads are short, a few are long."""
    if not threads:
        return []
    counts = [1] * threads
    weights = [rng.lognormvariate(0, 1) for _ in range(threads)]
    left = posts - threads
    while left > 0:
        open_threads = [index for index in range(threads) if counts[index] < MAX_POSTS_PER_THREAD]
        total = sum(weights[index] for index in open_threads)
        given = 0
        for index in open_threads:
            extra = min(MAX_POSTS_PER_THREAD - counts[index], int(left * weights[index] / total))
            counts[index] += extra
            given += extra
        if not given:
            # Less than one post each is left to share, so fewer posts are left than open threads.
            for index in rng.sample(open_threads, left):
                counts[index] += 1
            given = left
        left -= given
    return counts


def visible_categories(people):
    """The ids of the categories each person may see, by person id.

    Who sees a category depends only on one's roles and municipality, so the forum's own rule
    (Category.objects.visible_to) is asked once for each such combination, not once per person.
    """
    roles_of = {}
    for user_id, role in User.groups.through.objects.filter(user__in=people).values_list("user_id", "group__name"):
        roles_of.setdefault(user_id, set()).add(role)
    by_standing = {}
    visible = {}
    for person in people:
        standing = (person.municipality_id, person.is_superuser, frozenset(roles_of.get(person.pk, ())))
        if standing not in by_standing:
            by_standing[standing] = set(Category.objects.visible_to(person).values_list("pk", flat=True))
        visible[person.pk] = by_standing[standing]
    return visible


@dataclass
class PlannedThread:
    thread: Thread
    posts: list
    tags: list
    helpful_by: dict = field(default_factory=dict)  # post number → the people who marked it helpful
    answer_number: int | None = None


class ForumMaker:
    """Plans threads with their posts and writes them a chunk at a time; `progress` counts the posts written."""

    def __init__(self, rng, writer, people, tags, pages, progress, batch):
        self.rng = rng
        self.writer = writer
        self.tags = tags
        self.progress = progress
        self.batch = batch
        self.now = timezone.now()
        self.methods = [page.pk for page in pages["methods"]]
        self.discussable = self.methods + [page.pk for page in pages["experiences"]]
        # Some people write much more than others: the first in this shuffled list, most.
        writers = list(people)
        rng.shuffle(writers)
        visible = visible_categories(writers)
        self.writers = {}
        for category in Category.objects.order_by("position", "pk"):
            allowed = [person for person in writers if category.pk in visible[person.pk]]
            if allowed:
                self.writers[category.pk] = Lexicon(allowed, flatness=20)
        self.categories = list(Category.objects.filter(pk__in=self.writers).order_by("position", "pk"))
        self.category_weights = [
            RESTRICTED_CATEGORY_WEIGHT if category.is_restricted else 1.0 for category in self.categories
        ]

    def create(self, threads, posts, long_thread=0):
        """`threads` threads with `posts` posts in all; with `long_thread`, the last of them has that many posts,
        in a category open to everyone: the benchmark reads its tenth page, which the 1-to-40 spread never has."""
        if long_thread:
            counts = [*posts_per_thread(self.rng, threads - 1, posts - long_thread), long_thread]
        else:
            counts = posts_per_thread(self.rng, threads, posts)
        written = 0
        for start in range(0, threads, self.batch):
            chunk = counts[start : start + self.batch]
            planned = [self.plan(count) for count in chunk]
            if long_thread and start + len(chunk) == threads:
                planned[-1] = self.plan(long_thread, category=self.open_category())
            self.write(planned)
            written += sum(chunk)
            self.progress.update(written, note=f"{start + len(chunk)}/{threads} threads")
        self.progress.finish(note=f"{threads} threads")

    # Planning

    def plan(self, count, *, category=None):
        rng = self.rng
        category = category or rng.choices(self.categories, weights=self.category_weights)[0]
        writers = self.writers[category.pk]
        kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
        author = writers.pick(rng)
        times = self.times(count)
        posters = self.posters(writers, author, count)
        posts = []
        for number, (poster, written_at) in enumerate(zip(posters, times, strict=True), start=1):
            opening = ("question" if kind == ThreadKind.QUESTION else "thread") if number == 1 else None
            markdown, html = self.writer.post(opening=opening)
            posts.append(Post(number=number, author_id=poster.pk, body=markdown, body_html=html, created_at=written_at))
        thread = Thread(
            title=self.writer.thread_title(kind)[:TITLE_MAX_LENGTH],
            kind=kind,
            category=category,
            author=author,
            municipality_id=author.municipality_id,
            knowledge_page_id=self.discussed_page(category),
            created_at=times[0],
            last_activity_at=times[-1],
            last_poster=posters[-1],
            post_count=count,
            last_post_number=count,
            is_pinned=rng.random() < 0.002,
            is_locked=rng.random() < 0.01,
        )
        planned = PlannedThread(thread, posts, self.some_tags())
        for post in posts[1:]:
            if rng.random() < 0.08:
                picked = {writers.pick(rng) for _ in range(rng.randint(1, 3))}
                markers = [person for person in picked if person.pk != post.author_id]
                planned.helpful_by[post.number] = sorted(markers, key=lambda person: person.pk)
                post.helpful_count = len(markers)
        if count >= 2 and rng.random() < (0.45 if kind == ThreadKind.QUESTION else 0.08):
            planned.answer_number = rng.randint(2, count)
        return planned

    def open_category(self):
        return next(category for category in self.categories if not category.is_restricted)

    def times(self, count):
        """When each post was written: the thread some time in the last three years, replies hours or days apart."""
        rng = self.rng
        started = self.now - timedelta(minutes=1) - rng.random() * SPAN
        mean_hours = rng.choice((2, 8, 24, 72))
        gaps = [timedelta(minutes=1) + timedelta(hours=rng.expovariate(1 / mean_hours)) for _ in range(count - 1)]
        room = self.now - started
        total = sum(gaps, timedelta())
        if total > room:
            gaps = [gap * (room / total) for gap in gaps]
        times = [started]
        for gap in gaps:
            times.append(times[-1] + gap)
        return times

    def posters(self, writers, author, count):
        """Who wrote each post: the author first, then others, with the author answering now and then."""
        rng = self.rng
        posters = [author]
        for _ in range(count - 1):
            if posters[-1] != author and rng.random() < 0.25:
                posters.append(author)
                continue
            person = writers.pick(rng)
            if person == posters[-1]:
                person = writers.pick(rng)
            posters.append(person)
        return posters

    def some_tags(self):
        if self.rng.random() >= 0.4:
            return []
        return self.rng.sample(self.tags, min(len(self.tags), self.rng.randint(1, 3), MAX_TAGS))

    def discussed_page(self, category):
        if self.methods and category.slug == METHOD_QUESTIONS and self.rng.random() < 0.5:
            return self.rng.choice(self.methods)
        if self.discussable and self.rng.random() < 0.02:
            return self.rng.choice(self.discussable)
        return None

    # Writing

    def write(self, planned):
        batch = self.batch
        Thread.objects.bulk_create([plan.thread for plan in planned], batch_size=batch)
        for plan in planned:
            for post in plan.posts:
                post.thread_id = plan.thread.pk
        posts = Post.objects.bulk_create([post for plan in planned for post in plan.posts], batch_size=batch)
        PostRevision.objects.bulk_create(
            [
                PostRevision(post_id=post.pk, body=post.body, edited_by_id=post.author_id, created_at=post.created_at)
                for post in posts
            ],
            batch_size=batch,
        )
        tagging = [ThreadTag(content_object_id=plan.thread.pk, tag_id=tag.pk) for plan in planned for tag in plan.tags]
        ThreadTag.objects.bulk_create(tagging, batch_size=batch)
        Reaction.objects.bulk_create(self.reactions(planned), batch_size=batch)
        following, reading = self.following_and_reading(planned)
        Subscription.objects.bulk_create(following, batch_size=batch)
        ThreadRead.objects.bulk_create(reading, batch_size=batch)
        answered = [plan.thread for plan in planned if plan.answer_number]
        for plan in planned:
            if plan.answer_number:
                plan.thread.answer = plan.posts[plan.answer_number - 1]
        Thread.objects.bulk_update(answered, ["answer"], batch_size=batch)

    def reactions(self, planned):
        rng = self.rng
        return [
            Reaction(
                post_id=post.pk,
                user_id=person.pk,
                created_at=min(self.now, post.created_at + timedelta(hours=rng.random() * 48)),
            )
            for plan in planned
            for post in plan.posts
            for person in plan.helpful_by.get(post.number, [])
        ]

    @staticmethod
    def following_and_reading(planned):
        """As replying does: everyone who wrote in a thread follows it and has read it up to their last post."""
        following, reading = [], []
        for plan in planned:
            first, last = {}, {}
            for post in plan.posts:
                first.setdefault(post.author_id, post)
                last[post.author_id] = post
            following += [
                Subscription(user_id=user_id, thread_id=plan.thread.pk, created_at=post.created_at)
                for user_id, post in first.items()
            ]
            reading += [
                ThreadRead(
                    user_id=user_id, thread_id=plan.thread.pk, last_read_number=post.number, updated_at=post.created_at
                )
                for user_id, post in last.items()
            ]
        return following, reading
