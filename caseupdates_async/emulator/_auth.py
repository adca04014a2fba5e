"""Who may call: HTTP Basic, username ``{username}/token``, password the API token."""

from __future__ import annotations

import base64
import hmac
from typing import TYPE_CHECKING

from aiohttp import web

from caseupdates_async.emulator._http import ApiError

if TYPE_CHECKING:
    from caseupdates_async.emulator import TrackopsEmulator

__all__ = ["CHALLENGE", "check_credentials"]

#: Sent with every 401 (the realm is the emulator's choice).
CHALLENGE = {"WWW-Authenticate": 'Basic realm="Trackops API"'}


def check_credentials(request: web.Request, emulator: TrackopsEmulator) -> None:
    """Raise a 401 unless the request carries ``Basic base64("{username}/token:{api_token}")``."""
    scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except ValueError:  # binascii.Error, UnicodeDecodeError, non-ASCII text
            decoded = ""
        username, colon, password = decoded.partition(":")
        expected = f"{emulator.username}/token"
        if (
            colon
            and hmac.compare_digest(username.encode(), expected.encode())
            and hmac.compare_digest(password.encode(), emulator.api_token.encode())
        ):
            return
    raise ApiError(401, "Unauthorized", headers=CHALLENGE)
