"""A string wrapper that never shows its value by accident."""

from __future__ import annotations

from typing import Final

__all__ = ["Secret"]

_MASK: Final = "********"


class Secret:
    """Holds a credential. ``repr``, ``str`` and formatting show a mask; ``reveal()`` the value.

    Wrap credentials as soon as they enter the library so that a traceback with locals, a
    logged object or an exception message cannot carry them.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str | Secret) -> None:
        if isinstance(value, Secret):
            value = value.reveal()
        if not isinstance(value, str):
            raise TypeError(f"a secret must be a str, not {type(value).__name__}")
        self._value = value

    def reveal(self) -> str:
        """The secret value itself: call it only where the value is put on the wire."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret({_MASK!r})"

    def __str__(self) -> str:
        return _MASK

    def __format__(self, spec: str) -> str:
        return _MASK

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Secret):
            return self._value == other._value
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> str:
        raise TypeError("a Secret cannot be pickled")
