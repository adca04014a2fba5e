"""Amiqus OAuth 2.0: the authorization-code flow, and an auth strategy that keeps tokens fresh.

The flow (Amiqus guides, "OAuth 2.0")::

    from amiqus_async.oauth import authorization_url, code_from_redirect, exchange_code, new_state

    state = new_state()                       # keep it in the user's session
    redirect(authorization_url(CLIENT_ID, REDIRECT_URI, state))
    ...                                       # Amiqus sends the user back to REDIRECT_URI
    code = code_from_redirect(request.query, state=state)
    token = await exchange_code(
        code, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, redirect_uri=REDIRECT_URI
    )                                         # an OAuth2Token: store both tokens

then give the client a strategy that renews the access token when it expires or is refused,
handing each new pair to *on_refresh* (Amiqus refresh tokens are single-use: store the new one
before the next refresh)::

    auth = oauth_auth(token, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, on_refresh=save)
    async with AmiqusClient(oauth=auth) as amiqus:
        ...

Codes are valid for 10 minutes and redeemable once; access tokens live a year. The token
exchange goes through the common client (retries on 429, one log line without secrets, typed
errors). A refused code or refresh token raises :class:`~common.errors.AuthenticationError`
whose message is the server's ``"invalid_grant: ..."``; a malformed request,
:class:`~common.errors.BadRequestError`. No secret, code or token appears in a log line, a
``repr`` or an exception.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Mapping, Sequence
from typing import Final
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from common import (
    ClientOptions,
    InvalidRequestError,
    OAuth2RefreshToken,
    OAuth2Token,
    Secret,
    SecretMapping,
    Unpack,
)
from common.auth.oauth2 import OnRefresh, fetch_token

__all__ = [
    "AMIQUS_ID_URL",
    "OAuthCallbackError",
    "authorization_url",
    "code_from_redirect",
    "exchange_code",
    "new_state",
    "oauth_auth",
    "refresh_token",
    "token_url",
]

#: Where Amiqus serves its authorization page and token endpoint.
AMIQUS_ID_URL: Final = "https://id.amiqus.co"
_AUTHORIZE_PATH: Final = "/oauth/authorize"
_TOKEN_PATH: Final = "/oauth/token"
_LOGGER: Final = "amiqus_async"


class OAuthCallbackError(InvalidRequestError):
    """The redirect back from Amiqus carries no usable code: access was denied
    (``error == "access_denied"``), the ``state`` does not match, or the code is missing."""

    def __init__(self, message: str, *, error: str | None = None) -> None:
        super().__init__(message)
        #: The ``error`` query parameter Amiqus sent, if any (e.g. ``"access_denied"``).
        self.error = error


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _base(base: str) -> str:
    """*base* checked: ``https://host[:port]`` (plain http only to loopback, for emulators)."""
    if not isinstance(base, str):
        raise InvalidRequestError(f"base must be a string such as {AMIQUS_ID_URL!r}")
    parts = urlsplit(base.rstrip("/"))
    if (
        parts.scheme not in ("https", "http")
        or not parts.hostname
        or parts.username is not None
        or parts.password is not None
        or parts.query
        or parts.fragment
        or (parts.path not in ("", "/"))
    ):
        raise InvalidRequestError(f"base must be an origin such as {AMIQUS_ID_URL!r}, not {base!r}")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise InvalidRequestError("base must use https (plain http only to a loopback emulator)")
    return f"{parts.scheme}://{parts.netloc}"


