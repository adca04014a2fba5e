"""Schemes whose credentials never change: a bearer token, an API-key header, HTTP Basic."""

from __future__ import annotations

import base64
from typing import ClassVar

from ..messages import Request
from ..secrets import Secret
from .base import Auth, AuthFlow

__all__ = ["ApiKeyHeader", "BasicAuth", "BearerToken"]


class BearerToken(Auth):
    """``Authorization: Bearer <token>`` (Amiqus personal access tokens, a stored Amilia JWT)."""

    def __init__(self, token: str | Secret) -> None:
        self.token = Secret(token)
        if not self.token:
            raise ValueError("the token must not be empty")
        self._header = Secret(f"Bearer {self.token.reveal()}")

    async def apply(self, request: Request, flow: AuthFlow) -> None:
        request.headers["Authorization"] = self._header.reveal()

    def __repr__(self) -> str:
        return "BearerToken(token=Secret('********'))"


class ApiKeyHeader(Auth):
    """The key in a header of its own, e.g. IntakeQ's ``X-Auth-Key``."""

    secret_headers: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, key: str | Secret, *, header: str = "X-Auth-Key") -> None:
        self.key = Secret(key)
        if not self.key:
            raise ValueError("the API key must not be empty")
        self.header = header
        # An instance attribute shadows the class default: this scheme's header is secret.
        self.secret_headers = frozenset({header.lower()})  # type: ignore[misc]

    async def apply(self, request: Request, flow: AuthFlow) -> None:
        request.headers[self.header] = self.key.reveal()

    def __repr__(self) -> str:
        return f"ApiKeyHeader(header={self.header!r}, key=Secret('********'))"


def basic_header(username: str, password: str) -> str:
    """The value of an HTTP Basic ``Authorization`` header."""
    pair = f"{username}:{password}".encode()
    return "Basic " + base64.b64encode(pair).decode("ascii")


class BasicAuth(Auth):
    """HTTP Basic. Trackops, for one, sends ``{username}/token`` with the API token as password."""

    def __init__(self, username: str, password: str | Secret) -> None:
        if ":" in username:
            raise ValueError("an HTTP Basic username cannot contain ':'")
        self.username = username
        self.password = Secret(password)
        self._header = Secret(basic_header(username, self.password.reveal()))

    async def apply(self, request: Request, flow: AuthFlow) -> None:
        request.headers["Authorization"] = self._header.reveal()

    def __repr__(self) -> str:
        return f"BasicAuth(username={self.username!r}, password=Secret('********'))"
