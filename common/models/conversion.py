"""The shared converter, built on the first conversion; structure() and unstructure() use it.

Importing :mod:`common.models` neither imports cattrs nor wires a converter: the first
:func:`structure`, :func:`unstructure` or read of :data:`converter` does, once per process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

if TYPE_CHECKING:
    import cattrs

    #: The converter every client uses, built on first use. Teach it a vendor's wire types
    #: with :func:`extend`. (Measured: without cattrs' detailed validation it is no faster
    #: with these hooks, so failures keep their field-by-field explanation at no cost.)
    converter: cattrs.Converter

__all__ = ["converter", "extend", "make_converter", "structure", "unstructure"]

T = TypeVar("T")


def make_converter(*, detailed_validation: bool = True, fast_path: bool = True) -> cattrs.Converter:
    """Build a converter configured with every rule of this module.

    *fast_path* (see :mod:`common.models.fast`) only changes speed, never a result: turning
    it off is for tests that prove so.

    The library uses the singleton :data:`converter`; a fresh one is for tests and for
    callers who want to register their own hooks without touching the shared one.
    """
    from .rules import new_converter  # cattrs loads with the first converter

    return new_converter(detailed_validation=detailed_validation, fast_path=fast_path)


_lock = threading.RLock()
_shared: cattrs.Converter | None = None
_extensions: list[Callable[[cattrs.Converter], None]] = []


def _shared_converter() -> cattrs.Converter:
    """The shared converter, built (with every :func:`extend` so far) on the first call."""
    global _shared, _structure, _unstructure
    with _lock:
        if _shared is None:
            conv = make_converter()
            for register in _extensions:
                register(conv)
            _structure, _unstructure = conv.structure, conv.unstructure
            _shared = conv
        return _shared


# The shared converter's own methods, once it is built.
_structure: Callable[[Any, Any], Any] | None = None
_unstructure: Callable[[Any], Any] | None = None


def __getattr__(name: str) -> Any:
    if name == "converter":
        return _shared_converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extend(register: Callable[[cattrs.Converter], None]) -> None:
    """Apply *register* (which adds a vendor's hooks to a converter) to the shared converter,
    now or when it is built. Idempotent per function; the vendor's own wire types then
    structure like any other."""
    with _lock:
        if register in _extensions:
            return
        _extensions.append(register)
        if _shared is not None:
            register(_shared)


@overload
def structure(data: Any, cls: type[T]) -> T: ...
@overload
def structure(data: Any, cls: Any) -> Any: ...
def structure(data: Any, cls: Any) -> Any:
    """Build *cls* (a model, ``list[Model]``, a union...) from decoded JSON *data*.

    Raises :class:`~common.errors.DecodeError`, and nothing else, when *data* does not
    have the shape *cls* documents; its message names the model and each bad field's
    path (``@ $.items[2].created_at``), its ``excerpt`` shows the start of *data*.
    """
    run = _structure or _shared_converter().structure
    try:
        return run(data, cls)
    except Exception as err:
        from .decode_errors import _decode_error  # cattrs is loaded by now

        raise _decode_error(data, cls, err) from err


def unstructure(obj: Any) -> Any:
    """Turn a model (or a list/dict of them) into JSON-ready primitives for a request.

    Fields still at ``NOT_GIVEN`` are left out; ``None`` is sent as ``null``.
    """
    run = _unstructure or _shared_converter().unstructure
    return run(obj)
