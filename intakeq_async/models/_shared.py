"""Pieces several IntakeQ models share: the millisecond-timestamp converter and custom fields.

Sources named in the docstrings of this package:

* **help centre** — IntakeQ's API articles on support.intakeq.com (Files API, Client API,
  Appointments API, Intake Forms/Questionnaire API, Notes API, Claims API);
* **official C# client** — the ``IntakeQ.ApiClient`` library, its ``Models/*.cs`` classes;
* **FACTS** — the project's vendor notes (``shared/vendor-docs/FACTS.md``);
* **third-party** — public integrations (a TypeScript client, a published OpenAPI
  description). Fields known only from them are marked as such and are unconfirmed.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from common import NotGiven
from common.models import Model, UnixMillis, wire_names

__all__ = ["CustomField"]


# attrs converters for request bodies: callers pass a plain ``datetime`` while the field
# stays annotated :data:`~common.models.UnixMillis`, which is what makes the shared
# converter send it as milliseconds. (``UnixMillis`` is a ``NewType``: no copy is made.)


def _millis(value: datetime) -> UnixMillis:
    """A required timestamp of a request body."""
    return UnixMillis(value)


def _optional_millis(value: datetime | NotGiven) -> UnixMillis | NotGiven:
    """A timestamp of a request body that may be left out."""
    return value if isinstance(value, NotGiven) else UnixMillis(value)


def _nullable_millis(value: datetime | NotGiven | None) -> UnixMillis | NotGiven | None:
    """A timestamp of a request body that may be left out or cleared with ``null``."""
    return value if value is None or isinstance(value, NotGiven) else UnixMillis(value)


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class CustomField(Model):
    """One custom field of a client profile: ``{FieldId, Text, Value}``.

    ``CustomFields`` of ``GET /clients?includeProfile=true`` and ``GET
    /clients/profile/{clientId}``; sent back in ``POST /clients``. Source: help centre
    (Client API) and the official C# client (``ClientProfileCustomField``).
    """

    field_id: str
    text: str | None = None
    value: str | None = None
