"""Removing secrets from what we log or put in exceptions (pure functions)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from yarl import URL

__all__ = ["REDACTED", "SENSITIVE_HEADERS", "SENSITIVE_QUERY_KEYS", "redact_headers", "redact_url"]

REDACTED: Final = "[redacted]"
_QUERY_MASK: Final = "redacted"

#: Header names (lower-case) whose values are never logged.
SENSITIVE_HEADERS: Final = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "x-auth-key",
        "x-api-key",
        "api-key",
        "cookie",
        "set-cookie",
    }
)

#: Query keys (lower-case) whose values are never logged.
SENSITIVE_QUERY_KEYS: Final = frozenset(
    {
        "token",
        "access_token",
        "refresh_token",
        "api_key",
        "apikey",
        "key",
        "secret",
        "client_secret",
        "password",
        "signature",
        "sig",
        "code",
    }
)


def redact_url(url: str | URL) -> str:
    """*url* without user info and with sensitive query values masked."""
    parsed = url if isinstance(url, URL) else URL(url, encoded=True)
    if parsed.user is not None or parsed.password is not None:
        parsed = parsed.with_user(None)
    if parsed.raw_query_string and any(k.lower() in SENSITIVE_QUERY_KEYS for k in parsed.query):
        parsed = parsed.with_query(
            [
                (k, _QUERY_MASK if k.lower() in SENSITIVE_QUERY_KEYS else v)
                for k, v in parsed.query.items()
            ]
        )
    return str(parsed)


def redact_headers(headers: Mapping[str, str], extra: Iterable[str] = ()) -> dict[str, str]:
    """A copy of *headers* with every sensitive value (and those named in *extra*) masked."""
    extra_lower = {name.lower() for name in extra}
    return {
        name: REDACTED
        if (lowered := name.lower()) in SENSITIVE_HEADERS or lowered in extra_lower
        else value
        for name, value in headers.items()
    }
