"""What moderators do to threads and posts; every action lands in the audit log."""

from .models import ModerationAction


def log_action(moderator, action, thread, *, post=None, reason, details=None):
    return ModerationAction.objects.create(
        moderator=moderator, action=action, thread=thread, post=post, reason=reason, details=details or {}
    )
