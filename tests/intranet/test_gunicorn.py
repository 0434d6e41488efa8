"""The web server's own settings: what its access log keeps."""

import io
import logging
import runpy
import types
from datetime import timedelta

from gunicorn.config import Config
from gunicorn.glogging import Logger

from django.conf import settings


def access_log_line(environ):
    """The line gunicorn, set up by intranet/gunicorn.conf.py, writes for one request."""
    config = Config()
    for name, value in runpy.run_path(str(settings.BASE_DIR / "intranet" / "gunicorn.conf.py")).items():
        if name in config.settings:
            config.set(name, value)
    logger = Logger(config)
    written = io.StringIO()
    logger.access_log.handlers = [logging.StreamHandler(written)]
    response = types.SimpleNamespace(status="200 OK", sent=512, headers=[])
    request = types.SimpleNamespace(
        headers=[(name[5:], value) for name, value in environ.items() if name[:5] == "HTTP_"]
    )
    logger.access(response, request, environ, timedelta(milliseconds=30))
    return written.getvalue()


def test_the_access_log_keeps_neither_what_was_searched_nor_the_page_it_was_searched_from():
    line = access_log_line(
        {
            "REQUEST_METHOD": "GET",
            "RAW_URI": "/sok/?q=anna+lindqvist+orosanm%C3%A4lan",
            "PATH_INFO": "/sok/",
            "QUERY_STRING": "q=anna+lindqvist+orosanm%C3%A4lan",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_REFERER": "https://kunskapsforum.example/sok/?q=anna+lindqvist",
            "HTTP_USER_AGENT": "Firefox",
        }
    )
    assert "GET /sok/ HTTP/1.1" in line and " 200 " in line
    assert "lindqvist" not in line and "q=" not in line
