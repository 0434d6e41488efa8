"""After the run, inside Django: is every acknowledged write in the database, and did every queued e-mail go once?

Writes are looked up one by one by what the load generator wrote into them (a thread's or reply's token) or by
their natural key (a reaction: post and person; a registration: event and person). E-mail is read back from the
files Django's file backend wrote, one message per send, and matched to what was queued: a notification by the
link that opens it, a confirmation by its recipient and event.
"""

import email
import email.policy
import re
import time
from collections import Counter
from pathlib import Path

from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from events.calendars import absolute_url
from events.models import Registration
from forum.models import Notification, Post, Reaction, Thread

from .world import EMAIL_DOMAIN

NOTIFICATION_TASK = "forum.tasks.send_notification_emails"
REGISTRATION_TASK = "events.tasks.send_registration_email"
SEPARATOR = b"\n" + b"-" * 79 + b"\n"  # between messages in one file of Django's file backend
NOTIFICATION_LINK = re.compile(r"/forum/notiser/(\d+)/")
UNFINISHED = [TaskResultStatus.READY, TaskResultStatus.RUNNING]


def wait_for_tasks(timeout):
    """Wait until the worker has taken every queued task; returns the seconds it took, or None."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if not DBTaskResult.objects.filter(status__in=UNFINISHED).exists():
            return round(time.monotonic() - started, 1)
        time.sleep(0.5)
    return None


# --- writes ----------------------------------------------------------------------------------------------------


def check_write(write):
    """What is wrong with one acknowledged write in the database; empty when it is there as written."""
    check = WRITE_CHECKS[write["kind"]]
    return check(write)


def _carrying(queryset, write, what):
    """The one row of `queryset` carrying the write's token, and what is wrong with it so far (its author)."""
    found = list(queryset.select_related("author"))
    if len(found) != 1:
        return None, [f"{len(found)} {what} carry the token"]
    row = found[0]
    return row, [] if row.author.email == write["person"] else [f"author is {row.author.email}"]


def _thread(write):
    thread, problems = _carrying(Thread.objects.filter(title__contains=write["token"]), write, "threads")
    if thread is None:
        return problems[0]
    if thread.category_id != write["category"]:
        problems.append(f"category is {thread.category_id}, not {write['category']}")
    opening = thread.posts.filter(number=1).first()
    if opening is None or write["token"] not in opening.body:
        problems.append("the opening post does not carry the token")
    return "; ".join(problems)


def _reply(write):
    post, problems = _carrying(Post.objects.filter(body__contains=write["token"]), write, "posts")
    if post is None:
        return problems[0]
    if post.thread_id != write["thread"]:
        problems.append(f"in thread {post.thread_id}, not {write['thread']}")
    named = set(post.mentions.values_list("email", flat=True))
    for address in write["mentions"]:
        if address not in named:
            problems.append(f"{address} is not among the post's mentions")
        elif not Notification.objects.filter(post=post, recipient__email=address).exists():
            problems.append(f"{address} was mentioned but not notified")
    return "; ".join(problems)


def _helpful(write):
    if not Reaction.objects.filter(post_id=write["post"], user__email=write["person"]).exists():
        return "no helpful mark"
    return ""


def _registration(write):
    count = Registration.objects.active().filter(event_id=write["event"], person__email=write["person"]).count()
    return "" if count == 1 else f"{count} active registrations"


WRITE_CHECKS = {"thread": _thread, "reply": _reply, "helpful": _helpful, "registration": _registration}


def check_counters(writes):
    """The denormalised counters of what the run touched agree with the rows they count."""
    problems = []
    posts = {write["post"] for write in writes if write["kind"] == "helpful"}
    for post in Post.objects.filter(pk__in=posts):
        marks = Reaction.objects.filter(post=post).count()
        if post.helpful_count != marks:
            problems.append(f"post {post.pk}: helpful_count {post.helpful_count}, {marks} marks")
    threads = {write["thread"] for write in writes if write["kind"] == "reply"}
    for thread in Thread.objects.filter(pk__in=threads):
        visible = thread.posts.filter(is_hidden=False).count()
        if thread.post_count != visible:
            problems.append(f"thread {thread.pk}: post_count {thread.post_count}, {visible} visible posts")
    return problems


