"""The parser's only door to :mod:`..names`: every lookup that finds an entry is recorded."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TypeVar

from ..names import TABLES

__all__ = ["Uses"]

K = TypeVar("K")
V = TypeVar("V")


class Uses:
    """Records which ``(table, key)`` entries of :mod:`..names` the parser used."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, str]] = set()

    def get(self, table: Mapping[K, V], key: K) -> V | None:
        """``table.get(key)``, recorded when found."""
        if key not in table:
            return None
        self.seen.add((_name(table), str(key)))
        return table[key]

    def has(self, table: Collection[K], key: K) -> bool:
        """``key in table``, recorded when true."""
        if key not in table:
            return False
        self.seen.add((_name(table), str(key)))
        return True

    def note(self, table: object, key: str) -> None:
        """Record an entry used some other way (a class placed in a module)."""
        self.seen.add((_name(table), key))


def _name(table: object) -> str:
    return next(name for name, t in TABLES.items() if t is table)
