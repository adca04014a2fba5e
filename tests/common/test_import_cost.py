"""Start-up: importing a vendor package loads what its first call needs, and no more.

``common``, ``common.auth`` and ``amiqus_async.models`` export their names lazily (PEP 562):
each name is imported when first used. These tests run fresh interpreters and look at
``sys.modules``: behaviour, not time (``bench/run.py`` times the imports). They also check
that the lazy exports are the very objects the ``TYPE_CHECKING`` imports name, so type
checkers and the interpreter agree.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import warnings
from pathlib import Path
from types import ModuleType

import pytest

import common
import common.auth

from .support import run_fresh

ROOT = Path(__file__).resolve().parents[2]
VENDORS = ("amiqus_async", "intakeq_async", "amilia_async", "caseupdates_async")

#: Modules no vendor package's import may load: the rare paths (OAuth 2 code flows, batch and
#: sync facades, OpenTelemetry, Redis limits, webhook receivers, the emulator kit) and the
#: third-party packages behind them.
RARE = (
    "common.auth.oauth2",
    "common.batch",
    "common.sync",
    "common.otel",
    "common.limits_redis",
    "common.webhooks",
    "common.testing",
    "tenacity",
    "opentelemetry",
    "redis",
)

#: What ``import amiqus_async`` in particular leaves out: the other auth strategies, the
#: verbs and filters its resources use (loaded with the first resource), the models (loaded
#: with the first resource that answers with one), and its own OAuth, webhooks and emulator.
AMIQUS_LEAVES_OUT = (
    "common.auth.refreshing",
    "common.auth.token_exchange",
    "common.auth.jwt",
    "common.resources",
    "common.filters",
    "amiqus_async.models",
    "amiqus_async.oauth",
    "amiqus_async.webhooks",
    "amiqus_async.emulator",
)


def loaded_after(code: str) -> list[str]:
    """``sys.modules`` of a fresh interpreter (this checkout first on its path) after *code*."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    names: list[str] = json.loads(run_fresh(script)[-1])
    return names


def matching(modules: list[str], names: tuple[str, ...]) -> list[str]:
    """The entries of *modules* that are one of *names* or inside one of them."""
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_vendor_import_loads_no_rare_path(vendor: str) -> None:
    modules = loaded_after(f"import {vendor}")
    assert vendor in modules
    assert matching(modules, RARE) == []
    assert matching(modules, (f"{vendor}.emulator",)) == []


def test_import_amiqus_async_loads_only_what_its_first_call_needs() -> None:
    modules = loaded_after("import amiqus_async")
    assert "common.client" in modules  # the client itself is imported, not deferred
    assert matching(modules, AMIQUS_LEAVES_OUT) == []


def test_the_first_amiqus_resource_loads_its_verbs() -> None:
    modules = loaded_after("from amiqus_async import AmiqusClient\nAmiqusClient(token='t').clients")
    assert {"common.resources", "amiqus_async.models"} <= set(modules)
    assert matching(modules, RARE) == []


def test_an_amiqus_resource_loads_its_own_models_only() -> None:
    """The generated resources import each model from its domain module, and
    ``amiqus_async.models`` finds a name on first use: the webhooks resource builds the
    webhook models, not the clients, records and checks of the rest of the API."""
    modules = loaded_after(
        "from amiqus_async import AmiqusClient\n"
        "AmiqusClient(token='t').webhooks\n"
        "from amiqus_async.models import Webhook\n"
        "from amiqus_async.models.webhooks import Webhook as Defined\n"
        "assert Webhook is Defined\n"
    )
    assert "amiqus_async.models.webhooks" in modules
    lazy = (
        "amiqus_async.models.clients",
        "amiqus_async.models.checks",
        "amiqus_async.models.cases",
    )
    assert matching(modules, lazy) == []


def test_import_common_runs_no_submodule() -> None:
    modules = loaded_after("import common")
    # Its version, and the small machinery that loads every other name on first use.
    assert [m for m in modules if m.startswith("common.")] == ["common._version", "common.lazy"]


def test_each_name_loads_its_own_module_only() -> None:
    modules = loaded_after("from common import BearerToken, Secret")
    assert {"common.auth.static", "common.secrets"} <= set(modules)
    assert matching(modules, ("common.client", "common.auth.oauth2", "common.batch")) == []


def test_a_bare_import_common_still_reaches_its_submodules() -> None:
    """``import common`` then ``common.errors.ApiError``, as when the package imported them
    all: each submodule is imported when first named."""
    modules = loaded_after(
        "import common\n"
        "assert common.errors.ApiError is common.ApiError\n"
        "assert common.auth.static.BearerToken is common.BearerToken\n"
        "assert not hasattr(common, 'otel')  # as before: optional, imported by name only\n"
    )
    assert {"common.errors", "common.auth.static"} <= set(modules)


# -- the lazy exports are what type checkers see ------------------------------------------------


def type_checking_imports(module: ModuleType) -> dict[str, tuple[str, str | None]]:
    """``{exported name: (absolute module, attribute or None for the module itself)}`` read
    from the ``if TYPE_CHECKING:`` block of *module*'s source."""
    assert module.__file__ is not None
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    )
    found: dict[str, tuple[str, str | None]] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom), ast.dump(node)
        base = importlib.util.resolve_name("." * node.level + (node.module or ""), module.__name__)
        for alias in node.names:
            if node.module is None:  # from . import checks
                found[alias.asname or alias.name] = (f"{base}.{alias.name}", None)
            else:
                found[alias.asname or alias.name] = (base, alias.name)
    return found


@pytest.mark.parametrize("name", ["common", "common.auth", "amiqus_async.models"])
def test_every_lazy_name_is_the_object_type_checkers_see(name: str) -> None:
    package = importlib.import_module(name)
    declared = type_checking_imports(package)
    assert set(declared) == set(package.__all__)
    for export, (module_name, attribute) in declared.items():
        module = importlib.import_module(module_name)
        expected = module if attribute is None else getattr(module, attribute)
        assert getattr(package, export) is expected, export


@pytest.mark.parametrize("package", [common, common.auth], ids=lambda p: p.__name__)
def test_dir_lists_every_export_and_unknown_names_raise(package: ModuleType) -> None:
    assert set(package.__all__) <= set(dir(package))
    assert {"errors", "client", "auth"} <= set(dir(common))  # the submodules too
    assert {"oauth2", "static"} <= set(dir(common.auth))
    with pytest.raises(AttributeError, match=f"module '{package.__name__}' has no attribute"):
        package.NoSuchName  # noqa: B018
    assert not hasattr(package, "no_such_name")


def test_star_import_gives_every_name_without_warnings() -> None:
    namespace: dict[str, object] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        exec("from common import *", namespace)
    assert set(common.__all__) <= set(namespace)
    assert namespace["amap"] is importlib.import_module("common.batch").map
    assert namespace["checks"] is importlib.import_module("common.checks")
