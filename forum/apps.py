from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forum")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: models can be imported only once the app registry is ready.
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

        from taggit.models import Tag

        from accounts.models import Municipality

        from . import signals
        from .models import Category, Post, ThreadTag
        from .models.threads import reindex_thread_of_opening_post

        post_save.connect(reindex_thread_of_opening_post, sender=Post, dispatch_uid="forum_opening_post_saved")
        # What the forum's cached parts show that is written elsewhere (forum/caching.py).
        post_save.connect(signals.person_saved, sender=get_user_model(), dispatch_uid="forum_person_saved")
        for model in (Tag, Municipality):
            post_save.connect(signals.name_saved, sender=model, dispatch_uid=f"forum_{model.__name__}_saved")
            post_delete.connect(signals.name_saved, sender=model, dispatch_uid=f"forum_{model.__name__}_deleted")
        for model in (Category, Group):
            post_save.connect(signals.category_changed, sender=model, dispatch_uid=f"forum_{model.__name__}_saved")
            post_delete.connect(signals.category_changed, sender=model, dispatch_uid=f"forum_{model.__name__}_gone")
        for limits in (Category.restricted_to_groups.through, Category.restricted_to_municipalities.through):
            m2m_changed.connect(signals.limits_changed, sender=limits, dispatch_uid=f"forum_{limits.__name__}")
        # A data migration adds or changes categories without their signals; the limits are kept per process.
        post_migrate.connect(signals.category_changed, dispatch_uid="forum_migrated")
        post_save.connect(signals.thread_tag_changed, sender=ThreadTag, dispatch_uid="forum_thread_tag_saved")
        post_delete.connect(signals.thread_tag_changed, sender=ThreadTag, dispatch_uid="forum_thread_tag_deleted")
