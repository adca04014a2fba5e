"""Schemathesis, the OpenAPI fuzzer, against the Amiqus emulator: every operation of the vendor's
spec, with a fixed seed and a bounded number of examples each.

Each answer must not be a server error, must have a status the spec documents and a body its
schema admits. The spec is loaded from its file; requests go to an emulator on loopback (run
in a thread of its own: schemathesis calls synchronously) with the personal token as a Bearer
header. Half the examples address objects the emulator holds (a path ``{id}`` drawn from its
data), so bodies and filters reach the handlers, not only their 404s.

The spec's own defects, where a correct answer cannot pass a check, are :data:`SPEC_DEFECTS`:
each names its reason and matches only the failures it explains.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest

from tests.amiqus.openapi import SPEC_PATH

if not SPEC_PATH.exists():
    pytest.skip(
        f"the Amiqus OpenAPI spec is not beside this checkout ({SPEC_PATH})",
        allow_module_level=True,
    )

import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.openapi.checks import JsonSchemaError, UndefinedStatusCode
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from amiqus_async.emulator import AmiqusData, AmiqusEmulator

#: Examples per operation, beyond the spec's own examples (99 operations: about 30 s).
MAX_EXAMPLES = 12
SEED = 20260819
#: schemathesis's configuration (its ``schemathesis.toml``, kept here): a fixed seed, bounded
#: examples, valid and invalid data (``generation.mode`` is ``all`` by default), the spec's
#: examples then random ones; no coverage phase (thousands of boundary cases: minutes).
CONFIG = f"""
seed = {SEED}

[generation]
max-examples = {MAX_EXAMPLES}
database = "none"

[phases]
examples.enabled = true
fuzzing.enabled = true
coverage.enabled = false
stateful.enabled = false
"""
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


@attrs.frozen
class SpecDefect:
    """A failure the spec causes, not the emulator: *reason* says why, *matches* which."""

    reason: str
    matches: Callable[[Any, Any, Any], bool]  # (failure, case, response)


def _undocumented(status: int, *, when: Callable[[Any], bool]) -> Callable[[Any, Any, Any], bool]:
    def matches(failure: Any, case: Any, response: Any) -> bool:
        return (
            isinstance(failure, UndefinedStatusCode)
            and response.status_code == status
            and when(case.operation)
        )

    return matches


def _has_path_parameters(operation: Any) -> bool:
    return "{" in operation.path


def _takes_input(operation: Any) -> bool:
    definition = operation.definition.raw
    return bool(definition.get("requestBody") or operation.query)


def _null_enum(*properties: str) -> Callable[[Any, Any, Any], bool]:
    def matches(failure: Any, case: Any, response: Any) -> bool:
        return (
            isinstance(failure, JsonSchemaError)
            and failure.instance is None
            and bool(failure.instance_path)
            and failure.instance_path[-1] in properties
            and "enum" in failure.schema_path
        )

    return matches


def _one_of_twice(*properties: str) -> Callable[[Any, Any, Any], bool]:
    def matches(failure: Any, case: Any, response: Any) -> bool:
        return (
            isinstance(failure, JsonSchemaError)
            and "oneOf" in failure.schema_path
            and any(p in failure.instance_path for p in properties)
        )

    return matches


#: Known defects of the vendor's spec (the README lists them too).
SPEC_DEFECTS: dict[str, SpecDefect] = {
    "unknown id answered 404, not listed": SpecDefect(
        "The spec lists no 404 for many operations whose path names an object "
        "(GET /clients/{id}/records, PATCH /form-templates/{reference}, ...); the status-codes "
        "guide answers 404 for any resource that does not exist.",
        _undocumented(404, when=_has_path_parameters),
    ),
    "invalid input answered 422, not listed": SpecDefect(
        "The spec lists no 422 for many operations that take a body or query parameters "
        "(POST /sdk_token documents only 201); the status-codes guide answers 422 to a body or "
        "query parameters that fail validation. Some schemas admit values no server can take "
        "(PATCH /team's body has no type, so null fits it).",
        _undocumented(422, when=_takes_input),
    ),
    "nullable by type, not by enum": SpecDefect(
        "Organisation.jurisdiction (and Address.country) have type [null, string] but an enum "
        "without null, so an organisation created without a jurisdiction cannot validate.",
        _null_enum("jurisdiction", "country"),
    ),
    "two oneOf branches match": SpecDefect(
        "An expanded case-item entity and an expanded file created_by match two branches of "
        "their oneOf (the branches overlap), which oneOf forbids.",
        _one_of_twice("entity", "created_by"),
    ),
}


# -- the emulator, on a loop of its own ------------------------------------------------------


class _Loop:
    """An event loop in a daemon thread, to serve emulators to synchronous callers."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=30)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)
        self.loop.close()


