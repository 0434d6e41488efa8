"""Who hears about what happens in the forum: notification rows now, e-mail through background tasks.

Restricted content never reaches others: a notification is made only for people who may see
the thread's category or the page, and shown or mailed only while they still may
(`Notification.objects.still_visible`).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from accounts.models import NotificationChoice
from knowledge.visibility import may_see_page

from . import caching
from .models import Notification, NotificationKind, Subscription, Thread
from .models.categories import may_see_category
from .models.notifications import choice_for, wanted
from .tasks import send_notification_emails

# What is read of each recipient: who they are and how they chose to hear of each kind.
CHOICES = ("pk", "notification_email", "notification_preferences")

# When one post concerns a person in several ways, they get one notification: the most personal kind.
PRIORITY = [
    NotificationKind.MENTION,
    NotificationKind.QUOTE,
    NotificationKind.ANSWER,
    NotificationKind.REPLY,
    NotificationKind.CATEGORY,
    NotificationKind.TAG,
]


def audience(category):
    """The active people who may see threads in the category, in one query."""
    may_see = may_see_category(
        category=category.pk,
        person=OuterRef("pk"),
        municipality=OuterRef("municipality_id"),
        is_superuser="is_superuser",
    )
    return get_user_model().objects.filter(may_see, is_active=True)


def mark_read(notification):
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=notification.read_at)
        caching.notifications_changed(notification.recipient_id)


def mark_all_read(user):
    marked = Notification.objects.filter(recipient=user).unread().update(read_at=timezone.now())
    caching.notifications_changed(user.pk)
    return marked


def _save_new(notifications):
    """Save new notifications; their recipients' header count and notification centre show them at once."""
    created = Notification.objects.bulk_create(notifications)
    caching.notifications_changed(*{notification.recipient_id for notification in created})
    return created


def _notify(kinds_by_user, *, thread, post, actor):
    kinds_by_user.pop(actor.pk, None)
    if not kinds_by_user or thread.is_hidden:
        return []
    kind_of = {person_id: min(kinds, key=PRIORITY.index) for person_id, kinds in kinds_by_user.items()}
    recipients = audience(thread.category).filter(pk__in=kinds_by_user).values_list(*CHOICES)
    recipients = [person for person in recipients if wanted(kind_of[person[0]], *person[1:])]
    created = _save_new(
        Notification(recipient_id=person_id, kind=kind_of[person_id], thread=thread, post=post, actor=actor)
        for person_id, _email, _choices in recipients
    )
    _mail_those_who_want_it_now(created, recipients)
    return created


def _mail_those_who_want_it_now(created, recipients):
    """Enqueue e-mail for the notifications whose recipient (pk, general choice, choices per kind) wants it at once."""
    mail_now = [
        notification.pk
        for notification, (_person, email, choices) in zip(created, recipients, strict=True)
        if choice_for(notification.kind, email, choices) == NotificationChoice.IMMEDIATELY
    ]
    if mail_now:
        # After the commit: a post that is rolled back must not be mailed, and the worker must find the rows.
        transaction.on_commit(lambda: send_notification_emails.enqueue(mail_now))


def post_published(post):
    """Tell followers, the people mentioned and the authors quoted about a new post."""
    thread = post.thread
    kinds = {}

    def add(user_ids, kind):
        for user_id in user_ids:
            kinds.setdefault(user_id, set()).add(kind)

    followers = Subscription.objects.active()
    if post.is_first:
        add(followers.filter(category=thread.category_id).values_list("user_id", flat=True), NotificationKind.CATEGORY)
        tag_ids = thread.tags.values_list("pk", flat=True)
        add(followers.filter(tag__in=tag_ids).values_list("user_id", flat=True), NotificationKind.TAG)
    else:
        add(followers.filter(thread=thread).values_list("user_id", flat=True), NotificationKind.REPLY)
    add(post.quotes.values_list("author_id", flat=True), NotificationKind.QUOTE)
    add(post.mentions.values_list("pk", flat=True), NotificationKind.MENTION)
    return _notify(kinds, thread=thread, post=post, actor=post.author)


def mentioned_by_edit(post, *, by):
    """Tell the people an edit newly mentions, once: whoever has heard of this post already hears nothing more."""
    if post.is_hidden:
        return []
    told_before = Notification.objects.filter(post=post).values("recipient_id")
    newly = post.mentions.exclude(pk__in=told_before).values_list("pk", flat=True)
    return _notify(dict.fromkeys(newly, {NotificationKind.MENTION}), thread=post.thread, post=post, actor=by)


def answer_accepted(post, *, by):
    """Tell the author their reply is the answer, once: choosing it again later is not news."""
    if Notification.objects.filter(recipient_id=post.author_id, post=post, kind=NotificationKind.ANSWER).exists():
        return []
    return _notify({post.author_id: {NotificationKind.ANSWER}}, thread=post.thread, post=post, actor=by)


