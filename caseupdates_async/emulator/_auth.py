"""Who may call: HTTP Basic, username ``{username}/token``, password the API token."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from common.testing import Refusal, basic_credentials, same_secret

if TYPE_CHECKING:
    from caseupdates_async.emulator import TrackopsEmulator

__all__ = ["CHALLENGE", "check_credentials"]

#: Sent with every 401 (the realm is the emulator's choice).
CHALLENGE = {"WWW-Authenticate": 'Basic realm="Trackops API"'}


def check_credentials(request: web.Request, emulator: TrackopsEmulator) -> None:
    """Raise a 401 unless the request carries ``Basic base64("{username}/token:{api_token}")``."""
    pair = basic_credentials(request)
    if (
        pair is None
        or not same_secret(pair[0], f"{emulator.username}/token")
        or not same_secret(pair[1], emulator.api_token)
    ):
        raise Refusal(401, "Unauthorized", headers=CHALLENGE)