def _text(name: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequestError(f"{name} must be a non-empty string")
    return value


def _redirect_uri(value: object) -> str:
    uri = _text("redirect_uri", value)
    parts = urlsplit(uri)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.fragment:
        raise InvalidRequestError(
            "redirect_uri must be an absolute http(s) URL without a fragment, "
            "the one registered with your API client"
        )
    return uri


def token_url(base: str = AMIQUS_ID_URL) -> str:
    """The token endpoint: ``https://id.amiqus.co/oauth/token``."""
    return _base(base) + _TOKEN_PATH


def new_state() -> str:
    """A random ``state`` (256 bits, URL-safe) to tie the redirect back to this user's session."""
    return secrets.token_urlsafe(32)


def authorization_url(
    client_id: str,
    redirect_uri: str,
    state: str,
    *,
    base: str = AMIQUS_ID_URL,
    scope: str | Sequence[str] | None = None,
) -> str:
    """The Amiqus page to send the user to, asking them to grant your app access.

    ``{base}/oauth/authorize?client_id=..&redirect_uri=..&response_type=code&state=..``, every
    value percent-encoded. *state* is required here (the guide makes it optional): without it a
    redirect cannot be told from a forged one; :func:`new_state` makes one. Amiqus defines no
    scopes; *scope* (a string or several, joined by spaces) is sent only when given.
    """
    params = [
        ("client_id", _text("client_id", client_id)),
        ("redirect_uri", _redirect_uri(redirect_uri)),
        ("response_type", "code"),
        ("state", _text("state", state)),
    ]
    if scope is not None:
        scopes = [scope] if isinstance(scope, str) else list(scope)
        if not all(isinstance(s, str) and s.strip() for s in scopes):  # type: ignore[redundant-expr]
            raise InvalidRequestError("scope must be a non-empty string or strings")
        params.append(("scope", " ".join(s.strip() for s in scopes)))
    return f"{_base(base)}{_AUTHORIZE_PATH}?{urlencode(params, quote_via=quote)}"


def code_from_redirect(query: Mapping[str, str] | str, *, state: str) -> str:
    """The authorization code in the redirect back from Amiqus, once its *state* is checked.

    *query* is the redirect's query (a mapping such as aiohttp's ``request.query``, a query
    string, or the whole URL). Raises :class:`OAuthCallbackError` when access was denied
    (``error=access_denied``), when the ``state`` differs from *state* (compared in constant
    time), or when there is no code.
    """
    if isinstance(query, str):
        text = urlsplit(query).query if "://" in query else query.lstrip("?")
        query = dict(parse_qsl(text, keep_blank_values=True))
    expected = _text("state", state)
    error = query.get("error")
    if error:
        raise OAuthCallbackError(
            f"the user did not grant access ({error})"
            if error == "access_denied"
            else f"Amiqus refused the authorization: {error}",
            error=error,
        )
    given = query.get("state") or ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise OAuthCallbackError("the state in the redirect does not match: refusing the code")
    code = query.get("code")
    if not code:
        raise OAuthCallbackError("the redirect carries no authorization code")
    return code


async def exchange_code(
    code: str,
    *,
    client_id: str,
    client_secret: str | Secret,
    redirect_uri: str,
    base: str = AMIQUS_ID_URL,
    **options: Unpack[ClientOptions],
) -> OAuth2Token:
    """Redeem an authorization *code* for a token pair (``POST {base}/oauth/token``,
    ``grant_type=authorization_code``).

    *redirect_uri* must be the one the code was issued for. *options* configure the exchange
    like a client: ``session=`` (used, not closed), ``timeout=``, ``max_retries=``... Raises
    :class:`~common.errors.AuthenticationError` for a refused code or client (``invalid_grant``,
    ``invalid_client``), :class:`~common.errors.BadRequestError` for another OAuth error, and
    :class:`~common.errors.DecodeError` when the answer lacks a token.
    """
    secret = Secret(client_secret)
    # A SecretMapping: this frame's locals may be rendered on a traceback (Sentry, pytest -l).
    form = SecretMapping(
        {
            "grant_type": "authorization_code",
            "client_id": _text("client_id", client_id),
            "client_secret": Secret(_text("client_secret", secret.reveal())),
            "code": Secret(_text("code", code)),
            "redirect_uri": _redirect_uri(redirect_uri),
        }
    )
    return await fetch_token(token_url(base), form, logger_name=_LOGGER, **options)


async def refresh_token(
    token: OAuth2Token | str | Secret,
    *,
    client_id: str,
    client_secret: str | Secret,
    redirect_uri: str | None = None,
    base: str = AMIQUS_ID_URL,
    **options: Unpack[ClientOptions],
) -> OAuth2Token:
    """Trade a refresh token (or the pair holding it) for a new pair, once, now.

    :func:`oauth_auth` does this by itself when needed; this is for a job that renews tokens
    ahead of time. The old pair stops working at once: store the new one.
    """
    refresh = token.refresh_token if isinstance(token, OAuth2Token) else Secret(token)
    fields: dict[str, str | Secret] = {
        "grant_type": "refresh_token",
        "client_id": _text("client_id", client_id),
        "client_secret": Secret(_text("client_secret", Secret(client_secret).reveal())),
        "refresh_token": Secret(_text("refresh_token", refresh.reveal())),
    }
    if redirect_uri is not None:
        fields["redirect_uri"] = _redirect_uri(redirect_uri)
    return await fetch_token(
        token_url(base),
        SecretMapping(fields),
        refresh_token=refresh,
        logger_name=_LOGGER,
        **options,
    )


def oauth_auth(
    token: OAuth2Token,
    *,
    client_id: str,
    client_secret: str | Secret,
    on_refresh: OnRefresh | None = None,
    redirect_uri: str | None = None,
    base: str = AMIQUS_ID_URL,
) -> OAuth2RefreshToken:
    """The auth strategy for ``AmiqusClient(oauth=...)``: *token*'s access token as a bearer,
    renewed with its refresh token at ``{base}/oauth/token`` shortly before ``expires_at`` or
    after a 401.

    *on_refresh* (plain or async) receives every new :class:`OAuth2Token`; store it, since
    the previous refresh token is then void. A pair read back from storage is
    ``OAuth2Token(access_token, refresh_token, expires_at)``. *redirect_uri*, which the guide
    lists among the refresh parameters, is sent when given.
    """
    if not isinstance(token, OAuth2Token):
        raise InvalidRequestError("token must be an OAuth2Token (from exchange_code, or stored)")
    if not token.access_token or not token.refresh_token:
        raise InvalidRequestError("the token's access_token and refresh_token must not be empty")
    return OAuth2RefreshToken(
        token_url(base),
        client_id=_text("client_id", client_id),
        client_secret=Secret(_text("client_secret", Secret(client_secret).reveal())),
        access_token=token.access_token,
        refresh_token=token.refresh_token,
        expires_at=token.expires_at,
        on_refresh=on_refresh,
        redirect_uri=None if redirect_uri is None else _redirect_uri(redirect_uri),
    )
