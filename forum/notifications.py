"""Who hears about what happens in the forum: notification rows now, e-mail through background tasks.

Restricted content never reaches others: a notification is made only for people who may see
the thread's category, and shown or mailed only while they still may (see `still_visible`).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import EmailFrequency

from .models import ForumMember, Notification, NotificationKind, Subscription
from .models.categories import may_see_category

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


def still_visible():
    """A condition on notifications: the thread and post are not hidden and the recipient may still see them.

    Categories can be restricted and threads hidden after the notification was made.
    """
    may_see = may_see_category(
        category=OuterRef("thread__category_id"),
        person=OuterRef("recipient_id"),
        municipality=OuterRef("recipient__municipality_id"),
        is_superuser="recipient__is_superuser",
    )
    return may_see & Q(thread__is_hidden=False) & (Q(post__isnull=True) | Q(post__is_hidden=False))


def for_person(user):
    """The person's notifications that they may still see, newest first, ready to be listed."""
    return (
        Notification.objects.filter(recipient=user)
        .filter(still_visible())
        .select_related("thread__category", "post", "actor")
        .order_by("-created_at", "-pk")
    )


def unread_count(user):
    return Notification.objects.filter(recipient=user).unread().filter(still_visible()).count()


def mark_read(notification):
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=notification.read_at)


def mark_all_read(user):
    return Notification.objects.filter(recipient=user).unread().update(read_at=timezone.now())


def describe(notification):
    """What happened, in one sentence: "Anna Larsson mentioned you in <title>". Never quotes the post."""
    actor = str(notification.actor) if notification.actor_id else _("Someone")
    values = {"actor": actor, "title": notification.thread.title}
    match notification.kind:
        case NotificationKind.MENTION:
            return _("%(actor)s mentioned you in %(title)s") % values
        case NotificationKind.QUOTE:
            return _("%(actor)s quoted you in %(title)s") % values
        case NotificationKind.ANSWER:
            return _("%(actor)s marked your reply as the answer in %(title)s") % values
        case NotificationKind.REPLY:
            return _("%(actor)s replied in %(title)s") % values
        case NotificationKind.CATEGORY:
            values["category"] = notification.thread.category.label
            return _("%(actor)s started %(title)s in %(category)s") % values
        case _:
            return _("%(actor)s started %(title)s with a tag you follow") % values


def _notify(kinds_by_user, *, thread, post, actor):
    kinds_by_user.pop(actor.pk, None)
    if not kinds_by_user or thread.is_hidden:
        return []
    recipients = audience(thread.category).filter(pk__in=kinds_by_user).values_list("pk", "notification_email")
    recipients = list(recipients)
    created = Notification.objects.bulk_create(
        Notification(
            recipient_id=person_id,
            kind=min(kinds_by_user[person_id], key=PRIORITY.index),
            thread=thread,
            post=post,
            actor=actor,
        )
        for person_id, _email in recipients
    )
    mail_now = [
        notification.pk
        for notification, (_person, email) in zip(created, recipients, strict=True)
        if email == EmailFrequency.IMMEDIATELY
    ]
    if mail_now:
        from .tasks import send_notification_emails

        # After the commit: a post that is rolled back must not be mailed, and the worker must find the rows.
        transaction.on_commit(lambda: send_notification_emails.enqueue(mail_now))
    return created


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


def answer_accepted(post, *, by):
    """Tell the author their reply is the answer, once: choosing it again later is not news."""
    if Notification.objects.filter(recipient_id=post.author_id, post=post, kind=NotificationKind.ANSWER).exists():
        return []
    return _notify({post.author_id: {NotificationKind.ANSWER}}, thread=post.thread, post=post, actor=by)


def digest_items(frequency, *, now, window):
    """Unread, not yet mailed notifications of everyone who chose this digest, oldest first.

    Since each person's last digest; a first digest looks back one `window` only, not over all history.
    """
    last_digest = ForumMember.objects.filter(user=OuterRef("recipient_id"), last_digest_at__isnull=False)
    since_last_digest = Exists(last_digest.filter(last_digest_at__lt=OuterRef("created_at")))
    first_digest = ~Exists(last_digest) & Q(created_at__gte=now - window)
    return (
        Notification.objects.unread()
        .filter(
            still_visible(),
            since_last_digest | first_digest,
            emailed_at__isnull=True,
            recipient__notification_email=frequency,
            recipient__is_active=True,
        )
        .select_related("recipient", "thread__category", "post", "actor")
        .order_by("recipient_id", "created_at", "pk")
    )
