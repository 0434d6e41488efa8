"""Count the words of everything the search lists, for "did you mean" and compounds; run it from cron (README)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from search import vocabulary


class Command(BaseCommand):
    @property
    def help(self):
        return _("Count the words of everything the search lists, for “did you mean” and for splitting compounds.")

    def handle(self, *args, **options):
        count = vocabulary.refresh()
        self.stdout.write(_("Counted %(count)d words of the index.") % {"count": count})
