from unittest import mock

from django.db import OperationalError


def test_healthz_answers_ok_without_login_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_and_reveals_nothing_when_the_database_is_down(client, db):
    with mock.patch("intranet.views.connection.cursor", side_effect=OperationalError("password authentication failed")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable\n"


def test_healthz_answers_a_load_balancers_head_request(client, db):
    response = client.head("/healthz")
    assert response.status_code == 200
    assert response.content == b""
