"""Where a page about a person is: the people directory above accounts says so through a Wagtail hook.

Lower apps (the forum's mentions and author names) link to a colleague without knowing who draws the page.
"""

from wagtail import hooks

# A function of a person (a User) returning the address of their profile page.
PERSON_PAGE_HOOK = "accounts_person_page"


def person_page_url(person):
    """The address of the person's profile page, or None when no app draws one."""
    for url_of in hooks.get_hooks(PERSON_PAGE_HOOK):
        return url_of(person)
    return None


# What pages show of a person beside what they wrote (their name, else their e-mail address, "Tidigare medarbetare"
# once closed; whether their name links to their page; their municipality and job title): a save of anything else,
# as every login's save of the sign-in time, changes nothing that pages keep of them.
SHOWN_OF_A_PERSON = frozenset(
    {"first_name", "last_name", "email", "closed_at", "is_active", "municipality", "job_title"}
)


def changes_what_is_shown(created, update_fields):
    """Whether a save of an account (post_save's `created` and `update_fields`) changes what pages show of the person:
    a new account is shown nowhere yet."""
    return not created and (update_fields is None or bool(SHOWN_OF_A_PERSON & set(update_fields)))
