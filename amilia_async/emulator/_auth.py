"""Who may call: the authenticate endpoint, the credentials and the organization of a request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from amilia_async.emulator._tokens import TokenStatus
from common.testing import Refusal, basic_credentials, bearer_token

if TYPE_CHECKING:
    from amilia_async.emulator import AmiliaEmulator

__all__ = [
    "API_KEY_HEADER",
    "API_SECRET_HEADER",
    "AUTHENTICATE_METHOD",
    "authenticate",
    "check_credentials",
    "check_organization",
]

#: The key/secret pair's headers: Amilia's documents do not name them; these are a guess
#: (the same one the client makes). One constant each, so a correction is a one-line fix.
API_KEY_HEADER = "X-Amilia-ApiKey"
API_SECRET_HEADER = "X-Amilia-ApiSecret"
#: The one method the authenticate endpoint answers (others: 405 with ``Allow``). Public
#: integrations use GET and POST; the endpoint inventory's row (Amilia's help) says GET, and the
#: client chose it (``amilia_async.paths.AUTHENTICATE_METHOD``). Kept apart from the client's
#: constant on purpose: the emulator stands for the vendor, so a client that changed its
#: method on its own would fail the tests here.
AUTHENTICATE_METHOD = "GET"

DENIED = "Authorization has been denied for this request."
EXPIRED = "Authorization has been denied for this request: the token has expired."


def authenticate(request: web.Request, emulator: AmiliaEmulator) -> web.Response:
    """``/api/v3/authenticate``: HTTP Basic in, ``{"Token": "<JWT>"}`` out; every call counts."""
    emulator.authenticate_calls += 1
    pair = basic_credentials(request)
    if pair is not None:
        username, password = pair
        if username.lower() == emulator.username.lower() and password == emulator.password:
            return web.json_response({"Token": emulator.issue_token()})
    raise Refusal(401, "The username or password is incorrect.")


def check_credentials(request: web.Request, emulator: AmiliaEmulator) -> None:
    """A Bearer JWT, else the key/secret pair; the pair is checked only without a Bearer."""
    token = bearer_token(request)
    key = request.headers.get(API_KEY_HEADER)
    scheme = request.headers.get("Authorization", "").partition(" ")[0]
    if scheme.lower() != "bearer" and key is not None:
        if (
            key == emulator.api_key
            and request.headers.get(API_SECRET_HEADER) == emulator.api_secret
        ):
            return
        raise Refusal(401, DENIED)
    if token is None:
        raise Refusal(401, DENIED)
    status = emulator.tokens.check(token)
    if status is TokenStatus.EXPIRED:
        raise Refusal(401, EXPIRED)
    if status is not TokenStatus.VALID:
        raise Refusal(401, DENIED)


def check_organization(organization: str, emulator: AmiliaEmulator) -> None:
    known = (emulator.organization.casefold(), str(emulator.data.organization_id))
    if organization.casefold() not in known:
        raise Refusal(404, f"Organization '{organization}' was not found.")
