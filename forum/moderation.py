"""What moderators do to threads and posts; every action lands in the audit log.

Each verb checks the moderator role, returns whether anything changed (no
change, no log entry), and closes the open reports it deals with. Nothing is
deleted: hidden content keeps its history and can be restored. Redaction is
the one exception, by design: personal data must be gone for good.
"""

import re

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from knowledge.tagging import normalise_tag_names

from .mentions import read_post
from .models import ModerationAction, Post, PostRevision, Report, ReportReason, Thread
from .permissions import ForumError, check_moderator
from .services import MAX_TAGS

Action = ModerationAction.Action
REDACTED = "[borttaget av moderator]"
MIN_FRAGMENT_LENGTH = 2


def _close_reports(reports, *, by):
    return reports.open().update(handled_at=timezone.now(), handled_by=by)


def _locked_thread(thread):
    return Thread.objects.select_for_update().get(pk=thread.pk)


def _sync(instance, fresh, *fields):
    for field in fields:
        setattr(instance, field, getattr(fresh, field))


@transaction.atomic
def hide_post(post, *, by, reason):
    """Hide a post from members; hiding the first post hides the whole thread, since a thread needs its start."""
    check_moderator(by)
    if post.is_first:
        return hide_thread(post.thread, by=by, reason=reason)
    thread = _locked_thread(post.thread)
    fresh = Post.objects.select_for_update().get(pk=post.pk)
    if fresh.is_hidden:
        return False
    fresh.is_hidden, fresh.hidden_reason = True, reason[:300]
    fresh.save(update_fields=["is_hidden", "hidden_reason"])
    _sync(post, fresh, "is_hidden", "hidden_reason")
    updates = {"post_count": F("post_count") - 1}
    # A hidden post cannot stay the answer; restoring it brings the mark back (see restore_post).
    was_answer = thread.answer_id == post.pk
    if was_answer:
        updates["answer"] = None
    Thread.objects.filter(pk=thread.pk).update(**updates)
    closed = _close_reports(post.reports, by=by)
    ModerationAction.objects.log(
        by,
        Action.HIDE_POST,
        thread,
        post=post,
        reason=reason,
        details={"reports_closed": closed, "was_answer": was_answer},
    )
    return True


@transaction.atomic
def restore_post(post, *, by, reason):
    """Show a hidden post again; the first post stands for its thread."""
    check_moderator(by)
    if post.is_first:
        return restore_thread(post.thread, by=by, reason=reason)
    thread = _locked_thread(post.thread)
    fresh = Post.objects.select_for_update().get(pk=post.pk)
    if not fresh.is_hidden:
        return False
    fresh.is_hidden, fresh.hidden_reason = False, ""
    fresh.save(update_fields=["is_hidden", "hidden_reason"])
    _sync(post, fresh, "is_hidden", "hidden_reason")
    hidden = ModerationAction.objects.filter(post=post, action=Action.HIDE_POST).first()
    was_answer = bool(hidden and hidden.details.get("was_answer")) and thread.answer_id is None
    updates = {"post_count": F("post_count") + 1}
    if was_answer:
        updates["answer"] = post
    Thread.objects.filter(pk=thread.pk).update(**updates)
    ModerationAction.objects.log(
        by, Action.RESTORE_POST, thread, post=post, reason=reason, details={"answer_restored": was_answer}
    )
    return True


def _set_thread_flag(thread, *, by, reason, field, value, action, then=None):
    """Set one flag on a thread and log it; `then(thread)` does what goes with it and returns log details."""
    check_moderator(by)
    with transaction.atomic():
        fresh = _locked_thread(thread)
        if getattr(fresh, field) == value:
            return False
        setattr(fresh, field, value)
        # update_fields: never write back counters read before someone else's reply.
        fresh.save(update_fields=[field])
        setattr(thread, field, value)
        details = then(fresh) if then else {}
        ModerationAction.objects.log(by, action, thread, reason=reason, details=details)
    return True


