"""How long what signing in leaves behind is kept: SIGNIN_LOG_RETENTION_DAYS (docs/security.md)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from wagtail.models import ModelLogEntry

from . import audit
from .models import SignInSession

# Access changes, password-reset mail and data exports are kept as long as the account; these are not.
PRUNED_ACTIONS = [action for action in audit.SIGNIN_ACTIONS if action != audit.DATA_EXPORTED]


def prune_signin_log(now=None):
    """Delete sign-in events and ended sessions older than the retention; returns how many of each."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.SIGNIN_LOG_RETENTION_DAYS)
    entries, _kinds = ModelLogEntry.objects.filter(action__in=PRUNED_ACTIONS, timestamp__lt=cutoff).delete()
    rows, _kinds = SignInSession.objects.filter(ended_at__lt=cutoff).delete()
    return entries, rows
