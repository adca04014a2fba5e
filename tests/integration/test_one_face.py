"""One face: the four vendor packages look alike where users touch them.

* each re-exports the whole error tree of :mod:`common.errors`, the very classes;
* the same verb means the same thing everywhere (``list`` pages, ``get`` answers one object,
  ``delete`` answers nothing...), and IntakeQ's create-or-update says so in its name;
* Trackops has one name: ``TrackopsClient``, vendor ``"trackops"``, ``TrackopsEmulator``;
* no vendor package imports a private module of ``common``.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import common
from amilia_async import AmiliaClient
from amiqus_async import AmiqusClient
from caseupdates_async import TrackopsClient
from common import BaseClient, Resource, errors
from intakeq_async import IntakeQClient

ROOT = Path(__file__).resolve().parents[2]
VENDORS = ("amiqus_async", "intakeq_async", "amilia_async", "caseupdates_async")


def the_error_tree() -> set[type[BaseException]]:
    """Every exception class :mod:`common.errors` defines: ApiError and all below it."""
    return {
        value
        for value in vars(errors).values()
        if isinstance(value, type)
        and issubclass(value, errors.ApiError)
        and value.__module__ == errors.__name__
    }


def exported_errors(module: ModuleType) -> set[type[BaseException]]:
    found = (getattr(module, name) for name in module.__all__)
    return {v for v in found if isinstance(v, type) and issubclass(v, BaseException)}


def test_common_errors_all_names_the_whole_tree() -> None:
    """``common.errors.__all__`` is what a vendor's one-line re-export takes: all of it."""
    named = {getattr(errors, name) for name in errors.__all__}
    assert the_error_tree() <= named, sorted(c.__name__ for c in the_error_tree() - named)


@pytest.mark.parametrize("vendor", VENDORS)
def test_each_vendor_exports_exactly_the_error_tree(vendor: str) -> None:
    """The same classes as common's (``except intakeq_async.ConflictError`` catches what
    ``except common.ConflictError`` catches), every one of them, and no error of its own."""
    module = importlib.import_module(vendor)
    assert exported_errors(module) == the_error_tree()
    for cls in the_error_tree():
        assert getattr(module, cls.__name__) is cls
    assert exported_errors(common) == the_error_tree()


def clients() -> list[BaseClient]:
    """One client of each vendor (nothing is sent: construction needs no loop or network)."""
    return [
        AmiqusClient(token="t"),
        IntakeQClient(api_key="k"),
        AmiliaClient(organization="forest-explorers", token="t"),
        TrackopsClient(subdomain="acme", username="jo", api_token="t"),
    ]


def methods() -> list[tuple[str, str, str, Any]]:
    """(client, resource, method name, the method as written) for every public method of
    every resource of every vendor."""
    found = []
    for client in clients():
        for attribute in dir(type(client)):
            if not isinstance(
                inspect.getattr_static(type(client), attribute), functools.cached_property
            ):
                continue
            resource = getattr(client, attribute)
            if not isinstance(resource, Resource):
                continue
            for name, member in vars(type(resource)).items():
                if name.startswith("_") or not inspect.isfunction(member):
                    continue
                found.append((type(client).__name__, attribute, name, inspect.unwrap(member)))
    return found


METHODS = methods()


def answer(method: Any) -> str:
    return str(inspect.get_annotations(method)["return"])


@pytest.mark.parametrize(
    ("verb", "is_async", "answers"),
    [
        ("list", False, lambda a: a.startswith("AsyncPager[")),
        ("get", True, lambda a: not a.startswith("AsyncPager[") and a != "None"),
        ("create", True, lambda a: a != "None"),
        ("update", True, lambda a: a != "None"),
        ("delete", True, lambda a: a == "None"),
        ("download", False, lambda a: a == "Download"),
        ("upload", True, lambda a: True),
        ("count", True, lambda a: a != "None"),
    ],
)
def test_the_same_verb_means_the_same_thing_in_every_vendor(
    verb: str, is_async: bool, answers: Any
) -> None:
    """``list``/``list_*`` pages lazily, ``get`` awaits one object, ``create`` and ``update``
    await what they made or changed, ``delete`` awaits nothing, ``download`` streams."""
    named = [m for m in METHODS if m[2] == verb or m[2].startswith(f"{verb}_")]
    assert named
    for client, resource, name, method in named:
        where = f"{client}.{resource}.{name} -> {answer(method)}"
        assert inspect.iscoroutinefunction(method) is is_async, where
        assert answers(answer(method)), where


