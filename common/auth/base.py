"""The strategy interface every auth scheme implements."""

from __future__ import annotations

import abc
from collections.abc import Mapping
from typing import Any, ClassVar, Protocol

from ..messages import Request

__all__ = ["Auth", "AuthFlow"]


class AuthFlow(Protocol):
    """What a strategy may ask of its client: one exchange sent without credentials.

    The client checks that *url* is on its own origin, applies retries and limits, and raises
    the usual typed errors for error statuses. It returns the decoded JSON body.
    """

    async def send_unauthenticated(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        form: Mapping[str, str] | None = None,
    ) -> Any: ...


class Auth(abc.ABC):
    """Puts credentials on requests; may refresh them once after a 401."""

    #: Lower-case names of the headers this scheme writes secrets into (redacted in logs).
    secret_headers: ClassVar[frozenset[str]] = frozenset({"authorization"})

    @abc.abstractmethod
    async def apply(self, request: Request, flow: AuthFlow) -> None:
        """Add credentials to *request* (obtaining them first if needed)."""

    async def on_unauthorized(self, request: Request, flow: AuthFlow) -> bool:
        """The server answered *request* with 401. Return ``True`` to replay it once."""
        return False
