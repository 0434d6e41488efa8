"""What moderators do to threads and posts; every action lands in the audit log.

Each verb checks the moderator role, returns whether anything changed (no
change, no log entry), and closes the open reports it deals with. Nothing is
deleted: hidden content keeps its history and can be restored. Redaction is
the one exception, by design: personal data must be gone for good.

The people an action concerns hear of it in their notification centre (and by
e-mail without the text): the author of a hidden, restored, redacted, moved or
edited post or thread, and whoever reported it. A hidden post's author may change it and ask for it
back (`services.ask_to_show_again`); the request waits in the queue like a
report, restoring the post answers it, and closing it keeps the post hidden.
"""

import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from knowledge.tagging import normalise_tag_names

from . import caching, notifications
from .mentions import read_post
from .models import ModerationAction, NotificationKind, Post, PostRevision, Report, ReportReason, Thread
from .permissions import ForumError, check_moderator
from .services import MAX_TAGS

Action = ModerationAction.Action
Kind = NotificationKind
REDACTED = "[borttaget av moderator]"
MIN_FRAGMENT_LENGTH = 2
PREVIEW_CONTEXT = 40
WHITESPACE = re.compile(r"\s+")


def _close_reports(reports, *, by):
    """Close the open ones among `reports`; returns them, so that those who sent them can be told."""
    closing = list(reports.open().select_for_update().only("pk", "reporter_id", "post_id", "reason"))
    Report.objects.filter(pk__in=[report.pk for report in closing]).update(handled_at=timezone.now(), handled_by=by)
    return closing


def _answers_to(closed):
    """Who hears what of the reports an action closed: reporters that it was handled, the author of a
    request to show a hidden post again that it stays hidden (restoring tells them otherwise)."""
    return [
        (
            report.reporter_id,
            Kind.KEPT_HIDDEN if report.reason == ReportReason.RESTORE_REQUEST else Kind.REPORT_HANDLED,
            report.post_id,
        )
        for report in closed
    ]


def _opening_post_id(thread):
    return Post.objects.filter(thread=thread, number=1).values_list("pk", flat=True).first()


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
    caching.thread_changed(thread.pk)
    closed = _close_reports(post.reports, by=by)
    action = ModerationAction.objects.log(
        by,
        Action.HIDE_POST,
        thread,
        post=post,
        reason=reason,
        details={"reports_closed": len(closed), "was_answer": was_answer},
    )
    notifications.tell_of_moderation(action, [(post.author_id, Kind.HIDDEN, post.pk), *_answers_to(closed)])
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
    caching.thread_changed(thread.pk)
    # Restoring answers the author's request; members' reports, if any, still wait for a decision of their own.
    answered = _close_reports(post.reports.restore_requests(), by=by)
    details = {"answer_restored": was_answer, "requests_closed": len(answered)}
    action = ModerationAction.objects.log(by, Action.RESTORE_POST, thread, post=post, reason=reason, details=details)
    notifications.tell_of_moderation(action, [(post.author_id, Kind.RESTORED, post.pk)])
    return True


def _set_thread_flag(thread, *, by, reason, field, value, action, then=None):
    """Set one flag on a thread and log it.

    `then(thread)` does what goes with it and returns the log's details and whom to tell what (see
    `notifications.tell_of_moderation`).
    """
    check_moderator(by)
    with transaction.atomic():
        fresh = _locked_thread(thread)
        if getattr(fresh, field) == value:
            return False
        setattr(fresh, field, value)
        # update_fields: never write back counters read before someone else's reply.
        fresh.save(update_fields=[field])
        caching.thread_changed(thread.pk)
        setattr(thread, field, value)
        details, notices = then(fresh) if then else ({}, [])
        entry = ModerationAction.objects.log(by, action, thread, reason=reason, details=details)
        notifications.tell_of_moderation(entry, notices)
    return True


