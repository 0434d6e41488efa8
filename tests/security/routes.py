"""Concrete paths for every route, aimed at the world's secrets (tests/security/world.py).

Every id in a path is either one of the world's objects, chosen for the route, or one that exists
nowhere: never whatever object happens to have the number, which differs between databases.
"""

import re

from django.apps import apps
from django.urls import resolve
from django.urls.exceptions import Resolver404

from tests.intranet.test_login_wall import all_routes, resolvable_path, shadowing_views

NAMED_GROUP = re.compile(r"\(\?P<(\w+)>(?:[^()]|\([^()]*\))*\)")
NOWHERE = 987654321
SNIPPET_ROUTE = re.compile(r"wagtailsnippet(?:s|choosers)_(\w+):")


def kwarg_values(ids):
    """What each URL argument points at, by its name: the most secret object of its kind."""
    return {
        "slug": ids["restricted_category"],
        "kind": "metod",
        "page_id": ids["draft"],
        "page_to_move_id": ids["draft"],
        "page_pk": ids["draft"],
        "destination_id": ids["method_index"],
        "parent_page_id": ids["method_index"],
        "revision_id": ids["draft_revision"],
        "document_id": ids["private_document"],
        "doc_id": ids["private_document"],
        "collection_id": ids["collection"],
        "workflow_pk": ids["workflow"],
        "task_id": ids["task"],
        "page_view_restriction_id": ids["page_restriction"],
        "restriction_id": ids["collection_restriction"],
        "content_type_app_name": "knowledge",
        "content_type_model_name": "methodpage",
        "app_label": "knowledge",
        "app_name": "knowledge",
        "model_name": "methodpage",
        "path": ids["private_document_file"],
    }


def route_values(ids):
    """Arguments that differ for one route (or a family of routes, by prefix of the name)."""
    thread = {"pk": ids["restricted_thread"]}
    post = {"pk": ids["restricted_post"]}
    return {
        "accounts:revoke_api_token": {"pk": ids["api_token"]},
        "knowledge:tag": {"slug": ids["restricted_tag"]},
        "knowledge:tag_feed": {"slug": ids["restricted_tag"]},
        "forum:thread": thread,
        "forum:first_unread": thread,
        "forum:reply": thread,
        "forum:follow_thread": thread,
        "forum:bookmark_thread": thread,
        "forum:bookmark_page": {"pk": ids["restricted_page"]},
        "forum:follow_tag": {"slug": ids["restricted_tag"]},
        "forum:edit_post": post,
        "forum:helpful": post,
        "forum:accept_answer": post,
        "forum:report_post": post,
        "forum:open_notification": {"pk": ids["notification"]},
        "forum:person": {"pk": ids["superuser"]},
        "people:profile": {"pk": ids["superuser"]},
        "events:register": {"pk": ids["restricted_event"]},
        "events:cancel": {"pk": ids["draft_event"]},
        "events:event_ics": {"pk": ids["restricted_event"]},
        "forum_admin:thread": thread,
        "forum_admin:draft_experience": thread,
        "forum_admin:post": {"pk": ids["hidden_post"]},
        "wagtailusers_users:": {"pk": ids["superuser"]},
        "wagtailusers_groups:": {"pk": ids["administrator_group"]},
        "wagtailsnippets_forum_category:": {"pk": ids["restricted_category_id"]},
        "wagtailsnippetchoosers_forum_category:": {"pk": ids["restricted_category_id"]},
        "wagtailsnippets_accounts_municipality:": {"pk": ids["municipality"]},
        "wagtaildocs:": {"pk": ids["private_document"]},
        "wagtaildocs_chooser:": {"pk": ids["private_document"]},
        "wagtailadmin_collections:": {"pk": ids["collection"]},
        "wagtailsites:": {"pk": ids["site"]},
        "wagtailsettings:": {"app_name": "knowledge", "model_name": "supportsettings", "pk": ids["support_settings"]},
        "wagtailadmin_api:pages:": {"pk": ids["draft"]},
        "wagtailadmin_api:documents:": {"pk": ids["private_document"]},
        "wagtailadmin_workflows:": {"pk": ids["workflow"]},
        "wagtailadmin_workflows:edit_task": {"pk": ids["task"]},
        "wagtailadmin_workflows:disable_task": {"pk": ids["task"]},
        "wagtailadmin_workflows:enable_task": {"pk": ids["task"]},
        "events_admin:": {"pk": ids["organised_event"]},
    }


def whole_paths(ids):
    """Routes whose arguments have no names, written out whole."""
    return {
        "wagtaildocs_serve": f"/dokument/{ids['private_document']}/{ids['private_document_filename']}",
        "wagtailadmin_pages:revisions_compare": (
            f"/admin/pages/{ids['draft']}/revisions/compare/earliest...{ids['draft_revision']}/"
        ),
    }


def route_keys():
    """A key per route: its name, or its pattern when it has none or shares its name with another route."""
    routes = all_routes()
    names = [name for _regex, _pattern, name in routes]
    return [
        (regex, pattern, name, name if name and names.count(name) == 1 else f"{name or ''} {regex}".strip())
        for regex, pattern, name in routes
    ]


def snippet_model(app_and_model):
    """The model of "site_search_synonymgroup": app labels may hold underscores too."""
    return next(
        model for model in apps.get_models() if f"{model._meta.app_label}_{model._meta.model_name}" == app_and_model
    )


def values_for(name, ids):
    values = kwarg_values(ids)
    if name and (snippet := SNIPPET_ROUTE.match(name)):
        model = snippet_model(snippet.group(1))
        values["pk"] = model.objects.order_by("pk").values_list("pk", flat=True).first() or NOWHERE
    overrides = route_values(ids)
    # Families first, then the route's own line, so that the more particular one wins.
    for prefix in sorted(overrides, key=len):
        if name and (name == prefix or (prefix.endswith(":") and name.startswith(prefix))):
            values.update(overrides[prefix])
    return values


def aimed_path(regex, pattern, name, ids):
    """A path to the route with the world's most secret object in it, or the walker's sample path."""
    if name in whole_paths(ids):
        return whole_paths(ids)[name]
    values = values_for(name, ids)

    def value(match):
        return str(values.get(match.group(1), NOWHERE))

    path = "/" + NAMED_GROUP.sub(value, regex).replace("\\", "")
    try:
        match = resolve(path)
        if match.func == pattern.callback or match.func in shadowing_views():
            return path
    except Resolver404:
        pass
    return resolvable_path(regex, pattern)


def every_route(ids):
    for regex, pattern, name, key in route_keys():
        yield key, aimed_path(regex, pattern, name, ids)
