"""Writes to the forum that the views, the admin and the import command share: one place per rule."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from knowledge.tagging import normalise_tag_names

from . import caching, notifications
from .mentions import read_post
from .models import (
    Bookmark,
    ForumMember,
    ModerationAction,
    NotificationKind,
    Post,
    PostRevision,
    Reaction,
    Report,
    ReportReason,
    Subscription,
    Thread,
    ThreadRead,
)
from .permissions import (
    EditConflict,
    ForumError,
    NotAllowed,
    TooManyEdits,
    TooManyPosts,
    TooManyReports,
    may_accept_answer,
    may_ask_to_show_again,
    may_edit,
    may_post_in,
)

MAX_TAGS = 5


def _queue_writes_of(person):
    """Lock the person's row until the transaction ends.

    Their writes then run one after the other, so a count of their recent
    writes taken inside the transaction includes every earlier one; parallel
    requests cannot all see the same old count. (SQLite's IMMEDIATE
    transactions serialise all writers anyway; PostgreSQL needs the lock.)
    """
    get_user_model().objects.select_for_update().only("pk").get(pk=person.pk)


def _refuse_beyond(person, recent, limit, refusal):
    """Raise `refusal` when the person's `recent` writes reach `limit`; counted under the person's lock."""
    _queue_writes_of(person)
    if recent.count() >= limit:
        raise refusal


def _since(**period):
    return timezone.now() - timedelta(**period)


def check_posting_rate(author):
    """Refuse a post beyond FORUM_POSTS_PER_MINUTE; call it in the transaction that adds the post."""
    limit = settings.FORUM_POSTS_PER_MINUTE
    message = _("You have written %(limit)s posts in the last minute. Wait a moment and send again.")
    recent = Post.objects.filter(author=author, created_at__gte=_since(minutes=1))
    _refuse_beyond(author, recent, limit, TooManyPosts(message % {"limit": limit}))


def check_editing_rate(person):
    """Refuse an edit beyond FORUM_EDITS_PER_MINUTE; call it in the transaction that saves the edit."""
    limit = settings.FORUM_EDITS_PER_MINUTE
    message = _("You have saved %(limit)s edits in the last minute. Wait a moment and save again.")
    # A post's first revision is written with the post itself, at its very moment: that is no edit.
    recent = PostRevision.objects.filter(
        edited_by=person, created_at__gte=_since(minutes=1), created_at__gt=F("post__created_at")
    )
    _refuse_beyond(person, recent, limit, TooManyEdits(message % {"limit": limit}))


def check_reporting_rate(person):
    """Refuse a report beyond FORUM_REPORTS_PER_HOUR; call it in the transaction that saves the report."""
    limit = settings.FORUM_REPORTS_PER_HOUR
    message = _(
        "You have sent %(limit)s reports in the last hour. The moderators are looking at them; "
        "wait a while before you report more."
    )
    recent = Report.objects.filter(reporter=person, created_at__gte=_since(hours=1))
    _refuse_beyond(person, recent, limit, TooManyReports(message % {"limit": limit}))


def _follow(user, **target):
    Subscription.objects.get_or_create(user=user, **target)


def _earlier_submission(author, submission_key):
    if submission_key is None:
        return None
    return Post.objects.filter(author=author, submission_key=submission_key).select_related("thread").first()


def _add_post(thread, *, author, body, submission_key, quoted_posts=(), now=None, notify=True):
    now = now or timezone.now()
    # Lock the thread row so that two replies at once get different numbers.
    locked = Thread.objects.select_for_update().get(pk=thread.pk)
    number = locked.last_post_number + 1
    read = read_post(body)
    post = Post.objects.create(
        thread=locked,
        number=number,
        author=author,
        body=body,
        body_html=read.html,
        created_at=now,
        submission_key=submission_key,
    )
    PostRevision.objects.create(post=post, body=body, edited_by=author, created_at=now)
    Thread.objects.filter(pk=thread.pk).update(
        last_post_number=number,
        post_count=F("post_count") + 1,
        last_activity_at=now,
        last_poster=author,
    )
    caching.thread_changed(thread.pk)
    thread.refresh_from_db()
    post.thread = thread
    if quoted_posts:
        post.quotes.set([quoted for quoted in quoted_posts if quoted.thread_id == thread.pk])
    post.mentions.set([person for person in read.notified if person.pk != author.pk])
    ThreadRead.objects.update_or_create(
        user=author, thread=thread, defaults={"last_read_number": number, "updated_at": now}
    )
    _follow(author, thread=thread)
    if notify:
        notifications.post_published(post)
    return post


def start_thread(
    *,
    author,
    category,
    title,
    kind,
    body,
    tags=(),
    knowledge_page=None,
    submission_key=None,
    created_at=None,
    rate_limited=True,
    notify=True,
):
    """Open a thread with its first post; the author follows it from then on.

    Imports pass `rate_limited=False` and `notify=False`: loading old content is not news.
    """
    earlier = _earlier_submission(author, submission_key)
    if earlier:
        return earlier.thread
    if not category.is_visible_to(author):
        raise NotAllowed(_("You cannot start a thread in that category."))
    tag_names = normalise_tag_names(tags)[:MAX_TAGS]
    now = created_at or timezone.now()
    try:
        with transaction.atomic():
            if rate_limited:
                check_posting_rate(author)
            thread = Thread.objects.create(
                title=" ".join(title.split()),
                kind=kind,
                category=category,
                author=author,
                municipality_id=author.municipality_id,
                knowledge_page=knowledge_page,
                created_at=now,
                last_activity_at=now,
                last_poster=author,
            )
            if tag_names:
                thread.tags.set(tag_names)  # not set_tags: the opening post below indexes the new thread, tags and all
            _add_post(thread, author=author, body=body, submission_key=submission_key, now=now, notify=notify)
    except IntegrityError:
        # The same form arrived twice at the same moment: the other request made the thread.
        earlier = _earlier_submission(author, submission_key)
        if earlier:
            return earlier.thread
        raise
    return thread


def reply(
    thread,
    *,
    author,
    body,
    quoted_posts=(),
    submission_key=None,
    created_at=None,
    rate_limited=True,
    notify=True,
):
    """Add a post to a thread; the author follows the thread unless they unfollowed it before."""
    earlier = _earlier_submission(author, submission_key)
    if earlier:
        return earlier
    if not may_post_in(author, thread):
        raise NotAllowed(_("The thread is locked: no new posts can be added."))
    try:
        with transaction.atomic():
            if rate_limited:
                check_posting_rate(author)
            return _add_post(
                thread,
                author=author,
                body=body,
                submission_key=submission_key,
                quoted_posts=quoted_posts,
                now=created_at,
                notify=notify,
            )
    except IntegrityError:
        earlier = _earlier_submission(author, submission_key)
        if earlier:
            return earlier
        raise


@transaction.atomic
def edit_post(post, *, by, body, version, title=None, rate_limited=True):
    """Change a post's text, keeping the old one in its history; refuse if someone saved in between.

    Imports pass `rate_limited=False`: a file may carry many edits by one person.
    """
    if not may_edit(by, post):
        raise NotAllowed(_("You cannot edit this post."))
    if rate_limited:
        check_editing_rate(by)
    now = timezone.now()
    read = read_post(body)
    updated = Post.objects.filter(pk=post.pk, version=version).update(
        body=body, body_html=read.html, edited_at=now, version=F("version") + 1
    )
    if not updated:
        raise EditConflict(
            _("Someone else saved this post while you were editing. Your text is still here: compare and save again.")
        )
    if title is not None and post.is_first:
        thread = Thread.objects.get(pk=post.thread_id)
        thread.title = " ".join(title.split())
        thread.save(update_fields=["title"])  # save(), not update(): the search index follows the new title
        caching.thread_changed(post.thread_id)
    else:
        caching.posts_changed(post.thread_id)
    PostRevision.objects.create(post=post, body=body, title=title or "", edited_by=by, created_at=now)
    post.refresh_from_db()
    if by.pk != post.author_id:
        with translation.override(post.thread.language):  # the log is read by all moderators, in any language
            reason = _("Edited in the thread")
        action = ModerationAction.objects.log(by, ModerationAction.Action.EDIT, post.thread, post=post, reason=reason)
        notifications.tell_of_moderation(action, [(post.author_id, NotificationKind.EDITED, post.pk)])
    # Re-index with the new text.
    post.save(update_fields=["body_html"])
    post.mentions.set([person for person in read.notified if person.pk != post.author_id])
    notifications.mentioned_by_edit(post, by=by)
    return post


def mark_helpful(post, *, by):
    """Mark a post helpful; once per person, never on one's own post."""
    if post.author_id == by.pk:
        return False
    _reaction, created = Reaction.objects.get_or_create(post=post, user=by)
    if created:
        Post.objects.filter(pk=post.pk).update(helpful_count=F("helpful_count") + 1)
        caching.posts_changed(post.thread_id)
    return created


