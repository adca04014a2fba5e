"""Removing secrets from what we log or put in exceptions (pure functions).

A URL loses its user info, and the value of every query parameter (and fragment parameter)
whose name looks like a credential: the names in :data:`SENSITIVE_QUERY_KEYS`, any name with
a word from :data:`CREDENTIAL_WORDS` in it (``access_token``, ``apiKey``, ``X-Amz-Signature``,
``client_secret``...), and every parameter of a signed storage URL (``X-Amz-*``,
``X-Goog-*``). Headers lose the values of :data:`SENSITIVE_HEADERS` and of names with a
credential word (``X-Csrf-Token``); headers holding URLs
(``Location``, ``Content-Location``, ``Link``) have those URLs redacted; every value has the
secrets the library holds scrubbed (:func:`common.secrets.scrub_text`).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from typing import Final, TypeVar

from yarl import URL

from .secrets import holds_secret, map_text, scrub_text

__all__ = [
    "CREDENTIAL_WORDS",
    "REDACTED",
    "SENSITIVE_HEADERS",
    "SENSITIVE_QUERY_KEYS",
    "SIGNED_URL_PREFIXES",
    "is_sensitive_query_key",
    "redact_data",
    "redact_headers",
    "redact_text",
    "redact_url",
]

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

#: Query keys (lower-case) whose values are never logged, whatever words they contain.
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
        "sig",  # Azure SAS
        "code",  # an OAuth authorization code
        "awsaccesskeyid",
        "googleaccessid",
    }
)

#: Words that make a query key a credential wherever they appear in it, the key being split
#: at ``-``, ``_``, ``.`` and camelCase humps (``X-Amz-Security-Token`` → x, amz, security,
#: token; ``apiKey`` → api, key). Whole words only: ``assignees`` is not ``sig``.
CREDENTIAL_WORDS: Final = frozenset(
    {
        "token",
        "key",
        "apikey",
        "secret",
        "password",
        "passwd",
        "pwd",
        "signature",
        "sig",
        "auth",
        "authorization",
        "credential",
        "credentials",
        "session",
        "sessionid",
        "jwt",
        "otp",
        "verifier",  # OAuth PKCE code_verifier
        "assertion",  # OAuth client_assertion
    }
)

#: Every query parameter of a signed storage URL carries or describes the signature:
#: AWS S3 (``X-Amz-Signature``, ``X-Amz-Credential``, ``X-Amz-Security-Token``...) and Google
#: Cloud Storage (``X-Goog-Signature``...). Lower-case, separators removed.
SIGNED_URL_PREFIXES: Final = ("xamz", "xgoog")

_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_SEPARATORS = re.compile(r"[-_.\s]+")
#: Headers whose value is a URL (or URLs, in ``<...>``).
_URL_HEADERS: Final = frozenset({"location", "content-location", "refresh"})
_LINK_URL = re.compile(r"<([^>]*)>")
#: ``key=value`` in free text (a server quoting the URL it was asked for), value up to a
#: delimiter of URLs, HTML or JSON.
_PAIR_IN_TEXT = re.compile(r"(?<![\w%-])([A-Za-z][\w.-]*)=([^&\s\"'<>#;,]*)")

_T = TypeVar("_T")


def is_sensitive_query_key(key: str) -> bool:
    """Whether the value of query parameter *key* may be a credential (pure)."""
    lowered = key.lower()
    if lowered in SENSITIVE_QUERY_KEYS:
        return True
    flat = _SEPARATORS.sub("", lowered)
    if flat.startswith(SIGNED_URL_PREFIXES) or flat in SENSITIVE_QUERY_KEYS:
        return True
    return _has_credential_word(key)


@functools.lru_cache(maxsize=1024)
def _has_credential_word(name: str) -> bool:
    words = (w.lower() for part in _SEPARATORS.split(name) for w in _WORD.findall(part))
    return any(word in CREDENTIAL_WORDS for word in words)


def _masked_pairs(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """*pairs* with credential values masked, or ``None`` when none is sensitive."""
    listed = list(pairs)
    if not any(is_sensitive_query_key(k) for k, _ in listed):
        return None
    return [(k, _QUERY_MASK if is_sensitive_query_key(k) else v) for k, v in listed]


def redact_url(url: str | URL) -> str:
    """*url* without user info, with credential-like query (and fragment) values masked."""
    if (
        isinstance(url, URL)
        and not url.raw_query_string
        and not url.raw_fragment
        and url.raw_user is None
        and url.raw_password is None
    ):
        return str(url)  # the usual URL of an answer: nothing to hide
    try:
        parsed = url if isinstance(url, URL) else URL(url, encoded=True)
        if parsed.user is not None or parsed.password is not None:
            parsed = parsed.with_user(None)
        if parsed.raw_query_string:
            masked = _masked_pairs(parsed.query.items())
            if masked is not None:
                parsed = parsed.with_query(masked)
        if "=" in parsed.fragment:
            fragment = URL("?" + parsed.raw_fragment, encoded=True).query.items()
            masked = _masked_pairs(fragment)
            if masked is not None:
                shown = "&".join(f"{k}={v}" for k, v in masked)
                parsed = parsed.with_fragment(shown)
        return str(parsed)
    except (ValueError, TypeError):
        # Not a URL yarl can read: show nothing that could be a query or user info.
        text = str(url).split("?", 1)[0].split("#", 1)[0]
        return re.sub(r"//[^/@]*@", "//", text)


def _redact_header_value(name: str, value: str) -> str:
    if name in _URL_HEADERS:
        if name == "refresh":  # "5; url=https://..."
            return re.sub(r"(?i)(url=)(\S+)", lambda m: m[1] + redact_url(m[2]), value)
        return redact_url(value.strip())
    if name == "link":
        return _LINK_URL.sub(lambda m: f"<{redact_url(m[1])}>", value)
    return value


def redact_headers(headers: Mapping[str, str], extra: Iterable[str] = ()) -> dict[str, str]:
    """A copy of *headers* with every sensitive value masked: those of
    :data:`SENSITIVE_HEADERS`, of the names in *extra*, and of any name with a word of
    :data:`CREDENTIAL_WORDS` (``X-Csrf-Token``); URLs in ``Location``, ``Content-Location`` and
    ``Link`` redacted (:func:`redact_url`); the secrets the library holds scrubbed from the
    rest."""
    extra_lower = {name.lower() for name in extra}
    out: dict[str, str] = {}
    for name, value in headers.items():
        lowered = name.lower()
        if lowered in SENSITIVE_HEADERS or lowered in extra_lower or _has_credential_word(name):
            out[name] = REDACTED
        else:
            out[name] = scrub_text(_redact_header_value(lowered, value))
    return out


def _mask_pair(match: re.Match[str]) -> str:
    key = match[1]
    return f"{key}={_QUERY_MASK}" if match[2] and is_sensitive_query_key(key) else match[0]


def redact_text(text: str) -> str:
    """Free *text* (a message, a body a server sent) without credentials: every secret the
    library holds scrubbed (:func:`common.secrets.scrub_text`), and the value of every
    credential-like ``key=value`` masked, as :func:`redact_url` masks query parameters (a
    storage error quoting the signed URL it was given)."""
    text = scrub_text(text)
    return _PAIR_IN_TEXT.sub(_mask_pair, text) if "=" in text else text


def redact_data(value: _T) -> _T:
    """:func:`redact_text` through JSON-like data (strings in mappings, lists, tuples, keys
    too); other values as they are.

    Data with nothing to redact (the usual case) is returned as given, found so in one pass
    over its JSON text; otherwise it is rebuilt, walked without recursion however deep.
    """
    if isinstance(value, str):
        return redact_text(value)  # type: ignore[return-value]
    if not isinstance(value, (Mapping, list, tuple)) or not value:
        return value
    try:
        flat = json.dumps(value, ensure_ascii=False, default=repr)
    except (TypeError, ValueError, RecursionError):  # odd keys, a cycle, too deep: walk it
        flat = None
    if flat is not None and not _needs_redacting(flat):
        return value
    return map_text(value, redact_text)


def _needs_redacting(text: str) -> bool:
    if holds_secret(text):
        return True
    return "=" in text and any(
        m[2] and is_sensitive_query_key(m[1]) for m in _PAIR_IN_TEXT.finditer(text)
    )
