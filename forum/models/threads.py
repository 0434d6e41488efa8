"""Threads and the posts in them, with their edit history and the helpful reactions."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.search import index

from accounts.roles import is_moderator
from common.addresses import address_of

from .categories import visible_category_filter, visible_category_ids
from .following import ForumMember, Subscription, ThreadRead
from .moderation import Report

TITLE_MAX_LENGTH = 150
BODY_MAX_LENGTH = 20000
POSTS_PER_PAGE = 20


class ThreadKind(models.TextChoices):
    QUESTION = "question", _("Question")
    IDEA = "idea", _("Idea")
    EXPERIENCE = "experience", _("Experience")
    COLLABORATION = "collaboration", _("Collaboration")


class ThreadTag(TaggedItemBase):
    """Threads use the knowledge bank's one tag vocabulary."""

    content_object = ParentalKey("forum.Thread", related_name="tagged_items", on_delete=models.CASCADE)


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Threads in categories the person may see; hidden threads only for moderators."""
        threads = self.filter(visible_category_filter(user))
        if not is_moderator(user):
            threads = threads.filter(is_hidden=False)
        return threads

    def for_listing(self):
        return self.select_related("category", "author", "municipality", "last_poster").prefetch_related("tags")

    def latest_activity(self):
        return self.order_by("-is_pinned", "-last_activity_at", "-pk")

    def tagged(self, tag):
        return self.filter(tagged_items__tag=tag)

    def solved(self):
        return self.filter(answer__isnull=False)

    def unsolved(self):
        return self.filter(answer__isnull=True)

    def unanswered(self):
        return self.filter(post_count__lte=1)

    def followed_by(self, user):
        return self.filter(Exists(Subscription.objects.active().filter(user=user, thread=OuterRef("pk"))))

    def with_reading_state(self, user):
        """Annotate how far the person has read (`last_read_number`) and whether there is news (`is_unread`).

        `is_unread` below is the same rule for a thread held in memory, with the reader's marks (models/marks.py);
        tests/forum/test_marks.py holds the two to the same answers."""
        read = ThreadRead.objects.filter(user=user, thread=OuterRef("pk")).values("last_read_number")[:1]
        all_read_at = ForumMember.objects.filter(user=user).values("all_read_at")[:1]
        threads = self.annotate(
            last_read_number=Coalesce(Subquery(read), 0),
            all_read_at=Subquery(all_read_at),
        )
        return threads.annotate(
            is_unread=models.ExpressionWrapper(
                Q(last_post_number__gt=F("last_read_number"))
                & (Q(all_read_at__isnull=True) | Q(last_activity_at__gt=F("all_read_at"))),
                output_field=models.BooleanField(),
            )
        )


def is_unread(*, last_post_number, last_activity_at, last_read_number, all_read_at):
    """There are posts the person has not read, written since they last marked everything read."""
    return last_post_number > last_read_number and (all_read_at is None or last_activity_at > all_read_at)


class Thread(index.Indexed, ClusterableModel):
    """A discussion: a first post and its replies, in one category, of one kind."""

    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    kind = models.CharField(_("kind"), max_length=20, choices=ThreadKind.choices, default=ThreadKind.QUESTION)
    category = models.ForeignKey(
        "forum.Category", verbose_name=_("category"), on_delete=models.PROTECT, related_name="threads"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="forum_threads"
    )
    municipality = models.ForeignKey(
        "accounts.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The author's municipality when the thread was started."),
    )
    tags = TaggableManager(through=ThreadTag, blank=True, verbose_name=_("tags"))
    knowledge_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("discusses"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="discussions",
    )
    derived_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("became the page"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_discussions",
    )
    answer = models.ForeignKey(
        "forum.Post", verbose_name=_("answer"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("latest activity"), default=timezone.now, db_index=True)
    last_poster = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Denormalised so that lists need no counting: see services.py for who keeps them right.
    post_count = models.PositiveIntegerField(_("visible posts"), default=0)
    last_post_number = models.PositiveIntegerField(default=0)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_hidden = models.BooleanField(_("hidden"), default=False)

    objects = ThreadQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("opening_text"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.FilterField("category_id"),
        index.FilterField("is_hidden"),
        index.FilterField("kind"),
        index.FilterField("municipality_id"),
    ]

    class Meta:
        ordering = ["-last_activity_at"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [models.Index(fields=["category", "-last_activity_at"], name="forum_thread_category_activity")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return address_of("forum:thread", self.pk)  # asked once per post and per row of a list

    @classmethod
    def get_indexed_objects(cls):
        opening = models.Prefetch("posts", queryset=Post.objects.filter(number=1), to_attr="opening_posts")
        return super().get_indexed_objects().prefetch_related(opening, "tags")

    def set_tags(self, names):
        """Replace the thread's tags, in the search index too.

        Tags are rows of their own, written after the thread's save was indexed, so no save brings
        them to the index. A thread being started needs no call: its opening post indexes it, tags and all.
        """
        self.tags.set(names)
        index.insert_or_update_object(self)

    def opening_text(self):
        """The question or idea itself, searched with the thread (the opening post is not listed on its own)."""
        if hasattr(self, "opening_posts"):
            opening = self.opening_posts[0] if self.opening_posts else None
        else:
            opening = self.posts.filter(number=1).first()
        return opening.body if opening is not None and not opening.is_hidden else ""

    def is_visible_to(self, user):
        """`Thread.objects.visible_to` asked of a thread held in memory, as the forum's pages keep it
        (forum/caching.py): no query once the categories are kept. tests/forum/test_marks.py holds the two to the
        same answers."""
        return self.category_id in visible_category_ids(user) and (not self.is_hidden or is_moderator(user))

    def url_of_post(self, number):
        page = (number - 1) // POSTS_PER_PAGE + 1
        query = f"?page={page}" if page > 1 else ""
        return f"{self.get_absolute_url()}{query}#inlagg-{number}"

    @property
    def reply_count(self):
        return max(self.post_count - 1, 0)

    @property
    def is_solved(self):
        return self.answer_id is not None

    @property
    def language(self):
        """The language the thread is written in: the site's own (Swedish). Words the forum writes into a post, as
        the header of a quote, are in it, whatever language the writer reads the site in."""
        return settings.LANGUAGE_CODE


class PostQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Posts the person may read: in visible threads, and not hidden unless they moderate."""
        posts = self.filter(thread__in=Thread.objects.visible_to(user).values("pk"))
        if not is_moderator(user):
            posts = posts.filter(is_hidden=False)
        return posts

    def visible_or_own(self, user):
        """Posts the person may read, and their own posts a moderator hid (a hidden thread's opening post among
        them) in categories they may see: the author may change those and ask for them back."""
        their_categories = Thread.objects.filter(visible_category_filter(user)).values("pk")
        hidden = Q(is_hidden=True) | Q(number=1, thread__is_hidden=True)
        own_hidden = Q(author=user, thread__in=their_categories) & hidden
        return self.filter(Q(pk__in=self.visible_to(user).values("pk")) | own_hidden)

    def with_restore_request(self):
        """Annotate whether the post's author has asked for it to be shown again, and waits for an answer."""
        waiting = Report.objects.open().restore_requests().filter(post=OuterRef("pk"))
        return self.annotate(asked_back=Exists(waiting))

    def with_helpful_state(self, user):
        """Annotate whether the person has marked each post helpful."""
        return self.annotate(marked_helpful=Exists(Reaction.objects.filter(post=OuterRef("pk"), user=user)))


