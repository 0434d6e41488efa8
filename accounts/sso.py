"""Single sign-on with OpenID Connect: the providers configured in settings, and the account a provider's answer gives.

Each municipality may let its staff sign in through its own identity provider (for example its Entra ID tenant);
local accounts stay for everyone else. Authlib does the protocol: discovery, the code flow with PKCE (S256), state
(single use, kept in the session) and nonce, the ID token's signature against the provider's JWKS, its issuer,
audience and expiry. This module decides what an answer may do (`account_for`): it needs a verified e-mail address
within the provider's domains, a known municipality, and the sign-in strength (acr/amr) the provider is configured
to require. Every refusal is an `SsoRefusal` with a reason code, which the view records and words for the person.

An account is found by the provider's subject (`sub`, linked on the first sign-in, `SsoIdentity`), or on that first
sign-in by its e-mail address; it is created on first sign-in (no usable password) and updated on each later one:
municipality, name, and the roles the provider's role map covers (roles it does not cover are left as they are).
See docs/sso.md.
"""

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from authlib.integrations.django_client import OAuth

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.models import Group
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import rights, roles
from .models import Municipality, SsoIdentity

BACKEND = "accounts.sso.SsoBackend"
PROVIDER_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
SCOPE = "openid email profile"
# A role map names the project's roles in Swedish or English.
ROLE_NAMES = {name.lower(): name for name in roles.ROLES} | {
    "employee": roles.EMPLOYEE,
    "editor": roles.EDITOR,
    "moderator": roles.MODERATOR,
    "administrator": roles.ADMINISTRATOR,
    "board": roles.BOARD,
}

# What each reason code tells the person; the code itself goes to the sign-in record.
REFUSALS = {
    "unknown_provider": _("That way of signing in is not offered here."),
    "provider_error": _("The sign-in service did not let you in. Try again, or sign in with your local account."),
    "provider_unreachable": _("The sign-in service could not be reached. Try again in a while."),
    "state": _(
        "The sign-in could not be confirmed: it was started in another window or has already been used. Start again."
    ),
    "token": _("The sign-in service's answer could not be verified. Start again."),
    "no_email": _("The sign-in service did not tell us your e-mail address, so you cannot be signed in."),
    "email_unverified": _("The sign-in service has not verified your e-mail address, so you cannot be signed in."),
    "email_domain": _("Your e-mail address does not belong to the municipality of this sign-in service."),
    "unknown_municipality": _("Your municipality is not one of those in Kunskapsforum. Contact an administrator."),
    "weak_authentication": _(
        "This sign-in service requires multi-factor authentication. Sign in again with your second factor."
    ),
    "inactive": _("Your account is closed. Contact an administrator of your municipality."),
    "subject_mismatch": _(
        "Your e-mail address belongs to an account that the sign-in service knows as another person. "
        "Contact an administrator of your municipality."
    ),
}


class SsoRefusal(Exception):
    """A sign-in refused for a reason that has a code (REFUSALS) and a message."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason

    @property
    def message(self):
        return REFUSALS[self.reason]


def _words(text):
    return tuple(word.strip() for word in re.split(r"[,\s]+", text or "") if word.strip())


def _pairs(text, variable):
    """'a=b;c=d' (or a JSON object) → (("a", "b"), ("c", "d"))."""
    text = (text or "").strip()
    if not text:
        return ()
    if text.startswith("{"):
        pairs = json.loads(text).items()
    else:
        pairs = [part.split("=", 1) for part in text.split(";") if part.strip()]
    if any(len(pair) != 2 or not str(pair[0]).strip() for pair in pairs):
        raise ImproperlyConfigured(f"{variable}: write key=value pairs separated by ';', or a JSON object.")
    return tuple((str(key).strip(), str(value).strip()) for key, value in pairs)


def _role_map(text, name):
    """'grp-redaktorer=Redaktör;grp-moderatorer=Moderator' → the provider's group and our role, in pairs."""
    variable = f"SSO_{name.upper()}_ROLE_MAP"
    mapping = []
    for group, wanted in _pairs(text, variable):
        role = ROLE_NAMES.get(wanted.lower())
        if role is None:
            raise ImproperlyConfigured(f"{variable}: {wanted!r} is not one of {roles.ROLES}.")
        mapping.append((group, role))
    return tuple(mapping)


