import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.db import OperationalError, transaction
from django.utils import translation

from accounts import roles
from accounts.models import Municipality
from forum import notifications, services
from forum.models import Category, Notification, Subscription
from forum.tasks import send_notification_emails
from tests.factories import UserFactory, forum_category, start_thread

pytestmark = pytest.mark.django_db

SECRET_BODY = "Detta är inläggets text som aldrig får lämna intranätet XYZZY-4711"


def handle(user):
    return user.email.split("@")[0]


def test_one_post_gives_each_person_one_notification_of_the_most_personal_kind(member, colleague):
    thread = start_thread(member)
    first = thread.posts.get()
    services.set_following(colleague, follow=True, thread=thread)
    services.reply(
        thread, author=UserFactory(), body=f"@{handle(member)} och @{handle(colleague)}", quoted_posts=[first]
    )

    assert Notification.objects.get(recipient=member).kind == "mention"
    assert Notification.objects.get(recipient=colleague).kind == "mention"
    services.reply(thread, author=UserFactory(), body="Håller med", quoted_posts=[first])
    assert Notification.objects.filter(recipient=member).latest("pk").kind == "quote"
    assert Notification.objects.filter(recipient=colleague).latest("pk").kind == "reply"


def test_the_person_who_wrote_the_post_is_not_notified_of_it(member):
    thread = start_thread(member)
    services.reply(thread, author=member, body=f"Jag själv, @{handle(member)}")
    assert not Notification.objects.filter(recipient=member).exists()


def test_inactive_people_get_no_notifications(member, colleague):
    thread = start_thread(member)
    member.is_active = False
    member.save()
    services.reply(thread, author=colleague, body="Ett svar")
    assert not Notification.objects.exists()


def test_starting_a_thread_notifies_people_following_its_category_or_tags(member, colleague):
    services.set_following(colleague, follow=True, category=forum_category())
    tag_follower = UserFactory()
    thread = start_thread(member, tags=["Skola"])
    services.set_following(tag_follower, follow=True, tag=thread.tags.get())

    start_thread(member, title="En till om skolan", tags=["Skola"])
    kinds = dict(Notification.objects.values_list("recipient__email", "kind").filter(thread__title__contains="till"))
    assert kinds == {colleague.email: "category", tag_follower.email: "tag"}


def test_a_hidden_thread_notifies_nobody(member, moderator, colleague):
    thread = start_thread(member)
    thread.is_hidden = True
    thread.save()
    services.reply(thread, author=moderator, body=f"@{handle(colleague)} här är det")
    assert not Notification.objects.exists()


def test_a_restricted_category_notifies_only_the_people_who_may_see_it(member, colleague, moderator):
    sigtuna_room = Category.objects.create(name="Sigtunas rum", slug="sigtunas-rum")
    sigtuna_room.restricted_to_municipalities.add(member.municipality)
    for person in (colleague, moderator):
        services.set_following(person, follow=True, category=sigtuna_room)
    neighbour = UserFactory()  # Sigtuna too

    services.set_following(neighbour, follow=True, category=sigtuna_room)
    start_thread(member, category=sigtuna_room)

    assert set(Notification.objects.values_list("recipient", flat=True)) == {moderator.pk, neighbour.pk}


@pytest.mark.parametrize(
    "groups, municipalities", [([], []), ([roles.EDITOR], []), ([], ["sigtuna"]), ([roles.EDITOR], ["sigtuna"])]
)
def test_the_audience_of_a_category_is_exactly_who_may_see_it_in_one_query(
    people, groups, municipalities, django_assert_num_queries
):
    category = Category.objects.create(name="Rummet", slug="rummet")
    category.restricted_to_groups.set(Group.objects.filter(name__in=groups))
    category.restricted_to_municipalities.set(Municipality.objects.filter(slug__in=municipalities))
    expected = {name for name, person in people.items() if category.is_visible_to(person)}

    with django_assert_num_queries(1):
        audience = set(notifications.audience(category).filter(pk__in=[p.pk for p in people.values()]))
    assert {name for name, person in people.items() if person in audience} == expected
    assert {"superuser", "moderator"} <= expected


def test_choosing_the_same_answer_again_does_not_notify_twice(member, colleague):
    thread = start_thread(member)
    (answer,) = [services.reply(thread, author=colleague, body="Så här gör vi")]
    services.accept_answer(answer, by=member)
    services.clear_answer(thread, by=member)
    services.accept_answer(answer, by=member)
    assert Notification.objects.filter(recipient=colleague, kind="answer").count() == 1


def test_each_kind_is_described_in_one_sentence_without_the_post_text(member, colleague):
    thread = start_thread(member, title="Hur pratar ni med barn?")
    post = services.reply(thread, author=colleague, body=f"{SECRET_BODY} @{handle(member)}")
    notification = Notification.objects.get(recipient=member, post=post)
    with translation.override("en"):
        assert notification.describe() == f"{colleague} mentioned you in Hur pratar ni med barn?"
        notification.kind = "category"
        assert notification.describe() == (f"{colleague} started Hur pratar ni med barn? in {thread.category.label}")
        notification.actor = None
        assert notification.describe().startswith("Someone started")


def test_a_post_is_mailed_after_its_transaction_commits_with_title_author_and_link_but_never_the_text(
    member, colleague, django_capture_on_commit_callbacks
):
    thread = start_thread(member, title="Samtal med barn om våld")
    with django_capture_on_commit_callbacks() as callbacks:
        services.reply(thread, author=colleague, body=SECRET_BODY)
        assert mail.outbox == []
    for callback in callbacks:  # the commit: the e-mail is queued, and the cached parts' tokens renewed
        callback()

    (message,) = mail.outbox
    notification = Notification.objects.get(recipient=member)
    assert message.to == [member.email]
    assert "Samtal med barn om våld" in message.subject
    assert str(colleague) in message.body
    assert f"http://testserver/forum/notiser/{notification.pk}/" in message.body
    assert "XYZZY" not in message.body and "XYZZY" not in message.subject
    assert notification.emailed_at is not None


