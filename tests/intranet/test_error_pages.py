from django.test import Client


def test_unknown_url_gets_the_swedish_404_page(member_client):
    response = member_client.get("/finns-inte/alls/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan kunde inte hittas" in html
    assert "Stöd och hjälp" in html


def test_forged_post_gets_the_swedish_csrf_page(member, db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post("/profil/", {"first_name": "Inbrott"})
    assert response.status_code == 403
    assert "Formuläret kunde inte skickas" in response.content.decode()
    member.refresh_from_db()
    assert member.first_name != "Inbrott"


def test_forged_login_post_gets_the_csrf_page_too(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/logga-in/", {"username": "a@b.se", "password": "x"})
    assert response.status_code == 403
    assert "Formuläret kunde inte skickas" in response.content.decode()


def test_server_error_page_is_swedish_and_needs_no_database(rf):
    from intranet.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Något gick fel hos oss" in html
    assert "116 006" in html


def test_a_server_error_renders_the_500_page(member_client, monkeypatch):
    def explode(request):
        raise RuntimeError("boom")

    monkeypatch.setattr("forum.views.threads.render", lambda *args, **kwargs: explode(None))
    member_client.raise_request_exception = False
    response = member_client.get("/forum/")
    assert response.status_code == 500
    assert "Något gick fel hos oss" in response.content.decode()


def test_permission_denied_gets_the_swedish_403_page(rf, member):
    from django.core.exceptions import PermissionDenied
    from django.views.defaults import permission_denied

    request = rf.get("/")
    request.user = member
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    assert "Du har inte behörighet till den här sidan" in response.content.decode()


def test_a_database_that_went_away_gets_503_with_retry_after(member_client, monkeypatch):
    from django.db import OperationalError

    def gone(*args, **kwargs):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr("forum.views.threads.render", gone)
    member_client.raise_request_exception = False
    response = member_client.get("/forum/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    html = response.content.decode()
    assert "Kunskapsforum är inte tillgängligt just nu" in html
    assert "shutting down" not in html