@dataclass(frozen=True)
class Provider:
    """One identity provider, as configured by its SSO_<NAME>_* environment variables."""

    name: str
    label: str
    issuer: str
    client_id: str
    client_secret: str
    email_domains: tuple = ()
    email_verified_optional: bool = False
    municipality: str = ""
    municipality_claim: str = ""
    municipality_map: tuple = ()
    role_claim: str = "groups"
    role_map: tuple = ()
    require_acr: tuple = ()
    require_amr: tuple = ()

    @classmethod
    def from_settings(cls, name, values):
        if not PROVIDER_NAME.fullmatch(name):
            raise ImproperlyConfigured(f"SSO_PROVIDERS: {name!r} is not a name of lower-case letters and digits.")
        for key in ["issuer", "client_id", "client_secret"]:
            if not values.get(key):
                raise ImproperlyConfigured(f"SSO_{name.upper()}_{key.upper()} is required.")
        if not values.get("municipality") and not values.get("municipality_claim"):
            raise ImproperlyConfigured(f"SSO_{name.upper()}_MUNICIPALITY or _MUNICIPALITY_CLAIM is required.")
        return cls(
            name=name,
            label=values.get("label") or name.replace("-", " ").title(),
            issuer=values["issuer"].rstrip("/"),
            client_id=values["client_id"],
            client_secret=values["client_secret"],
            email_domains=tuple(domain.lower().lstrip("@") for domain in _words(values.get("email_domains"))),
            email_verified_optional=str(values.get("email_verified_optional", "")).lower() in {"1", "true", "yes"},
            municipality=values.get("municipality", ""),
            municipality_claim=values.get("municipality_claim", ""),
            municipality_map=tuple(
                (value.casefold(), slug)
                for value, slug in _pairs(values.get("municipality_map"), f"SSO_{name.upper()}_MUNICIPALITY_MAP")
            ),
            role_claim=values.get("role_claim") or "groups",
            role_map=_role_map(values.get("role_map"), name),
            require_acr=_words(values.get("require_acr")),
            require_amr=_words(values.get("require_amr")),
        )

    @property
    def mapped_roles(self):
        return {role for _group, role in self.role_map}


def providers():
    """The configured providers, in the order SSO_PROVIDERS names them."""
    return [Provider.from_settings(name, values) for name, values in settings.SSO_PROVIDERS.items()]


def check_providers(app_configs=None, **kwargs):
    """A system check: every provider SSO_PROVIDERS names is configured completely and correctly."""
    try:
        providers()
    except (ImproperlyConfigured, ValueError) as error:
        return [checks.Error(str(error), id="accounts.E001")]
    return []


def provider_named(name):
    if name not in settings.SSO_PROVIDERS:
        raise SsoRefusal("unknown_provider")
    return Provider.from_settings(name, settings.SSO_PROVIDERS[name])


@lru_cache(maxsize=32)
def client_for(provider):
    """Authlib's client for a provider; kept, so that discovery and keys are fetched once per process."""
    registry = OAuth()
    return registry.register(
        name=f"sso_{provider.name}",
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        server_metadata_url=f"{provider.issuer}/.well-known/openid-configuration",
        client_kwargs={
            "scope": SCOPE,
            "code_challenge_method": "S256",
            "default_timeout": settings.SSO_TIMEOUT,
        },
    )


def check_discovery(provider, client):
    """The discovery document must name the issuer it was fetched for (OpenID Connect Discovery, 4.3)."""
    if client.load_server_metadata().get("issuer", "").rstrip("/") != provider.issuer:
        raise SsoRefusal("token")


def _municipality(provider, claims):
    wanted = provider.municipality or claims.get(provider.municipality_claim)
    if not isinstance(wanted, str) or not wanted.strip():
        raise SsoRefusal("unknown_municipality")
    wanted = dict(provider.municipality_map).get(wanted.strip().casefold(), wanted.strip()).casefold()
    # Six rows, compared here: SQLite's case-insensitive match knows only ASCII ("JÄRFÄLLA").
    for municipality in Municipality.objects.all():
        if wanted in (municipality.slug.casefold(), municipality.name.casefold()):
            return municipality
    raise SsoRefusal("unknown_municipality")


