"""import_content and the forum's part of the format: categories and threads (docs/import.md)."""

import json
from io import StringIO

import pytest

from django.core.management import call_command
from django.utils import translation

from accounts import roles
from accounts.models import User
from forum.models import Category, Notification, Post, PostRevision, Reaction, Thread, ThreadKind
from importing.models import ImportedThread
from importing.services import ImportFailed, import_content
from knowledge.models import MethodPage
from tests.factories import UserFactory

AUTHOR = "kurator@kommun.example"
COLLEAGUE = "socialsekreterare@kommun.example"


@pytest.fixture(autouse=True)
def english():
    # Messages are compared in the language of their msgids, whatever the catalogue says.
    with translation.override("en"):
        yield


def a_thread(**fields):
    return {
        "id": "t1",
        "title": "Hur gör ni med orosanmälan från fritidsgården?",
        "category": "Barn och unga",
        "kind": "Fråga",
        "author_email": AUTHOR,
        "tags": ["orosanmälan", "fritidsgårdar"],
        "posts": [
            {"body": "Vi undrar hur **ni** gör.", "created_at": "2026-10-05T09:30"},
            {"author_email": COLLEAGUE, "body": "Vi anmäler direkt.", "created_at": "2026-10-05T11:00"},
        ],
        **fields,
    }


def a_method(**fields):
    return {
        "id": "m1",
        "title": "Trygga vuxna",
        "municipality": "Sigtuna",
        "summary": "Utbildning för fritidspersonal.",
        "body": "Så går det till.",
        **fields,
    }


def errors_for(data):
    with pytest.raises(ImportFailed) as failure:
        import_content(data)
    return failure.value.errors


def with_identity_number_check_digit(first_nine):
    """An invented identity number whose Luhn check digit is right, so the guard takes it for real."""
    total = 0
    for index, digit in enumerate(int(character) for character in first_nine):
        product = digit * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return f"{first_nine[:6]}-{first_nine[6:]}{(10 - total % 10) % 10}"


# Importing


def test_threads_import_on_a_freshly_migrated_database_with_inactive_accounts_for_unknown_authors(db):
    report = import_content({"threads": [a_thread(category="Nätverk för kuratorer")]})

    thread = Thread.objects.get()
    assert thread.title == "Hur gör ni med orosanmälan från fritidsgården?"
    assert thread.kind == ThreadKind.QUESTION
    assert thread.category.name == "Nätverk för kuratorer"
    assert thread.category.slug == "natverk-for-kuratorer"
    assert sorted(thread.tags.names()) == ["fritidsgårdar", "orosanmälan"]
    assert thread.post_count == 2 and thread.last_post_number == 2
    assert thread.created_at.isoformat() == "2026-10-05T07:30:00+00:00"  # Swedish summer time
    first, second = thread.posts.order_by("number")
    assert (first.number, first.author.email, first.body_html) == (
        1,
        AUTHOR,
        "<p>Vi undrar hur <strong>ni</strong> gör.</p>",
    )
    assert (second.number, second.author.email) == (2, COLLEAGUE)
    for account in User.objects.all():
        assert not account.is_active
        assert not account.has_usable_password()
    assert report.created["thread"] == 1


def test_an_author_with_an_account_writes_as_themselves_and_nobody_is_notified(db):
    colleague = UserFactory(email=COLLEAGUE, roles=[roles.EMPLOYEE])
    follower = UserFactory(roles=[roles.EMPLOYEE])
    mention = {"author_email": COLLEAGUE, "body": "@" + follower.email.split("@")[0]}
    import_content({"threads": [a_thread(posts=[{"body": "Första"}] + [mention] * 8)]})

    # Eight posts by one person at once pass: an import is not held to the posting rate limit.
    assert Post.objects.filter(author=colleague).count() == 8
    assert Post.objects.get(number=2).mentions.get() == follower
    assert not Notification.objects.exists()


