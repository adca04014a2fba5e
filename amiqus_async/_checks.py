"""The spec's constraints on request bodies, checked when an input model is built.

Each helper returns an ``attrs`` validator that raises :class:`~common.InvalidRequestError`
(so a bad body fails before any request), and lets :data:`~common.NOT_GIVEN` through: a
field left out is the server's business.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sized
from typing import Any

import attrs

from common import NOT_GIVEN, InvalidRequestError
from common.checks import (
    require_between,
    require_choice,
    require_email,
    require_given,
    require_length,
)

__all__ = ["between", "choice", "email", "given", "items", "length", "one_shape"]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _skip(value: object) -> bool:
    return value is NOT_GIVEN or value is None


def given() -> Validator:
    """A required field must not be ``None`` (nor a blank string)."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        require_given(**{attribute.name: value})

    return check


def length(lo: int | None, hi: int | None) -> Validator:
    """A string's length within the spec's ``minLength``/``maxLength``."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, str):
            require_length(lo, hi, **{attribute.name: value})

    return check


def between(lo: float | None, hi: float | None) -> Validator:
    """A number within the spec's ``minimum``/``maximum``."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            require_between(lo, hi, **{attribute.name: value})

    return check


def items(lo: int | None, hi: int | None) -> Validator:
    """A list's length within the spec's ``minItems``/``maxItems``."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not _skip(value) and isinstance(value, Sized) and not isinstance(value, str):
            require_length(lo, hi, **{attribute.name: value})

    return check


def choice(options: type[enum.Enum], *also: object) -> Validator:
    """A value (or each value of a list) among the spec's enum, or one of *also* (the spec's
    ``false`` beside an enum); a model given for a union member is checked by its own class."""
    allowed = sorted({str(m.value) for m in options})

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if _skip(value):
            return
        values = value if isinstance(value, (list, tuple)) else [value]
        for v in values:
            if any(v is other for other in also) or attrs.has(type(v)):
                continue
            text = v.value if isinstance(v, enum.Enum) else v
            if not (isinstance(text, str) and text in allowed):
                require_choice([*allowed, *also], **{attribute.name: v})

    return check


def email() -> Validator:
    """An address that at least looks like one (``format: email``)."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, str):
            require_email(**{attribute.name: value})

    return check


def one_shape(body: Any, shapes: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]) -> None:
    """A ``oneOf`` body: the fields given fit one shape, and that shape has all it requires.

    *shapes* maps each shape's title to (its fields, its required fields).
    """
    present = {a.name for a in attrs.fields(type(body)) if getattr(body, a.name) is not NOT_GIVEN}
    fitting = {title: spec for title, spec in shapes.items() if present <= set(spec[0])}
    if not fitting:
        described = "; ".join(f"{t}: {', '.join(f)}" for t, (f, _) in shapes.items())
        raise InvalidRequestError(
            f"{type(body).__name__} mixes fields of different shapes ({described})"
        )
    missing = {title: [f for f in need if f not in present] for title, (_, need) in fitting.items()}
    if all(missing.values()):
        described = " or ".join(f"{', '.join(m)} ({t})" for t, m in missing.items())
        raise InvalidRequestError(f"{type(body).__name__} needs {described}")
