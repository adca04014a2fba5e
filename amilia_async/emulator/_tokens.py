"""The emulator's JWTs: HS256 tokens signed with a per-emulator secret (stdlib only)."""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import hmac
import json
import math
import secrets
import time
from typing import Any

__all__ = ["TokenIssuer", "TokenStatus"]


class TokenStatus(enum.Enum):
    """What :meth:`TokenIssuer.check` thinks of a bearer token."""

    VALID = "valid"
    INVALID = "invalid"  # malformed, wrong signature, not one of ours
    EXPIRED = "expired"  # ours, but past its ``exp`` or revoked by ``expire_all``


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class TokenIssuer:
    """Issues and verifies the JWTs of one emulator.

    Each token carries ``sub``, ``iat``, ``exp`` and a serial ``jti``; :meth:`expire_all` makes
    every token issued so far expired (later ones stay valid) without touching their ``exp``,
    like a server-side revocation.
    """

    def __init__(self, *, lifetime: float) -> None:
        self.lifetime = lifetime
        self._secret = secrets.token_bytes(32)
        self._next_serial = 1
        self._valid_from_serial = 1

    def issue(self, subject: str, *, lifetime: float | None = None) -> str:
        """A signed token for *subject* expiring *lifetime* seconds from now."""
        now = time.time()
        span = self.lifetime if lifetime is None else lifetime
        end = now + span
        # Whole seconds as real servers do; sub-second lifetimes keep milliseconds for tests.
        exp: float = math.floor(end) if span >= 1 else round(end, 3)
        serial, self._next_serial = self._next_serial, self._next_serial + 1
        claims = {"sub": subject, "iat": math.floor(now), "exp": exp, "jti": serial}
        header = {"alg": "HS256", "typ": "JWT"}
        signing_input = ".".join(
            _b64url(json.dumps(part, separators=(",", ":")).encode()) for part in (header, claims)
        )
        return f"{signing_input}.{_b64url(self._sign(signing_input))}"

    def expire_all(self) -> None:
        """Every token issued so far is expired from now on."""
        self._valid_from_serial = self._next_serial

    def check(self, token: str) -> TokenStatus:
        """Verify the signature, then ``exp`` and revocation."""
        claims = self.claims(token)
        if claims is None:
            return TokenStatus.INVALID
        exp, serial = claims.get("exp"), claims.get("jti")
        if not isinstance(exp, (int, float)) or not isinstance(serial, int):
            return TokenStatus.INVALID
        if exp <= time.time() or serial < self._valid_from_serial:
            return TokenStatus.EXPIRED
        return TokenStatus.VALID

    def claims(self, token: str) -> dict[str, Any] | None:
        """The claims of a token signed by this issuer, else ``None`` (expiry not checked).

        Anything malformed (not ASCII, bad base64, JSON that is not JSON or nests past the
        parser's depth) is simply not one of ours: ``None``, never an exception.
        """
        parts = token.split(".")
        if len(parts) != 3 or not token.isascii():
            return None
        signing_input = f"{parts[0]}.{parts[1]}"
        try:
            signature = _b64url_decode(parts[2])
        except (ValueError, binascii.Error):
            return None
        if not hmac.compare_digest(signature, self._sign(signing_input)):
            return None  # checked first: only our own (well-formed) JSON gets parsed below
        try:
            header = json.loads(_b64url_decode(parts[0]))
            claims = json.loads(_b64url_decode(parts[1]))
        except (ValueError, binascii.Error, RecursionError):
            return None
        if not isinstance(header, dict) or header.get("alg") != "HS256":
            return None
        return claims if isinstance(claims, dict) else None

    def _sign(self, signing_input: str) -> bytes:
        return hmac.new(self._secret, signing_input.encode("ascii"), hashlib.sha256).digest()
