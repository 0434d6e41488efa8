"""Settings shared by every environment; safe on their own (DEBUG off, no secrets).

Every value that differs between installations comes from an environment
variable. `dev.py` loosens these for a laptop; `production.py` tightens them and
refuses to start without its secrets.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts",
    "knowledge",
    "forum",
    "events",
    "search",
    "people",
    "intranet",
    "importing",
    "operations",
    "privacy",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Installed everywhere so its tables always exist; production selects its backend (see TASKS).
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "intranet.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "intranet.middleware.SwedishFirstLocaleMiddleware",
    # After the language is set, so that its refusals are in Swedish; before any view reads a form.
    "intranet.middleware.FormRequestsOnlyMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A bearer token counts as a login under /api/ only, so it comes before the login check.
    "accounts.middleware.ApiTokenMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Inside the login check, so that it knows whether the response is a signed-in person's.
    "intranet.middleware.PrivateResponseMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages, inside the login check: ends sessions that were idle, too old or ended elsewhere, then asks
    # for the second factor before anything but the sign-in pages (accounts/sessions.py, accounts/mfa.py).
    "accounts.middleware.SignInSessionMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    # After the login check: Wagtail admin requests of a shape its views cannot answer end here.
    "intranet.middleware.WagtailRequestShapesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the outcome of every authentication attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "intranet.urls"
WSGI_APPLICATION = "intranet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "forum.context_processors.notification_badge",
            ],
        },
    },
]

# Database: SQLite file by default, PostgreSQL (or any) through DATABASE_URL.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "600")),
            conn_health_checks=True,
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {
                # WAL lets readers work while one writer writes; the busy
                # timeout makes a second writer wait instead of failing.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts and sign-in
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Keeps the sessions of those signed in through a provider (accounts/sso.py); checks no password.
    "accounts.sso.SsoBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "accounts:login"
WAGTAILADMIN_LOGIN_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Sign-in protection, explained in accounts/lockout.py and the README. django-axes locks an e-mail address
# from one network address only, so that a stranger elsewhere cannot lock its owner out; guesses at one
# address from many places are slowed down instead, and a network address has its own, high limit.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip_address"
# High, because a whole municipality signs in from behind one NAT address.
SIGNIN_FAILURES_PER_ADDRESS_PER_HOUR = int(os.environ.get("SIGNIN_FAILURES_PER_ADDRESS_PER_HOUR", "300"))
# Password-reset requests from one network address; each e-mail address gets at most 3 mails an hour.
PASSWORD_RESETS_PER_NETWORK_ADDRESS_PER_HOUR = int(os.environ.get("PASSWORD_RESETS_PER_NETWORK_ADDRESS_PER_HOUR", "50"))
# The reverse proxies whose X-Forwarded-For is believed: the same list gunicorn trusts.
TRUSTED_PROXY_ADDRESSES = env_list("FORWARDED_ALLOW_IPS", "127.0.0.1")
AXES_USERNAME_FORM_FIELD = "username"  # the login form's field, though people sign in with e-mail
AXES_USERNAME_CALLABLE = "accounts.lockout.normalised_username"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# A refused single sign-on names a provider, not an address someone typed: it never counts towards a lockout.
AXES_WHITELIST_CALLABLE = "accounts.lockout.is_single_sign_on_attempt"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# Masked in what axes keeps of a failed attempt: where the person was going may be a search with what they typed.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "next"]

# A session ends after SESSION_IDLE_MINUTES without a request, and SESSION_MAX_HOURS after the sign-in whatever
# happens (accounts/sessions.py); the cookie lives as long as the longest session.
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "120"))
SESSION_MAX_HOURS = int(os.environ.get("SESSION_MAX_HOURS", "10"))
SESSION_COOKIE_AGE = 60 * 60 * SESSION_MAX_HOURS
# Two-step sign-in (accounts/mfa.py): required of Redaktörer, Moderatorer, Administratörer, the joint editorial
# board and superusers on local accounts; optional for everyone else. Off only where tests of other things run.
MFA_REQUIRED = env_bool("MFA_REQUIRED", True)
OTP_TOTP_ISSUER = "Kunskapsforum"
# The sign-in log (axes, the audit log's sign-in kinds, ended sessions) is deleted after this many days by
# `manage.py prune_personal_data` (accounts/rights.py, docs/privacy.md).
SIGNIN_LOG_RETENTION_DAYS = int(os.environ.get("SIGNIN_LOG_RETENTION_DAYS", "365"))
# django-otp slows down wrong codes: each failure doubles the wait before the next try (1, 2, 4 … seconds).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Single sign-on with OpenID Connect, one provider per municipality (accounts/sso.py, docs/sso.md): each name in
# SSO_PROVIDERS is configured by SSO_<NAME>_ISSUER, _CLIENT_ID, _CLIENT_SECRET and the rest of SSO_PROVIDER_KEYS,
# read here as text and checked by accounts/sso.py. None named: the login page offers local accounts only.
SSO_PROVIDER_KEYS = [
    "label",
    "issuer",
    "client_id",
    "client_secret",
    "email_domains",
    "email_verified_optional",
    "municipality",
    "municipality_claim",
    "municipality_map",
    "role_claim",
    "role_map",
    "require_acr",
    "require_amr",
]
SSO_PROVIDERS = {
    name: {key: os.environ.get(f"SSO_{name.upper().replace('-', '_')}_{key.upper()}", "") for key in SSO_PROVIDER_KEYS}
    for name in env_list("SSO_PROVIDERS")
}
# Seconds to wait for a provider's discovery, keys and token endpoints.
SSO_TIMEOUT = int(os.environ.get("SSO_TIMEOUT", "10"))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "intranet.views.csrf_failure"

# Language: Swedish first, English as a complete second language.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
# The project's own strings, then Swedish for Wagtail's strings its catalogue leaves out (a catalogue apart,
# which `make messages` leaves be); both come before the apps' catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "kf_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Dates read one way per language (intranet/formats): "3 december 2026", "3 December 2026".
FORMAT_MODULE_PATH = ["intranet.formats"]

# Static files and media
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Backups (`manage.py backup`, docs/operations.md): the folder each backup is a new folder in, and where
# pg_dump, pg_restore and psql of the server's version are when they are not in /usr/lib/postgresql/<version>/bin.
BACKUP_ROOT = Path(os.environ.get("BACKUP_ROOT", str(BASE_DIR / "backups")))
POSTGRESQL_BIN_DIR = os.environ.get("POSTGRESQL_BIN_DIR", "")
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Cache: local memory unless Redis is configured.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "common.cache.RedisCache",  # Django's, with one Redis client per server (common/cache.py)
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kunskapsforum",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work: run at once by default; production may choose the database worker.
# Personal-data guard: more organisations' e-mail domains and public phone numbers than the built-in ones
# (privacy/contacts.py), e.g. a regional partner's domain or a municipal switchboard.
PRIVACY_EXTRA_PUBLIC_EMAIL_DOMAINS = env_list("PRIVACY_EXTRA_PUBLIC_EMAIL_DOMAINS")
PRIVACY_PUBLIC_PHONE_NUMBERS = env_list("PRIVACY_PUBLIC_PHONE_NUMBERS")

# Forum: how many posts and edits one person may send per minute, and reports per hour, before being asked to wait.
FORUM_POSTS_PER_MINUTE = int(os.environ.get("FORUM_POSTS_PER_MINUTE", "6"))
FORUM_EDITS_PER_MINUTE = int(os.environ.get("FORUM_EDITS_PER_MINUTE", "10"))
FORUM_REPORTS_PER_HOUR = int(os.environ.get("FORUM_REPORTS_PER_HOUR", "20"))

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# E-mail: printed to the console unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
# Only for EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend: the folder each message is written to
# (`make soak` counts the e-mail sent that way).
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH") or None
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kunskapsforum <no-reply@kunskapsforum.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers that hold everywhere; production adds HTTPS-only settings.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp): the site runs only its own script and style files, never inline
# ones, and no other site may frame it. The Wagtail admin gets its own policy (intranet/middleware.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_PATH_PREFIX = "/admin/"
# Wagtail 7.4 writes inline scripts (inline panels, date pickers, chooser modals) and style attributes;
# its previews are framed by the admin itself.
ADMIN_CONTENT_SECURITY_POLICY = {
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)

# Wagtail
WAGTAIL_SITE_NAME = "Kunskapsforum"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# Page addresses are ASCII, as tag addresses are: "Våld i nära relationer" → vald-i-nara-relationer
# (the editor's slug field and every slug Wagtail makes itself; knowledge/slugs.py for the rest).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Gravatar would send a hash of every person's e-mail address to a third party from the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_PASSWORD_RESET_ENABLED = False
# The e-mail address is how a person signs in and who they are to their colleagues: only an
# Administratör changes it (the user admin, logged), never the person on Wagtail's account page.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# Uploads: documents only through Wagtail's view, which checks the collection's privacy (never from /media/);
# no kind a browser would run as a page or a program, and a file's content must match its name
# (knowledge/documents.py). Only PDF opens in the browser, under a CSP that blocks scripts; every other
# kind is downloaded.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "knowledge.documents.DocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# No SVG: it can carry scripts. Wagtail also checks that the content is an image of the named kind.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
# The personal-data guard on a document's and an image's title and tags.
WAGTAILIMAGES_IMAGE_FORM_BASE = "knowledge.documents.ImageForm"
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "SEARCH_CONFIG": "swedish",
    }
}
TAGGIT_CASE_INSENSITIVE = True
TAGGIT_TAGS_FROM_STRING = "knowledge.tagging.parse_tags"
# Slugs in URLs stay ASCII: "våld" → /taggar/vald/.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Its debug messages name the PKCE verifier and tokens of a single sign-on: never logged, not even at DEBUG.
        "authlib": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # Its message on a failed index update names the object by its text (a thread's title); for the
        # database backends the error goes on up all the same, and is logged where it lands, without it.
        "modelsearch.index": {"level": "CRITICAL"},
        "wagtail": {"level": "WARNING"},
    },
}

WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}

SITE_TITLE = _("Kunskapsforum")
