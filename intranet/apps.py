from django.apps import AppConfig
from django.core import checks


class IntranetConfig(AppConfig):
    """Wires the apps together; owns site-wide views and cross-app commands."""

    name = "intranet"
    verbose_name = "Kunskapsforum"

    def ready(self):
        # Imported here, not at the top: the module imports models, which need the app registry ready.
        from accounts import sso

        from . import signals

        signals.connect()
        # A provider configured incompletely stops the site at start, rather than fail on the login page.
        checks.register(sso.check_providers)
