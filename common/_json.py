"""JSON encoding and decoding: ``orjson`` when installed (extra ``speed``), else the stdlib."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

__all__ = ["BACKEND", "dumps", "loads"]


def _stdlib() -> tuple[str, Callable[[Any], bytes], Callable[[bytes | str], Any]]:
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

    def dumps(value: Any) -> bytes:
        return encoder.encode(value).encode()

    def loads(data: bytes | str) -> Any:
        try:
            return json.loads(data)
        except RecursionError:  # nested deeper than the interpreter's stack: not our JSON
            raise ValueError("JSON nested too deeply") from None

    return "json", dumps, loads


def _pick() -> tuple[str, Callable[[Any], bytes], Callable[[bytes | str], Any]]:
    try:
        import orjson
    except ImportError:  # pragma: no cover - exercised where the extra is absent
        return _stdlib()
    return "orjson", orjson.dumps, orjson.loads


#: ``"orjson"`` or ``"json"``: which backend this process uses.
BACKEND: str
#: Encode a value to compact UTF-8 JSON bytes.
dumps: Callable[[Any], bytes]
#: Decode JSON bytes or text; raises ``ValueError`` on bad input (also on deep nesting).
loads: Callable[[bytes | str], Any]
BACKEND, dumps, loads = _pick()