@pytest.fixture(scope="module")
def loop() -> Iterator[_Loop]:
    served = _Loop()
    yield served
    served.close()


#: The emulator the current test talks to (the hooks below draw real ids from it).
_current: list[AmiqusEmulator] = []


@pytest.fixture
def emulator(loop: _Loop) -> Iterator[AmiqusEmulator]:
    """A fresh emulator per operation; it never delivers webhooks (the fuzzer subscribes
    made-up URLs)."""
    emu = AmiqusEmulator(deliver_webhooks=False, clients=12, records=10)
    loop.run(emu.start())
    _current.append(emu)
    try:
        yield emu
    finally:
        _current.remove(emu)
        loop.run(emu.stop())


# -- the schema ------------------------------------------------------------------------------

schema = schemathesis.openapi.from_path(SPEC_PATH, config=schemathesis.Config.from_str(CONFIG))

_OWNERS: dict[str, Callable[[AmiqusData], list[Any]]] = {
    "clients": lambda d: list(d.clients),
    "organisations": lambda d: list(d.organisations),
    "records": lambda d: list(d.records),
    "checks": lambda d: list(d.checks),
    "cases": lambda d: list(d.cases),
    "webhooks": lambda d: list(d.webhooks),
    "attachments": lambda d: list(d.attachments),
    "form-templates": lambda d: list(d.form_templates),
    "teams": lambda d: list(d.members),
}
_CHILDREN: dict[tuple[str, str], Callable[[AmiqusData, Any], list[Any]]] = {
    ("clients", "assigneeId"): lambda d, c: [a["id"] for a in d.assignees.get(("client", c), [])],
    ("clients", "organisationId"): lambda d, c: list(d.memberships.get(c, [])),
    ("clients", "reference"): lambda d, c: [
        r for r, f in d.client_forms.items() if f["client"] == c
    ],
    ("clients", "fileId"): lambda d, c: [f for f, owner in d.file_owner.items() if owner == c],
    ("clients", "correctionId"): lambda d, c: [
        k for k, item in d.corrections.items() if item["client"] == c
    ],
    ("organisations", "assigneeId"): lambda d, o: [
        a["id"] for a in d.assignees.get(("organisation", o), [])
    ],
    ("records", "assigneeId"): lambda d, r: [a["id"] for a in d.assignees.get(("record", r), [])],
    ("records", "stepId"): lambda d, r: list(d.record_steps.get(r, [])),
    ("teams", "teamMemberId"): lambda d, t: list(d.members.get(t, {})),
    ("cases", "itemId"): lambda d, c: list(d.case_item_index.get(c, [])),
}


def held(data: AmiqusData, path: str) -> list[dict[str, Any]]:
    """Every set of path parameters of *path* that names objects *data* holds."""
    segments = path.strip("/").split("/")
    names = [s[1:-1] for s in segments if s.startswith("{")]
    if not names:
        return []
    owners = _OWNERS[segments[0]](data)
    if len(names) == 1:
        return [{names[0]: o} for o in owners]
    child = _CHILDREN[(segments[0], names[1])]
    return [{names[0]: o, names[1]: k} for o in owners for k in child(data, o)]


@schema.hook
def flatmap_path_parameters(context: Any, path_parameters: dict[str, Any]) -> Any:
    """The generated parameters, or (as often) ones naming objects the emulator holds.

    What it holds changes as the examples run (a delete), so the draw is a number, mapped to
    a held object only then: the shape of the draw never depends on the emulator's state.
    """
    path = context.operation.path

    def pick(index: int) -> dict[str, Any]:
        known = held(_current[-1].data, path) if _current else []
        return known[index % len(known)] if known else path_parameters

    return st.one_of(st.just(path_parameters), st.integers(0, 10_000).map(pick))


@schema.hook
def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """Keep every failure but those a known spec defect explains."""
    return not any(d.matches(failure, case, response) for d in SPEC_DEFECTS.values())


@schema.parametrize()
# one emulator per operation, shared by its examples on purpose (its state carries over)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_emulator_answers_as_the_spec_says(case: Any, emulator: AmiqusEmulator) -> None:
    case.call_and_validate(
        base_url=emulator.url,
        headers={"Authorization": f"Bearer {emulator.token}"},
        checks=CHECKS,
    )


def test_every_operation_is_fuzzed_and_can_address_held_objects() -> None:
    operations = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result  # the spec loads whole
        operations.append(result.ok())
    assert len(operations) == 99
    data = AmiqusEmulator(clients=12, records=10).data  # the fixture's data, not started
    addressed = [op for op in operations if "{" in op.path]
    for operation in addressed:
        held(data, operation.path)  # every path has a rule (no KeyError)
    # the seed holds no webhook: those operations reach one once the fuzzer creates it
    empty = {op.label for op in addressed if not held(data, op.path)}
    assert {label.split("/")[1] for label in empty} == {"webhooks"}, empty
