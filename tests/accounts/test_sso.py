"""Single sign-on, end to end against the loopback OpenID Connect provider (tests/oidc_provider/).

The test client plays the browser on our side; each redirect to the provider is a real HTTP request to it, and the
token and key requests are the site's own, over loopback.
"""

import logging
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from axes.models import AccessAttempt, AccessFailureLog

from django.contrib.auth import SESSION_KEY, user_logged_in, user_login_failed
from django.contrib.auth.models import Group
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.test import Client

from accounts import rights, roles, sso
from accounts.models import SsoIdentity, User
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

START = "/logga-in/sso/sollentuna/"
ANNA = {"email": "anna.berg@sollentuna.se", "email_verified": True, "given_name": "Anna", "family_name": "Berg"}


@pytest.fixture
def signals():
    """What Django's sign-in signals told their listeners."""
    heard = {"in": [], "failed": []}

    def logged_in(sender, request, user, **kwargs):
        heard["in"].append(user.backend)

    def failed(sender, credentials, request=None, **kwargs):
        heard["failed"].append(credentials)

    user_logged_in.connect(logged_in)
    user_login_failed.connect(failed)
    yield heard
    user_logged_in.disconnect(logged_in)
    user_login_failed.disconnect(failed)


def at_provider(client, start=START):
    """Start signing in and let the provider answer: the address it sends the browser back to."""
    started = client.get(start)
    assert started.status_code == 302, started.content
    answered = requests.get(started["Location"], allow_redirects=False, timeout=5)
    assert answered.status_code == 302
    back = urlsplit(answered.headers["Location"])
    assert back.path == "/logga-in/sso/sollentuna/svar/"
    return f"{back.path}?{back.query}"


def sign_in(client, provider, claims, start=START, **behaviour):
    provider.answer_next(claims, **behaviour)
    return client.get(at_provider(client, start))


def refused_for(response, signals, reason):
    assert response.status_code == 403
    assert SESSION_KEY not in response.wsgi_request.session
    assert signals["failed"] == [{"provider": "sollentuna", "reason": reason}]
    html = response.content.decode()
    assert "<title>Fel: Logga in" in html
    return html


def test_without_providers_the_login_page_offers_local_accounts_only(client):
    html = client.get("/logga-in/").content.decode()
    assert "Logga in med" not in html
    assert 'name="password"' in html


def test_the_login_page_offers_each_provider_beside_the_local_form(client, settings, sso_sollentuna):
    settings.SSO_PROVIDERS |= {"sigtuna": sso_sollentuna.settings_for(label="Sigtuna", municipality="sigtuna")}
    html = client.get("/logga-in/?next=/forum/").content.decode()
    assert "Logga in med Sollentuna" in html
    assert 'href="/logga-in/sso/sigtuna/?next=/forum/"' in html
    assert 'name="password"' in html


def test_first_sign_in_makes_the_account_with_municipality_and_roles(client, sso_sollentuna, signals, caplog):
    claims = ANNA | {"groups": ["kf-redaktorer", "someone-elses-group"]}
    caplog.set_level(logging.DEBUG)
    sso_sollentuna.answer_next(claims)
    back = at_provider(client, START + "?next=/forum/")
    response = client.get(back)
    assert response.status_code == 302
    assert response["Location"] == "/forum/"
    user = User.objects.get(email="anna.berg@sollentuna.se")
    assert (user.municipality.slug, user.first_name, user.last_name) == ("sollentuna", "Anna", "Berg")
    assert set(user.groups.values_list("name", flat=True)) == {roles.EDITOR}
    assert not user.has_usable_password()
    assert int(client.session[SESSION_KEY]) == user.pk
    assert signals == {"in": [sso.BACKEND], "failed": []}
    assert client.get("/forum/").status_code == 200
    # The protocol as the provider saw it: state, nonce, PKCE with S256, and the verifier proved at the token.
    seen = sso_sollentuna.seen()
    assert seen["authorize"]["code_challenge_method"] == "S256"
    assert seen["authorize"]["state"] and seen["authorize"]["nonce"]
    assert seen["pkce_verified"] is True
    # Nothing of the exchange is logged, not even at DEBUG: not the code, nor the verifier (authlib's debug message).
    code = parse_qs(urlsplit(back).query)["code"][0]
    assert code not in caplog.text + "".join(str(record.args) for record in caplog.records)
    assert not [record for record in caplog.records if record.name.startswith("authlib")]


