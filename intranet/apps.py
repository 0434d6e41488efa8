from django.apps import AppConfig


class IntranetConfig(AppConfig):
    """Wires the apps together; owns site-wide views and cross-app commands."""

    name = "intranet"
    verbose_name = "Kunskapsforum"

    def ready(self):
        # Imported here, not at the top: the module imports models, which need the app registry ready.
        from . import signals

        signals.connect()
