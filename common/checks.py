"""Argument checks, one module for every vendor: each raises before anything is sent.

A resource method checks what the server cannot be trusted to refuse cleanly (an id of 0,
a blank title, a page size out of range) and says so in the same words in every vendor::

    require_id(casefile_id=update.casefile_id, access_group_id=update.access_group_id)
    require_text(title=update.title, body=update.body)
    require_between(1, 100, limit=limit)

Each check takes the arguments by name (the name is what the message shows) and raises
:class:`~common.errors.InvalidRequestError` for the first that fails, worded
``"<name> must be <what>, not <value>"``. ``None`` and :data:`~common.NOT_GIVEN` are
refused too: leave an optional argument out of the call rather than passing it unchecked.
Values that may be credentials (:func:`require_secret`) are never shown.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Collection, Iterable, Sized
from datetime import date
from typing import Any, Final, TypeGuard

from .errors import InvalidRequestError

__all__ = [
    "require_between",
    "require_changes",
    "require_choice",
    "require_date",
    "require_email",
    "require_given",
    "require_id",
    "require_length",
    "require_page_size",
    "require_path_value",
    "require_positive",
    "require_secret",
    "require_text",
    "require_url",
]

_EMAIL: Final = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _shown(value: object) -> str:
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    return repr(value)


def require_id(**fields: object) -> None:
    """Each value is a positive integer id (``True`` is not an id)."""
    for name, value in fields.items():
        if not _is_int(value) or value < 1:
            raise InvalidRequestError(f"{name} must be a positive integer id, not {value!r}")


def require_path_value(**fields: object) -> None:
    """Each value can name a resource in a path: a positive integer id, a non-blank string,
    or an enum member whose value is one of those."""
    for name, value in fields.items():
        plain = value.value if isinstance(value, enum.Enum) else value
        if _is_int(plain):
            require_id(**{name: value})
        elif isinstance(plain, str):
            if not plain.strip():
                raise InvalidRequestError(f"{name} must not be blank")
        else:
            raise InvalidRequestError(
                f"{name} must be an id (a positive integer or a string), not {value!r}"
            )


def require_positive(**fields: object) -> None:
    """Each value is an integer of at least 1 (a page number, a count)."""
    for name, value in fields.items():
        if not _is_int(value) or value < 1:
            raise InvalidRequestError(f"{name} must be a positive integer, not {value!r}")


def require_between(low: float | None, high: float | None, **fields: object) -> None:
    """Each value is a number from *low* to *high*, both included (``None``: no bound)."""
    span = f"{'' if low is None else f'{low:g}'}..{'' if high is None else f'{high:g}'}"
    for name, value in fields.items():
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or (low is not None and value < low)
            or (high is not None and value > high)
        ):
            raise InvalidRequestError(f"{name} must be a number in {span}, not {value!r}")


def require_page_size(most: int, **fields: object) -> None:
    """Each value is a page size the vendor takes: an integer from 1 to *most*."""
    for name, value in fields.items():
        if not _is_int(value) or not 1 <= value <= most:
            raise InvalidRequestError(f"{name} must be a page size in 1..{most}, not {value!r}")


def require_choice(choices: Iterable[object], **fields: object) -> None:
    """Each value is one of *choices* (an enum class, or literal values), of the same type:
    ``True`` is not ``1``, nor ``0`` ``False``.

    With an enum, its members and their values are both accepted (``NoteStatus.LOCKED`` or
    ``1``).
    """
    allowed = list(choices)
    plain = [m.value for m in allowed if isinstance(m, enum.Enum)]
    for name, value in fields.items():
        if not any(_same(value, choice) for choice in (*allowed, *plain)):
            shown = ", ".join(_shown(c) for c in allowed)
            raise InvalidRequestError(f"{name} must be one of {shown}, not {value!r}")


def _same(value: object, choice: object) -> bool:
    if value is choice:
        return True
    if isinstance(choice, enum.Enum):
        return isinstance(value, type(choice)) and value == choice
    return type(value) is type(choice) and value == choice


def require_date(**fields: object) -> None:
    """Each value is a :class:`~datetime.date` (a ``datetime`` is one too)."""
    for name, value in fields.items():
        if not isinstance(value, date):
            raise InvalidRequestError(f"{name} must be a date, not {value!r}")


def require_text(**fields: object) -> None:
    """Each value is a string with something other than whitespace in it."""
    for name, value in fields.items():
        if not isinstance(value, str):
            raise InvalidRequestError(f"{name} must be a string, not {value!r}")
        if not value.strip():
            raise InvalidRequestError(f"{name} must not be blank")


def require_secret(**fields: object) -> None:
    """Each value (an API key, a token, a password) is not empty; the message never shows it.

    A :class:`~common.Secret` is false when empty, as a string is.
    """
    for name, value in fields.items():
        if value is None or not value:
            raise InvalidRequestError(f"{name} must not be empty")


def require_given(**fields: object) -> None:
    """Each required value is given: not ``None``, and not a blank string."""
    for name, value in fields.items():
        if value is None:
            raise InvalidRequestError(f"{name} is required")
        if isinstance(value, str) and not value.strip():
            raise InvalidRequestError(f"{name} must not be blank")


def require_url(**fields: object) -> None:
    """Each value is an absolute ``http(s)://`` URL."""
    for name, value in fields.items():
        require_text(**{name: value})
        if not str(value).startswith(("https://", "http://")):
            raise InvalidRequestError(f"{name} must be an absolute http(s) URL, not {value!r}")


def require_email(**fields: object) -> None:
    """Each value at least looks like an email address (``name@host.tld``)."""
    for name, value in fields.items():
        if not isinstance(value, str) or not _EMAIL.fullmatch(value):
            raise InvalidRequestError(f"{name} must be an email address, not {value!r}")


def require_length(low: float | None, high: float | None, **fields: object) -> None:
    """Each value's length (characters of a string, items of a list) is within *low* and
    *high* (``None``: no bound)."""
    for name, value in fields.items():
        if not isinstance(value, Sized):
            raise InvalidRequestError(f"{name} must be a string or a list, not {value!r}")
        size = len(value)
        unit = "character" if isinstance(value, str) else "item"
        if low is not None and size < low:
            raise InvalidRequestError(f"{name} must have at least {_count(low, unit)}, not {size}")
        if high is not None and size > high:
            raise InvalidRequestError(f"{name} must have at most {_count(high, unit)}, not {size}")


def _count(number: float, unit: str) -> str:
    return f"{number:g} {unit}" if number == 1 else f"{number:g} {unit}s"


def require_changes(body: Collection[Any] | None) -> None:
    """An update's body holds at least one field (an empty change would send nothing)."""
    if not body:
        raise InvalidRequestError("give at least one field to change")