def notify_tag_followers_of_page(page, tags):
    """Tell the people following any of `tags` that `page` is new: one notification each, only to those who may see
    the page, never to its owner, and never twice for the same page. Returns the notifications made.

    For other apps' pages (the campaign month's events), wired in `intranet/`; the forum knows no page type.
    """
    tag_ids = [tag.pk for tag in tags]
    if not tag_ids:
        return []
    followers = Subscription.objects.active().filter(tag__in=tag_ids).values("user_id")
    told_before = Notification.objects.filter(recipient=OuterRef("pk"), page=page.pk, kind=NotificationKind.PAGE_TAG)
    recipients = list(
        get_user_model()
        .objects.filter(pk__in=followers, is_active=True)
        .filter(may_see_page(page=page.pk, person=OuterRef("pk")))
        .exclude(Exists(told_before))
        .exclude(pk=page.owner_id)
        .order_by("pk")
        .values_list(*CHOICES)
    )
    recipients = [person for person in recipients if wanted(NotificationKind.PAGE_TAG, *person[1:])]
    created = _save_new(
        Notification(recipient_id=person_id, kind=NotificationKind.PAGE_TAG, page_id=page.pk)
        for person_id, _email, _choices in recipients
    )
    _mail_those_who_want_it_now(created, recipients)
    return created


def tell_of_moderation(action, notices):
    """Tell the people a moderator's `action` concerns what became of their post or their report.

    `notices` are (person id, kind, post id) in order of precedence: each person gets one notification, the
    first that names them, never the moderator who acted, and only while they may see the category. It
    points at the log entry, which holds the reason, and is e-mailed without the post's text.
    """
    kinds = {}
    for person_id, kind, post_id in notices:
        if person_id != action.moderator_id:
            kinds.setdefault(person_id, (kind, post_id))
    if not kinds:
        return []
    thread = action.thread
    # Never turned off (accounts.models.NEVER_OFF): a person must learn what became of their post.
    recipients = list(audience(thread.category).filter(pk__in=kinds).order_by("pk").values_list(*CHOICES))
    created = _save_new(
        Notification(
            recipient_id=person_id,
            kind=kinds[person_id][0],
            thread=thread,
            post_id=kinds[person_id][1],
            actor=action.moderator,
            moderation_action=action,
        )
        for person_id, _email, _choices in recipients
    )
    _mail_those_who_want_it_now(created, recipients)
    return created


def notify_about_page(page, people, *, kind, actor=None):
    """Tell `people` something that happened to `page` (its review), in the notification centre only.

    Wagtail's own review e-mail already reaches them, so nothing is mailed here. Never the actor, never the
    inactive. For other apps' events, wired in `intranet/`; the forum knows no page type.
    """
    person_ids = {person.pk for person in people} - {getattr(actor, "pk", None)}
    recipients = get_user_model().objects.filter(pk__in=person_ids, is_active=True).order_by("pk")
    return _save_new(
        Notification(recipient_id=person_id, kind=kind, page_id=page.pk, actor=actor)
        for person_id, email, choices in recipients.values_list(*CHOICES)
        if wanted(kind, email, choices)
    )


def notify_of_search_matches(user, *, posts=(), threads=(), pages=()):
    """Tell `user` of new matches for a search they follow: one notification per post, thread or page, never twice.

    For the search's followed searches, which find the matches as `user` (so only what they may see); threads
    and posts are checked against the forum's own rules again here, and every notification is shown only
    while its recipient may still see it (`Notification.objects.still_visible`). Returns the notifications made.
    """
    visible = set(
        Thread.objects.visible_to(user)
        .filter(is_hidden=False, pk__in={post.thread_id for post in posts} | {thread.pk for thread in threads})
        .values_list("pk", flat=True)
    )
    told = Notification.objects.filter(recipient=user, kind=NotificationKind.SEARCH)
    told_of_pages = set(told.filter(page__in=[page.pk for page in pages]).values_list("page_id", flat=True))
    told_of_threads = set(told.filter(thread__in=visible).values_list("thread_id", "post_id"))
    new = [
        Notification(recipient=user, kind=NotificationKind.SEARCH, thread_id=post.thread_id, post=post)
        for post in posts
        if post.thread_id in visible and not post.is_hidden and (post.thread_id, post.pk) not in told_of_threads
    ]
    new += [
        Notification(recipient=user, kind=NotificationKind.SEARCH, thread=thread)
        for thread in threads
        if thread.pk in visible and (thread.pk, None) not in told_of_threads
    ]
    new += [
        Notification(recipient=user, kind=NotificationKind.SEARCH, page_id=page.pk)
        for page in pages
        if page.pk not in told_of_pages and page.owner_id != user.pk
    ]
    if not wanted(NotificationKind.SEARCH, user.notification_email, user.notification_preferences):
        return []
    created = _save_new(new)
    choices = (user.pk, user.notification_email, user.notification_preferences)
    _mail_those_who_want_it_now(created, [choices] * len(created))
    return created
