"""Operation names: which resource method a request belongs to (``"clients.list"``).

A context variable, set by every resource method (and by :func:`operation`), read by the
client when it builds a request, so that hooks, spans and metrics name each call. Its own
module: every request reads it, and nothing else here is needed to send one.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

__all__ = ["current_operation", "operation"]

_OPERATION: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "common_operation", default=None
)


def current_operation() -> str | None:
    """The operation running in this task, if a resource method (or :func:`operation`) set one."""
    return _OPERATION.get()


@contextlib.contextmanager
def operation(name: str | None) -> Iterator[None]:
    """Run the block as operation *name* (``None`` keeps the current one)."""
    if name is None:
        yield
        return
    token = _OPERATION.set(name)
    try:
        yield
    finally:
        _OPERATION.reset(token)
