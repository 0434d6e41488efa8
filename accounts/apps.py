from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    # Two configs live here; without this Django would give "accounts" a plain AppConfig, and ready() never ran.
    default = True
    name = "accounts"
    verbose_name = _("People and municipalities")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here because signal receivers need the models, which are ready only now.
        from . import signals

        signals.connect()


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user and group admin, with our own fields and the limits of who may give which access."""

    user_viewset = "accounts.viewsets.UserViewSet"
    group_viewset = "accounts.viewsets.GroupViewSet"
