"""Checks that create and update calls make before anything is sent."""

from __future__ import annotations

from common import InvalidRequestError


def require_text(**fields: object) -> None:
    """Each named field must be a non-blank string."""
    for name, value in fields.items():
        if not isinstance(value, str) or not value.strip():
            raise InvalidRequestError(f"{name} must be a non-empty string")


def require_id(**fields: object) -> None:
    """Each named field must be a positive integer id."""
    for name, value in fields.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InvalidRequestError(f"{name} must be a positive integer id, not {value!r}")