def hide_thread(thread, *, by, reason):
    """Hide a whole thread; the reports on its posts are dealt with by that, and its author is told."""

    def close_reports(hidden):
        closed = _close_reports(Report.objects.filter(post__thread=hidden), by=by)
        author = (hidden.author_id, Kind.HIDDEN, _opening_post_id(hidden))
        return {"reports_closed": len(closed)}, [author, *_answers_to(closed)]

    return _set_thread_flag(
        thread, by=by, reason=reason, field="is_hidden", value=True, action=Action.HIDE_THREAD, then=close_reports
    )


def restore_thread(thread, *, by, reason):
    """Show a hidden thread again, which answers its author's request to, and tell them."""

    def answer_request(shown):
        opening = _opening_post_id(shown)
        answered = _close_reports(Report.objects.restore_requests().filter(post_id=opening), by=by)
        return {"requests_closed": len(answered)}, [(shown.author_id, Kind.RESTORED, opening)]

    return _set_thread_flag(
        thread, by=by, reason=reason, field="is_hidden", value=False, action=Action.RESTORE_THREAD, then=answer_request
    )


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
    caching.thread_changed(thread.pk)
    thread.category = category
    closed = _close_reports(Report.objects.filter(post__thread=thread, reason=ReportReason.WRONG_PLACE), by=by)
    details = {
        "from": {"id": before.pk, "name": before.name},
        "to": {"id": category.pk, "name": category.name},
        "reports_closed": len(closed),
    }
    action = ModerationAction.objects.log(by, Action.MOVE, thread, reason=reason, details=details)
    author = (thread.author_id, Kind.MOVED, _opening_post_id(thread))
    notifications.tell_of_moderation(action, [author, *_answers_to(closed)])
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
    caching.thread_changed(thread.pk)
    ModerationAction.objects.log(by, Action.RETAG, thread, reason=reason, details={"before": before, "after": after})
    return True


def dismiss_report(report, *, by, reason):
    """Close one report without acting on the post (or, for a hidden post's request, keep it hidden)."""
    check_moderator(by)
    return _dismiss(Report.objects.filter(pk=report.pk), report.post, by=by, reason=reason)


def dismiss_reports(post, *, by, reason):
    """Close every open report on a post without acting on it: one entry in the log.

    On a hidden post the open one is its author's request to show it again: closing it keeps the post hidden.
    """
    check_moderator(by)
    return _dismiss(post.reports.all(), post, by=by, reason=reason)


@transaction.atomic
def _dismiss(reports, post, *, by, reason):
    closed = _close_reports(reports, by=by)
    if not closed:
        return False
    report_ids = sorted(report.pk for report in closed)
    action = ModerationAction.objects.log(
        by, Action.DISMISS_REPORT, post.thread, post=post, reason=reason, details={"reports": report_ids}
    )
    notifications.tell_of_moderation(action, _answers_to(closed))
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


def check_redaction(fragment, reason, replacement=REDACTED):
    """Refuse a fragment too short to be exact, and a reason or replacement that would keep the text."""
    if len(fragment.strip()) < MIN_FRAGMENT_LENGTH:
        raise ForumError(_("Write the exact text to remove: at least two characters."))
    scrub = Scrubber(fragment.strip(), replacement)
    if scrub.found_in(reason) or scrub.found_in(replacement):
        raise ForumError(_("The reason must not repeat the text you remove."))


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
    check_redaction(fragment, reason, replacement)
    scrub = Scrubber(fragment, replacement)
    if not fragment_occurs_in(post, fragment):
        raise ForumError(
            _("That text is not in the post or its earlier versions. Copy it exactly from the source text.")
        )
    thread = _locked_thread(post.thread)
    title_changed = _scrub_title(thread, scrub)
    post.thread.title = thread.title
    reach = _reach_of(post, thread)
    changed_posts = _scrub_posts(reach, scrub)
    changed_revisions = _scrub_rows(PostRevision.objects.filter(post__in=reach), ["body", "title"], scrub)
    _scrub_rows(Report.objects.filter(post__in=reach), ["explanation"], scrub)
    _scrub_rows(_log_entries_of(thread, reach), ["reason"], scrub)
    caching.thread_changed(*Thread.objects.filter(posts__in=reach).values_list("pk", flat=True).distinct())

    _sync(post, Post.objects.get(pk=post.pk), "body", "body_html", "hidden_reason", "version")
    # The members' reports are answered; an author's request to show a hidden post again still waits.
    closed = _close_reports(post.reports.from_members(), by=by)
    details = {
        "replacements": scrub.count,
        "posts": changed_posts,
        "revisions": changed_revisions,
        "title_changed": title_changed,
        "reports_closed": len(closed),
    }
    action = ModerationAction.objects.log(by, Action.REDACT, thread, post=post, reason=reason, details=details)
    authors = Post.objects.filter(pk__in=changed_posts).order_by("number").values_list("author_id", "pk")
    if title_changed:
        authors = [(thread.author_id, _opening_post_id(thread)), *authors]
    told = [(author_id, Kind.REDACTED, post_id) for author_id, post_id in authors]
    notifications.tell_of_moderation(action, [*told, *_answers_to(closed)])
    return scrub.count


