"""Writes to people's accounts that the views and the middleware share: one place per rule."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    ApiToken,
    ApiTokenLifetime,
    User,
    hash_api_token_secret,
    new_api_token_secret,
    password_fingerprint,
)

MAX_ACTIVE_API_TOKENS = 10
# Often enough to tell a forgotten token from one in use, rarely enough that a busy program costs no writes.
API_TOKEN_USE_RECORDED_EVERY = timedelta(minutes=1)


class AccountError(Exception):
    """A rule stops the write; the message is for the person who tried."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class TooManyApiTokens(AccountError):
    pass


class ApiTokenRefused(AccountError):
    pass


def create_api_token(user, *, name, lifetime=ApiTokenLifetime.QUARTER) -> tuple[ApiToken, str]:
    """A new token and its secret, which exists only here: the database keeps its hash.

    It works for `lifetime` days, and only as long as the person keeps the password they have now.
    """
    with transaction.atomic():
        # Locks the person's row, so that two requests at once cannot both take the last free place.
        User.objects.select_for_update().filter(pk=user.pk).exists()
        if ApiToken.objects.working_for(user).count() >= MAX_ACTIVE_API_TOKENS:
            raise TooManyApiTokens(
                _(
                    "You already have %(count)s active API tokens, which is the most allowed. "
                    "Revoke one you no longer use and then create the new one."
                )
                % {"count": MAX_ACTIVE_API_TOKENS}
            )
        secret = new_api_token_secret()
        now = timezone.now()
        token = ApiToken.objects.create(
            user=user,
            name=name,
            key_hash=hash_api_token_secret(secret),
            prefix=secret[: ApiToken.PREFIX_LENGTH],
            password_fingerprint=password_fingerprint(user),
            created_at=now,
            expires_at=now + timedelta(days=lifetime),
        )
    return token, secret


def revoke_api_token(token) -> bool:
    """Stop the token from working for good; False when it already was revoked."""
    now = timezone.now()
    revoked = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=now) == 1
    if revoked:
        token.revoked_at = now
    return revoked


def user_for_api_token(secret) -> User:
    """The active person whose working token has this secret, noting when the token was used.

    The note is one UPDATE at most once a minute per token, whatever the number of calls.
    """
    token = ApiToken.objects.with_secret(secret).select_related("user").first()
    if token is None:
        raise ApiTokenRefused(
            _("The API token is not valid. Check that it was copied whole, or create a new one on your profile page.")
        )
    if token.is_revoked:
        raise ApiTokenRefused(_("The API token has been revoked. Create a new one on your profile page."))
    if token.is_expired:
        raise ApiTokenRefused(_("The API token has expired. Create a new one on your profile page."))
    if token.outlived_its_password:
        raise ApiTokenRefused(
            _(
                "The API token stopped working when the password of its account was changed. "
                "Create a new one on your profile page."
            )
        )
    if not token.user.is_active:
        raise ApiTokenRefused(_("The account the API token belongs to is no longer active."))
    now = timezone.now()
    if token.last_used_at is None or token.last_used_at <= now - API_TOKEN_USE_RECORDED_EVERY:
        # The condition is repeated in the UPDATE so that calls running side by side write it once.
        ApiToken.objects.filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lte=now - API_TOKEN_USE_RECORDED_EVERY), pk=token.pk
        ).update(last_used_at=now)
    return token.user


def keep_language(user, language):
    """Remember on the account the language the person chose; returns whether it changed."""
    if user.language == language:
        return False
    user.language = language
    User.objects.filter(pk=user.pk).update(language=language)
    return True
