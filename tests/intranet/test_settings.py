"""Production settings: refuse to start without secrets, pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "kunskapsforum.example",
}


def run_manage(*args, env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in PRODUCTION_ENV and key not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    }
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_settings_pass_the_deployment_checks_without_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_settings_are_strict_about_https_and_cookies():
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.X_FRAME_OPTIONS,"
        " s.SECURE_REFERRER_POLICY, s.SECURE_PROXY_SSL_HEADER, s.DEBUG)"
    )
    env = {**PRODUCTION_ENV, "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO"}
    result = run_manage("shell", "--no-imports", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "True",
        "True",
        "True",
        "True",
        "True",
        "DENY",
        "same-origin",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "False",
    ]


def test_postgresql_is_configured_from_database_url_with_persistent_healthy_connections():
    code = (
        "from django.conf import settings as s; d = s.DATABASES['default'];"
        "print(d['ENGINE'], d['NAME'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    env = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://kf:secret@db.internal:5432/kunskapsforum"}
    result = run_manage("shell", "--no-imports", "-c", code, env=env)
    assert result.stdout.split() == ["django.db.backends.postgresql", "kunskapsforum", "600", "True"]


def test_the_embedded_sqlite_database_runs_in_wal_mode(tmp_path):
    code = (
        "from django.db import connection; cursor = connection.cursor();"
        "cursor.execute('PRAGMA journal_mode'); print(cursor.fetchone()[0])"
    )
    env = {"DJANGO_SETTINGS_MODULE": "intranet.settings.dev", "SQLITE_PATH": str(tmp_path / "wal.sqlite3")}
    result = run_manage("shell", "--no-imports", "-c", code, env=env)
    assert result.stdout.strip() == "wal", result.stderr
