"""JSON encoding and decoding: ``orjson`` when installed (extra ``speed``), else the stdlib.

Both backends behave the same, and that behaviour is orjson's (the faster one sets the rules;
the stdlib path is adapted to it):

Encoding (a request body):

* ``NaN`` and ``±Infinity`` are refused (orjson would write ``null``, the stdlib ``NaN``,
  which is no JSON); so are integers outside the 64-bit range (-2**63 to 2**64-1), dict keys
  that are not ``str``, nesting deeper than 254 levels, strings with lone surrogates, and
  types neither backend knows: all raise :class:`~common.errors.InvalidRequestError`, naming
  where in the value the culprit is (``$.items[3].price``).
* ``datetime``, ``date`` and ``time`` are written in ISO 8601 (``2024-05-01T09:30:00+00:00``;
  a naive value without an offset, as given), enums as their value, UUIDs as text,
  dataclasses as objects.

Decoding (an answer):

* UTF-8 only, as RFC 8259 requires between systems; a leading UTF-8 byte order mark is
  ignored (RFC 8259 allows that). UTF-16 and UTF-32 bodies do not parse.
* ``NaN``, ``Infinity`` and numbers too large for a double (``1e400``) do not parse.
* Integers within the 64-bit range are ``int``; larger ones become ``float`` (as in
  JavaScript). A lone surrogate escape (``"\\ud800"``) does not parse.
* Nesting: orjson stops at 1,024 levels, the stdlib at Python's recursion limit (about
  1,000); both raise ``ValueError`` beyond.

Failures to decode raise ``ValueError`` (the client turns it into ``DecodeError``).
"""

from __future__ import annotations

import datetime
import enum
import json
import math
import re
import reprlib
import sys
from collections.abc import Callable
from typing import Any, Final

from .errors import InvalidRequestError

__all__ = ["BACKEND", "dumps", "loads"]

#: The deepest nesting of arrays and objects a body may have (orjson's own limit).
MAX_ENCODE_DEPTH: Final = 254
_INT_MIN: Final = -(2**63)
_INT_MAX: Final = 2**64 - 1
_BOM: Final = b"\xef\xbb\xbf"
#: A ``\\uD800``-``\\uDFFF`` escape: only then can a decoded string hold a lone surrogate.
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")


# -- encoding ------------------------------------------------------------------------------


#: Where a value sits in the body: ``None`` for the top, else (where its parent sits, key).
_Trail = tuple[Any, "str | int"] | None


def _path(trail: _Trail) -> str:
    parts: list[str] = []
    while trail is not None:
        trail, key = trail
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
    text = "$" + "".join(reversed(parts))
    return text if len(text) <= 80 else f"{text[:40]}...{text[-36:]}"


def _refuse(what: str, trail: _Trail) -> InvalidRequestError:
    return InvalidRequestError(f"cannot send {what} in a JSON body (at {_path(trail)})")