def hide_thread(thread, *, by, reason):
    """Hide a whole thread; the reports on its posts are dealt with by that."""

    def close_reports(hidden):
        return {"reports_closed": _close_reports(Report.objects.filter(post__thread=hidden), by=by)}

    return _set_thread_flag(
        thread, by=by, reason=reason, field="is_hidden", value=True, action=Action.HIDE_THREAD, then=close_reports
    )


def restore_thread(thread, *, by, reason):
    return _set_thread_flag(thread, by=by, reason=reason, field="is_hidden", value=False, action=Action.RESTORE_THREAD)


def lock_thread(thread, *, by, reason):
    return _set_thread_flag(thread, by=by, reason=reason, field="is_locked", value=True, action=Action.LOCK)


def unlock_thread(thread, *, by, reason):
    return _set_thread_flag(thread, by=by, reason=reason, field="is_locked", value=False, action=Action.UNLOCK)


def pin_thread(thread, *, by, reason):
    return _set_thread_flag(thread, by=by, reason=reason, field="is_pinned", value=True, action=Action.PIN)


def unpin_thread(thread, *, by, reason):
    return _set_thread_flag(thread, by=by, reason=reason, field="is_pinned", value=False, action=Action.UNPIN)


@transaction.atomic
def move_thread(thread, *, by, category, reason):
    """Move a thread to another category; reports that it was in the wrong place are dealt with by that."""
    check_moderator(by)
    fresh = _locked_thread(thread)
    if fresh.category_id == category.pk:
        return False
    before = fresh.category
    fresh.category = category
    fresh.save(update_fields=["category"])
    thread.category = category
    closed = _close_reports(Report.objects.filter(post__thread=thread, reason=ReportReason.WRONG_PLACE), by=by)
    details = {
        "from": {"id": before.pk, "name": before.name},
        "to": {"id": category.pk, "name": category.name},
        "reports_closed": closed,
    }
    ModerationAction.objects.log(by, Action.MOVE, thread, reason=reason, details=details)
    return True


@transaction.atomic
def retag_thread(thread, *, by, tags, reason):
    """Replace a thread's tags (at most five, tidied like everywhere else)."""
    check_moderator(by)
    names = normalise_tag_names(tags)
    if len(names) > MAX_TAGS:
        raise ForumError(_("A thread can have at most %(count)s tags.") % {"count": MAX_TAGS})
    fresh = _locked_thread(thread)
    before = sorted(fresh.tags.names(), key=str.casefold)
    after = sorted(names, key=str.casefold)
    if [name.casefold() for name in before] == [name.casefold() for name in after]:
        return False
    fresh.set_tags(names)
    ModerationAction.objects.log(by, Action.RETAG, thread, reason=reason, details={"before": before, "after": after})
    return True


def dismiss_report(report, *, by, reason):
    """Close one report without acting on the post."""
    check_moderator(by)
    return _dismiss(Report.objects.filter(pk=report.pk), report.post, by=by, reason=reason)


def dismiss_reports(post, *, by, reason):
    """Close every open report on a post without acting on it: one entry in the log."""
    check_moderator(by)
    return _dismiss(post.reports.all(), post, by=by, reason=reason)


@transaction.atomic
def _dismiss(reports, post, *, by, reason):
    open_reports = reports.open().select_for_update()
    report_ids = sorted(open_reports.values_list("pk", flat=True))
    if not report_ids:
        return False
    Report.objects.filter(pk__in=report_ids).update(handled_at=timezone.now(), handled_by=by)
    ModerationAction.objects.log(
        by, Action.DISMISS_REPORT, post.thread, post=post, reason=reason, details={"reports": report_ids}
    )
    return True


class Scrubber:
    """Replaces one text, whatever its case, and counts how often it did."""

    def __init__(self, fragment, replacement):
        # Case-insensitive: "Anna Svensson" should also go where someone wrote "anna svensson".
        self.pattern = re.compile(re.escape(fragment), re.IGNORECASE)
        self.replacement = replacement
        self.count = 0

    def found_in(self, text):
        return bool(self.pattern.search(text))

    def __call__(self, text):
        new, replaced = self.pattern.subn(self.replacement, text)
        self.count += replaced
        return new


