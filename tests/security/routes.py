"""Concrete paths for every route, aimed at the world's secrets (tests/security/world.py)."""

import re

from django.urls import resolve
from django.urls.exceptions import Resolver404

from tests.intranet.test_login_wall import all_routes, resolvable_path, shadowing_views

NAMED_GROUP = re.compile(r"\(\?P<(\w+)>(?:[^()]|\([^()]*\))*\)")


def kwarg_values(ids):
    """What each URL argument points at, by its name: the most secret object of its kind."""
    return {
        "pk": ids["restricted_thread"],
        "slug": ids["restricted_category"],
        "kind": "metod",
        "page_id": ids["draft"],
        "page_to_move_id": ids["draft"],
        "page_pk": ids["draft"],
        "destination_id": ids["method_index"],
        "parent_page_id": ids["method_index"],
        "document_id": ids["private_document"],
        "doc_id": ids["private_document"],
        "collection_id": ids["collection"],
        "content_type_app_name": "knowledge",
        "content_type_model_name": "methodpage",
        "app_label": "knowledge",
        "app_name": "knowledge",
        "model_name": "methodpage",
        "path": ids["private_document_file"],
    }


def route_values(ids):
    """Arguments that differ for one route (or a family of routes, by prefix of the name)."""
    return {
        "accounts:revoke_api_token": {"pk": ids["api_token"]},
        "knowledge:tag": {"slug": ids["restricted_tag"]},
        "knowledge:tag_feed": {"slug": ids["restricted_tag"]},
        "forum:follow_tag": {"slug": ids["restricted_tag"]},
        "forum:edit_post": {"pk": ids["restricted_post"]},
        "forum:helpful": {"pk": ids["restricted_post"]},
        "forum:accept_answer": {"pk": ids["restricted_post"]},
        "forum:report_post": {"pk": ids["restricted_post"]},
        "forum:open_notification": {"pk": ids["notification"]},
        "forum_admin:post": {"pk": ids["hidden_post"]},
        "wagtailusers_users:": {"pk": ids["superuser"]},
        "wagtailusers_groups:": {"pk": ids["administrator_group"]},
        "wagtailsnippets_forum_category:": {"pk": ids["restricted_category_id"]},
        "wagtailsnippets_accounts_municipality:": {"pk": ids["municipality"]},
        "wagtaildocs:": {"pk": ids["private_document"]},
        "wagtailadmin_collections:": {"pk": ids["collection"]},
        "wagtailsettings:": {"app_name": "knowledge", "model_name": "supportsettings", "pk": ids["support_settings"]},
        "wagtailadmin_api:": {"pk": ids["draft"]},
    }


def whole_paths(ids):
    """Routes whose arguments have no names, written out whole."""
    return {
        "wagtaildocs_serve": f"/dokument/{ids['private_document']}/{ids['private_document_filename']}",
    }


def route_keys():
    """A key per route: its name, or its pattern when it has none or shares its name with another route."""
    routes = all_routes()
    names = [name for _regex, _pattern, name in routes]
    return [
        (regex, pattern, name, name if name and names.count(name) == 1 else f"{name or ''} {regex}".strip())
        for regex, pattern, name in routes
    ]


def aimed_path(regex, pattern, name, ids):
    """A path to the route with the world's most secret object in it, or the walker's sample path."""
    if name in whole_paths(ids):
        return whole_paths(ids)[name]
    values = dict(kwarg_values(ids))
    for prefix, overrides in route_values(ids).items():
        if name and (name == prefix or (prefix.endswith(":") and name.startswith(prefix))):
            values.update(overrides)

    def value(match):
        return str(values.get(match.group(1), "1"))

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