def unmark_helpful(post, *, by):
    deleted, _details = Reaction.objects.filter(post=post, user=by).delete()
    if deleted:
        Post.objects.filter(pk=post.pk, helpful_count__gt=0).update(helpful_count=F("helpful_count") - 1)
        caching.posts_changed(post.thread_id)
    return bool(deleted)


def accept_answer(post, *, by):
    """The thread's author or a moderator marks one reply as the answer."""
    thread = post.thread
    if not may_accept_answer(by, thread):
        raise NotAllowed(_("Only the person who started the thread or a moderator can mark the answer."))
    if post.is_first or post.is_hidden:
        raise ForumError(_("Only a visible reply can be the answer."))
    Thread.objects.filter(pk=thread.pk).update(answer=post)
    caching.thread_changed(thread.pk)
    thread.answer = post
    notifications.answer_accepted(post, by=by)
    return thread


def clear_answer(thread, *, by):
    if not may_accept_answer(by, thread):
        raise NotAllowed(_("Only the person who started the thread or a moderator can mark the answer."))
    Thread.objects.filter(pk=thread.pk).update(answer=None)
    caching.thread_changed(thread.pk)
    thread.answer = None
    return thread


def set_following(user, *, follow, thread=None, category=None, tag=None):
    """Follow or stop following one thread, category or tag."""
    target = {"thread": thread} if thread else {"category": category} if category else {"tag": tag}
    Subscription.objects.update_or_create(user=user, **target, defaults={"is_active": follow})