def test_kinds_and_categories_are_matched_by_any_common_spelling(db):
    import_content(
        {
            "threads": [
                a_thread(id="t1", kind="idé", category="barn-och-unga"),
                a_thread(id="t2", kind="COLLABORATION", category="SAMVERKAN"),
                a_thread(id="t3", kind="Erfarenhet", category="Children and young people"),
            ]
        }
    )
    kinds = dict(ImportedThread.objects.values_list("source_id", "thread__kind"))
    categories = dict(ImportedThread.objects.values_list("source_id", "thread__category__slug"))
    assert kinds == {"t1": "idea", "t2": "collaboration", "t3": "experience"}
    assert categories == {"t1": "barn-och-unga", "t2": "samverkan", "t3": "barn-och-unga"}
    assert Category.objects.count() == 6


def test_the_answer_helpful_marks_quotes_and_the_discussed_method_are_imported(db):
    posts = [
        {"body": "Fråga"},
        {"author_email": COLLEAGUE, "body": "> Fråga\n\nSvar", "quotes": [1], "helpful_by": [AUTHOR]},
        {"author_email": AUTHOR, "body": "Tack!"},
    ]
    import_content({"methods": [a_method()], "threads": [a_thread(posts=posts, answer=2, method="m1")]})

    thread = Thread.objects.get()
    answer = thread.posts.get(number=2)
    assert thread.answer == answer
    assert thread.knowledge_page.specific == MethodPage.objects.get()
    assert answer.helpful_count == 1
    assert Reaction.objects.get().user.email == AUTHOR
    assert list(answer.quotes.all()) == [thread.posts.get(number=1)]


def test_a_thread_may_discuss_a_method_from_an_earlier_import(db):
    import_content({"methods": [a_method()]})
    import_content({"threads": [a_thread(method="m1")]})
    assert Thread.objects.get().knowledge_page.title == "Trygga vuxna"


def test_a_restricted_category_is_defined_in_the_file_and_only_its_members_may_write_there(db):
    UserFactory(email=AUTHOR, roles=[roles.EDITOR])
    UserFactory(email=COLLEAGUE, roles=[roles.BOARD])
    category = {
        "id": "redaktionsrummet",
        "name": "Redaktionsrummet",
        "description": "För redaktörer.",
        "restricted_to_roles": ["Redaktör", "gemensam redaktion"],
        "restricted_to_municipalities": ["Sigtuna"],
    }

    report = import_content({"categories": [category], "threads": [a_thread(category="Redaktionsrummet")]})

    created = Category.objects.get(slug="redaktionsrummet")
    assert created.is_restricted
    assert set(created.restricted_to_groups.values_list("name", flat=True)) == {roles.EDITOR, roles.BOARD}
    assert list(created.restricted_to_municipalities.values_list("name", flat=True)) == ["Sigtuna"]
    assert Thread.objects.get().category == created
    assert report.created["category"] == 1


def test_someone_who_cannot_see_a_restricted_category_cannot_write_or_mark_posts_in_it(db):
    UserFactory(email=AUTHOR, roles=[roles.EDITOR])
    UserFactory(email=COLLEAGUE, roles=[roles.EMPLOYEE])
    category = {"id": "redaktionen", "name": "Redaktionen", "restricted_to_roles": ["Redaktör"]}
    posts = [{"body": "Fråga"}, {"author_email": COLLEAGUE, "body": "Svar", "helpful_by": ["ny@kommun.example"]}]

    errors = errors_for({"categories": [category], "threads": [a_thread(category="redaktionen", posts=posts)]})

    assert errors == [
        'threads[0] (id "t1"): posts[1].author_email: "socialsekreterare@kommun.example" cannot see the category '
        '"Redaktionen" (only for: Redaktör)',
        'threads[0] (id "t1"): posts[1].helpful_by[0]: "ny@kommun.example" matches no account, and a new account '
        'has no role, so it cannot see the category "Redaktionen" (only for: Redaktör)',
    ]
    assert not Category.objects.filter(slug="redaktionen").exists()


