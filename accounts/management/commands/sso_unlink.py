"""Forget the links between accounts and a sign-in service's identifiers (accounts.models.SsoIdentity).

For when a municipality moves to a new identity provider or tenant that knows its staff by new identifiers: each
person's next sign-in then finds their account by e-mail address again and links the new identifier. With
--email, only that person's link goes (say, an address given to someone new on purpose, after the old account
was closed by hand).
"""

from django.core.management.base import BaseCommand, CommandError

from accounts import sso
from accounts.models import SsoIdentity


class Command(BaseCommand):
    help = "Forget which identifier a sign-in service gave each account, so that the next sign-in links anew."

    def add_arguments(self, parser):
        parser.add_argument("provider", help="The provider's name, as in SSO_PROVIDERS.")
        parser.add_argument("--email", help="Only the account with this e-mail address.")

    def handle(self, *args, provider, email, **options):
        try:
            sso.provider_named(provider)
        except sso.SsoRefusal:
            raise CommandError(f"{provider!r} is not one of SSO_PROVIDERS.") from None
        links = SsoIdentity.objects.filter(provider=provider)
        if email:
            links = links.filter(user__email__iexact=email.strip())
        removed, _kinds = links.delete()
        self.stdout.write(f"Removed {removed} link(s) to {provider}.")
