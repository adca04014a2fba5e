"""Capability 6 and the secrets rule, the pure part: masks, redaction, reprs."""

from __future__ import annotations

import pickle

import pytest
from yarl import URL

from common.auth import ApiKeyHeader, BasicAuth, BearerToken, OAuth2RefreshToken, TokenExchange
from common.redact import REDACTED, redact_headers, redact_url
from common.secrets import Secret

TOKEN = "tok-SECRET-123"


def test_secret_never_shows_its_value() -> None:
    """repr, str and f-strings show a mask; reveal() gives the value; pickling is refused."""
    secret = Secret(TOKEN)
    for text in (repr(secret), str(secret), f"{secret}", f"{secret!r}", f"{[secret]}"):
        assert TOKEN not in text
    assert secret.reveal() == TOKEN
    with pytest.raises(TypeError):
        pickle.dumps(secret)


@pytest.mark.parametrize(
    "auth",
    [
        BearerToken(TOKEN),
        ApiKeyHeader(TOKEN, header="X-Auth-Key"),
        BasicAuth("alice/token", TOKEN),
        TokenExchange("/authenticate", username="alice", password=TOKEN),
        TokenExchange("/authenticate", token=TOKEN),
        OAuth2RefreshToken(
            "https://id.example/oauth/token",
            client_id="app",
            client_secret=TOKEN,
            access_token=TOKEN,
            refresh_token=TOKEN,
        ),
    ],
    ids=lambda a: type(a).__name__,
)
def test_auth_reprs_hide_secrets(auth: object) -> None:
    """No auth strategy shows a secret in repr or str, nor in its vars' reprs."""
    assert TOKEN not in repr(auth)
    assert TOKEN not in str(auth)
    assert TOKEN not in repr(vars(auth))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://user:pw@h.example/a?b=1", "https://h.example/a?b=1"),
        ("https://h.example/a?token=abc&b=1", "https://h.example/a?token=redacted&b=1"),
        ("https://h.example/a?api_key=abc", "https://h.example/a?api_key=redacted"),
        ("https://h.example/a?Signature=abc", "https://h.example/a?Signature=redacted"),
        ("https://h.example/a%2Fb?page=2", "https://h.example/a%2Fb?page=2"),
    ],
)
def test_redact_url(url: str, expected: str) -> None:
    """User info is dropped and sensitive query values masked; the rest is kept as sent."""
    assert redact_url(url) == expected
    assert redact_url(URL(url, encoded=True)) == expected  # a parsed URL (an answer's) too


@pytest.mark.parametrize(
    "url",
    ["https://:pw@h.example/a", "https://user@h.example/a", "https://user:@h.example/a"],
)
def test_redact_url_drops_any_user_info_even_without_a_query(url: str) -> None:
    """The fast path for a URL with nothing to hide still drops a lone password or user."""
    assert redact_url(URL(url)) == "https://h.example/a"
    assert redact_url(url) == "https://h.example/a"


def test_redact_headers() -> None:
    """Authorization, X-Auth-Key, cookies and named extras are masked; others kept."""
    headers = {
        "Authorization": "Bearer x",
        "X-Auth-Key": "k",
        "Cookie": "c",
        "X-Custom-Secret": "s",
        "Accept": "application/json",
    }
    assert redact_headers(headers, extra=["x-custom-secret"]) == {
        "Authorization": REDACTED,
        "X-Auth-Key": REDACTED,
        "Cookie": REDACTED,
        "X-Custom-Secret": REDACTED,
        "Accept": "application/json",
    }
