"""A package's names loaded on first use (PEP 562), for the package's ``__init__``.

``common``, ``common.auth`` and the generated ``amiqus_async.models`` list where each public
name lives and import its module only when the name is first used, so that importing the
package costs nothing it does not need. Type checkers read the same names from imports under
``if TYPE_CHECKING:`` in the package; the interpreter reads the table given here::

    from typing import TYPE_CHECKING

    from common.lazy import LazyExports

    if TYPE_CHECKING:
        from .static import BearerToken

    _LAZY = LazyExports(__name__, __path__, {"BearerToken": ".static"})
    if not TYPE_CHECKING:
        def __getattr__(name: str) -> object:
            return _LAZY.attribute(name, globals())

    def __dir__() -> list[str]:
        return _LAZY.names(globals(), __all__)

A table entry is ``".module"`` (the name as the module has it), ``".module:other"`` (the
module's ``other``) or ``".module:"`` (the module itself). The package's submodules are its
attributes too (imported when first named), except those in *not_attributes*.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping

__all__ = ["LazyExports"]

#: What the recipe above puts in a package's namespace, left out of its ``dir()``.
_MACHINERY = frozenset({"TYPE_CHECKING", "LazyExports", "_LAZY", "_EXPORTS"})


class LazyExports:
    """Where each name of one package lives; loads it on first use."""

    __slots__ = ("_exports", "_not_attributes", "_package", "_path", "_submodules")

    def __init__(
        self,
        package: str,
        path: Iterable[str],
        exports: Mapping[str, str],
        *,
        not_attributes: Iterable[str] = (),
    ) -> None:
        self._package = package
        self._path = list(path)
        self._exports = dict(exports)
        self._not_attributes = frozenset(not_attributes)
        self._submodules: frozenset[str] | None = None

    def submodules(self) -> frozenset[str]:
        """The submodules that are attributes of the package (found once, when first asked)."""
        if self._submodules is None:
            from pkgutil import iter_modules

            found = {m.name for m in iter_modules(self._path) if not m.name.startswith("_")}
            self._submodules = frozenset(found - self._not_attributes)
        return self._submodules

    def load(self, module: str) -> object:
        """The submodule named relative to the package (``.errors``). By ``__import__``,
        like an import statement: ``python -X importtime`` reports it (importlib's would
        not)."""
        from sys import modules

        name = self._package + module
        __import__(name)
        return modules[name]

    def attribute(self, name: str, namespace: MutableMapping[str, object]) -> object:
        """The package's attribute *name* (its ``__getattr__``), kept in *namespace* (the
        package's ``globals()``) so that the next look-up does not come here."""
        target = self._exports.get(name)
        if target is None:
            if name in self.submodules():
                return self.load(f".{name}")
            raise AttributeError(f"module {self._package!r} has no attribute {name!r}")
        module, colon, attribute = target.partition(":")
        value = self.load(module)
        if not colon:
            value = getattr(value, name)
        elif attribute:
            value = getattr(value, attribute)
        namespace[name] = value
        return value

    def names(self, namespace: Mapping[str, object], public: Iterable[str]) -> list[str]:
        """The package's ``dir()``: what it holds, its public names and its submodules."""
        return sorted({*namespace, *public, *self.submodules()} - _MACHINERY)
