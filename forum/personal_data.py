"""The forum's part of a person's data (accounts/rights.py): what the export shows and what closing removes.

The person's threads and posts stay when the account closes: they are the forum's record and others' replies
build on them. They show "Tidigare medarbetare" as author; a moderator can still redact personal data in them.
"""

from accounts.rights import iso

from . import caching
from .models import Bookmark, ForumMember, Notification, Post, PostRevision, Reaction, Report, Subscription, Thread
from .models.following import ThreadRead


def export(person):
    """The person's threads, posts with every revision, marks, follows, bookmarks, notifications and reports."""
    posts = list(Post.objects.filter(author=person).select_related("thread").order_by("created_at", "pk"))
    revisions = {}
    for revision in PostRevision.objects.filter(post__in=posts).order_by("created_at", "pk"):
        revisions.setdefault(revision.post_id, []).append(
            {
                "title": revision.title,
                "text": revision.body,
                "saved": iso(revision.created_at),
                "edited_by_you": revision.edited_by_id == person.pk,
            }
        )
    return {
        "forum_threads": [
            {
                "id": thread.pk,
                "title": thread.title,
                "kind": thread.kind,
                "category": thread.category.name,
                "address": thread.get_absolute_url(),
                "started": iso(thread.created_at),
                "hidden": thread.is_hidden,
            }
            for thread in Thread.objects.filter(author=person).select_related("category").order_by("created_at", "pk")
        ],
        "forum_posts": [
            {
                "thread": post.thread_id,
                "thread_title": post.thread.title,
                "number": post.number,
                "text": post.body,
                "written": iso(post.created_at),
                "edited": iso(post.edited_at),
                "hidden": post.is_hidden,
                "revisions": revisions.get(post.pk, []),
            }
            for post in posts
        ],
        "forum_helpful_marks": [
            {"thread": thread, "post_number": number, "when": iso(created)}
            for thread, number, created in Reaction.objects.filter(user=person)
            .order_by("created_at", "pk")
            .values_list("post__thread_id", "post__number", "created_at")
        ],
        "forum_follows": [
            {
                "thread": sub.thread.title if sub.thread_id else None,
                "category": sub.category.name if sub.category_id else None,
                "tag": sub.tag.name if sub.tag_id else None,
                "active": sub.is_active,
                "since": iso(sub.created_at),
            }
            for sub in Subscription.objects.filter(user=person)
            .select_related("thread", "category", "tag")
            .order_by("created_at", "pk")
        ],
        "bookmarks": [
            {
                "thread": bookmark.thread.title if bookmark.thread_id else None,
                "page": bookmark.page.title if bookmark.page_id else None,
                "saved": iso(bookmark.created_at),
            }
            for bookmark in Bookmark.objects.filter(user=person).select_related("thread", "page").order_by("pk")
        ],
        # What happened and where; never who did it, which is about someone else.
        "notifications": [
            {
                "kind": notification.kind,
                "thread": notification.thread.title if notification.thread_id else None,
                "page": notification.page.title if notification.page_id else None,
                "created": iso(notification.created_at),
                "read": iso(notification.read_at),
                "emailed": iso(notification.emailed_at),
            }
            for notification in Notification.objects.filter(recipient=person)
            .select_related("thread", "page")
            .order_by("created_at", "pk")
        ],
        "forum_reports": [
            {
                "thread": report.post.thread_id,
                "post_number": report.post.number,
                "reason": report.reason,
                "explanation": report.explanation,
                "reported": iso(report.created_at),
                "handled": iso(report.handled_at),
            }
            for report in Report.objects.filter(reporter=person).select_related("post").order_by("created_at", "pk")
        ],
        "forum_read_marks": [
            {"thread": thread, "last_read_post": number}
            for thread, number in ThreadRead.objects.filter(user=person).values_list("thread_id", "last_read_number")
        ],
    }


def remove(person, *, now):
    """What serves only the person goes: follows, read marks, bookmarks, their notifications, digest state.

    Posts, threads, reports and helpful marks stay (others' counts and the moderation record rely on them).
    """
    Subscription.objects.filter(user=person).delete()
    ThreadRead.objects.filter(user=person).delete()
    Bookmark.objects.filter(user=person).delete()
    Notification.objects.filter(recipient=person).delete()
    caching.notifications_changed(person.pk)
    ForumMember.objects.filter(user=person).delete()