def test_a_rolled_back_post_sends_no_email(member, colleague, django_capture_on_commit_callbacks):
    thread = start_thread(member)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.reply(thread, author=colleague, body="Ångrat")
        raise RuntimeError
    assert callbacks == []
    assert mail.outbox == []


@pytest.mark.parametrize("frequency", ["daily", "weekly", "never"])
def test_people_who_chose_a_digest_or_no_email_get_no_email_per_event(
    member, colleague, frequency, django_capture_on_commit_callbacks
):
    member.notification_email = frequency
    member.save()
    thread = start_thread(member)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(thread, author=colleague, body="Svar")
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=member, emailed_at__isnull=True).exists()


def test_no_email_goes_out_about_a_thread_hidden_or_restricted_before_the_worker_ran(member, colleague):
    thread = start_thread(member)
    services.reply(thread, author=colleague, body="Svar")
    other = start_thread(member, category=forum_category("samverkan"))
    services.reply(other, author=colleague, body="Svar")
    ids = list(Notification.objects.values_list("pk", flat=True))
    thread.is_hidden = True
    thread.save()
    other.category.restricted_to_municipalities.add(Municipality.objects.get(slug="jarfalla"))

    assert send_notification_emails.call(ids) == 0
    assert len(ids) == 2
    assert mail.outbox == []


def test_a_failing_mail_server_leaves_the_notification_unmailed(member, colleague, monkeypatch):
    thread = start_thread(member)
    services.reply(thread, author=colleague, body="Svar")
    notification = Notification.objects.get()

    def broken(*args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr("forum.mail.send_mail", broken)
    assert send_notification_emails.call([notification.pk]) == 0
    notification.refresh_from_db()
    assert notification.emailed_at is None


def test_a_database_that_goes_away_while_mailing_fails_the_task_before_anything_is_sent(member, colleague, monkeypatch):
    thread = start_thread(member)
    services.reply(thread, author=colleague, body="Svar")
    notification = Notification.objects.get()

    def database_restarting(notification_id):
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr("forum.tasks.mark_emailed", database_restarting)
    mail.outbox.clear()
    with pytest.raises(OperationalError):
        send_notification_emails.call([notification.pk])
    assert mail.outbox == []  # the worker runs the task again once the database is back (db_worker)


def test_an_e_mail_goes_out_only_after_its_mark_is_committed(member, colleague, monkeypatch):
    """Sent inside the transaction that marks it, an e-mail whose commit failed would be sent again by the retry."""
    thread = start_thread(member)
    services.reply(thread, author=colleague, body="Svar")
    notification = Notification.objects.get()
    connection = transaction.get_connection()
    depth = len(connection.savepoint_ids)
    seen = []

    def send_mail(subject, body, sender, recipients):
        seen.append((len(connection.savepoint_ids), Notification.objects.get(pk=notification.pk).emailed_at))

    monkeypatch.setattr("forum.mail.send_mail", send_mail)
    assert send_notification_emails.call([notification.pk]) == 1
    [(depth_when_sent, mark_when_sent)] = seen
    assert depth_when_sent == depth and mark_when_sent is not None


def test_following_is_automatic_for_threads_one_starts_or_replies_to(member, colleague):
    thread = start_thread(member)
    services.reply(thread, author=colleague, body="Svar")
    followers = set(Subscription.objects.active().filter(thread=thread).values_list("user", flat=True))
    assert followers == {member.pk, colleague.pk}


def test_a_mention_added_by_editing_notifies_once(member, colleague):
    thread = start_thread(member)
    post = services.reply(thread, author=member, body="Vad tycker ni?")
    assert not Notification.objects.filter(recipient=colleague).exists()

    post = services.edit_post(post, by=member, body=f"Vad tycker ni, @{handle(colleague)}?", version=post.version)
    notification = Notification.objects.get(recipient=colleague)
    assert (notification.kind, notification.post, notification.actor) == ("mention", post, member)
    assert list(post.mentions.all()) == [colleague]

    post = services.edit_post(post, by=member, body=f"Vad tycker ni nu, @{handle(colleague)}?", version=post.version)
    post = services.edit_post(post, by=member, body="Ingen nämnd.", version=post.version)
    assert list(post.mentions.all()) == []
    services.edit_post(post, by=member, body=f"Åter @{handle(colleague)}", version=post.version)
    assert Notification.objects.filter(recipient=colleague).count() == 1


def test_an_edit_does_not_mention_anew_someone_the_post_already_told(member, colleague):
    thread = start_thread(colleague)
    services.set_following(colleague, follow=True, thread=thread)
    post = services.reply(thread, author=member, body="Ett svar")
    assert Notification.objects.get(recipient=colleague).kind == "reply"
    services.edit_post(post, by=member, body=f"Ett svar till @{handle(colleague)}", version=post.version)
    assert Notification.objects.filter(recipient=colleague).count() == 1


def test_a_mention_in_a_quote_notifies_nobody(member, colleague):
    thread = start_thread(member, body=f"Fråga @{handle(colleague)} om det")
    assert Notification.objects.filter(recipient=colleague, kind="mention").count() == 1
    services.reply(thread, author=UserFactory(), body=f"> Fråga @{handle(colleague)} om det\n\nBra idé.")
    assert Notification.objects.filter(recipient=colleague).count() == 1
