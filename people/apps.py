from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: models can be imported only once the app registry is ready.
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from . import caching
        from .models import Expertise, Profile

        # What "Vem kan mer om detta?" keeps shows (people/caching.py).
        post_save.connect(caching.person_saved, sender=get_user_model(), dispatch_uid="people_person_saved")
        post_delete.connect(caching.colleagues_changed, sender=get_user_model(), dispatch_uid="people_person_gone")
        for model in (Profile, Expertise):
            post_save.connect(caching.colleagues_changed, sender=model, dispatch_uid=f"people_{model.__name__}_saved")
            post_delete.connect(caching.colleagues_changed, sender=model, dispatch_uid=f"people_{model.__name__}_gone")
