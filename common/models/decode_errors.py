"""The :class:`~common.errors.DecodeError` a failed structure() raises: paths and an excerpt."""

from __future__ import annotations

import reprlib
from typing import Any, Final

import attrs

from common.errors import DecodeError

from .kinds import _ShapeError
from .naming import _wire_keys
from .unions import _type_name

_EXCERPT_LENGTH: Final = 200
_MAX_MESSAGES: Final = 5


class _ExcerptRepr(reprlib.Repr):
    """``reprlib`` bounded by size and depth, but keeping a dict's key order."""

    def repr_dict(self, x: dict[Any, Any], level: int) -> str:
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        items = [
            f"{self.repr1(k, level - 1)}: {self.repr1(v, level - 1)}"
            for k, v in list(x.items())[: self.maxdict]
        ]
        if len(x) > self.maxdict:
            items.append("...")
        return "{" + ", ".join(items) + "}"


_excerpt_repr = _ExcerptRepr()
_excerpt_repr.maxlevel = 4
_excerpt_repr.maxstring = _EXCERPT_LENGTH
_excerpt_repr.maxother = _EXCERPT_LENGTH
_excerpt_repr.maxdict = 12
_excerpt_repr.maxlist = 12


def _decode_error(data: Any, cls: Any, err: Exception) -> DecodeError:
    try:
        messages = _messages(err, "$")
    except Exception:  # pragma: no cover - a formatting bug must not hide the real error
        messages = [f"{_describe(err, None)} @ $"]
    shown = "; ".join(_shorten(m) for m in messages[:_MAX_MESSAGES])
    if len(messages) > _MAX_MESSAGES:
        shown += f"; and {len(messages) - _MAX_MESSAGES} more"
    try:
        excerpt = _excerpt_repr.repr(data)[:_EXCERPT_LENGTH]
    except Exception:  # pragma: no cover - a hostile __repr__
        excerpt = f"<{type(data).__name__}>"
    return DecodeError(
        f"response does not match {_type_name(cls)}: {shown}",
        excerpt=excerpt,
        body=data,
        paths=[_path_of(m) for m in messages],
    )


def _messages(exc: BaseException, path: str) -> list[str]:
    """``cattrs.transform_error``, but the path names JSON keys (``$.Items[2].DateCreated``),
    so it indexes :attr:`DecodeError.body` as sent, not the model's attribute names."""
    # Imported here: the module is also read without a converter (the excerpt, by pagination).
    from cattrs import ClassValidationError, IterableValidationError

    steps: list[tuple[Exception, str, Any]]
    without: list[Exception]
    if isinstance(exc, IterableValidationError):
        items, without = exc.group_exceptions()
        steps = [(inner, f"{path}[{note.index!r}]", note.type) for inner, note in items]
    elif isinstance(exc, ClassValidationError):
        fields, without = exc.group_exceptions()
        keys = _wire_keys(exc.cl) if attrs.has(exc.cl) else {}
        steps = [
            (inner, f"{path}.{keys.get(note.name, note.name)}", note.type) for inner, note in fields
        ]
    else:
        return [f"{_describe(exc, None)} @ {path}"]
    found: list[str] = []
    for inner, where, expected in steps:
        if isinstance(inner, (ClassValidationError, IterableValidationError)):
            found.extend(_messages(inner, where))
        else:
            found.append(f"{_describe(inner, expected)} @ {where}")
    found.extend(f"{_describe(inner, None)} @ {path}" for inner in without)
    return found


def _path_of(message: str) -> str:
    """``"invalid value for type, expected int @ $.items[2].id"`` → ``"$.items[2].id"``."""
    _, at, path = message.rpartition(" @ ")
    return path if at else "$"


def _shorten(message: str, limit: int = 300) -> str:
    """Keep a message readable even when its path is thousands of levels deep."""
    if len(message) <= limit:
        return message
    return f"{message[: limit // 2]} … {message[-(limit // 2) :]}"


def _describe(exc: BaseException, expected: Any) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    text = str(exc) or type(exc).__name__
    if isinstance(exc, AttributeError) and text.endswith("has no attribute 'items'"):
        text = "expected an object"
    elif isinstance(exc, TypeError) and text.endswith("object is not iterable"):
        text = "expected an array"
    if expected is not None and not isinstance(exc, (TypeError, AttributeError, _ShapeError)):
        return f"{text} (expected {_type_name(expected)})"
    return text
