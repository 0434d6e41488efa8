from django.apps import AppConfig


class IntranetConfig(AppConfig):
    """Wires the apps together; owns site-wide views and cross-app commands."""

    name = "intranet"
    verbose_name = "Kunskapsforum"