def _email(provider, claims):
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email:
        raise SsoRefusal("no_email")
    verified = claims.get("email_verified")
    if verified is None and not provider.email_verified_optional:
        raise SsoRefusal("email_unverified")
    if verified is not None and verified is not True:
        raise SsoRefusal("email_unverified")
    email = email.strip().lower()
    if provider.email_domains and email.rsplit("@", 1)[1] not in provider.email_domains:
        raise SsoRefusal("email_domain")
    return email


def _check_strength(provider, claims):
    if provider.require_acr and claims.get("acr") not in provider.require_acr:
        raise SsoRefusal("weak_authentication")
    if provider.require_amr:
        methods = claims.get("amr")
        if not isinstance(methods, list) or not set(methods) & set(provider.require_amr):
            raise SsoRefusal("weak_authentication")


def _mapped_roles(provider, claims):
    groups = claims.get(provider.role_claim)
    if isinstance(groups, str):
        groups = [groups]
    if not isinstance(groups, list):
        groups = []
    return {role for group, role in provider.role_map if group in groups}


def _subject(claims):
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject.strip() or len(subject) > 255:
        raise SsoRefusal("token")  # OpenID Connect Core 2: every ID token names its subject
    return subject


def _linked_account(provider, subject, email):
    """The account this provider's subject signs in to, linked on its first sign-in; or None for a new person.

    Under the caller's transaction, with the rows locked. An account found by its address that is already linked
    to another subject of the same provider belongs to someone else: the address was given to a new person.
    """
    user_model = get_user_model()
    identity = SsoIdentity.objects.select_for_update().filter(provider=provider.name, subject=subject).first()
    if identity is not None:
        user = user_model.objects.select_for_update().get(pk=identity.user_id)
        if user.email.lower() != email:
            if user_model.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
                raise SsoRefusal("subject_mismatch")  # the new address is another account's
            user.email = email
        identity.last_used_at = timezone.now()
        identity.save(update_fields=["last_used_at"])
        return user
    user = user_model.objects.select_for_update().filter(email__iexact=email).first()
    if user is not None and SsoIdentity.objects.filter(user=user, provider=provider.name).exists():
        raise SsoRefusal("subject_mismatch")
    return user


def account_for(provider, claims):
    """The active account the verified ID-token claims sign in to, made or brought up to date; or SsoRefusal."""
    _check_strength(provider, claims)
    subject = _subject(claims)
    email = _email(provider, claims)
    municipality = _municipality(provider, claims)
    with transaction.atomic():
        user = _linked_account(provider, subject, email)
        if user is not None and not user.is_active:
            raise SsoRefusal("inactive")
        if user is None and rights.is_closed_address(email):
            raise SsoRefusal("inactive")  # closed: the address signs in to nothing until its record is pruned
        if user is None:
            user = get_user_model()(email=email)
            user.set_unusable_password()
        user.municipality = municipality
        for field, claim in [("first_name", "given_name"), ("last_name", "family_name")]:
            value = claims.get(claim)
            if isinstance(value, str) and value.strip():
                setattr(user, field, value.strip()[:150])
        user.save()
        SsoIdentity.objects.get_or_create(user=user, provider=provider.name, defaults={"subject": subject})
        _set_roles(user, provider, _mapped_roles(provider, claims))
    return user


def _set_roles(user, provider, wanted):
    """Give the mapped roles the claims name and take away the mapped roles they do not; others stay.

    A person with no role at all after that is a Medarbetare, as every account made by hand is."""
    covered = provider.mapped_roles
    current = set(user.groups.values_list("name", flat=True))
    to_remove = (current & covered) - wanted
    to_add = wanted - current
    if not (current - to_remove) and not to_add:
        to_add = {roles.EMPLOYEE}
    if to_remove:
        user.groups.remove(*Group.objects.filter(name__in=to_remove))
    for name in to_add:
        group, _created = Group.objects.get_or_create(name=name)
        user.groups.add(group)
    if hasattr(user, "_role_names"):
        del user._role_names


class SsoBackend(BaseBackend):
    """The backend a single sign-on logs in with: it authenticates no credentials itself (the provider did), and
    keeps an active account's session as ModelBackend does; permissions come from ModelBackend."""

    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            user = user_model._default_manager.get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if user.is_active else None