def test_a_category_needs_a_web_address_and_a_name_of_its_own(db):
    categories = [{"id": "Redaktionen!", "name": "Redaktionen"}, {"id": "samverkan-2", "name": "Samverkan"}]
    assert errors_for({"categories": categories}) == [
        'categories[0] (id "Redaktionen!"): id: is the category\'s web address: only a–z, 0–9 and hyphens, '
        'e.g. "redaktionen"',
        'categories[1] (id "samverkan-2"): name: the category "Samverkan" (id "samverkan") already has this name',
    ]


# Importing again


def counts():
    return [model.objects.count() for model in (Thread, Post, PostRevision, Reaction, User, Category, Notification)]


def test_importing_the_same_threads_again_changes_nothing(db):
    posts = a_thread()["posts"] + [{"author_email": AUTHOR, "body": "Tack!", "helpful_by": [COLLEAGUE]}]
    data = {"threads": [a_thread(posts=posts, answer=2)]}
    import_content(data)
    before = counts()
    versions = list(Post.objects.values_list("version", flat=True))

    report = import_content(data)

    assert counts() == before
    assert list(Post.objects.values_list("version", flat=True)) == versions
    assert report.created["thread"] == 0 and report.updated["thread"] == 1


def test_a_changed_thread_is_updated_in_place_keeping_the_old_text_as_a_revision(db):
    import_content({"threads": [a_thread()]})
    reader = UserFactory(roles=[roles.EMPLOYEE])
    thread = Thread.objects.get()
    from forum import services

    services.reply(thread, author=reader, body="Ett svar skrivet i forumet")  # becomes number 3
    changed = a_thread(title="Ny rubrik", category="Samverkan", tags=["samverkan"], kind="Samverkan")
    changed["posts"][1]["body"] = "Vi anmäler direkt, och ringer socialjouren."
    changed["posts"].append({"author_email": AUTHOR, "body": "Tack för svaren!"})

    import_content({"threads": [changed]})

    thread.refresh_from_db()
    assert (thread.title, thread.category.slug, thread.kind) == ("Ny rubrik", "samverkan", "collaboration")
    assert list(thread.tags.names()) == ["samverkan"]
    second = thread.posts.get(number=2)
    assert second.body == "Vi anmäler direkt, och ringer socialjouren."
    assert list(second.revisions.values_list("body", flat=True)) == [
        "Vi anmäler direkt.",
        "Vi anmäler direkt, och ringer socialjouren.",
    ]
    assert thread.posts.get(number=3).body == "Ett svar skrivet i forumet"
    assert thread.posts.get(number=4).body == "Tack för svaren!"
    assert ImportedThread.objects.get().post_numbers == [1, 2, 4]


# Problems


def test_an_unknown_kind_names_the_position_and_the_valid_kinds(db):
    [error] = errors_for({"threads": [a_thread(kind="Diskussion")]})
    assert error == (
        'threads[0] (id "t1"): kind: unknown value "Diskussion". Valid values: Fråga, Idé, Erfarenhet, Samverkan'
    )


def test_a_category_name_without_letters_is_refused_with_the_existing_categories(db):
    [error] = errors_for({"threads": [a_thread(category="???")]})
    assert error.startswith('threads[0] (id "t1"): category: "???" cannot be the name of a new category')
    assert "Förebyggande arbete, Barn och unga, Hedersrelaterat våld, Samverkan, Kampanjmånaden, Metodfrågor" in error


def test_missing_posts_and_fields_are_reported_with_the_valid_fields(db):
    without_posts = a_thread(id="t1")
    del without_posts["posts"]
    errors = errors_for(
        {
            "threads": [
                without_posts,
                a_thread(id="t2", posts=[]),
                a_thread(id="t3", author="kurator@kommun.example"),
                a_thread(id="t4", posts=[{"body": "Hej"}, {"body": "Hej igen"}]),
            ]
        }
    )
    assert errors[0] == 'threads[0] (id "t1"): posts: is missing'
    assert (
        errors[1] == 'threads[1] (id "t2"): posts: needs at least one post: the first is the opening post of the thread'
    )
    assert errors[2].startswith('threads[2] (id "t3"): author: unknown field. Valid fields: id, title, category, kind')
    assert errors[3] == 'threads[3] (id "t4"): posts[1].author_email: is missing'


