"""Test settings: fast hasher, plain static storage, local cache, immediate tasks."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DEMO_SEED_ALLOWED = True
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405 - never in production
# Content types first: a test with serialized_rollback writes the saved rows back in app order, and a Wagtail page
# row built before its content type exists makes one of its own (Page.__init__), which the saved one then collides
# with. First, they are in place before any page needs them.
CONTENT_TYPES = "django.contrib.contenttypes"
INSTALLED_APPS = [CONTENT_TYPES, *(app for app in INSTALLED_APPS if app != CONTENT_TYPES)]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: the browser tests' live server reads it from its own thread.
    # One file per test run, so that two runs on one machine never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f".test-db-{os.getpid()}.sqlite3")}  # noqa: F405

# Two-step sign-in is tested where it is the subject (tests/accounts/test_mfa*.py, tests/browser/test_mfa.py, which
# switch it on); the rest of the suite signs editors in with a password alone.
MFA_REQUIRED = False