def _reach_of(post, thread):
    """The posts a redaction goes through: the whole thread, and whatever quotes the post.

    Quotes stay in their thread (services.reply sees to that); quoted_by is added in case one did not.
    """
    return list(
        Post.objects.filter(Q(thread=thread) | Q(pk__in=post.quoted_by.values("pk"))).values_list("pk", flat=True)
    )


def _log_entries_of(thread, reach):
    return ModerationAction.objects.filter(Q(thread=thread) | Q(post__in=reach))


@dataclass(frozen=True)
class Match:
    """One place a redaction would replace the text, with a little of the text around it."""

    where: str
    before: str
    found: str
    after: str


def redaction_preview(post, fragment):
    """Every place `redact_post` would replace the fragment, in the order it goes through them.

    What the moderator sees and confirms before anything is removed; as many matches as the
    replacements `redact_post` then reports.
    """
    scrubber = Scrubber(fragment.strip(), "")
    thread = post.thread
    reach = _reach_of(post, thread)
    places = [(_("The thread's title"), thread.title)]
    for each in Post.objects.filter(pk__in=reach).select_related("thread").order_by("thread_id", "number"):
        name = _post_name(each, thread)
        places += [(name, each.body), (_("%(post)s, why it was hidden") % {"post": name}, each.hidden_reason)]
    revisions = PostRevision.objects.filter(post__in=reach).select_related("post__thread").order_by("post_id", "pk")
    for revision in revisions:
        name = _("%(post)s, the version of %(when)s") % {
            "post": _post_name(revision.post, thread),
            "when": date_format(timezone.localtime(revision.created_at), "SHORT_DATETIME_FORMAT"),
        }
        places += [(name, revision.body), (name, revision.title)]
    for report in Report.objects.filter(post__in=reach).select_related("post__thread").order_by("pk"):
        places.append((_("A report on %(post)s") % {"post": _post_name(report.post, thread)}, report.explanation))
    for entry in _log_entries_of(thread, reach).order_by("pk"):
        places.append((_("A reason in the moderation log"), entry.reason))
    return [_match(where, text, found) for where, text in places for found in scrubber.pattern.finditer(text)]


def _post_name(post, thread):
    if post.thread_id == thread.pk:
        return _("Post #%(number)s") % {"number": post.number}
    return _("Post #%(number)s in “%(title)s”") % {"number": post.number, "title": post.thread.title}


def _match(where, text, found):
    start, end = found.span()
    before = WHITESPACE.sub(" ", text[max(start - PREVIEW_CONTEXT, 0) : start])
    after = WHITESPACE.sub(" ", text[end : end + PREVIEW_CONTEXT])
    return Match(
        where=where,
        before=f"…{before}" if start > PREVIEW_CONTEXT else before,
        found=found.group(),
        after=f"{after}…" if end + PREVIEW_CONTEXT < len(text) else after,
    )


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
