"""Reading a JWT's expiry without verifying it (we are the bearer, not the audience)."""

from __future__ import annotations

import base64
import binascii

from .. import _json

__all__ = ["jwt_expiry"]


def jwt_expiry(token: str) -> float | None:
    """The ``exp`` claim of *token* as a Unix time, or ``None`` when absent or unreadable."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = _json.loads(base64.urlsafe_b64decode(payload))
    except (ValueError, binascii.Error):
        return None
    exp = claims.get("exp") if isinstance(claims, dict) else None
    if isinstance(exp, bool) or not isinstance(exp, (int, float)):
        return None
    return float(exp)
