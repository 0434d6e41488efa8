"""Tell people of new matches for the searches they follow; run it from cron (see the README)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from search import following


class Command(BaseCommand):
    @property
    def help(self):
        return _("Search every followed search again and notify its follower of new matches.")

    def handle(self, *args, **options):
        made = following.notify_new_matches()
        self.stdout.write(_("Notifications of new matches: %(count)d.") % {"count": made})
