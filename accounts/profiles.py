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
