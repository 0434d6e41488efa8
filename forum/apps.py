from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forum")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: models can be imported only once the app registry is ready.
        from django.db.models.signals import post_save

        from .models import Post
        from .models.threads import reindex_thread_of_opening_post

        post_save.connect(reindex_thread_of_opening_post, sender=Post, dispatch_uid="forum_opening_post_saved")
