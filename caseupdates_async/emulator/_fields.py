"""Validating a create/update body field by field, collecting every error for one 422."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Final

from caseupdates_async.emulator._store import Json
from caseupdates_async.emulator._time import parse_moment
from common.testing import Refusal

__all__ = ["MAX_ID", "MISSING", "Fields"]

#: The largest id a body may name (a signed 64-bit integer).
MAX_ID: Final = 2**63 - 1


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


#: A field the body does not hold (distinct from ``null``).
MISSING: Any = _Missing()


class Fields:
    """Reads fields of *body*; each bad one records an error; :meth:`check` raises the 422.

    A getter returns :data:`MISSING` when the field is absent (or invalid) so a partial update
    can tell "not given" from ``null``. ``required=True`` also refuses absent or ``null``.
    """

    def __init__(self, body: Json, what: str) -> None:
        self.body, self.what = body, what
        self.errors: dict[str, list[str]] = {}

    def error(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def _raw(self, name: str, required: bool) -> Any:
        value = self.body.get(name, MISSING)
        if required and (value is MISSING or value is None or value == ""):
            self.error(name, "is required")
            return MISSING
        return value

    def integer(
        self, name: str, *, required: bool = False, known: Mapping[int, Any] | None = None
    ) -> Any:
        """An id: a positive integer below 2**63 (or ``null`` when optional); with *known*,
        one of its keys."""
        value = self._raw(name, required)
        if value is MISSING or value is None:
            return value
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(name, "must be an integer")
            return MISSING
        if not 1 <= value <= MAX_ID:
            self.error(name, f"must be an id from 1 to {MAX_ID}")
            return MISSING
        if known is not None and value not in known:
            self.error(name, f"{value} does not exist")
            return MISSING
        return value

    def string(self, name: str, *, required: bool = False) -> Any:
        value = self._raw(name, required)
        if value is MISSING or value is None:
            return value
        if not isinstance(value, str):
            self.error(name, "must be a string")
            return MISSING
        return value

    def boolean(self, name: str) -> Any:
        value = self._raw(name, False)
        if value is MISSING:
            return value
        if not isinstance(value, bool):
            self.error(name, "must be true or false")
            return MISSING
        return value

    def number(self, name: str) -> Any:
        """A finite number, as a float (or ``null``)."""
        value = self._raw(name, False)
        if value is MISSING or value is None:
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(name, "must be a number")
            return MISSING
        try:
            number = float(value)
        except OverflowError:  # an integer of hundreds of digits
            number = math.inf
        if not math.isfinite(number):
            self.error(name, "must be a finite number")
            return MISSING
        return number

    def moment(self, name: str) -> Any:
        """A :data:`Moment` ``(instant, date_only)`` from a date or a date and time, or ``null``."""
        value = self._raw(name, False)
        if value is MISSING or value is None:
            return value
        parsed = parse_moment(value) if isinstance(value, str) else None
        if parsed is None:
            self.error(name, "must be YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (UTC)")
            return MISSING
        return parsed

    def array(self, name: str) -> Any:
        value = self._raw(name, False)
        if value is MISSING or value is None:
            return value
        if not isinstance(value, list):
            self.error(name, "must be an array")
            return MISSING
        return value

    def ids(self, name: str, *, known: Mapping[int, Any] | None = None) -> Any:
        """An array of ids (each as :meth:`integer` takes it), or ``null``."""
        value = self.array(name)
        if value is MISSING or value is None:
            return value
        for number, item in enumerate(value, start=1):
            if isinstance(item, bool) or not isinstance(item, int) or not 1 <= item <= MAX_ID:
                self.error(name, f"entry {number} must be an id")
                return MISSING
            if known is not None and item not in known:
                self.error(name, f"entry {number}: {item} does not exist")
                return MISSING
        return value

    def objects(self, name: str) -> Any:
        """An array of JSON objects, or ``null``."""
        value = self.array(name)
        if value is MISSING or value is None:
            return value
        for number, item in enumerate(value, start=1):
            if not isinstance(item, dict):
                self.error(name, f"entry {number} must be an object")
                return MISSING
        return value

    def custom_fields(self, name: str) -> Any:
        """``[{"id": <field id>, "value": <string, number, bool, object or null>}]``."""
        value = self.objects(name)
        if value is MISSING or value is None:
            return value
        for number, item in enumerate(value, start=1):
            field_id = item.get("id")
            if isinstance(field_id, bool) or not isinstance(field_id, int):
                self.error(name, f"entry {number}: id must be an integer")
                return MISSING
            if not 1 <= field_id <= MAX_ID:
                self.error(name, f"entry {number}: id must be an id from 1 to {MAX_ID}")
                return MISSING
            if isinstance(item.get("value"), list):
                self.error(name, f"entry {number}: value must not be an array")
                return MISSING
        return value

    def email(self, name: str, *, required: bool = False) -> Any:
        """A string with one ``@`` between two non-empty parts (or ``null``)."""
        value = self.string(name, required=required)
        if isinstance(value, str):
            local, at, domain = value.partition("@")
            if not (local and at and domain and "@" not in domain and " " not in value):
                self.error(name, "must be an email address")
                return MISSING
        return value

    def check(self) -> None:
        """Raise the 422 if any field was refused."""
        if self.errors:
            raise Refusal(422, f"The {self.what} could not be saved", errors=self.errors)