def fragment_occurs_in(post, fragment):
    """Whether the text is in the post now, in one of its earlier versions, or in the title it started."""
    scrubber = Scrubber(fragment, "")
    texts = [post.body, *post.revisions.values_list("body", flat=True)]
    if post.is_first:
        texts += [post.thread.title, *post.revisions.values_list("title", flat=True)]
    return any(scrubber.found_in(text) for text in texts)


@transaction.atomic
def redact_post(post, *, by, fragment, reason, replacement=REDACTED):
    """Replace a piece of personal data wherever the thread stores it; returns the number of replacements.

    It goes from the post, from every earlier version of it, and from every
    post in the same thread that quotes or repeats it: their text, rendered
    HTML, versions, the thread title, reports and earlier log reasons. Each
    changed post is saved so that the search index forgets the text too. The
    log records how much was replaced and where, never the text itself.
    """
    check_moderator(by)
    fragment = fragment.strip()
    if len(fragment) < MIN_FRAGMENT_LENGTH:
        raise ForumError(_("Write the exact text to remove: at least two characters."))
    scrub = Scrubber(fragment, replacement)
    if scrub.found_in(reason) or scrub.found_in(replacement):
        raise ForumError(_("The reason must not repeat the text you remove."))
    if not fragment_occurs_in(post, fragment):
        raise ForumError(
            _("That text is not in the post or its earlier versions. Copy it exactly from the source text.")
        )
    thread = _locked_thread(post.thread)
    title_changed = _scrub_title(thread, scrub)
    post.thread.title = thread.title
    # Quotes stay in their thread (services.reply sees to that); quoted_by is added in case one did not.
    reach = list(
        Post.objects.filter(Q(thread=thread) | Q(pk__in=post.quoted_by.values("pk"))).values_list("pk", flat=True)
    )
    changed_posts = _scrub_posts(reach, scrub)
    changed_revisions = _scrub_rows(PostRevision.objects.filter(post__in=reach), ["body", "title"], scrub)
    _scrub_rows(Report.objects.filter(post__in=reach), ["explanation"], scrub)
    _scrub_rows(ModerationAction.objects.filter(Q(thread=thread) | Q(post__in=reach)), ["reason"], scrub)

    _sync(post, Post.objects.get(pk=post.pk), "body", "body_html", "hidden_reason", "version")
    details = {
        "replacements": scrub.count,
        "posts": changed_posts,
        "revisions": changed_revisions,
        "title_changed": title_changed,
        "reports_closed": _close_reports(post.reports, by=by),
    }
    ModerationAction.objects.log(by, Action.REDACT, thread, post=post, reason=reason, details=details)
    return scrub.count


def _scrub_title(thread, scrub):
    title = scrub(thread.title)
    if title == thread.title:
        return False
    thread.title = title
    thread.save(update_fields=["title"])  # save(), not update(): the search index follows the title
    return True


def _scrub_posts(post_ids, scrub):
    changed = []
    for post in Post.objects.select_for_update().filter(pk__in=post_ids).order_by("pk"):
        body, hidden_reason = scrub(post.body), scrub(post.hidden_reason)
        if (body, hidden_reason) == (post.body, post.hidden_reason):
            continue
        post.body, post.hidden_reason, post.body_html = body, hidden_reason, read_post(body).html
        # An editor holding the old text gets an edit conflict instead of saving it back.
        post.version = F("version") + 1
        # A real save, so that the search index re-indexes the post.
        post.save(update_fields=["body", "body_html", "hidden_reason", "version"])
        changed.append(post.pk)
    return changed


def _scrub_rows(queryset, fields, scrub):
    """Scrub text columns of rows that no search index holds; returns the ids of the changed rows."""
    changed = []
    for row in queryset.only("pk", *fields).order_by("pk"):
        new = {field: scrub(getattr(row, field)) for field in fields}
        if any(new[field] != getattr(row, field) for field in fields):
            for field, value in new.items():
                setattr(row, field, value)
            changed.append(row)
    queryset.model.objects.bulk_update(changed, fields)
    return [row.pk for row in changed]
