"""A minimal OpenID Connect provider: discovery, authorize (code flow, PKCE S256 required), token, JWKS.

Only for tests, on 127.0.0.1. It signs ID tokens with an RSA key made at start. What the next sign-in answers is
set by POST /test/next (JSON): `claims` for the ID token, and to misbehave, `nonce` (another nonce than the one
asked for), `foreign_key` (signed by a key not in its JWKS) or `error` (the authorize answer is that error).
Usage: python -m tests.oidc_provider.server CLIENT_ID CLIENT_SECRET [CLAIMS_JSON] [PORT]; prints its issuer address,
then serves. CLAIMS_JSON is what every sign-in answers unless /test/next said otherwise (for trying it by hand).
"""

import base64
import hashlib
import json
import secrets
import sys
import time
from socketserver import ThreadingMixIn
from urllib.parse import parse_qs, urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

KEY_ID = "loopback-1"


class Provider:
    def __init__(self, client_id, client_secret, default_claims=None):
        self.default_claims = default_claims or {}
        self.client_id = client_id
        self.client_secret = client_secret
        self.key = RSAKey.generate_key(2048, parameters={"kid": KEY_ID, "use": "sig", "alg": "RS256"})
        self.foreign_key = RSAKey.generate_key(2048, parameters={"kid": KEY_ID, "use": "sig", "alg": "RS256"})
        self.issuer = ""
        self.next_answer = {"claims": self.default_claims}
        self.codes = {}
        self.seen = {}

    def __call__(self, environ, start_response):
        path = environ["PATH_INFO"]
        query = {key: values[0] for key, values in parse_qs(environ.get("QUERY_STRING", "")).items()}
        body = b""
        if environ["REQUEST_METHOD"] == "POST":
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        routes = {
            "/.well-known/openid-configuration": self.discovery,
            "/jwks": self.jwks,
            "/authorize": self.authorize,
            "/token": self.token,
            "/test/next": self.set_next,
            "/test/seen": self.show_seen,
        }
        handler = routes.get(path)
        if handler is None:
            status, headers, content = "404 Not Found", [], b""
        else:
            status, headers, content = handler(environ, query, body)
        start_response(status, [("Cache-Control", "no-store"), *headers])
        return [content]

    @staticmethod
    def json(data, status="200 OK"):
        return status, [("Content-Type", "application/json")], json.dumps(data).encode()

    def discovery(self, environ, query, body):
        return self.json(
            {
                "issuer": self.issuer,
                "authorization_endpoint": f"{self.issuer}/authorize",
                "token_endpoint": f"{self.issuer}/token",
                "jwks_uri": f"{self.issuer}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                "scopes_supported": ["openid", "email", "profile"],
            }
        )

    def jwks(self, environ, query, body):
        return self.json(KeySet([self.key]).as_dict(private=False))

    def authorize(self, environ, query, body):
        self.seen = {"authorize": query}
        redirect_uri = query.get("redirect_uri", "")
        if query.get("client_id") != self.client_id or not redirect_uri.startswith("http"):
            return self.json({"error": "invalid_client"}, "400 Bad Request")
        answer, self.next_answer = self.next_answer, {"claims": self.default_claims}
        if answer.get("error"):
            params = {"error": answer["error"], "state": query.get("state", "")}
        elif (
            query.get("response_type") != "code"
            or query.get("code_challenge_method") != "S256"
            or not query.get("code_challenge")
            or "openid" not in query.get("scope", "").split()
        ):
            params = {"error": "invalid_request", "state": query.get("state", "")}
        else:
            code = secrets.token_urlsafe(24)
            self.codes[code] = {
                "redirect_uri": redirect_uri,
                "challenge": query["code_challenge"],
                "nonce": answer.get("nonce", query.get("nonce")),
                "answer": answer,
            }
            params = {"code": code, "state": query.get("state", "")}
        separator = "&" if "?" in redirect_uri else "?"
        return "302 Found", [("Location", f"{redirect_uri}{separator}{urlencode(params)}")], b""

    def client_authenticated(self, environ, form):
        header = environ.get("HTTP_AUTHORIZATION", "")
        if header.startswith("Basic "):
            client_id, _, secret = base64.b64decode(header[6:]).decode().partition(":")
        else:
            client_id, secret = form.get("client_id"), form.get("client_secret")
        return client_id == self.client_id and secrets.compare_digest(secret or "", self.client_secret)

    def token(self, environ, query, body):
        form = {key: values[0] for key, values in parse_qs(body.decode()).items()}
        if not self.client_authenticated(environ, form):
            return self.json({"error": "invalid_client"}, "401 Unauthorized")
        grant = self.codes.pop(form.get("code", ""), None)  # a code is good once
        if grant is None or form.get("grant_type") != "authorization_code":
            return self.json({"error": "invalid_grant"}, "400 Bad Request")
        if form.get("redirect_uri") != grant["redirect_uri"]:
            return self.json({"error": "invalid_grant"}, "400 Bad Request")
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        self.seen["pkce_verified"] = bool(verifier) and challenge == grant["challenge"]
        if not self.seen["pkce_verified"]:
            return self.json({"error": "invalid_grant", "error_description": "PKCE"}, "400 Bad Request")
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "sub": grant["answer"]["claims"].get("email", "someone"),
            "aud": self.client_id,
            "iat": now,
            "exp": now + 300,
            "auth_time": now,
            "nonce": grant["nonce"],
            **grant["answer"]["claims"],
        }
        key = self.foreign_key if grant["answer"].get("foreign_key") else self.key
        id_token = jwt.encode({"alg": "RS256", "kid": KEY_ID}, claims, key)
        return self.json(
            {"access_token": secrets.token_urlsafe(24), "token_type": "Bearer", "expires_in": 300, "id_token": id_token}
        )

    def set_next(self, environ, query, body):
        self.next_answer = json.loads(body or b"{}")
        return self.json({"ok": True})

    def show_seen(self, environ, query, body):
        return self.json(self.seen)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the name the base class gives it
        pass


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def main():
    default_claims = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
    port = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    provider = Provider(sys.argv[1], sys.argv[2], default_claims)
    server = make_server("127.0.0.1", port, provider, server_class=ThreadingServer, handler_class=QuietHandler)
    provider.issuer = f"http://127.0.0.1:{server.server_port}"
    print(provider.issuer, flush=True)  # noqa: T201 - the fixture reads the address from here
    server.serve_forever()


if __name__ == "__main__":
    main()
