"""Laptop settings: DEBUG on, a fixed dev-only secret, local hosts only."""

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-secret-never-use-in-production")  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
DEMO_SEED_ALLOWED = True
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405 - never in production

# Plain static storage: no collectstatic needed for runserver.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
