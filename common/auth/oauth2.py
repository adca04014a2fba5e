"""OAuth 2 tokens: the token endpoint's answer and errors, and access tokens renewed with a
refresh token (Amiqus).

* :func:`fetch_token` posts one grant (``authorization_code``, ``refresh_token``...) to a token
  URL through the common client machinery (retries on 429, logging without secrets, typed
  errors) and returns an :class:`OAuth2Token`.
* :class:`OAuth2RefreshToken` is the auth strategy that keeps an access token fresh.
* :func:`token_from_answer` and :func:`oauth2_error` are the pure halves: the token endpoint's
  JSON → :class:`OAuth2Token`, and an RFC 6749 error body (``{"error": "invalid_grant",
  "error_description": ...}``) → a typed error: :class:`~common.errors.AuthenticationError`
  when the grant or the client was refused, :class:`~common.errors.BadRequestError` for a
  malformed request.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs
from yarl import URL

from ..errors import (
    AuthenticationError,
    BadRequestError,
    DecodeError,
    HTTPStatusError,
    InvalidRequestError,
)
from ..redact import is_sensitive_query_key, redact_url
from ..secrets import Secret, SecretMapping
from .base import AuthFlow
from .refreshing import RefreshingAuth, TokenGrant

if TYPE_CHECKING:
    from .._typing import Unpack
    from ..config import ClientOptions

__all__ = [
    "OAuth2RefreshToken",
    "OAuth2Token",
    "OnRefresh",
    "fetch_token",
    "oauth2_error",
    "token_from_answer",
]

#: RFC 6749 error codes meaning "these credentials or this grant are refused": authenticate
#: again (a new authorization code, or the right client secret). Other codes mean a malformed
#: request.
REFUSED_GRANT_ERRORS: Final = frozenset(
    {"invalid_grant", "invalid_client", "unauthorized_client", "access_denied"}
)


@attrs.frozen
class OAuth2Token:
    """A token pair, as handed to ``on_refresh`` for the app to persist."""

    access_token: Secret = attrs.field(converter=Secret)
    refresh_token: Secret = attrs.field(converter=Secret)
    #: Unix time of the access token's expiry, when the server said.
    expires_at: float | None = None


OnRefresh = Callable[[OAuth2Token], "Awaitable[None] | None"]


def token_from_answer(
    body: Any, *, token_url: str, refresh_token: str | Secret | None = None
) -> OAuth2Token:
    """The token endpoint's decoded JSON *body* as an :class:`OAuth2Token` (pure).

    *refresh_token* is kept when the answer carries none (a server that does not rotate).
    ``expires_in`` (seconds, a number or a digit string) becomes an absolute ``expires_at``.
    Raises :class:`DecodeError` (never quoting the body: it holds tokens) when the access
    token, or any refresh token, is missing.
    """
    token = _read_answer(body, None if refresh_token is None else Secret(refresh_token))
    # The answer holds tokens: out of this frame's locals before anything is raised from it.
    del body, refresh_token
    if isinstance(token, str):
        raise DecodeError(token, url=redact_url(token_url))
    return token


def _read_answer(body: Any, refresh_token: Secret | None) -> OAuth2Token | str:
    """The token in *body*, or what is wrong with it."""
    if not isinstance(body, Mapping):
        return "the token answer is not a JSON object"
    access = body.get("access_token")
    if not isinstance(access, str) or not access:
        return "the token answer has no 'access_token' string"
    refresh = body.get("refresh_token")
    if not isinstance(refresh, str) or not refresh:
        if refresh_token is None or not refresh_token:
            return "the token answer has no 'refresh_token' string"
        refresh = refresh_token
    return OAuth2Token(access, refresh, _expires_at(body.get("expires_in")))


def _expires_at(expires_in: Any) -> float | None:
    if isinstance(expires_in, str) and expires_in.strip().isdigit():
        expires_in = int(expires_in)
    if isinstance(expires_in, (int, float)) and not isinstance(expires_in, bool):
        return time.time() + expires_in
    return None


def oauth2_error(error: HTTPStatusError) -> HTTPStatusError:
    """*error* re-typed and re-worded from its RFC 6749 body, when it has one (pure).

    A 400 or 401 whose body is ``{"error": code, "error_description": text}`` becomes
    :class:`AuthenticationError` for the codes in :data:`REFUSED_GRANT_ERRORS` (and any 401)
    and :class:`BadRequestError` otherwise, with the message ``"code: text"``; ``status`` stays
    what the server sent. Any other error is returned unchanged.
    """
    body = error.body
    code = body.get("error") if isinstance(body, Mapping) else None
    if error.status not in (400, 401) or not isinstance(code, str) or not code:
        return error
    assert isinstance(body, Mapping)
    description = body.get("error_description")
    if not isinstance(description, str) or not description.strip():
        description = body.get("message") if isinstance(body.get("message"), str) else None
    message = f"{code}: {description.strip()}" if description else code
    refused = code in REFUSED_GRANT_ERRORS or error.status == 401
    cls: type[HTTPStatusError] = AuthenticationError if refused else BadRequestError
    return cls(
        message,
        status=error.status,
        body=error.body,
        request_id=error.request_id,
        field_errors=error.field_errors,
        headers=error.headers,
        method=error.method,
        url=error.url,
        attempts=error.attempts,
    )


def _masked(form: Mapping[str, str]) -> SecretMapping:
    """*form* with every credential-like field (``client_secret``, ``code``,
    ``refresh_token``, ``password``...) held as a :class:`Secret`: masked in any frame's
    locals, and scrubbed from what the server answers."""
    if isinstance(form, SecretMapping):
        return form
    return SecretMapping(
        {
            name: Secret(value) if is_sensitive_query_key(name) else value
            for name, value in form.items()
        }
    )


async def _grant(
    flow: AuthFlow, token_url: str, form: SecretMapping, refresh_token: Secret | None
) -> OAuth2Token:
    """POST *form* to *token_url*: the answer as a token, or the typed error.

    No frame on the way holds the form or the answer in plain text, and a refusal is raised
    on its own: the error it replaces is neither its cause nor its context.
    """
    try:
        return token_from_answer(
            await flow.send_unauthenticated("POST", token_url, form=form),
            token_url=token_url,
            refresh_token=refresh_token,
        )
    except HTTPStatusError as error:
        failure = oauth2_error(error)
        if failure is error:
            raise
    raise failure


async def fetch_token(
    token_url: str,
    form: Mapping[str, str],
    *,
    flow: AuthFlow | None = None,
    refresh_token: str | Secret | None = None,
    logger_name: str = "common.auth",
    **options: Unpack[ClientOptions],
) -> OAuth2Token:
    """POST one grant *form* to *token_url*; the answer as an :class:`OAuth2Token`.

    *form* holds the grant's fields (``grant_type``, ``code``, ``client_id``,
    ``client_secret``, ``redirect_uri``...), sent ``application/x-www-form-urlencoded``. The
    exchange goes through *flow* (a client of the same origin) when given, else through a
    short-lived client on *token_url*'s origin configured by *options* (``session``,
    ``timeout``, ``max_retries``...; a session passed in is not closed), logging to
    *logger_name*. The form is never logged. Errors: :func:`oauth2_error` for refusals,
    :class:`DecodeError` for an answer without tokens (see :func:`token_from_answer`),
    transport errors as usual.
    """
    form = _masked(form)  # rebound: this frame's locals show it masked too
    refresh_token = None if refresh_token is None else Secret(refresh_token)
    if flow is not None:
        return await _grant(flow, token_url, form, refresh_token)
    from ..client import BaseClient  # here: a client is needed only without a flow

    endpoint_class = type("TokenEndpoint", (BaseClient,), {"logger_name": logger_name})
    endpoint = endpoint_class(base_url=_origin_of(token_url), **options)
    async with endpoint:
        return await _grant(endpoint, token_url, form, refresh_token)


def _origin_of(token_url: str) -> str:
    url = URL(token_url)
    if not url.is_absolute() or url.scheme not in ("http", "https"):
        raise InvalidRequestError(f"the token URL must be an absolute http(s) URL: {token_url!r}")
    return str(url.origin())


class OAuth2RefreshToken(RefreshingAuth):
    """Bearer access token; on expiry or a 401, ``grant_type=refresh_token`` at *token_url*.

    Servers rotate refresh tokens: the new pair is kept and passed to *on_refresh* (plain or
    async) so the app can store it before the old one stops working. *redirect_uri*, when
    given, is sent with each refresh (Amiqus asks for it). A refused refresh raises
    :class:`~common.errors.AuthenticationError` (see :func:`oauth2_error`): the user must
    authorize the app again.
    """

    def __init__(
        self,
        token_url: str,
        *,
        client_id: str,
        client_secret: str | Secret,
        access_token: str | Secret,
        refresh_token: str | Secret,
        expires_at: float | None = None,
        on_refresh: OnRefresh | None = None,
        redirect_uri: str | None = None,
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self.redirect_uri = redirect_uri
        self._client_secret = Secret(client_secret)
        self._on_refresh = on_refresh
        super().__init__(
            TokenGrant(
                access_token=Secret(access_token),
                expires_at=expires_at,
                refresh_token=Secret(refresh_token),
            )
        )

    async def obtain(self, flow: AuthFlow, current: TokenGrant | None) -> TokenGrant:
        assert current is not None
        assert current.refresh_token is not None
        fields: dict[str, str | Secret] = {
            "grant_type": "refresh_token",
            "refresh_token": current.refresh_token,
            "client_id": self.client_id,
            "client_secret": self._client_secret,
        }
        if self.redirect_uri is not None:
            fields["redirect_uri"] = self.redirect_uri
        form = SecretMapping(fields)
        token = await _grant(flow, self.token_url, form, current.refresh_token)
        return TokenGrant(
            access_token=token.access_token,
            refresh_token=token.refresh_token,
            expires_at=token.expires_at,
        )

    async def on_new_grant(self, grant: TokenGrant) -> None:
        if self._on_refresh is None:
            return
        assert grant.refresh_token is not None
        result = self._on_refresh(
            OAuth2Token(grant.access_token, grant.refresh_token, grant.expires_at)
        )
        if inspect.isawaitable(result):
            await result

    def __repr__(self) -> str:
        return f"OAuth2RefreshToken(token_url={self.token_url!r}, client_id={self.client_id!r})"
