"""The "not given" sentinel, distinct from ``None``.

``None`` is a real value in this library (no timeout, send JSON ``null``), so an argument
the caller did not pass needs its own marker. Public as ``common.NOT_GIVEN``,
``common.NotGiven``, ``common.NotGivenOr`` and ``common.is_given``: vendor packages import
them from there, never from this module.
"""

from __future__ import annotations

import enum
from typing import Final, Literal, TypeVar, Union

__all__ = ["NOT_GIVEN", "NotGiven", "NotGivenOr", "is_given"]

_T = TypeVar("_T")


class NotGiven(enum.Enum):
    """Type of :data:`NOT_GIVEN`; a one-member enum so ``mypy`` can narrow on it."""

    NOT_GIVEN = enum.auto()

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __bool__(self) -> Literal[False]:
        return False


NOT_GIVEN: Final = NotGiven.NOT_GIVEN

NotGivenOr = Union[_T, NotGiven]  # noqa: UP007 -- a generic alias must be spelt with Union on 3.10


def is_given(value: _T | NotGiven) -> bool:
    """Tell whether *value* was passed, as opposed to left at :data:`NOT_GIVEN`."""
    return value is not NOT_GIVEN
