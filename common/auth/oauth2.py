"""OAuth 2 access tokens renewed with a refresh token (Amiqus)."""

from __future__ import annotations

import inspect
import time
from collections.abc import Awaitable, Callable

import attrs

from ..errors import DecodeError
from ..redact import redact_url
from ..secrets import Secret
from .base import AuthFlow
from .refreshing import RefreshingAuth, TokenGrant

__all__ = ["OAuth2RefreshToken", "OAuth2Token"]


@attrs.frozen
class OAuth2Token:
    """A token pair, as handed to ``on_refresh`` for the app to persist."""

    access_token: Secret = attrs.field(converter=Secret)
    refresh_token: Secret = attrs.field(converter=Secret)
    #: Unix time of the access token's expiry, when the server said.
    expires_at: float | None = None


OnRefresh = Callable[[OAuth2Token], "Awaitable[None] | None"]


class OAuth2RefreshToken(RefreshingAuth):
    """Bearer access token; on expiry or a 401, ``grant_type=refresh_token`` at *token_url*.

    Servers rotate refresh tokens: the new pair is kept and passed to *on_refresh* (plain or
    async) so the app can store it before the old one stops working.
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
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
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
        body = await flow.send_unauthenticated(
            "POST",
            self.token_url,
            form={
                "grant_type": "refresh_token",
                "refresh_token": current.refresh_token.reveal(),
                "client_id": self.client_id,
                "client_secret": self._client_secret.reveal(),
            },
        )
        access = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(access, str) or not access:
            raise DecodeError(
                "the token answer has no 'access_token' string", url=redact_url(self.token_url)
            )
        refresh = body.get("refresh_token")
        expires_in = body.get("expires_in")
        return TokenGrant(
            access_token=Secret(access),
            refresh_token=Secret(refresh) if isinstance(refresh, str) else current.refresh_token,
            expires_at=time.time() + expires_in
            if isinstance(expires_in, (int, float)) and not isinstance(expires_in, bool)
            else None,
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
