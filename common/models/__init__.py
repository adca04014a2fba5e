"""The one shared cattrs converter: JSON ⇄ attrs models for every vendor.

Everything a vendor model needs is declared on the model, never in a hook per class:

* **Wire names by rule.** Attribute names are snake_case. ``@wire_names("pascal")`` (or
  ``"camel"``) above ``@attrs.frozen`` maps them to ``DateCreated`` / ``dateCreated`` both
  ways; ``attrs.field(metadata=wire("ClientID"))`` names an irregular key by hand.
  Undecorated classes use the attribute names as they are.
* **Unknown keys are kept, never fatal.** An answer model subclasses :class:`Model`; the
  keys it has no field for are kept in ``model.extra`` and put back by ``model.to_dict()``.
  Other attrs classes (request bodies) ignore unknown keys.
* **Timestamps** become aware :class:`~datetime.datetime` objects. RFC 3339 strings keep
  the offset they were sent with (a naive string is taken as UTC) and are sent back as
  ``2024-05-01T10:00:00Z`` when in UTC. A field annotated :data:`UnixMillis` reads and
  writes integer milliseconds since the epoch (IntakeQ). ``date`` is ``YYYY-MM-DD``.
* **Enums tolerate the future.** Declare ``status: Status | str``: a known value becomes
  the member, an unknown one stays the plain string. A field annotated just ``Status``
  keeps an unknown string too (so at run time it may hold a ``str`` the annotation does
  not admit: prefer ``Status | str``).
* **Unions dispatch on the JSON value.** ``int | Client`` (an Amiqus expandable field),
  ``list[int] | list[Client]``, ``Client | ClientRef``: a JSON object goes to the attrs
  class whose fields fit it best, an array to the list member whose element type fits its
  first element, a scalar to the member of that JSON type (``true`` is not an ``int``).
* **Scalars are checked.** ``null`` or an object where a ``str``, ``int``, ``float`` or
  ``bool`` is declared is an error, not ``"None"``; numbers are accepted for ``str``,
  digit strings for ``int`` and ``float``, ``"true"``/``"false"``/``0``/``1`` for ``bool``.
* **Request bodies have PATCH semantics.** Declare optional fields as
  ``name: NotGivenOr[str | None] = NOT_GIVEN``; :func:`unstructure` leaves out the fields
  that are still :data:`~common._sentinel.NOT_GIVEN` and sends an explicit ``None`` as
  JSON ``null``.

:func:`structure` turns *any* failure into :class:`~common.errors.DecodeError`, naming the
model and the path of each bad field (``@ $.client.dob``). A well-formed answer takes a fast
path generated per class (:mod:`common.models.fast`) that builds the very same objects.

Importing this package loads neither cattrs nor a converter: the first conversion (or the
first read of ``converter``) builds the shared one, with every :func:`extend` so far.
"""

from typing import TYPE_CHECKING, Any

from .base import Model
from .conversion import extend, make_converter, structure, unstructure
from .naming import WireStyle, wire, wire_names
from .timestamps import UnixMillis
from .timestamps import _parse_rfc3339 as _parse_rfc3339  # the tests exercise the fallback

if TYPE_CHECKING:
    from .conversion import converter as converter

__all__ = [
    "Model",
    "UnixMillis",
    "WireStyle",
    "converter",
    "extend",
    "make_converter",
    "structure",
    "unstructure",
    "wire",
    "wire_names",
]


def __getattr__(name: str) -> Any:
    if name == "converter":  # built on first use (see common.models.conversion)
        from . import conversion

        return conversion.converter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
