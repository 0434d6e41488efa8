"""The forum's part of the format: categories and threads, their checks, and how they are written.

Threads are written through forum.services, as if their authors wrote them then: the same
Markdown rendering, numbering, counters and following. Importing is not news, so nobody is
notified and no rate limit applies.
"""

from itertools import pairwise

from django.contrib.auth.models import Group
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Page

from accounts.models import User
from forum import permissions, services
from forum.models import Category, ThreadKind
from forum.models.threads import BODY_MAX_LENGTH, TITLE_MAX_LENGTH

from .fields import (
    a_moment,
    a_number_from,
    email_address,
    forum_category,
    identifier,
    list_of,
    many_of,
    max_length,
    one_of,
    optional,
    record,
    reference,
    required,
    tags_up_to,
    text,
)
from .models import ImportedThread
from .vocabulary import ForumCategory

CATEGORY_FIELDS = {
    "id": required(identifier),
    "name": required(text(max_length(Category, "name"))),
    "name_en": optional(text(max_length(Category, "name_en"))),
    "description": optional(text(max_length(Category, "description"))),
    "restricted_to_roles": optional(list_of(one_of("role"))),
    "restricted_to_municipalities": optional(many_of("municipality")),
}

POST_FIELDS = {
    "author_email": optional(email_address),  # required for replies; the opening post's is the thread's
    "body": required(text(BODY_MAX_LENGTH)),
    "created_at": optional(a_moment),
    "quotes": optional(list_of(a_number_from(1))),
    "helpful_by": optional(list_of(email_address)),
}

THREAD_FIELDS = {
    "id": required(identifier),
    "title": required(text(TITLE_MAX_LENGTH)),
    "category": required(forum_category),
    "kind": optional(one_of("thread_kind")),
    "author_email": required(email_address),
    "tags": optional(tags_up_to(services.MAX_TAGS)),
    "method": optional(reference("method")),  # the page the thread discusses
    "experience": optional(reference("experience")),
    "answer": optional(a_number_from(1)),
    "posts": required(list_of(record(POST_FIELDS), unique=False)),
}


# Checks that need more than one field


def check_category(data, context):
    categories = context.vocabularies["forum_category"]
    slug, name = data.get("id"), data.get("name")
    if slug and slug != slug_for(slug):
        message = _('is the category\'s web address: only a–z, 0–9 and hyphens, e.g. "%(example)s"')
        yield "id", message % {"example": slug_for(name or slug) or "kategori"}
    if name:
        other = categories.find(name)
        if other and other.slug != slug:
            message = _('the category "%(other)s" (id "%(slug)s") already has this name')
            yield "name", message % {"other": other.name, "slug": other.slug}
    if slug and name:
        # Categories are checked before threads, so that threads can name the ones this file defines.
        defined = ForumCategory(
            slug,
            name,
            frozenset(data.get("restricted_to_roles", [])),
            frozenset(data.get("restricted_to_municipalities", [])),
        )
        categories.define(defined, data.get("name_en", ""))


def slug_for(name):
    return slugify(name)[: max_length(Category, "slug")]


def check_thread(data, context):
    posts = data.get("posts")
    if posts == []:
        yield "posts", _("needs at least one post: the first is the opening post of the thread")
    if not posts:
        return
    yield from check_authors(data, posts)
    yield from check_order(posts)
    yield from check_quotes_and_marks(data, posts)
    answer = data.get("answer")
    if answer is not None and not 2 <= answer <= len(posts):
        if len(posts) == 1:
            yield "answer", _("the thread has no replies, so none can be the answer")
        else:
            yield (
                "answer",
                _("must be the number of a reply in posts, from 2 to %(last)d (1 is the opening post)")
                % {"last": len(posts)},
            )
    if "method" in data and "experience" in data:
        yield "experience", _("a thread discusses one page: give method or experience, not both")
    if "category" in data:
        yield from check_who_may_see(data, posts, data["category"], context.vocabularies["person"])


