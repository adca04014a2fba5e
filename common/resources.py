"""The base of every vendor resource: a thin, declarative class bound to one client."""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .observe import _OPERATION

if TYPE_CHECKING:
    from .client import BaseClient

__all__ = ["Resource"]


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _named(function: Callable[..., Any], operation: str) -> Callable[..., Any]:
    """*function*, run as *operation* (hooks, spans and metrics name the call by it)."""
    if inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def run_async(*args: Any, **kwargs: Any) -> Any:
            token = _OPERATION.set(operation)
            try:
                return await function(*args, **kwargs)
            finally:
                _OPERATION.reset(token)

        return run_async

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        token = _OPERATION.set(operation)  # a pager or a download keeps it for later
        try:
            return function(*args, **kwargs)
        finally:
            _OPERATION.reset(token)

    return run


class Resource:
    """A section of a vendor's API. Methods validate, build, and name the model they return.

    Every public method of a subclass runs as the operation ``"<resource>.<method>"`` (the
    class name in snake case: ``Clients.list`` -> ``"clients.list"``), which hooks, spans and
    metrics report.
    """

    __slots__ = ("_client",)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        resource = _snake(cls.__name__)
        for name, member in list(vars(cls).items()):
            if name.startswith("_") or not inspect.isfunction(member):
                continue
            if getattr(member, "__wrapped__", None) is not None:
                continue  # already named by a base class
            setattr(cls, name, _named(member, f"{resource}.{name}"))

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"