def _iso(value: datetime.date | datetime.time) -> str:
    """ISO 8601 as orjson writes it: an offset to the nearest minute (historic zones have
    offsets in seconds)."""
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        offset = value.utcoffset()
        if offset is not None and offset.total_seconds() % 60:
            total = offset.total_seconds()
            hours, minutes = divmod((int(abs(total)) + 30) // 60, 60)
            sign = "-" if total < 0 else "+"
            return f"{value.replace(tzinfo=None).isoformat()}{sign}{hours:02d}:{minutes:02d}"
    return value.isoformat()


def _is_uuid(value: Any) -> bool:
    # Not imported here: a process that never imported uuid holds no UUID to send.
    module = sys.modules.get("uuid")
    return module is not None and isinstance(value, module.UUID)


def _is_dataclass_instance(value: Any) -> bool:
    # dataclasses.is_dataclass, without importing dataclasses (and inspect) at start-up.
    return hasattr(type(value), "__dataclass_fields__") and not isinstance(value, type)


def _dataclass_fields(value: Any) -> dict[str, Any]:
    import dataclasses  # already imported: *value* is an instance of a dataclass

    return {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}


def _as_json(value: Any) -> Any:
    """What the stdlib encoder writes for a type orjson knows natively (``default=``)."""
    if isinstance(value, (datetime.date, datetime.time)):
        return _iso(value)
    if isinstance(value, enum.Enum):
        return value.value
    if _is_uuid(value):
        return str(value)
    if _is_dataclass_instance(value):
        return _dataclass_fields(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _check(value: Any) -> None:
    """Raise :class:`InvalidRequestError` if *value* holds anything orjson refuses (or turns
    into ``null``): walks it without recursion, so a deep value cannot blow the stack."""
    stack: list[tuple[Any, _Trail, int]] = [(value, None, 1)]
    while stack:
        item, trail, depth = stack.pop()
        kind = type(item)
        if kind is str or kind is bool or item is None:
            continue
        if kind is float:
            if not math.isfinite(item):
                raise _refuse(f"{item!r} (JSON has no NaN or Infinity)", trail)
            continue
        if isinstance(item, int) and not isinstance(item, enum.Enum):
            if not _INT_MIN <= item <= _INT_MAX:
                raise _refuse("an integer outside the 64-bit range", trail)
            continue
        if isinstance(item, str):
            continue
        if isinstance(item, (dict, list)) or kind is tuple:
            if depth > MAX_ENCODE_DEPTH:
                raise _refuse(f"nesting deeper than {MAX_ENCODE_DEPTH} levels", trail)
            if isinstance(item, dict):
                for key, member in item.items():
                    if type(key) is not str:
                        shown = reprlib.repr(key)
                        raise _refuse(
                            f"a key of type {type(key).__name__} ({shown}); keys must be str",
                            trail,
                        )
                    stack.append((member, (trail, key), depth + 1))
            else:
                stack.extend((member, (trail, i), depth + 1) for i, member in enumerate(item))
            continue
        if isinstance(item, datetime.time) and item.tzinfo is not None:
            raise _refuse("a time of day with a time zone", trail)
        if isinstance(item, (datetime.date, datetime.time)) or _is_uuid(item):
            continue
        if isinstance(item, enum.Enum):
            stack.append((item.value, trail, depth))
            continue
        if _is_dataclass_instance(item):
            stack.append((_as_json(item), trail, depth))
            continue
        raise _refuse(f"a value of type {kind.__name__}", trail)


def _encoding_failed(value: Any, err: Exception) -> InvalidRequestError:
    try:
        _check(value)
    except InvalidRequestError as found:
        return found
    if isinstance(err, UnicodeEncodeError) or "surrogates" in str(err):
        return InvalidRequestError("cannot send a string with a lone surrogate in a JSON body")
    return InvalidRequestError(f"cannot send this value as JSON: {err}")


# -- decoding ------------------------------------------------------------------------------


def _strip_bom(data: bytes | str) -> bytes | str:
    if isinstance(data, str):
        return data[1:] if data[:1] == "\ufeff" else data
    return data[3:] if data[:3] == _BOM else data


def _parse_int(text: str) -> int | float:
    if len(text) <= 21:
        number = int(text)
        if _INT_MIN <= number <= _INT_MAX:
            return number
    return _parse_float(text)


def _parse_float(text: str) -> float:
    number = float(text)
    if math.isinf(number):
        raise ValueError(f"number is infinity when parsed as double: {text[:20]}")
    return number


def _parse_constant(text: str) -> Any:
    raise ValueError(f"{text} is not JSON")


def _has_surrogate(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


# -- the two backends ----------------------------------------------------------------------

_Backend = tuple[str, Callable[[Any], bytes], Callable[[bytes | str], Any]]


def _stdlib() -> _Backend:
    encoder = json.JSONEncoder(
        ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_as_json
    )
    decoder = json.JSONDecoder(
        parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant
    )

    def dumps(value: Any) -> bytes:
        _check(value)
        try:
            return encoder.encode(value).encode()
        except (TypeError, ValueError, RecursionError) as err:
            raise _encoding_failed(value, err) from None

    def loads(data: bytes | str) -> Any:
        text = _strip_bom(data)
        if isinstance(text, (bytes, bytearray, memoryview)):
            text = bytes(text).decode("utf-8")  # UnicodeDecodeError is a ValueError
        try:
            value = decoder.decode(text)
        except RecursionError:  # nested deeper than the interpreter's stack: not our JSON
            raise ValueError("JSON nested too deeply") from None
        if _SURROGATE_ESCAPE.search(text) and _has_surrogate(value):
            raise ValueError("a lone surrogate escape in a JSON string")
        return value

    return "json", dumps, loads


def _pick() -> _Backend:
    try:
        import orjson
    except ImportError:  # pragma: no cover - exercised where the extra is absent
        return _stdlib()
    encode, decode = orjson.dumps, orjson.loads

    def dumps(value: Any) -> bytes:
        try:
            encoded = encode(value)
        except TypeError as err:  # orjson.JSONEncodeError
            raise _encoding_failed(value, err) from None
        if b"null" in encoded:  # orjson writes NaN and Infinity as null: were there any?
            _check(value)
        return encoded

    def loads(data: bytes | str) -> Any:
        return decode(_strip_bom(data))

    return "orjson", dumps, loads


#: ``"orjson"`` or ``"json"``: which backend this process uses.
BACKEND: str
#: Encode a value to compact UTF-8 JSON bytes; raises ``InvalidRequestError`` (a
#: ``ValueError``) for what JSON cannot carry (see the module docs).
dumps: Callable[[Any], bytes]
#: Decode JSON bytes or text; raises ``ValueError`` on bad input (also on deep nesting).
loads: Callable[[bytes | str], Any]
BACKEND, dumps, loads = _pick()