def test_a_later_sign_in_updates_municipality_and_the_mapped_roles_only(client, sso_sollentuna):
    user = UserFactory(email="anna.berg@sollentuna.se", roles=[roles.EDITOR, roles.ADMINISTRATOR])
    assert user.municipality.slug == "sigtuna"
    response = sign_in(client, sso_sollentuna, ANNA | {"groups": "kf-moderatorer"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.municipality.slug == "sollentuna"
    assert set(user.groups.values_list("name", flat=True)) == {roles.MODERATOR, roles.ADMINISTRATOR}
    # The local password still works too.
    assert user.check_password(TEST_PASSWORD)


def test_with_no_mapped_role_a_new_account_is_a_medarbetare(client, sso_sollentuna):
    sign_in(client, sso_sollentuna, ANNA)
    user = User.objects.get(email="anna.berg@sollentuna.se")
    assert list(user.groups.values_list("name", flat=True)) == [roles.EMPLOYEE]


def test_the_municipality_may_come_from_a_claim(client, settings, sso_sollentuna):
    settings.SSO_PROVIDERS = {
        "sollentuna": sso_sollentuna.settings_for(municipality="", municipality_claim="kommun", email_domains="")
    }
    sign_in(client, sso_sollentuna, ANNA | {"kommun": "JÄRFÄLLA"})
    assert User.objects.get(email="anna.berg@sollentuna.se").municipality.slug == "jarfalla"


def test_a_municipality_claim_may_be_mapped_to_ours(client, settings, sso_sollentuna):
    settings.SSO_PROVIDERS = {
        "sollentuna": sso_sollentuna.settings_for(
            municipality="", municipality_claim="companyName", municipality_map="Sigtuna kommun=Sigtuna"
        )
    }
    sign_in(client, sso_sollentuna, ANNA | {"companyName": "SIGTUNA KOMMUN"})
    assert User.objects.get(email="anna.berg@sollentuna.se").municipality.slug == "sigtuna"


@pytest.mark.parametrize(
    ("claims", "behaviour", "reason", "message"),
    [
        (ANNA | {"kommun": "Stockholm"}, {}, "unknown_municipality", "Din kommun"),
        ({"email_verified": True}, {}, "no_email", "e-postadress"),
        (ANNA | {"email_verified": False}, {}, "email_unverified", "inte bekräftat"),
        ({"email": "anna.berg@sollentuna.se"}, {}, "email_unverified", "inte bekräftat"),
        (ANNA | {"email": "anna@gmail.com"}, {}, "email_domain", "hör inte till"),
        (ANNA, {"nonce": "a-nonce-we-never-sent"}, "token", "kunde inte bekräftas"),
        (ANNA, {"foreign_key": True}, "token", "kunde inte bekräftas"),
        (ANNA, {"error": "access_denied"}, "provider_error", "släppte inte in dig"),
    ],
    ids=["unknown-municipality", "no-email", "unverified", "verified-absent", "domain", "nonce", "signature", "error"],
)
def test_a_refused_answer_shows_why_in_swedish_and_records_it(
    client, settings, sso_sollentuna, signals, claims, behaviour, reason, message
):
    settings.SSO_PROVIDERS = {"sollentuna": sso_sollentuna.settings_for(municipality="", municipality_claim="kommun")}
    claims = claims if "kommun" in claims else claims | {"kommun": "sollentuna"}
    html = refused_for(sign_in(client, sso_sollentuna, claims, **behaviour), signals, reason)
    assert message in html
    assert 'name="password"' in html
    assert not User.objects.filter(email__contains="anna").exists()


def test_without_the_verified_claim_a_provider_may_be_trusted_for_its_domains(client, settings, sso_sollentuna):
    settings.SSO_PROVIDERS = {"sollentuna": sso_sollentuna.settings_for(email_verified_optional="true")}
    assert sign_in(client, sso_sollentuna, {"email": "anna.berg@sollentuna.se"}).status_code == 302


def test_a_forged_state_is_refused(client, sso_sollentuna, signals):
    sso_sollentuna.answer_next(ANNA)
    back = at_provider(client)
    forged = back.replace("state=", "state=x", 1)
    html = refused_for(client.get(forged), signals, "state")
    assert "redan använts" in html


def test_an_answer_replayed_is_refused(client, sso_sollentuna, signals):
    sso_sollentuna.answer_next(ANNA)
    back = at_provider(client)
    assert client.get(back).status_code == 302
    client.logout()
    signals["in"].clear()
    refused_for(client.get(back), signals, "state")
    # Nor in another browser, which never started a sign-in.
    signals["failed"].clear()
    refused_for(Client().get(back), signals, "state")


def test_a_closed_account_cannot_sign_in(client, sso_sollentuna, signals):
    UserFactory(email="anna.berg@sollentuna.se", is_active=False)
    html = refused_for(sign_in(client, sso_sollentuna, ANNA), signals, "inactive")
    assert "Ditt konto är stängt" in html


def test_an_account_closed_by_its_owner_is_not_made_again_by_a_sign_in(client, sso_sollentuna, signals):
    assert sign_in(client, sso_sollentuna, ANNA).status_code == 302
    anna = User.objects.get(email=ANNA["email"])
    rights.close_account(anna, by=anna)
    client.logout()
    signals["in"].clear()
    html = refused_for(sign_in(client, sso_sollentuna, ANNA), signals, "inactive")
    assert "Ditt konto är stängt" in html
    assert not User.objects.filter(email=ANNA["email"]).exists()
    assert not SsoIdentity.objects.exists()  # the provider's identifier went with the account's other data


def test_the_first_sign_in_links_the_providers_subject_and_later_ones_follow_it(client, sso_sollentuna):
    sign_in(client, sso_sollentuna, ANNA | {"sub": "0f3a-anna"})
    anna = User.objects.get(email=ANNA["email"])
    assert SsoIdentity.objects.get(user=anna).subject == "0f3a-anna"
    assert [link["service"] for link in rights.personal_data(anna)["single_sign_on"]] == ["sollentuna"]
    client.logout()
    # Her address changes at the municipality (she married): the same person, the same account.
    response = sign_in(client, sso_sollentuna, ANNA | {"sub": "0f3a-anna", "email": "anna.lind@sollentuna.se"})
    assert response.status_code == 302
    assert int(client.session[SESSION_KEY]) == anna.pk
    anna.refresh_from_db()
    assert anna.email == "anna.lind@sollentuna.se"


def test_an_address_given_to_someone_new_does_not_open_the_old_account(client, sso_sollentuna, signals):
    sign_in(client, sso_sollentuna, ANNA | {"sub": "0f3a-anna"})
    client.logout()
    signals["in"].clear()
    # The municipality gives the address to another Anna Berg; its provider knows her as another subject.
    html = refused_for(sign_in(client, sso_sollentuna, ANNA | {"sub": "77c1-new"}), signals, "subject_mismatch")
    assert "känner som en annan person" in html
    assert User.objects.count() == 1


def test_an_address_that_is_already_another_accounts_is_not_taken_over(client, sso_sollentuna, signals):
    sign_in(client, sso_sollentuna, ANNA | {"sub": "0f3a-anna"})
    client.logout()
    signals["in"].clear()
    other = UserFactory(email="anna.lind@sollentuna.se")
    claims = ANNA | {"sub": "0f3a-anna", "email": "anna.lind@sollentuna.se"}
    refused_for(sign_in(client, sso_sollentuna, claims), signals, "subject_mismatch")
    assert User.objects.get(pk=other.pk).email == "anna.lind@sollentuna.se"


def test_an_id_token_without_a_subject_is_refused(client, sso_sollentuna, signals):
    refused_for(sign_in(client, sso_sollentuna, ANNA | {"sub": ""}), signals, "token")


@pytest.mark.parametrize(
    ("required", "claims"),
    [
        ({"require_amr": "mfa"}, ANNA | {"amr": ["pwd"]}),
        ({"require_amr": "mfa"}, ANNA),
        ({"require_acr": "urn:mfa"}, ANNA | {"acr": "urn:pwd"}),
    ],
)
def test_a_provider_may_require_multi_factor_sign_in(client, settings, sso_sollentuna, signals, required, claims):
    settings.SSO_PROVIDERS = {"sollentuna": sso_sollentuna.settings_for(**required)}
    html = refused_for(sign_in(client, sso_sollentuna, claims), signals, "weak_authentication")
    assert "flerfaktorsinloggning" in html


def test_multi_factor_sign_in_passes_and_acr_is_asked_for(client, settings, sso_sollentuna):
    settings.SSO_PROVIDERS = {"sollentuna": sso_sollentuna.settings_for(require_acr="urn:mfa", require_amr="mfa otp")}
    response = sign_in(client, sso_sollentuna, ANNA | {"acr": "urn:mfa", "amr": ["pwd", "otp"]})
    assert response.status_code == 302
    assert sso_sollentuna.seen()["authorize"]["acr_values"] == "urn:mfa"


def test_refusals_never_lock_anyone_out(client, settings, sso_sollentuna, signals):
    user = UserFactory(email="anna.berg@sollentuna.se")
    for _attempt in range(settings.AXES_FAILURE_LIMIT + 2):
        response = sign_in(client, sso_sollentuna, ANNA | {"email": "anna.berg@gmail.com"})
        assert response.status_code == 403
        assert "hör inte till" in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert not AccessFailureLog.objects.exists()
    # The person signs in both ways still.
    assert sign_in(client, sso_sollentuna, ANNA).status_code == 302
    client.logout()
    response = client.post("/logga-in/", {"username": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_an_unknown_provider_is_not_found(client, sso_sollentuna):
    assert client.get("/logga-in/sso/sigtuna/").status_code == 404
    assert client.get("/logga-in/sso/sigtuna/svar/?code=x&state=y").status_code == 404


def test_an_unreachable_provider_is_a_message_not_an_error(client, settings, sso_sollentuna, signals):
    settings.SSO_PROVIDERS = {"sollentuna": sso_sollentuna.settings_for(issuer="http://127.0.0.1:9")}
    html = refused_for(client.get(START), signals, "provider_unreachable")
    assert "kunde inte nås" in html


def test_the_discovered_issuer_must_be_the_one_configured(client, settings, sso_sollentuna, signals):
    issuer = sso_sollentuna.issuer.replace("127.0.0.1", "localhost")
    settings.SSO_PROVIDERS = {"sollentuna": sso_sollentuna.settings_for(issuer=issuer)}
    refused_for(client.get(START), signals, "token")


def test_the_next_address_must_be_inside_the_site(client, sso_sollentuna):
    response = sign_in(client, sso_sollentuna, ANNA, start=START + "?next=https://evil.example/")
    assert response["Location"] == "/"


def test_the_callback_alone_starts_nothing(client, sso_sollentuna, signals):
    refused_for(client.get("/logga-in/sso/sollentuna/svar/"), signals, "state")


def test_an_incomplete_provider_is_a_system_check_error(settings, oidc_provider):
    settings.SSO_PROVIDERS = {"sollentuna": oidc_provider.settings_for(client_secret="")}
    assert [error.id for error in run_checks() if error.id.startswith("accounts.")] == ["accounts.E001"]
    settings.SSO_PROVIDERS = {"sollentuna": oidc_provider.settings_for(role_map="kf=Kung")}
    assert [error.id for error in run_checks() if error.id.startswith("accounts.")] == ["accounts.E001"]


def test_groups_named_in_the_map_are_roles_of_the_project(oidc_provider):
    provider = sso.Provider.from_settings("x", oidc_provider.settings_for(role_map='{"a": "editor", "b": "Moderator"}'))
    assert provider.role_map == (("a", roles.EDITOR), ("b", roles.MODERATOR))
    assert Group.objects.filter(name__in=provider.mapped_roles).count() == 2


def test_sign_in_starts_for_anyone_as_the_login_page_does(client, member, sso_sollentuna):
    assert client.get(START)["Location"].startswith(f"{sso_sollentuna.issuer}/authorize?")
    client.force_login(member)
    assert client.get(START)["Location"].startswith(f"{sso_sollentuna.issuer}/authorize?")


def test_links_to_a_provider_can_be_forgotten_for_a_new_tenant(client, sso_sollentuna):
    sign_in(client, sso_sollentuna, ANNA | {"sub": "old-tenant-anna"})
    client.logout()
    out = StringIO()
    call_command("sso_unlink", "sollentuna", stdout=out)
    assert "Removed 1" in out.getvalue()
    assert sign_in(client, sso_sollentuna, ANNA | {"sub": "new-tenant-anna"}).status_code == 302
    assert SsoIdentity.objects.get().subject == "new-tenant-anna"
    with pytest.raises(CommandError):
        call_command("sso_unlink", "nowhere")
