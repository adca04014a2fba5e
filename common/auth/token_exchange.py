"""Basic credentials exchanged for a JWT at a login URL (Amilia's ``/api/v3/authenticate``)."""

from __future__ import annotations

import time
from typing import Literal

from ..errors import DecodeError
from ..redact import redact_url
from ..secrets import Secret, SecretMapping
from .base import AuthFlow
from .jwt import jwt_expiry
from .refreshing import RefreshingAuth, TokenGrant
from .static import basic_header

__all__ = ["TokenExchange"]


class TokenExchange(RefreshingAuth):
    """Log in with HTTP Basic at *login_url*, read the token from the JSON key *token_key*.

    The token is cached until the ``exp`` of the JWT (or *lifetime* seconds when the token
    carries none); concurrent first calls log in once; a 401 logs in again once and the
    request is replayed once. A *token* obtained earlier can be given to skip the first login;
    without *username* and *password* such a token is used until the server refuses it.
    """

    def __init__(
        self,
        login_url: str,
        *,
        username: str | None = None,
        password: str | Secret | None = None,
        token: str | Secret | None = None,
        token_key: str = "Token",
        method: Literal["GET", "POST"] = "POST",
        lifetime: float | None = None,
    ) -> None:
        if (username is None) != (password is None):
            raise ValueError("give both username and password, or neither")
        if username is None and token is None:
            raise ValueError("give username and password, or a token")
        self.login_url = login_url
        self.username = username
        self._password = None if password is None else Secret(password)
        # Built once and held masked: a traceback's locals never show it (nor the password).
        self._login_headers = (
            None
            if username is None or self._password is None
            else SecretMapping(
                {"Authorization": Secret(basic_header(username, self._password.reveal()))}
            )
        )
        self.token_key = token_key
        self.method = method
        self.lifetime = lifetime
        super().__init__(None if token is None else self._grant_for(Secret(token), now=None))

    @property
    def can_renew(self) -> bool:
        return self._password is not None

    def _grant_for(self, token: Secret, now: float | None) -> TokenGrant:
        expires_at = jwt_expiry(token.reveal())
        if expires_at is None and self.lifetime is not None and now is not None:
            expires_at = now + self.lifetime
        return TokenGrant(access_token=token, expires_at=expires_at)

    async def obtain(self, flow: AuthFlow, current: TokenGrant | None) -> TokenGrant:
        assert self._login_headers is not None
        # The answer goes straight into a Secret: no frame holds the token as a plain value.
        token = _token_in(
            await flow.send_unauthenticated(
                self.method, self.login_url, headers=self._login_headers
            ),
            self.token_key,
        )
        if token is None:
            raise DecodeError(
                f"the login answer has no {self.token_key!r} string", url=redact_url(self.login_url)
            )
        return self._grant_for(token, now=time.time())

    def __repr__(self) -> str:
        return (
            f"TokenExchange(login_url={self.login_url!r}, username={self.username!r}, "
            "password=Secret('********'))"
        )


def _token_in(body: object, key: str) -> Secret | None:
    """The token under *key* of a login answer, wrapped; ``None`` when there is none."""
    token = body.get(key) if isinstance(body, dict) else None
    return Secret(token) if isinstance(token, str) and token else None
