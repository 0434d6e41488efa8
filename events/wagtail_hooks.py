"""The campaign month in the admin (the organiser's rooms, their menu item, a button on every event page) and what
it tells the apps below it through their hooks."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from accounts import rights
from knowledge.models.tags import VISIBLE_TAG_USES_HOOK

from . import personal_data
from .admin.access import may_organise, organises_any
from .models import EventPage, EventPageTag


class OrganiserMenuItem(MenuItem):
    def is_shown(self, request):
        return organises_any(request.user)


@hooks.register("register_admin_urls")
def register_events_admin_urls():
    return [path("evenemang/", include("events.admin.urls", namespace="events_admin"))]


@hooks.register("register_admin_menu_item")
def register_organiser_menu_item():
    return OrganiserMenuItem(_("My events as organiser"), reverse("events_admin:index"), icon_name="date", order=270)


def participants_button(page, user):
    if page.specific_class is not EventPage or not organises_any(user):
        return
    if may_organise(user, page.specific):
        yield Button(
            _("Participants"), reverse("events_admin:participants", args=[page.pk]), icon_name="group", priority=25
        )


@hooks.register("register_page_listing_more_buttons")
def participants_in_page_listing(page, user, next_url=None):
    yield from participants_button(page, user)


@hooks.register("register_page_header_buttons")
def participants_in_page_header(page, user, view_name, next_url=None):
    yield from participants_button(page, user)


@hooks.register(VISIBLE_TAG_USES_HOOK)
def tags_on_events_visible_to(user):
    """A tag used on an event the person may see is one they may see on tag pages: live, and past its view
    restrictions. A tag only on a draft or a restricted event stays unnamed."""
    return EventPageTag.objects.filter(content_object__in=EventPage.objects.visible_to(user)).values("tag_id")


hooks.register(rights.PERSONAL_DATA_HOOK, personal_data.export)
hooks.register(rights.ACCOUNT_CLOSING_HOOK, personal_data.remove)
