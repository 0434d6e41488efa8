"""Nothing secret shows anywhere to someone who may not see it.

Every route, and the search, suggestion, filter and admin search boxes asked for each secret's marker
word, is read as each role; a response that holds a marker the role may not see is a leak — whether in
a list, a count's label, a facet, a feed, a suggestion, the JSON API, a tag page or the admin.
"""

import pytest

from tests.security import world as secrets
from tests.security.routes import every_route
from tests.security.world import ROLES, build_world

EVERYONE_WHO_SEES_JARFALLAS_ROOM = {"member_elsewhere", "editor_elsewhere", "moderator", "superuser"}
EDITORS = {"editor", "editor_elsewhere", "administrator", "superuser"}
SEEN_BY = {
    secrets.RESTRICTED_THREAD: EVERYONE_WHO_SEES_JARFALLAS_ROOM,
    secrets.RESTRICTED_TAG: EVERYONE_WHO_SEES_JARFALLAS_ROOM,
    # Moderators find hidden content in the admin (and marked as hidden in the forum); its author (member) in
    # their notifications and where they may change it and ask for it back; nobody else anywhere.
    secrets.HIDDEN_POST: {"moderator", "superuser", "member"},
    secrets.HIDDEN_THREAD: {"moderator", "superuser", "member"},
    # A draft: its author, the editors of its municipality, those who act for every municipality.
    secrets.DRAFT_PAGE: {"member", "editor", "administrator", "superuser"},
    # Limited to the group Redaktör; administrators and superusers may edit it in the admin.
    secrets.RESTRICTED_PAGE: EDITORS,
    secrets.PRIVATE_DOCUMENT: EDITORS,
}
SEARCH_BOXES = [
    "/sok/?q=",
    "/api/search/?q=",
    "/sok/forslag/?q=",
    "/forum/?tagg=",
    "/forum/forslag/taggar/?q=",
    "/forum/forslag/personer/?q=",
    "/admin/pages/search/?q=",
    "/admin/choose-page/search/?q=",
    "/admin/documents/?q=",
    "/admin/documents/chooser/results/?q=",
    "/admin/tag-autocomplete/?term=",
    "/admin/api/main/pages/?search=",
    "/admin/api/main/documents/?search=",
]


def text_of(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", "replace").casefold()


def chosen_lists(ids):
    """The choosers' "chosen" answers, asked by id for every secret object of their kind at once."""
    pages = f"id={ids['draft']}&id={ids['restricted_page']}"
    yield f"/admin/choose-page/chosen-multiple/?{pages}"
    yield f"/admin/documents/chooser/chosen-multiple/?id={ids['private_document']}"
    yield f"/admin/snippets/choose/forum/category/chosen-multiple/?id={ids['restricted_category_id']}"


def paths_to_read(ids):
    yield from (path for _key, path in every_route(ids))
    yield from chosen_lists(ids)
    for marker in SEEN_BY:
        for box in SEARCH_BOXES:
            yield box + marker[:6].casefold()


@pytest.mark.parametrize("role", list(ROLES))
def test_no_response_shows_a_secret_to_someone_who_may_not_see_it(client, db, role):
    world = build_world()
    client.raise_request_exception = False
    if role != "anonymous":
        client.force_login(world.people[role])
    hidden_from_role = [marker for marker, seers in SEEN_BY.items() if role not in seers]
    leaks = {}
    for path in paths_to_read(world.ids):
        text = text_of(client.get(path))
        # A page may say back what was asked for (a tag's address, say): that names nothing new.
        unasked = [marker for marker in hidden_from_role if marker.casefold() not in path.casefold()]
        if found := [marker for marker in unasked if marker.casefold() in text]:
            leaks[path] = found
    assert leaks == {}