class Post(index.Indexed, models.Model):
    """One message in a thread, written in Markdown; the rendered, cleaned HTML is stored with it."""

    thread = models.ForeignKey(Thread, verbose_name=_("thread"), on_delete=models.PROTECT, related_name="posts")
    number = models.PositiveIntegerField(_("number in the thread"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="forum_posts"
    )
    body = models.TextField(_("text"), max_length=BODY_MAX_LENGTH)
    body_html = models.TextField(editable=False)
    quotes = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="quoted_by")
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    # Each save raises the version, so that two people editing at once cannot overwrite each other.
    version = models.PositiveIntegerField(default=1)
    helpful_count = models.PositiveIntegerField(_("helpful"), default=0)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("why hidden"), max_length=300, blank=True)
    # The id of the form that sent it: a second submit of the same form finds this post instead of adding one.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    objects = PostQuerySet.as_manager()

    search_fields = [
        index.SearchField("body"),
        index.FilterField("thread_id"),
        index.FilterField("is_hidden"),
    ]

    class Meta:
        ordering = ["thread", "number"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(fields=["thread", "number"], name="unique_post_number"),
            models.UniqueConstraint(fields=["author", "submission_key"], name="unique_post_submission"),
        ]

    def __str__(self):
        return f"{self.thread} #{self.number}"

    def get_absolute_url(self):
        return self.thread.url_of_post(self.number)

    @property
    def is_first(self):
        return self.number == 1

    @property
    def is_edited(self):
        return self.edited_at is not None

    @property
    def is_hidden_by_moderator(self):
        """Hidden itself, or the opening post of a hidden thread, which stands for it."""
        return self.is_hidden or (self.is_first and self.thread.is_hidden)


class PostRevision(models.Model):
    """Every text a post has had, oldest first: moderators read the history of edited posts."""

    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="revisions")
    body = models.TextField()
    title = models.CharField(max_length=TITLE_MAX_LENGTH, blank=True)
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["post", "created_at", "pk"]
        verbose_name = _("post revision")
        verbose_name_plural = _("post revisions")

    def __str__(self):
        return f"{self.post} ({self.created_at:%Y-%m-%d %H:%M})"


class Reaction(models.Model):
    """A "Helpful" mark by one person on one post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("helpful mark")
        verbose_name_plural = _("helpful marks")
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="one_reaction_per_person")]

    def __str__(self):
        return f"{self.user}: {self.post}"


def reindex_thread_of_opening_post(sender, instance, **kwargs):
    """A thread is searched with its opening post's text (`Thread.opening_text`): a new, edited,
    hidden or redacted opening post changes what the thread's index entry holds."""
    if instance.number == 1:
        index.insert_or_update_object(instance.thread)
