from django.apps import AppConfig
from django.core import checks
from django.core.signals import request_finished, request_started

from common import versions


class IntranetConfig(AppConfig):
    """Wires the apps together; owns site-wide views and cross-app commands."""

    name = "intranet"
    verbose_name = "Kunskapsforum"

    def ready(self):
        # Imported here, not at the top: the module imports models, which need the app registry ready.
        from accounts import sso

        from . import signals

        signals.connect()
        # Each version token is read once per request (common/versions.py).
        request_started.connect(versions.begin_request, dispatch_uid="intranet.versions.begin_request")
        request_finished.connect(versions.end_request, dispatch_uid="intranet.versions.end_request")
        # A provider configured incompletely stops the site at start, rather than fail on the login page.
        checks.register(sso.check_providers)
