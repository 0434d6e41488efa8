import logging
import mimetypes
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousFileOperation
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils._os import safe_join
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from common import versions
from common.database import DATABASE_GONE
from common.kept import KeptInProcess
from knowledge import routing
from knowledge.visibility import PAGES_VERSION

logger = logging.getLogger(__name__)


@login_not_required
@never_cache
@require_safe
def healthz(request):
    """Tell a load balancer whether this instance can reach its database; reveal nothing else."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check failed: the database did not answer.")
        return HttpResponse("unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


# Documents are served only by Wagtail's view (/dokument/<id>/<name>), which checks the collection's view
# restrictions; their files, and anything else kept under MEDIA_ROOT, are never served from it. Images have
# no view restrictions outside the admin (Wagtail has none), so every signed-in person may see them.
SIGNED_IN_MEDIA_FOLDERS = {"images", "original_images"}


def protected_media(request, path):
    """Serve an image or rendition to signed-in people only (the login wall covers this view)."""
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except SuspiciousFileOperation as error:
        raise Http404 from error
    # The folder is read from the joined path, so that "images/../documents/…" counts as documents.
    folders = full_path.relative_to(safe_join(settings.MEDIA_ROOT)).parts[:-1]
    if not folders or folders[0] not in SIGNED_IN_MEDIA_FOLDERS or not full_path.is_file():
        raise Http404
    content_type, _encoding = mimetypes.guess_type(full_path.name)
    response = FileResponse(full_path.open("rb"), content_type=content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


def not_found(request, *args, **kwargs):
    raise Http404


def only_pages_with_a_parent(view):
    """Wrap a Wagtail view about a page's place among its siblings, which fails on the root page."""

    def wrapped(request, page_to_move_id, *args, **kwargs):
        if not Page.objects.filter(pk=page_to_move_id, depth__gt=1).exists():
            raise Http404
        return view(request, page_to_move_id, *args, **kwargs)

    return wrapped


@login_not_required
def to_site_login(request):
    """Send Wagtail's own login forms to the site's login, keeping where the person was going."""
    query = request.GET.urlencode()
    return redirect(f"{reverse('accounts:login')}?{query}" if query else reverse("accounts:login"))


@login_not_required
def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


# How long a person or a client is asked to wait when the database is away (a restart or failover takes seconds).
RETRY_AFTER_SECONDS = 10


@login_not_required
def server_error(request):
    """Render the 500 page without touching the database, which may be what failed.

    When it is what failed — a restart, a failover — the answer is 503 with Retry-After, as /healthz gives the
    load balancer: the service is away for a moment, not broken. Django calls this view while it handles the
    exception, so the exception is still at hand.
    """
    if isinstance(sys.exc_info()[1], DATABASE_GONE):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)


def no_admin_api_action(request, **kwargs):
    """Refuse Wagtail's admin API actions (copy, alias, move …): they skip the admin's forms, and the guard with them.

    The admin's own screens never call them; they copy, move and publish through their views.
    """
    raise Http404


# The site each hostname and port is served as, per token of the page tree (which every save or deletion of a site
# renews: knowledge/signals.py), as field values: each request gets an object of its own. Hostnames come from
# requests: few are kept.
KEPT_SITES = KeptInProcess(size=64)
SITE_FIELDS = [field.attname for field in Site._meta.concrete_fields]


def known_site(request):
    """`Site.find_for_request`, with its query asked once per process, hostname, port and page tree version."""
    (pages_version,) = versions.tokens(PAGES_VERSION)
    key = (request._get_raw_host(), request.get_port(), pages_version)
    values = KEPT_SITES.get(key, lambda: _site_values(request))
    return Site.from_db("default", SITE_FIELDS, list(values)) if values else None


def _site_values(request):
    """The field values of the request's site, or () when no site answers for it (kept too: no query next time)."""
    site = Site._find_for_request(request)
    return tuple(getattr(site, name) for name in SITE_FIELDS) if site else ()


def serve_page(request, path):
    """Wagtail's view of the page tree, with the request's site found without a query (`known_site`) and its page
    in one (`knowledge.routing.route`)."""
    site = request._wagtail_site = known_site(request)
    if site is not None:
        request._wagtail_route_for_request = routing.route(request, site, path)
    return wagtail_views.serve(request, path)
