"""Who hears about what happens in the forum: notification rows now, e-mail through background tasks."""

from django.contrib.auth import get_user_model

from .models import Category, Notification, NotificationKind, Subscription

# When one post concerns a person in several ways, they get one notification: the most personal kind.
PRIORITY = [
    NotificationKind.MENTION,
    NotificationKind.QUOTE,
    NotificationKind.ANSWER,
    NotificationKind.REPLY,
    NotificationKind.CATEGORY,
    NotificationKind.TAG,
]


def _audience(category, user_ids):
    """Of these people, the active ones who may see the category: restricted content never reaches others."""
    people = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    return [person for person in people if category.is_visible_to(person)]


def _notify(kinds_by_user, *, thread, post, actor):
    kinds_by_user.pop(actor.pk, None)
    if not kinds_by_user:
        return []
    recipients = _audience(thread.category, kinds_by_user)
    created = Notification.objects.bulk_create(
        Notification(
            recipient=person,
            kind=min(kinds_by_user[person.pk], key=PRIORITY.index),
            thread=thread,
            post=post,
            actor=actor,
        )
        for person in recipients
        if not thread.is_hidden
    )
    from .tasks import send_notification_emails

    send_notification_emails.enqueue([notification.pk for notification in created])
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
    return _notify({post.author_id: {NotificationKind.ANSWER}}, thread=post.thread, post=post, actor=by)


def visible_categories(user):
    return Category.objects.visible_to(user)
