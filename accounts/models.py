import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from privacy.admin_forms import GuardedAdminModelForm

from . import access_cache


class Municipality(models.Model):
    """One of the six municipalities that run Kunskapsforum together."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    base_form_class = GuardedAdminModelForm  # the personal-data guard on every text

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name


class SectorQuerySet(models.QuerySet):
    def in_order(self):
        return self.order_by("sort_order", "name")


class Sector(models.Model):
    """A kind of workplace (verksamhet): social services, school, pre-school …"""

    name = models.CharField(_("name (Swedish)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    objects = SectorQuerySet.as_manager()

    base_form_class = GuardedAdminModelForm

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The name in the active language, Swedish when no translation exists."""
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class EmailFrequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("An e-mail for each notification")
    DAILY = "daily", _("A daily digest")
    WEEKLY = "weekly", _("A weekly digest")
    NEVER = "never", _("No e-mail, only in the intranet")


class NotificationGroup(models.TextChoices):
    """The kinds of news a person chooses about, each on its own (forum/models/notifications.py sorts its kinds)."""

    MENTION = "mention", _("Someone mentions or quotes you")
    REPLY = "reply", _("Replies in threads you follow, and your answer accepted")
    FOLLOWED = "followed", _("New in tags, categories and searches you follow")
    REVIEW = "review", _("Reviews of pages")
    MODERATION = "moderation", _("What moderators did with your posts and reports")
    EVENT = "event", _("Reminders of events you are registered for")


class NotificationChoice(models.TextChoices):
    IN_APP = "in_app", _("Only in the intranet")
    IMMEDIATELY = "immediately", _("E-mail at once")
    DAILY = "daily", _("In a daily digest")
    OFF = "off", _("Off")


# What moderators do with a person's post is always told: they must be able to change it or ask again.
NEVER_OFF = {NotificationGroup.MODERATION}
# Kinds whose news came by e-mail at once before anyone chose per kind (Wagtail's review e-mail, the events'
# reminders): so they stay until the person chooses otherwise, whatever the general choice.
AT_ONCE_UNLESS_CHOSEN = {NotificationGroup.REVIEW, NotificationGroup.EVENT}
# The general e-mail choice, for a kind the person has not chosen about on its own.
CHOICE_OF_FREQUENCY = {
    EmailFrequency.IMMEDIATELY: NotificationChoice.IMMEDIATELY,
    EmailFrequency.DAILY: NotificationChoice.DAILY,
    EmailFrequency.WEEKLY: EmailFrequency.WEEKLY,
    EmailFrequency.NEVER: NotificationChoice.IN_APP,
}


def notification_choice(group, notification_email, preferences):
    """How a person hears of news of `group`: their choice for it, else their general e-mail choice.

    One of NotificationChoice's values, or "weekly" (only through the general choice). Never "off" for NEVER_OFF.
    """
    chosen = (preferences or {}).get(group)
    if chosen in NotificationChoice.values and not (chosen == NotificationChoice.OFF and group in NEVER_OFF):
        return chosen
    if group in AT_ONCE_UNLESS_CHOSEN:
        return NotificationChoice.IMMEDIATELY
    return CHOICE_OF_FREQUENCY.get(notification_email, NotificationChoice.IMMEDIATELY)