def test_answers_times_quotes_and_helpful_marks_must_make_sense(db):
    posts = [
        {"body": "Fråga", "created_at": "2026-10-05T10:00", "quotes": [1]},
        {"author_email": COLLEAGUE, "body": "Svar", "created_at": "2026-10-05T09:00", "helpful_by": [COLLEAGUE]},
        {"author_email": AUTHOR, "body": "Tack", "quotes": [3]},
    ]
    errors = errors_for({"threads": [a_thread(posts=posts, answer=1, method="m9")]})
    assert errors == [
        'threads[0] (id "t1"): method: unknown id "m9": no item in methods in this file or in an earlier import has it',
        'threads[0] (id "t1"): posts[1].created_at: is before posts[0]: posts come in the order they were written',
        'threads[0] (id "t1"): posts[0].quotes[0]: the opening post cannot quote',
        'threads[0] (id "t1"): posts[1].helpful_by[0]: nobody can mark their own post helpful',
        'threads[0] (id "t1"): posts[2].quotes[0]: must be the number of an earlier post, from 1 to 2',
        'threads[0] (id "t1"): answer: must be the number of a reply in posts, from 2 to 3 (1 is the opening post)',
    ]


def test_a_file_with_one_bad_thread_imports_nothing(db):
    errors = errors_for(
        {
            "categories": [{"id": "ny-kategori", "name": "Ny kategori"}],
            "threads": [a_thread(id="t1", category="Ny kategori"), a_thread(id="t2", author_email="inte en adress")],
        }
    )
    assert errors == ['threads[1] (id "t2"): author_email: not an e-mail address: "inte en adress"']
    assert counts() == [0, 0, 0, 0, 0, 6, 0]


def test_an_identity_number_in_a_post_refuses_the_file_naming_the_thread_and_the_post(db):
    number = with_identity_number_check_digit("900101123")
    data = {"threads": [a_thread(posts=[{"body": "Fråga"}, {"author_email": COLLEAGUE, "body": f"Hon har {number}."}])]}

    errors = errors_for(data)

    assert errors == [
        'threads[0] (id "t1"): posts[1].body: The text contains a personal identity number (900101-****). '
        "Remove it before saving."
    ]
    assert number not in " ".join(errors)
    assert not Thread.objects.exists() and not User.objects.exists()


def test_a_thread_title_is_checked_by_the_guard_too(db):
    number = with_identity_number_check_digit("851231987")
    [error] = errors_for({"threads": [a_thread(title=f"Om {number}")]})
    assert error.startswith('threads[0] (id "t1"): title: The text contains a personal identity number')


# The command


def test_the_command_counts_threads_and_tells_of_new_accounts(db, tmp_path):
    path = tmp_path / "forum.json"
    path.write_text(json.dumps({"threads": [a_thread()]}, ensure_ascii=False), encoding="utf-8")
    stdout, stderr = StringIO(), StringIO()

    call_command("import_content", str(path), stdout=stdout, stderr=stderr)

    output = stdout.getvalue()
    assert "New inactive account, for an administrator to activate: kurator@kommun.example" in output
    assert "Threads: 1/1" in output
    assert (
        "0 forum categories (0 new, 0 updated), 1 thread (1 new, 0 updated), 0 campaign years (0 new, 0 updated)."
        in output
    )
    assert stderr.getvalue() == ""


def test_a_dry_run_of_threads_writes_nothing(db, tmp_path):
    path = tmp_path / "forum.json"
    path.write_text(json.dumps({"threads": [a_thread(category="Helt ny")]}, ensure_ascii=False), encoding="utf-8")
    call_command("import_content", str(path), "--dry-run", stdout=StringIO(), stderr=StringIO())
    assert counts() == [0, 0, 0, 0, 0, 6, 0]
