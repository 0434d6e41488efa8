"""A small OpenID Connect provider for the single sign-on tests, run on loopback as a process of its own.

`server.py` is the provider; `LoopbackProvider` starts it and tells it what its next sign-in answers.
"""

import subprocess
import sys
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent.parent
CLIENT_ID = "kunskapsforum"
CLIENT_SECRET = "test-secret-not-used-anywhere-else"  # noqa: S105 - the loopback provider's test client


class LoopbackProvider:
    """The provider process: its issuer address, and what its next sign-in answers (`answer_next`)."""

    def __init__(self):
        self.process = subprocess.Popen(  # noqa: S603 - this interpreter, this module
            [sys.executable, "-m", "tests.oidc_provider.server", CLIENT_ID, CLIENT_SECRET],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline().strip()
        if not line.startswith("http://127.0.0.1:"):
            self.stop()
            raise RuntimeError(f"The loopback OpenID provider did not start: {line!r}")
        self.issuer = line

    def answer_next(self, claims=None, **behaviour):
        """The claims the next sign-in's ID token carries, and any misbehaviour (nonce, foreign_key, error)."""
        response = requests.post(f"{self.issuer}/test/next", json={"claims": claims or {}, **behaviour}, timeout=5)
        response.raise_for_status()

    def seen(self):
        """What the provider was last asked: the authorize parameters and whether the token request proved PKCE."""
        return requests.get(f"{self.issuer}/test/seen", timeout=5).json()

    def settings_for(self, **overrides):
        values = {
            "label": "Sollentuna",
            "issuer": self.issuer,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "email_domains": "sollentuna.se",
            "municipality": "sollentuna",
            "role_map": "kf-redaktorer=Redaktör;kf-moderatorer=Moderator",
        }
        return values | overrides

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
