"""Nothing a person typed into a search reaches a log: not gunicorn's access log, not Django's loggers."""

import logging
import runpy
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config
from gunicorn.glogging import Logger

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

import intranet

IDENTITY_NUMBER = "19850709-1234"
QUERY = f"q={IDENTITY_NUMBER}"
REFERER = f"https://kunskapsforum.example.se/sok/?q={IDENTITY_NUMBER}"


def gunicorn_access_line(capsys, path="/sok/", query=QUERY):
    config = Config()
    settings = runpy.run_path(str(Path(intranet.__file__).parent / "gunicorn.conf.py"))
    for name, value in settings.items():
        if name in config.settings:
            config.set(name, value)
    logger = Logger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"{path}?{query}",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.0.0.7",
        "HTTP_REFERER": REFERER,
        "HTTP_USER_AGENT": "Firefox",
    }
    request = SimpleNamespace(headers=[("REFERER", REFERER)])
    response = SimpleNamespace(status="200 OK", sent=512, headers=[("Content-Type", "text/html")])
    logger.access(response, request, environ, timedelta(milliseconds=42))
    return capsys.readouterr().out


def test_gunicorns_access_log_leaves_out_query_strings_and_referers(capsys):
    line = gunicorn_access_line(capsys)
    assert '"GET /sok/ HTTP/1.1" 200 512 42ms' in line
    assert IDENTITY_NUMBER not in line
    assert "kunskapsforum.example.se" not in line


@pytest.mark.django_db
def test_djangos_loggers_never_write_the_query_string_of_a_404_or_a_403(member, member_client, media_root, caplog):
    collection = Collection.get_first_root_node().add_child(name="Skyddat")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Samordnare"))
    private = Document.objects.create(
        title="Plan", file=ContentFile(b"%PDF-1.4", name="plan.pdf"), collection=collection
    )

    with caplog.at_level(logging.DEBUG):
        missing = member_client.get(f"/finns-inte/?{QUERY}", HTTP_REFERER=REFERER)
        forbidden = member_client.get(f"{private.url}?{QUERY}", HTTP_REFERER=REFERER)
        strict_client = Client(enforce_csrf_checks=True)
        strict_client.force_login(member)
        without_csrf_token = strict_client.post(f"/profil/?{QUERY}", HTTP_REFERER=REFERER)

    assert (missing.status_code, forbidden.status_code, without_csrf_token.status_code) == (404, 403, 403)
    assert {"django.request"} <= {record.name for record in caplog.records}
    for record in caplog.records:
        assert IDENTITY_NUMBER not in record.getMessage()
        assert IDENTITY_NUMBER not in str(record.args)
