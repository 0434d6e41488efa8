from django.urls import reverse

from wagtail import hooks

from accounts.profiles import PERSON_PAGE_HOOK


@hooks.register(PERSON_PAGE_HOOK)
def profile_page(person):
    """Every name that links to a person (mentions, authors) leads to their profile page."""
    return reverse("people:profile", args=[person.pk])
