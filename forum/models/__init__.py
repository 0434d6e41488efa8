from .bookmarks import Bookmark
from .categories import Category
from .following import ForumMember, Subscription, ThreadRead
from .moderation import ModerationAction, Report, ReportReason
from .notifications import Notification, NotificationKind
from .threads import POSTS_PER_PAGE, Post, PostRevision, Reaction, Thread, ThreadKind, ThreadTag

__all__ = [
    "POSTS_PER_PAGE",
    "Bookmark",
    "Category",
    "ForumMember",
    "ModerationAction",
    "Notification",
    "NotificationKind",
    "Post",
    "PostRevision",
    "Reaction",
    "Report",
    "ReportReason",
    "Subscription",
    "Thread",
    "ThreadKind",
    "ThreadRead",
    "ThreadTag",
]
