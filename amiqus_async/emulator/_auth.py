"""Who may call the API: the personal access token, or OAuth 2.0 access tokens.

Sources: ``personal-access-token.txt`` and ``oauth.txt`` (authorization code grant at
``GET /oauth/authorize`` and ``POST /oauth/token``, refresh tokens usable once, "the refresh
token and the original access token are invalidated immediately" on refresh, codes valid 10
minutes and redeemable once). The spec's 401 body is ``{"error": "Unauthenticated."}``.
Inferred: OAuth errors follow RFC 6749 §5.2 (``{"error", "error_description", "message"}``,
400, or 401 for ``invalid_client``); with no registered redirect URIs any is accepted.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import SplitResult, urlencode, urlsplit

import attrs
from aiohttp import web

from amiqus_async.emulator._inferred import AUTH_CODE_TTL
from amiqus_async.emulator._wire import Json
from common.testing import (
    Refusal,
    bearer_token,
    read_form,
    read_json,
    read_multipart,
    same_secret,
)

__all__ = ["OAuthServer", "UNAUTHENTICATED", "check_bearer"]

#: The spec's 401 message (its body: ``{"error": "Unauthenticated."}``).
UNAUTHENTICATED = "Unauthenticated."


def _oauth_error(status: int, error: str, description: str) -> web.Response:
    body = {"error": error, "error_description": description, "message": description}
    return web.json_response(body, status=status)


@attrs.define(eq=False)
class _Grant:
    access_token: str
    refresh_token: str
    expires_at: float


@attrs.define(eq=False)
class OAuthServer:
    """Issues and checks OAuth tokens for one registered API client."""

    client_id: str
    client_secret: str
    access_token_ttl: int
    redirect_uris: Sequence[str] | None = None
    clock: Callable[[], float] = time.time
    #: Set to ``True`` to make the next authorisations be denied (``error=access_denied``).
    deny: bool = False
    _codes: dict[str, tuple[str, float]] = attrs.Factory(dict)
    _by_access: dict[str, _Grant] = attrs.Factory(dict)
    _by_refresh: dict[str, _Grant] = attrs.Factory(dict)

    def access_valid(self, token: str) -> bool:
        grant = self._by_access.get(token)
        return grant is not None and grant.expires_at > self.clock()

    def expire_access_tokens(self) -> None:
        """Every access token issued so far is expired from now on (refresh tokens still work)."""
        for grant in self._by_access.values():
            grant.expires_at = 0.0

    def issue_code(self, redirect_uri: str) -> str:
        code = secrets.token_urlsafe(24)
        self._codes[code] = (redirect_uri, self.clock() + AUTH_CODE_TTL)
        return code

    def _grant(self) -> Json:
        grant = _Grant(
            access_token=secrets.token_urlsafe(32),
            refresh_token=secrets.token_urlsafe(32),
            expires_at=self.clock() + self.access_token_ttl,
        )
        self._by_access[grant.access_token] = grant
        self._by_refresh[grant.refresh_token] = grant
        return {
            "token_type": "Bearer",
            "expires_in": self.access_token_ttl,
            "access_token": grant.access_token,
            "refresh_token": grant.refresh_token,
        }

    # -- endpoints -----------------------------------------------------------------------

    async def authorize(self, request: web.Request) -> web.StreamResponse:
        """``GET /oauth/authorize``: no login page; consent is given at once (or denied when
        :attr:`deny` is set) and the browser is redirected to ``redirect_uri``."""
        query = request.query
        if query.get("client_id") != self.client_id:
            return _oauth_error(401, "invalid_client", "Client authentication failed")
        redirect_uri = query.get("redirect_uri", "")
        parts = _redirect_target(redirect_uri)
        if parts is None:
            return _oauth_error(400, "invalid_request", "The redirect_uri is missing or invalid.")
        if self.redirect_uris is not None and redirect_uri not in self.redirect_uris:
            return _oauth_error(401, "invalid_client", "The redirect_uri is not registered.")
        answer: dict[str, str] = {}
        if query.get("response_type") != "code":
            answer["error"] = "unsupported_response_type"
        elif self.deny:
            answer["error"] = "access_denied"
        else:
            answer["code"] = self.issue_code(redirect_uri)
        if "state" in query:
            answer["state"] = query["state"]
        separator = "&" if parts.query else "?"
        raise web.HTTPFound(redirect_uri + separator + urlencode(answer))

    async def token(self, request: web.Request) -> web.StreamResponse:
        """``POST /oauth/token``: form-encoded (or JSON, or multipart) grant request; a body
        that does not parse is the kit's ``BadRequest``, answered ``invalid_request`` (400)."""
        form = await _grant_request(request)
        grant_type = str(form.get("grant_type") or "")
        if grant_type not in ("authorization_code", "refresh_token"):
            return _oauth_error(
                400, "unsupported_grant_type", "The authorization grant type is not supported."
            )
        if (form.get("client_id"), form.get("client_secret")) != (
            self.client_id,
            self.client_secret,
        ):
            return _oauth_error(401, "invalid_client", "Client authentication failed")
        if grant_type == "authorization_code":
            code = str(form.get("code") or "")
            if not code:
                return _oauth_error(400, "invalid_request", "The code parameter is required.")
            issued = self._codes.pop(code, None)
            if issued is None or issued[1] <= self.clock():
                return _oauth_error(
                    400, "invalid_grant", "The authorization code is invalid or has expired."
                )
            if form.get("redirect_uri") != issued[0]:
                return _oauth_error(
                    400,
                    "invalid_grant",
                    "The redirect_uri does not match the authorisation request.",
                )
            return web.json_response(self._grant())
        refresh = str(form.get("refresh_token") or "")
        if not refresh:
            return _oauth_error(400, "invalid_request", "The refresh_token parameter is required.")
        old = self._by_refresh.pop(refresh, None)
        if old is None:
            return _oauth_error(400, "invalid_grant", "The refresh token is invalid.")
        self._by_access.pop(old.access_token, None)
        return web.json_response(self._grant())


def _redirect_target(uri: str) -> SplitResult | None:
    """*uri* as an absolute ``http(s)`` URL without fragment (RFC 6749 §3.1.2) that can go in
    a ``Location`` header, else ``None`` (answered 400, never a crash)."""
    if not uri or any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in uri):
        return None
    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 -- raises ValueError on a port that is not one
    except ValueError:  # "http://[", "http://host:99999"
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.fragment:
        return None
    return parts


async def _grant_request(request: web.Request) -> Mapping[str, object]:
    """The fields of a token request: a JSON object (anything else JSON: none), a form, or
    a multipart body's text parts; no fields for any other Content-Type."""
    if request.content_type == "application/json":
        loaded = await read_json(request, empty=None)
        return loaded if isinstance(loaded, dict) else {}
    if request.content_type == "application/x-www-form-urlencoded":
        return await read_form(request)
    if request.content_type.startswith("multipart/"):
        return {part.name: part.text() for part in await read_multipart(request) if part.name}
    return {}


def check_bearer(request: web.Request, *, personal_token: str, oauth: OAuthServer) -> None:
    """401 unless ``Authorization: Bearer`` carries the personal token or a live access token."""
    token = bearer_token(request)
    if token is None or not (same_secret(token, personal_token) or oauth.access_valid(token)):
        raise Refusal(401, UNAUTHENTICATED)
