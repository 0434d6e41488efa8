from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.pages.ordering import set_page_position
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from accounts.admin_account import AccountView
from accounts.views import LogoutView, set_language
from intranet import views
from knowledge import admin_listings, admin_review

WAGTAIL_ROUTES = [
    *(route for route in wagtail_urls.urlpatterns if getattr(route, "name", None) != "wagtail_serve"),
    re_path(serve_pattern, views.serve_page, name="wagtail_serve"),
]

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # The language switch works on the login page too, before anyone has signed in; it keeps the choice on the account.
    path("sprak/", set_language, name="set_language"),
    path("", include("accounts.urls")),
    path("", include("knowledge.urls")),
    path("forum/", include("forum.urls")),
    path("", include("events.urls")),
    path("", include("search.urls")),
    path("", include("people.urls")),
    # One login for everything: Wagtail's admin and private-page login forms lead to ours.
    path("admin/login/", views.to_site_login),
    path("_util/login/", views.to_site_login),
    # Wagtail's admin logout deletes the session cookie even on a GET it refuses with 405, so any page
    # could sign an editor out with an image: the site's own logout answers here (POST only).
    path("admin/logout/", LogoutView.as_view()),
    # Wagtail routes that answer 500 on purpose (its error test) or on the root page, which has no parent.
    path("admin/failwhale/", views.not_found),
    path("admin/pages/<int:page_to_move_id>/set_position/", views.only_pages_with_a_parent(set_page_position)),
    # Ahead of the admin: its site history without the forum categories the person may not see.
    path("admin/reports/", include("forum.admin.history")),
    # Ahead of the admin: its page types report, tag autocomplete, explorer and page chooser opened on a page,
    # workflow preview and document chooser's answer, without the pages, documents and tags the person may not see.
    *admin_listings.urlpatterns,
    # Ahead of the admin: the page editor and the dashboard's review action say what a review did.
    *admin_review.urlpatterns,
    # Wagtail's account page, with the personal-data guard on the name.
    path("admin/account/", AccountView.as_view()),
    # Wagtail's admin API actions would copy a page under a title that never met the guard.
    path("admin/api/main/pages/<int:pk>/action/<str:action_name>/", views.no_admin_api_action),
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
    re_path(r"^media/(?P<path>.+)$", views.protected_media, name="media"),
    # Last: Wagtail serves the page tree for every other path, through its own view with the request's site found
    # without a query (`views.serve_page`) in place of its route of the same name.
    path("", include(WAGTAIL_ROUTES)),
]

handler500 = "intranet.views.server_error"
