"""The emulator's JWTs: HS256 tokens (the kit's) signed with a per-emulator secret."""

from __future__ import annotations

import enum
import math
import secrets
import time
from typing import Any

from common.testing import decode_jwt, encode_jwt

__all__ = ["TokenIssuer", "TokenStatus"]


class TokenStatus(enum.Enum):
    """What :meth:`TokenIssuer.check` thinks of a bearer token."""

    VALID = "valid"
    INVALID = "invalid"  # malformed, wrong signature, not one of ours
    EXPIRED = "expired"  # ours, but past its ``exp`` or revoked by ``expire_all``


class TokenIssuer:
    """Issues and verifies the JWTs of one emulator.

    Each token carries ``sub``, ``iat``, ``exp`` and a serial ``jti``; :meth:`expire_all` makes
    every token issued so far expired (later ones stay valid) without touching their ``exp``,
    like a server-side revocation.
    """

    #: Seconds a token stays valid unless :meth:`issue` is told otherwise.
    lifetime: float

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
        return encode_jwt(claims, self._secret)

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
        return decode_jwt(token, self._secret)
