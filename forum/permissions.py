"""Who may do what in the forum, and the errors a write raises when a rule stops it.

Services, moderation, views and the importer all ask here, so each rule is written once.
"""

from django.utils.translation import gettext as _

from accounts.roles import is_moderator

from .models import Thread


class ForumError(Exception):
    """A rule stops the write; the message is for the person who tried."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotAllowed(ForumError):
    pass


class TooManyPosts(ForumError):
    pass


class EditConflict(ForumError):
    pass


class TooManyEdits(ForumError):
    pass


class TooManyReports(ForumError):
    pass


def may_see(user, thread):
    return Thread.objects.visible_to(user).filter(pk=thread.pk).exists()


def may_post_in(user, thread, *, seen=False):
    """`seen`: the caller has just read the thread through `Thread.objects.visible_to(user)`: no need to ask again."""
    return (seen or may_see(user, thread)) and (not thread.is_locked or is_moderator(user))


def may_edit(user, post):
    """Moderators always; the author while the thread is open, a hidden post too: changing it is how they
    ask for it back (services.ask_to_show_again)."""
    if is_moderator(user):
        return True
    return post.author_id == user.pk and not post.thread.is_locked


def may_ask_to_show_again(user, post):
    return post.author_id == user.pk and post.is_hidden_by_moderator and not post.thread.is_locked


def may_accept_answer(user, thread):
    return thread.author_id == user.pk or is_moderator(user)


def check_moderator(user):
    if not is_moderator(user):
        raise NotAllowed(_("Only moderators can do that."))