def test_no_vendor_has_a_verb_of_its_own_for_a_listing() -> None:
    """IntakeQ's ``query`` is ``list`` now (the old name warns); ``save`` is IntakeQ's one
    create-or-update call, named for neither."""
    assert not [m[:3] for m in METHODS if m[2].startswith("query")]
    assert [m[:3] for m in METHODS if m[2] == "save"] == [("IntakeQClient", "clients", "save")]


def test_trackops_has_one_name() -> None:
    """The client, its vendor string and its emulator say Trackops; the package's folder
    stays ``caseupdates_async``, and the old client name warns for one release."""
    import caseupdates_async
    import caseupdates_async.client
    from caseupdates_async.emulator import TrackopsEmulator

    assert TrackopsClient.vendor == "trackops"
    assert TrackopsEmulator.__name__ == "TrackopsEmulator"
    assert "Trackops" in (caseupdates_async.__doc__ or "")
    assert "Trackops" in (TrackopsClient.__doc__ or "")
    for module in (caseupdates_async, caseupdates_async.client):
        with pytest.warns(DeprecationWarning, match="CaseUpdatesClient is deprecated") as caught:
            old = module.CaseUpdatesClient
        assert old is TrackopsClient
        assert caught[0].filename == __file__
    with pytest.warns(DeprecationWarning, match="use TrackopsClient"):
        from caseupdates_async import CaseUpdatesClient
    assert CaseUpdatesClient is TrackopsClient
    with pytest.raises(AttributeError):
        caseupdates_async.NoSuchClient  # noqa: B018


def private_imports(path: Path) -> list[str]:
    """The ``common._x`` modules (or ``_x`` names of ``common``) a source file imports."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("common"):
            parts = node.module.split(".")
            names = [
                a.name for a in node.names if a.name.startswith("_") and a.name != "__version__"
            ]
            if any(p.startswith("_") for p in parts) or names:
                found.append(
                    f"{path.relative_to(ROOT)}:{node.lineno} from {node.module} import ..."
                )
        if isinstance(node, ast.Import):
            found += [
                f"{path.relative_to(ROOT)}:{node.lineno} import {a.name}"
                for a in node.names
                if a.name.startswith("common.")
                and any(p.startswith("_") for p in a.name.split("."))
            ]
    return found


def test_no_vendor_package_imports_a_private_module_of_common() -> None:
    """What vendors are written with is public in ``common`` (``Unpack``, ``NOT_GIVEN``,
    ``is_given``, ``json_loads``, ``checks``, ``Filters``...). The emulators and the Amiqus
    generator are checked by their own owners' tests."""
    sources = [
        path
        for vendor in VENDORS
        for path in sorted((ROOT / vendor).rglob("*.py"))
        if "emulator" not in path.parts and "_codegen" not in path.parts
    ]
    assert sources
    assert [line for path in sources for line in private_imports(path)] == []


def test_the_names_vendors_use_are_public_in_common() -> None:
    for name in ("Unpack", "NOT_GIVEN", "NotGiven", "NotGivenOr", "is_given", "json_loads"):
        assert name in common.__all__
    for name in ("Resource", "Filters", "filtered", "deprecated_alias", "checks"):
        assert name in common.__all__
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert common.json_loads(b'{"a": 1}') == {"a": 1}


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported_modules(path: Path, known: set[str]) -> set[str]:
    """The modules of *known* a source file imports, anywhere in it (a function-level or a
    ``TYPE_CHECKING`` import counts: it is a dependency all the same)."""
    package = _module_of(path) if path.name == "__init__.py" else _module_of(path.parent)
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # ``from pkg import mod`` depends on pkg.mod; ``from mod import name`` on mod.
            targets = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names
            ]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target:
                found.add(target)
    return found


def test_common_has_no_import_cycle() -> None:
    """``common`` is layered: no module of it depends, through any chain of imports, on a
    module that depends on it (``client -> auth -> oauth2 -> client`` was one)."""
    paths = {_module_of(p): p for p in (ROOT / "common").rglob("*.py")}
    known = set(paths)
    graph = {name: _imported_modules(path, known) - {name} for name, path in paths.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(name: str) -> None:
        state[name] = 1
        stack.append(name)
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
    assert cycles == []
