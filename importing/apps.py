from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportingConfig(AppConfig):
    """Imports pages and forum threads from a JSON file, and remembers what each item became."""

    name = "importing"
    label = "importing"
    verbose_name = _("Content import")
    default_auto_field = "django.db.models.BigAutoField"
