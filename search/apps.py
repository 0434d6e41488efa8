from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"  # "search" is taken by Wagtail's own search app
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: these modules import models, which need the app registry ready.
        from . import documents, signals

        documents.install_terms_field()
        signals.connect()