class User(AbstractUser):
    """A person who works in one of the municipalities; signs in with e-mail."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        help_text=_("The municipality the person works for. Decides which content they may edit."),
    )
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    notification_email = models.CharField(
        _("e-mail about notifications"),
        max_length=20,
        choices=EmailFrequency.choices,
        default=EmailFrequency.IMMEDIATELY,
    )
    # {group: choice} for the kinds the person chose about on their own (NotificationGroup, NotificationChoice).
    notification_preferences = models.JSONField(_("notifications per kind"), default=dict, blank=True)
    # Kept on the account, so that the choice follows the person to another browser and past a logout.
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language the intranet is shown in. Empty until the person chooses one: then Swedish."),
    )
    # A closed account (accounts/rights.py): its name and address are gone, what it wrote stays with
    # "Tidigare medarbetare". The keyed hash of its old address only lets the sign-in say that it was closed.
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    closed_email_digest = models.CharField(max_length=64, blank=True, editable=False, db_index=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        ordering = ["first_name", "last_name", "email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email

    def get_full_name(self):
        if self.closed_at is not None:
            return gettext("Former colleague")
        return super().get_full_name()

    def get_short_name(self):
        if self.closed_at is not None:
            return gettext("Former colleague")
        return super().get_short_name()

    # Permissions as ModelBackend answers them, its caches on this object filled in from what each process keeps
    # (accounts/access_cache.py) rather than read with two queries on every page. An active superuser has every
    # permission without asking any backend.
    def has_perm(self, perm, obj=None):
        if not (self.is_active and self.is_superuser):
            access_cache.prime(self)
        return super().has_perm(perm, obj)

    def has_module_perms(self, app_label):
        if not (self.is_active and self.is_superuser):
            access_cache.prime(self)
        return super().has_module_perms(app_label)

    def get_user_permissions(self, obj=None):
        access_cache.prime(self)
        return super().get_user_permissions(obj)

    def get_group_permissions(self, obj=None):
        access_cache.prime(self)
        return super().get_group_permissions(obj)

    def get_all_permissions(self, obj=None):
        access_cache.prime(self)
        return super().get_all_permissions(obj)

    def notification_choice(self, group):
        return notification_choice(group, self.notification_email, self.notification_preferences)

    @property
    def is_closed(self):
        return self.closed_at is not None

    @property
    def preferred_language(self):
        """The language to write to the person in: the one they chose, or Swedish."""
        return self.language or settings.LANGUAGE_CODE

    def save(self, *args, **kwargs):
        # Sign-in matches addresses case-insensitively, so store one spelling only.
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)


API_TOKEN_PREFIX = "kf_"  # noqa: S105 - the public start of every token, not a secret


def new_api_token_secret():
    return API_TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_api_token_secret(secret):
    # A plain hash is enough: the secret is 256 random bits, not a password someone chose.
    return hashlib.sha256(secret.encode()).hexdigest()


def password_fingerprint(user):
    """A value that changes whenever the person's password does: set, reset or made unusable.

    A token keeps the one from when it was made, so every path that changes a password, the admin's,
    a reset, `changepassword` or a raw UPDATE, stops it (as Django ends the person's sessions). The
    stored password is already a salted hash, so its hash tells nothing about the password.
    """
    return hashlib.sha256(user.password.encode()).hexdigest()


class ApiTokenLifetime(models.IntegerChoices):
    MONTH = 30, _("30 days")
    QUARTER = 90, _("90 days")
    YEAR = 365, _("365 days")


class ApiTokenQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(user=user)

    def working_for(self, user):
        """The person's tokens that open the API now: not revoked, not expired, made with today's password."""
        return self.owned_by(user).filter(
            revoked_at__isnull=True, expires_at__gt=timezone.now(), password_fingerprint=password_fingerprint(user)
        )

    def with_secret(self, secret):
        return self.filter(key_hash=hash_api_token_secret(secret))

    def in_listing_order(self):
        """Tokens not revoked first, then revoked ones; the newest first in each."""
        return self.order_by(F("revoked_at").desc(nulls_first=True), "-created_at", "-pk")


class ApiToken(models.Model):
    """A personal key with which a program reads the JSON API as the person who made it.

    Only a hash of the secret is stored; the secret itself is shown once, when the token is made.
    It works until it is revoked or expires, or the person's password changes.
    """

    PREFIX_LENGTH = 8

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the token is for, for example the program that will use it.")
    )
    key_hash = models.CharField(_("hash of the key"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("start of the key"), max_length=PREFIX_LENGTH, editable=False)
    password_fingerprint = models.CharField(_("fingerprint of the password"), max_length=64, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires"), editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def outlived_its_password(self):
        return self.password_fingerprint != password_fingerprint(self.user)

    @property
    def is_active(self):
        return not (self.is_revoked or self.is_expired or self.outlived_its_password)


class SignInSessionQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(user=user)

    def active(self):
        return self.filter(ended_at__isnull=True)

    def in_listing_order(self):
        return self.order_by("-last_seen_at", "-pk")


class SignInSession(models.Model):
    """One signed-in browser of a person, for "Mina inloggningar" and for ending it from elsewhere.

    The session names its row with a random marker of its own (kept in the session, surviving the new session
    keys Django gives at login and password change); the row holds only the marker's digest, so the table
    cannot be used to take over a session. Where someone was is never stored: only what kind of browser.
    """

    class EndReason(models.TextChoices):
        LOGOUT = "logout", _("logged out")
        BY_OWNER = "by_owner", _("ended by the person")
        BY_ADMINISTRATOR = "by_administrator", _("ended by an administrator")
        PASSWORD_CHANGED = "password_changed", _("the password was changed")
        ACCESS_CHANGED = "access_changed", _("the roles or the account changed")
        IDLE = "idle", _("inactive too long")
        EXPIRED = "expired", _("reached its longest lifetime")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signin_sessions", verbose_name=_("user")
    )
    marker_digest = models.CharField(max_length=64, unique=True)
    device = models.CharField(_("device"), max_length=100, blank=True)
    provider = models.CharField(_("signed in with"), max_length=30, blank=True)
    created_at = models.DateTimeField(_("signed in"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last active"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_reason = models.CharField(_("why it ended"), max_length=30, choices=EndReason.choices, blank=True)

    objects = SignInSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("sign-in session")
        verbose_name_plural = _("sign-in sessions")
        indexes = [models.Index(fields=["user", "ended_at"], name="signin_session_user_open")]

    def __str__(self):
        return f"{self.device} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_active(self):
        return self.ended_at is None


def session_marker_digest(marker):
    return hashlib.sha256(marker.encode()).hexdigest()


def new_session_marker():
    return secrets.token_urlsafe(32)


class SsoIdentity(models.Model):
    """Which account a provider's person is: the provider's name and the subject (`sub`) of its ID tokens.

    A sign-in follows this link, not the e-mail address alone: an address a municipality gives to someone new
    never opens the account of the person who had it before, and a changed address keeps the same account.
    The first sign-in through a provider links an account found by its address; the subject is the provider's
    pseudonymous identifier, kept only as long as the account (closing the account removes it).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sso_identities", verbose_name=_("user")
    )
    provider = models.CharField(_("sign-in service"), max_length=40)
    subject = models.CharField(_("the service's identifier of the person"), max_length=255)
    linked_at = models.DateTimeField(_("linked"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used"), default=timezone.now)

    class Meta:
        verbose_name = _("single sign-on identity")
        verbose_name_plural = _("single sign-on identities")
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="sso_identity_one_account_per_subject"),
            models.UniqueConstraint(fields=["user", "provider"], name="sso_identity_one_subject_per_provider"),
        ]

    def __str__(self):
        return f"{self.provider}: {self.user_id}"
