"""Schemes whose credentials never change: a bearer token, an API-key header, HTTP Basic."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import ClassVar

from ..messages import Request
from ..secrets import Secret
from .base import Auth, AuthFlow

__all__ = ["ApiKeyHeader", "ApiKeyHeaders", "BasicAuth", "BearerToken"]


class BearerToken(Auth):
    """``Authorization: Bearer <token>`` (Amiqus personal access tokens, a stored Amilia JWT)."""

    def __init__(self, token: str | Secret) -> None:
        self.token: Secret = Secret(token)
        if not self.token:
            raise ValueError("the token must not be empty")
        self._header = Secret(f"Bearer {self.token.reveal()}")

    async def apply(self, request: Request, flow: AuthFlow) -> None:
        request.headers["Authorization"] = self._header.reveal()

    def __repr__(self) -> str:
        return "BearerToken(token=Secret('********'))"


class ApiKeyHeaders(Auth):
    """Credentials sent as headers of their own, e.g. an API key and secret pair."""

    secret_headers: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, headers: Mapping[str, str | Secret]) -> None:
        if not headers:
            raise ValueError("give at least one header")
        self._headers = {name: Secret(value) for name, value in headers.items()}
        if not all(self._headers.values()):
            raise ValueError("an API key or secret must not be empty")
        # An instance attribute shadows the class default: these headers are secret.
        self.secret_headers = frozenset(name.lower() for name in headers)  # type: ignore[misc]

    async def apply(self, request: Request, flow: AuthFlow) -> None:
        for name, value in self._headers.items():
            request.headers[name] = value.reveal()

    def __repr__(self) -> str:
        names = ", ".join(f"{name!r}: Secret('********')" for name in self._headers)
        return f"{type(self).__name__}({{{names}}})"


class ApiKeyHeader(ApiKeyHeaders):
    """The key in a header of its own, e.g. IntakeQ's ``X-Auth-Key``."""

    def __init__(self, key: str | Secret, *, header: str = "X-Auth-Key") -> None:
        if not Secret(key):
            raise ValueError("the API key must not be empty")
        super().__init__({header: key})
        self.header = header

    @property
    def key(self) -> Secret:
        return self._headers[self.header]


def basic_header(username: str, password: str) -> str:
    """The value of an HTTP Basic ``Authorization`` header."""
    pair = f"{username}:{password}".encode()
    return "Basic " + base64.b64encode(pair).decode("ascii")


class BasicAuth(Auth):
    """HTTP Basic. Trackops, for one, sends ``{username}/token`` with the API token as password."""

    def __init__(self, username: str, password: str | Secret) -> None:
        if ":" in username:
            raise ValueError("an HTTP Basic username cannot contain ':'")
        self.username: str = username
        self.password: Secret = Secret(password)
        self._header = Secret(basic_header(username, self.password.reveal()))

    async def apply(self, request: Request, flow: AuthFlow) -> None:
        request.headers["Authorization"] = self._header.reveal()

    def __repr__(self) -> str:
        return f"BasicAuth(username={self.username!r}, password=Secret('********'))"
