"""Reading the credentials a request carries, and the HS256 tokens emulators issue.

Each reader answers ``None`` for a header that is absent or malformed (never an exception), so
a handler only decides what to refuse::

    token = bearer_token(request)                      # Authorization: Bearer <token>
    pair = basic_credentials(request)                  # Authorization: Basic base64(user:pass)
    key = header_credential(request, "X-Auth-Key")     # an API key in a header of its own
    if token is None or not same_secret(token, emulator.token):
        raise Refusal(401, "Unauthenticated.")

:func:`same_secret` compares in constant time (and never fails on text that is not ASCII).
:func:`encode_jwt` and :func:`decode_jwt` sign and verify HS256 JSON Web Tokens with the
standard library, for emulators whose vendor hands out JWTs.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any

from aiohttp import web

__all__ = [
    "basic_credentials",
    "bearer_token",
    "decode_jwt",
    "encode_jwt",
    "header_credential",
    "same_secret",
]


def _authorization(request: web.BaseRequest, scheme: str) -> str | None:
    given, _, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if given.lower() == scheme else None


def bearer_token(request: web.BaseRequest) -> str | None:
    """The token of ``Authorization: Bearer <token>`` (any case of ``Bearer``), else ``None``."""
    return _authorization(request, "bearer") or None


def basic_credentials(request: web.BaseRequest) -> tuple[str, str] | None:
    """The ``(username, password)`` of ``Authorization: Basic <base64>``, else ``None``.

    The base64 must be strict and decode to UTF-8 text holding a colon; the password is
    everything after the first colon.
    """
    encoded = _authorization(request, "basic")
    if encoded is None:
        return None
    try:
        decoded = base64.b64decode(encoded, validate=True).decode("utf-8")
    except (ValueError, UnicodeError):  # binascii.Error, non-ASCII text, bytes not UTF-8
        return None
    username, colon, password = decoded.partition(":")
    return (username, password) if colon else None


def header_credential(request: web.BaseRequest, name: str) -> str | None:
    """The value of the header *name*, stripped; ``None`` when absent or blank."""
    return request.headers.get(name, "").strip() or None


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def same_secret(given: str | None, expected: str) -> bool:
    """Whether *given* is *expected*, compared in constant time (``None`` never is)."""
    return given is not None and hmac.compare_digest(_bytes(given), _bytes(expected))


# -- JSON Web Tokens (HS256) ---------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(key: bytes, signing_input: str) -> bytes:
    return hmac.new(key, signing_input.encode("ascii"), hashlib.sha256).digest()


def encode_jwt(claims: Mapping[str, Any], key: bytes) -> str:
    """A compact HS256 JWT of *claims*, signed with *key*."""
    parts = ({"alg": "HS256", "typ": "JWT"}, dict(claims))
    signing_input = ".".join(
        _b64url(json.dumps(part, separators=(",", ":")).encode()) for part in parts
    )
    return f"{signing_input}.{_b64url(_signature(key, signing_input))}"


def decode_jwt(token: str, key: bytes) -> dict[str, Any] | None:
    """The claims of *token* when it is an HS256 JWT signed with *key*, else ``None``.

    The signature is checked before anything is parsed; expiry is the caller's to check.
    Anything malformed (not ASCII, bad base64, not JSON, nested past the parser's depth) is
    ``None``, never an exception.
    """
    parts = token.split(".")
    if len(parts) != 3 or not token.isascii():
        return None
    signing_input = f"{parts[0]}.{parts[1]}"
    try:
        signature = _b64url_decode(parts[2])
    except (ValueError, binascii.Error):
        return None
    if not hmac.compare_digest(signature, _signature(key, signing_input)):
        return None
    try:
        header = json.loads(_b64url_decode(parts[0]))
        claims = json.loads(_b64url_decode(parts[1]))
    except (ValueError, binascii.Error, RecursionError):
        return None
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        return None
    return claims if isinstance(claims, dict) else None