def check_authors(data, posts):
    author = data.get("author_email")
    first_author = posts[0].get("author_email")
    if author and first_author and first_author != author:
        yield (
            "posts[0].author_email",
            _("the first post is the opening post, so its author is the thread's author_email (%(author)s)")
            % {"author": author},
        )
    for index, post in enumerate(posts[1:], start=1):
        if "author_email" not in post:
            yield f"posts[{index}].author_email", _("is missing")


def check_order(posts):
    times = [(index, post["created_at"]) for index, post in enumerate(posts) if "created_at" in post]
    for (earlier_index, earlier), (index, later) in pairwise(times):
        if later < earlier:
            yield (
                f"posts[{index}].created_at",
                _("is before posts[%(earlier)d]: posts come in the order they were written")
                % {"earlier": earlier_index},
            )


def check_quotes_and_marks(data, posts):
    for index, post in enumerate(posts):
        for quote_index, number in enumerate(post.get("quotes", [])):
            if number > index:
                yield (
                    f"posts[{index}].quotes[{quote_index}]",
                    (
                        _("the opening post cannot quote")
                        if index == 0
                        else _("must be the number of an earlier post, from 1 to %(last)d") % {"last": index}
                    ),
                )
        author = post.get("author_email", data.get("author_email"))
        for mark_index, email in enumerate(post.get("helpful_by", [])):
            if email == author:
                yield f"posts[{index}].helpful_by[{mark_index}]", _("nobody can mark their own post helpful")


def people_in(data, posts):
    """(field path, e-mail address) of everyone who writes or marks something in the thread, each once."""
    seen = set()
    candidates = [("author_email", data.get("author_email"))]
    for index, post in enumerate(posts):
        candidates.append((f"posts[{index}].author_email", post.get("author_email")))
        candidates += [
            (f"posts[{index}].helpful_by[{mark}]", email) for mark, email in enumerate(post.get("helpful_by", []))
        ]
    for path, email in candidates:
        if email and email not in seen:
            seen.add(email)
            yield path, email


def check_who_may_see(data, posts, category, people):
    # What start_thread and reply would refuse, found by a dry run too, so that no item is left half written.
    for path, email in people_in(data, posts):
        person = people.find(email)
        if category.is_visible_to(person):
            continue
        values = {"email": email, "category": category.name, "restrictions": ", ".join(category.restrictions())}
        if person is None:
            message = _(
                '"%(email)s" matches no account, and a new account has no role, so it cannot see the category '
                '"%(category)s" (only for: %(restrictions)s)'
            )
        else:
            message = _('"%(email)s" cannot see the category "%(category)s" (only for: %(restrictions)s)')
        yield path, message % values


# Writing


def write_categories(items):
    """Create or update every category the file defines."""
    for item in items:
        data = item.data
        category = Category.objects.filter(slug=item.source_id).first() or Category(
            slug=item.source_id, position=next_position()
        )
        category.name = data["name"]
        category.name_en = data.get("name_en", "")
        category.description = data.get("description", "")
        category.save()
        roles = [Group.objects.get_or_create(name=name)[0] for name in data.get("restricted_to_roles", [])]
        category.restricted_to_groups.set(roles)
        category.restricted_to_municipalities.set(data.get("restricted_to_municipalities", []))


def next_position():
    last = Category.objects.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


class Accounts:
    """The accounts of the file's e-mail addresses; an address that matches no one gets an inactive account."""

    def __init__(self, out):
        self.out = out
        self.found = {}

    def __getitem__(self, email):
        if email not in self.found:
            user = User.objects.filter(email__iexact=email).first()
            if user is None:
                # No usable password and not active: an administrator decides who may sign in.
                user = User.objects.create_user(email=email, password=None, is_active=False)
                self.out(_("New inactive account, for an administrator to activate: %(email)s") % {"email": email})
            self.found[email] = user
        return self.found[email]