# --- e-mail ----------------------------------------------------------------------------------------------------


def read_mail(folder):
    """Every message the file backend wrote: (recipients, subject, plain text)."""
    messages = []
    for path in sorted(Path(folder).glob("*")):
        for chunk in path.read_bytes().split(SEPARATOR):
            if not chunk.strip():
                continue
            message = email.message_from_bytes(chunk, policy=email.policy.default)
            body = message.get_body(preferencelist=("plain",))
            messages.append(
                {
                    "to": [address.strip() for address in str(message["To"]).split(",")],
                    "subject": str(message["Subject"]),
                    "text": body.get_content() if body else "",
                }
            )
    return messages


def queued(task_path):
    """The first argument of every task of one kind that was queued (successful or not)."""
    return [result.args_kwargs["args"][0] for result in DBTaskResult.objects.filter(task_path=task_path).order_by("pk")]


def check_mail(folder):
    messages = read_mail(folder)
    tasks = Counter(DBTaskResult.objects.values_list("status", flat=True))
    report = {
        "tasks": dict(tasks),
        "messages": len(messages),
        "problems": [],
    }
    unfinished = sum(count for status, count in tasks.items() if status != TaskResultStatus.SUCCESSFUL)
    if unfinished:
        report["problems"].append(f"{unfinished} tasks did not succeed: {dict(tasks)}")

    # Forum notifications: each queued one is mailed once, and its message carries the link that opens it.
    mailed_links = Counter()
    for message in messages:
        for pk in set(NOTIFICATION_LINK.findall(message["text"])):
            mailed_links[int(pk)] += 1
    notification_ids = [pk for ids in queued(NOTIFICATION_TASK) for pk in ids]
    notifications = Notification.objects.in_bulk(notification_ids)
    expected = sent = 0
    duplicates = []
    for pk in notification_ids:
        notification = notifications.get(pk)
        if notification is None or notification.read_at is not None:
            continue  # gone, or read before the worker came to it: rightly not mailed
        expected += 1
        if mailed_links[pk] == 0 or notification.emailed_at is None:
            report["problems"].append(f"notification {pk} was queued but not mailed")
        elif mailed_links[pk] > 1:
            duplicates.append(pk)
        else:
            sent += 1

    # Registration confirmations: one message to the person naming the event.
    registration_ids = queued(REGISTRATION_TASK)
    confirmations = Counter(
        (recipient, url)
        for message in messages
        for recipient in message["to"]
        for url in re.findall(r"https?://\S+", message["text"])
    )
    for registration in Registration.objects.filter(pk__in=registration_ids).select_related("event", "person"):
        expected += 1
        count = confirmations[(registration.person.email, absolute_url(registration.event.get_url()))]
        if count == 0 or registration.confirmation_sent_at is None:
            report["problems"].append(f"registration {registration.pk} was queued but not confirmed")
        elif count > 1:
            duplicates.append(f"registration {registration.pk}")
        else:
            sent += 1
    if duplicates:
        report["problems"].append(f"sent more than once: {duplicates[:20]}")

    # What wanted mail at once but never reached the queue (its request failed after the commit, in the outage).
    never_queued = Notification.objects.filter(
        emailed_at__isnull=True, recipient__email__endswith=f"@{EMAIL_DOMAIN}"
    ).exclude(pk__in=notification_ids)
    report.update(
        {
            "expected": expected,
            "sent_once": sent,
            "duplicates": len(duplicates),
            "notifications_queued": len(notification_ids),
            "registrations_queued": len(registration_ids),
            "notifications_not_queued": never_queued.count(),
        }
    )
    return report


def check(writes, mail_folder, *, wait_seconds):
    drained_after = wait_for_tasks(wait_seconds)
    results = []
    for write in writes:
        problem = check_write(write)
        if problem:
            results.append({**write, "problem": problem})
    by_kind = Counter(write["kind"] for write in writes)
    return {
        "queue_drained_after_seconds": drained_after,
        "writes_checked": len(writes),
        "writes_by_kind": dict(by_kind),
        "writes_missing": results,
        "counters": check_counters(writes),
        "mail": check_mail(mail_folder),
    }
