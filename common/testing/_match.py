"""How a request is matched by method and path, shared by the fault plan and the request log.

The rule, in one place:

* ``method`` is compared case-insensitively; ``None`` matches every method.
* ``path`` is compared with the request's *decoded* path (``request.path``, no query string).
  A ``str`` must be equal to it, character for character. A compiled regular expression
  (``re.compile(r"/v1/clients/\\d+")``) must match the whole path (``fullmatch``).
  ``None`` matches every path.
"""

from __future__ import annotations

import re
from typing import TypeAlias

__all__ = ["PathPattern", "matches", "normalize_method"]

#: An exact path (``"/v1/clients"``) or a compiled pattern matched with ``fullmatch``.
PathPattern: TypeAlias = str | re.Pattern[str]


def normalize_method(method: str | None) -> str | None:
    """Upper-case *method*, refusing an empty string (which would match nothing, silently)."""
    if method is None:
        return None
    if not method.strip():
        raise ValueError("method must be a non-empty string or None")
    return method.strip().upper()


def matches(
    *,
    method: str | None,
    path: PathPattern | None,
    request_method: str,
    request_path: str,
) -> bool:
    """Tell whether a request (``request_method``, ``request_path``) fits the given filters."""
    if method is not None and method != request_method.upper():
        return False
    if path is None:
        return True
    if isinstance(path, str):
        return path == request_path
    return path.fullmatch(request_path) is not None
