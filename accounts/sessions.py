"""Sign-in sessions: each signed-in browser has a row, ends when idle or too old, and can be ended from elsewhere.

One rule per question:
- A session starts at login (`start`, from the `user_logged_in` signal) with a random marker of its own in the
  session and its digest in a `SignInSession` row.
- Each request of a signed-in browser is checked by `accounts.middleware.SignInSessionMiddleware` through
  `check`: a session idle for SESSION_IDLE_MINUTES, older than SESSION_MAX_HOURS, or ended elsewhere is logged out.
- Ending (`end_sessions`, `end_session`) marks the rows and notes their markers in the cache, so the middleware
  needs no query to know; it reads its own row at most once a minute, when it writes the last-seen time, so a
  session ended while the cache forgot is logged out within a minute. This works the same with the database and
  the cached-database session backends, because nothing needs the session keys themselves.
"""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from . import audit
from .models import SignInSession, new_session_marker, session_marker_digest

MARKER_KEY = "accounts:session_marker"
STARTED_KEY = "accounts:session_started"
SEEN_KEY = "accounts:session_seen"
# How often a busy session writes its last-seen time (and re-reads its row).
SEEN_RECORDED_EVERY = timedelta(minutes=1)
ENDED_CACHE_PREFIX = "accounts:session_ended:"
Reason = SignInSession.EndReason

BROWSERS = [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")]
SYSTEMS = [
    ("Windows", "Windows"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
]


def idle_timeout():
    return timedelta(minutes=settings.SESSION_IDLE_MINUTES)


def max_lifetime():
    return timedelta(hours=settings.SESSION_MAX_HOURS)


def describe_device(user_agent):
    """ "Chrome på Windows"-like words for a browser, from its User-Agent; never the header itself."""
    browser = next((name for token, name in BROWSERS if token in user_agent), "")
    system = next((name for token, name in SYSTEMS if token in user_agent), "")
    if browser and system:
        return f"{browser} · {system}"
    return browser or system or "?"


def _ended_cache_key(digest):
    return ENDED_CACHE_PREFIX + digest


def start(request, user, *, provider=""):
    """Give the just signed-in session a marker and a row."""
    marker = new_session_marker()
    now = timezone.now()
    request.session[MARKER_KEY] = marker
    request.session[STARTED_KEY] = now.timestamp()
    request.session[SEEN_KEY] = now.timestamp()
    return SignInSession.objects.create(
        user=user,
        marker_digest=session_marker_digest(marker),
        device=describe_device(request.headers.get("User-Agent", ""))[:100],
        provider=provider[:30],
        created_at=now,
        last_seen_at=now,
    )


def current_digest(request):
    marker = request.session.get(MARKER_KEY)
    return session_marker_digest(marker) if marker else None


def check(request):
    """Why this signed-in session must end now (a `Reason`), or None; notes that it was seen."""
    digest = current_digest(request)
    if digest is None:
        # Signed in before sessions were kept (or by a test's force_login without a request): kept from now on.
        start(request, request.user)
        return None
    if cache.get(_ended_cache_key(digest)):
        return Reason.BY_OWNER
    now = timezone.now()
    started = request.session.get(STARTED_KEY, now.timestamp())
    seen = request.session.get(SEEN_KEY, started)
    if now.timestamp() - started > max_lifetime().total_seconds():
        return Reason.EXPIRED
    if now.timestamp() - seen > idle_timeout().total_seconds():
        return Reason.IDLE
    if now.timestamp() - seen >= SEEN_RECORDED_EVERY.total_seconds():
        request.session[SEEN_KEY] = now.timestamp()
        touched = SignInSession.objects.filter(marker_digest=digest, ended_at__isnull=True).update(last_seen_at=now)
        if not touched:
            return Reason.BY_OWNER
    return None


def end_current(request, reason):
    """Mark the row of the session this request belongs to as ended (the session itself is flushed by the caller)."""
    digest = current_digest(request)
    if digest is None:
        return 0
    rows = SignInSession.objects.filter(marker_digest=digest, ended_at__isnull=True)
    return _end(rows, reason, by=None, log=False)


def end_sessions(user, *, reason, by=None, keep_request=None):
    """End every active session of the person, except the one of `keep_request`; returns how many ended."""
    rows = SignInSession.objects.of(user).active()
    if keep_request is not None and current_digest(keep_request):
        rows = rows.exclude(marker_digest=current_digest(keep_request))
    return _end(rows, reason, by=by, person=user)


def end_session(row, *, reason, by):
    """End one session; False when it had already ended."""
    return _end(SignInSession.objects.filter(pk=row.pk, ended_at__isnull=True), reason, by=by, person=row.user) == 1


def _end(rows, reason, *, by, person=None, log=True):
    digests = list(rows.values_list("marker_digest", flat=True))
    if not digests:
        return 0
    ended = SignInSession.objects.filter(marker_digest__in=digests, ended_at__isnull=True).update(
        ended_at=timezone.now(), end_reason=reason
    )
    lifetime = int(max_lifetime().total_seconds()) + 60
    cache.set_many({_ended_cache_key(digest): True for digest in digests}, lifetime)
    if log and person is not None and ended:
        audit.log_sessions_ended(person, count=ended, reason=reason, by=by)
    return ended


def keep_after_password_change(request):
    """Open again the row of the session in which the person changed their own password and stayed signed in."""
    digest = current_digest(request)
    if digest is None:
        return
    SignInSession.objects.filter(marker_digest=digest, end_reason=Reason.PASSWORD_CHANGED).update(
        ended_at=None, end_reason=""
    )
    cache.delete(_ended_cache_key(digest))
