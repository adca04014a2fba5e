"""Bearer credentials that are obtained, cached, and renewed: the single-flight machinery.

Concurrent callers that find no valid token share one obtaining task; a 401 renews the token
once, however many requests saw it, because each request remembers which token generation it
carried and only a request carrying the current generation starts a renewal.
"""

from __future__ import annotations

import abc
import asyncio
import time

import attrs

from ..messages import Request
from ..secrets import Secret
from .base import Auth, AuthFlow

__all__ = ["RefreshingAuth", "TokenGrant"]


@attrs.frozen
class TokenGrant:
    """What one login or refresh produced."""

    access_token: Secret
    #: Unix time after which the token is no longer valid, when known.
    expires_at: float | None = None
    refresh_token: Secret | None = None


class RefreshingAuth(Auth):
    """Base of schemes that get a bearer token from the server and renew it when needed."""

    #: Renew this many seconds before the announced expiry.
    expiry_margin: float = 30.0

    def __init__(self, grant: TokenGrant | None = None) -> None:
        self._grant = grant
        self._generation = 0 if grant is None else 1
        self._inflight: asyncio.Task[None] | None = None
        # A token handed to us is renewed by the usual margin (at once if already expired).
        self._renew_at = (
            None
            if grant is None or grant.expires_at is None
            else (grant.expires_at - self.expiry_margin)
        )

    @property
    def token(self) -> Secret | None:
        """The bearer token in use, for an app that wants to store it."""
        return None if self._grant is None else self._grant.access_token

    @property
    def expires_at(self) -> float | None:
        return None if self._grant is None else self._grant.expires_at

    @property
    def can_renew(self) -> bool:
        """Whether this strategy holds what it needs to obtain a new token."""
        return True

    @abc.abstractmethod
    async def obtain(self, flow: AuthFlow, current: TokenGrant | None) -> TokenGrant:
        """Log in or refresh; *current* is the grant being replaced, if any."""

    async def on_new_grant(self, grant: TokenGrant) -> None:
        """Called once per new grant (e.g. to let the app persist it)."""

    def _renewal_time(self, grant: TokenGrant) -> float | None:
        """When to renew a *grant* just obtained; ``None``: only after a 401.

        The margin is at most a tenth of the lifetime left, so a short-lived token is still
        used. A token that looks expired on arrival (our clock ahead of the server's) is used
        until the server refuses it, rather than logging in again on every call.
        """
        if grant.expires_at is None:
            return None
        left = grant.expires_at - time.time()
        if left <= 0:
            return None
        return grant.expires_at - min(self.expiry_margin, left / 10)

    def _expired(self) -> bool:
        return self._renew_at is not None and time.time() >= self._renew_at

    async def apply(self, request: Request, flow: AuthFlow) -> None:
        if (self._grant is None or self._expired()) and self.can_renew:
            await self._renew(flow, self._generation)
        if self._grant is None:
            raise RuntimeError("no token: give one, or the credentials to obtain one")
        request.headers["Authorization"] = "Bearer " + self._grant.access_token.reveal()
        request.auth_state = self._generation

    async def on_unauthorized(self, request: Request, flow: AuthFlow) -> bool:
        if not self.can_renew:
            return False
        await self._renew(flow, request.auth_state)
        return True

    async def _renew(self, flow: AuthFlow, seen: object) -> None:
        if seen != self._generation:
            return  # somebody renewed since this caller looked: use theirs
        task = self._inflight
        loop = asyncio.get_running_loop()
        if task is None or task.done() or task.get_loop() is not loop:
            task = loop.create_task(self._obtain_and_store(flow))
            task.add_done_callback(_retrieve)  # every waiter may be gone by the time it fails
            self._inflight = task
        # shield: a caller cancelled while waiting must not cancel the login the others share
        await asyncio.shield(task)

    async def _obtain_and_store(self, flow: AuthFlow) -> None:
        grant = await self.obtain(flow, self._grant)
        self._grant = grant
        self._renew_at = self._renewal_time(grant)
        self._generation += 1
        await self.on_new_grant(grant)


def _retrieve(task: asyncio.Task[None]) -> None:
    if not task.cancelled():
        task.exception()