def set_bookmarked(user, *, saved, thread=None, page=None):
    """Save a thread or a page under "Sparat", or take it away; returns whether anything changed.

    Saving twice keeps one bookmark; taking away deletes the row, a pointer that no one wrote.
    """
    target = {"thread": thread} if thread else {"page": page}
    if not saved:
        deleted, _kinds = Bookmark.objects.filter(user=user, **target).delete()
        return bool(deleted)
    try:
        with transaction.atomic():
            _bookmark, created = Bookmark.objects.get_or_create(user=user, **target)
    except IntegrityError:  # the same save, sent twice at once: the other request made it
        return False
    return created


def mark_read(thread, user, number):
    """Remember that the person has seen the thread up to post `number` (never moving backwards)."""
    now = timezone.now()
    updated = ThreadRead.objects.filter(user=user, thread=thread).update(
        last_read_number=Greatest(F("last_read_number"), number), updated_at=now
    )
    if not updated:
        ThreadRead.objects.get_or_create(
            user=user, thread=thread, defaults={"last_read_number": number, "updated_at": now}
        )


def mark_all_read(user):
    ForumMember.objects.update_or_create(user=user, defaults={"all_read_at": timezone.now()})


@transaction.atomic
def report_post(post, *, by, reason, explanation=""):
    """Ask the moderators to look at a post. One open report per person and post, FORUM_REPORTS_PER_HOUR in all."""
    _queue_writes_of(by)  # before looking for an open report, so that a double submit makes one
    report = Report.objects.open().filter(post=post, reporter=by).first()
    if report:
        return report
    check_reporting_rate(by)
    return Report.objects.create(post=post, reporter=by, reason=reason, explanation=explanation.strip())


@transaction.atomic
def ask_to_show_again(post, *, by, body, version, title=None, message=""):
    """The author of a hidden post changes it (or not) and asks the moderators to show it again.

    The request waits in the moderation queue like a report, one open at a time (a second one only brings
    the newer message); restoring the post answers it, closing it keeps the post hidden (forum/moderation.py).
    Returns the request.
    """
    if not may_ask_to_show_again(by, post):
        raise NotAllowed(_("Only the author of a hidden post can ask for it to be shown again."))
    title_changed = title is not None and post.is_first and " ".join(title.split()) != post.thread.title
    if body != post.body or title_changed:
        edit_post(post, by=by, body=body, version=version, title=title if post.is_first else None)
    _queue_writes_of(by)  # before looking for an open request, so that a double submit makes one
    message = message.strip()
    request = Report.objects.open().restore_requests().filter(post=post).first()
    if request is None:
        return Report.objects.create(post=post, reporter=by, reason=ReportReason.RESTORE_REQUEST, explanation=message)
    if message:
        request.explanation = message
        request.save(update_fields=["explanation"])
    return request