class Categories:
    """The categories threads name, by slug; one that does not exist yet is created, open to everyone."""

    def __init__(self, out):
        self.out = out
        self.found = {}

    def __getitem__(self, named):
        if named.slug not in self.found:
            category = Category.objects.filter(slug=named.slug).first()
            if category is None:
                category = Category.objects.create(slug=named.slug, name=named.name, position=next_position())
                self.out(_("New forum category: %(name)s") % {"name": named.name})
            self.found[named.slug] = category
        return self.found[named.slug]


def save_thread(item, page_ids, accounts, categories):
    """Start the thread or find it again, then make its posts, answer and marks what the file says."""
    data = item.data
    posts = data["posts"]
    category = categories[data["category"]]
    page = discussed_page(data, page_ids)
    imported = ImportedThread.objects.filter(source_id=item.source_id).select_related("thread").first()
    if imported is None:
        thread = services.start_thread(
            author=accounts[data["author_email"]],
            category=category,
            title=data["title"],
            kind=data.get("kind", ThreadKind.QUESTION),
            body=posts[0]["body"],
            tags=data.get("tags", []),
            knowledge_page=page,
            created_at=posts[0].get("created_at"),
            rate_limited=False,
            notify=False,
        )
        imported = ImportedThread.objects.create(source_id=item.source_id, thread=thread, post_numbers=[1])
    written = save_posts(imported, posts, accounts)
    update_thread(imported.thread, data, category, page, written)


def discussed_page(data, page_ids):
    for kind in ("method", "experience"):
        if kind in data:
            return Page.objects.get(pk=page_ids[(kind, data[kind])])
    return None


def save_posts(imported, posts, accounts):
    """Update the posts imported before, add the new ones, and return them all in the file's order."""
    thread = imported.thread
    numbers = list(imported.post_numbers)
    written = []
    for position, post_data in enumerate(posts):
        if position < len(numbers):
            post = update_post(thread.posts.select_related("thread", "author").get(number=numbers[position]), post_data)
        else:
            post = services.reply(
                thread,
                author=accounts[post_data["author_email"]],
                body=post_data["body"],
                quoted_posts=[written[number - 1] for number in post_data.get("quotes", [])],
                created_at=post_data.get("created_at"),
                rate_limited=False,
                notify=False,
            )
            numbers.append(post.number)
        for email in post_data.get("helpful_by", []):
            services.mark_helpful(post, by=accounts[email])
        written.append(post)
    if numbers != imported.post_numbers:
        imported.post_numbers = numbers
        imported.save(update_fields=["post_numbers"])
    return written


def update_post(post, post_data):
    """A changed text becomes a new revision, as if its author edited it; a hidden post stays as moderated."""
    if post.body != post_data["body"] and not post.is_hidden and permissions.may_edit(post.author, post):
        return services.edit_post(
            post, by=post.author, body=post_data["body"], version=post.version, rate_limited=False
        )
    return post


def update_thread(thread, data, category, page, written):
    """Set what the file says about the thread; an answer marked in the forum stays if the file names none."""
    thread.refresh_from_db()
    wanted = {
        "title": " ".join(data["title"].split()),
        "kind": data.get("kind", ThreadKind.QUESTION),
        "category_id": category.pk,
        "knowledge_page_id": page.pk if page else None,
        "answer_id": written[data["answer"] - 1].pk if "answer" in data else thread.answer_id,
    }
    changed = [name for name, value in wanted.items() if getattr(thread, name) != value]
    for name in changed:
        setattr(thread, name, wanted[name])
    if changed:
        thread.save(update_fields=[name.removesuffix("_id") for name in changed])
    tag_names = data.get("tags", [])
    if {name.casefold() for name in thread.tags.names()} != {name.casefold() for name in tag_names}:
        thread.set_tags(tag_names)
