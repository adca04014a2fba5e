"""The base of every vendor resource: a thin, declarative class bound to one client."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .client import BaseClient

__all__ = ["Resource"]


class Resource:
    """A section of a vendor's API. Methods validate, build, and name the model they return."""

    __slots__ = ("_client",)

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"
