"""No emulator answers 5xx to a malformed request (issue 19, item 14).

Every write route that takes a body (the vendor's inventory rows with a body, plus every
POST/PUT/PATCH of the emulator's own router the inventory does not list, plus Amiqus's OAuth
token endpoint) gets each malformed body of :data:`BODIES`, over loopback with raw aiohttp,
from a fresh emulator (so a DELETE or a create earlier cannot change what a later case sees).
The answer must be a 4xx: never a 5xx (so never an emulator bug, which the kit answers 500),
and not a 2xx either, except where :data:`BODY_IGNORED` (the route reads no body) or
:data:`MAY_SUCCEED` (the body may be acceptable) says why. Path parameters are filled with ids
that exist, so each handler gets as far as reading the body.

Then the other inputs the issue names (``"url": "http://["``, wrong types inside bodies,
``UtcDateTime: 1e400``, a bad ``redirect_uri``), and a body one byte over each app's limit.

A 5xx caused by a vendor handler (not by the kit) is marked ``xfail(strict=True)`` in
:data:`VENDOR_BUGS` or :data:`INPUT_BUGS` with the line that raised: the vendor's fix flips the
case to XPASS, which fails, and the mark is removed then.
"""

from __future__ import annotations

import base64
import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import aiohttp
import attrs
import pytest

from amilia_async.emulator import API_KEY_HEADER, API_SECRET_HEADER, AmiliaEmulator
from amilia_async.emulator import ROUTES as AMILIA_ROUTES
from amiqus_async.emulator import ROUTES as AMIQUS_ROUTES
from amiqus_async.emulator import AmiqusEmulator
from caseupdates_async.emulator import ROUTES as TRACKOPS_ROUTES
from caseupdates_async.emulator import TrackopsEmulator
from common.testing import VendorEmulator
from intakeq_async.emulator import AUTH_HEADER, IntakeQEmulator
from intakeq_async.emulator import ROUTES as INTAKEQ_ROUTES
from tests.inventory import ENDPOINTS

WRITES = ("POST", "PUT", "PATCH", "DELETE")
JSON = "application/json"
BOUNDARY = "kit-boundary-19"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"


def _part(disposition: bytes, body: bytes = b"%PDF-1.4 hello\n") -> bytes:
    return (
        b"--" + BOUNDARY.encode() + b"\r\n"
        b"Content-Disposition: " + disposition + b"\r\n"
        b"Content-Type: application/pdf\r\n\r\n" + body + b"\r\n"
        b"--" + BOUNDARY.encode() + b"--\r\n"
    )


#: name -> (body, Content-Type): the malformed requests of issue 19, item 14.
BODIES: dict[str, tuple[bytes, str]] = {
    # a well-formed body, but the Content-Type says nothing about where parts begin
    "multipart-without-boundary": (
        _part(b'form-data; name="file"; filename="a.pdf"'),
        "multipart/form-data",
    ),
    "multipart-empty": (b"", MULTIPART),
    "multipart-garbage": (b"\x00\xff\xfe this is not multipart \r\n--nope--\r\n", MULTIPART),
    # raw control characters in a part's header: no HTTP header may hold them
    "multipart-control-characters-in-header": (
        _part(b'form-data; name="fi\x01le"; filename="a\x1b[31m.pdf"'),
        MULTIPART,
    ),
    # percent-encoded CR/LF in filename*: passes a header parser; see MAY_SUCCEED
    "multipart-control-characters-in-filename": (
        _part(b"form-data; name=\"file\"; filename*=UTF-8''a%0D%0AX-Evil%3A%201.pdf"),
        MULTIPART,
    ),
    "json-nested-100000-deep": (b"[" * 100_000 + b"]" * 100_000, JSON),
    "json-not-utf8": (b'{"name": "caf\xe9 \xff\xfe"}', JSON),
    "json-array-not-object": (b'[{"name": "x"}]', JSON),
}


# -- the four APIs ------------------------------------------------------------------------------


def _first(items: Iterable[Any], default: Any = 1) -> Any:
    return next(iter(items), default)


def _amiqus_values(emu: AmiqusEmulator, template: str) -> dict[str, object]:
    """Ids that exist, consistent within one path (the client of the correction, ...)."""
    data = emu.data
    correction = _first(data.corrections.values(), {})
    client = correction.get("client", _first(data.clients))
    owner = template.strip("/").split("/")[0]
    kind = {"clients": "client", "organisations": "organisation", "records": "record"}.get(
        owner, "case"
    )
    own_id = {
        "client": client,
        "organisation": _first(
            o for o in data.organisations if ("organisation", o) in data.assignees
        ),
        "record": _first(r for r in data.records if data.record_steps.get(r)),
        "case": _first(c for c in data.cases if data.case_item_index.get(c)),
    }[kind]
    assignees = data.assignees.get((kind, own_id), [])
    record = own_id if kind == "record" else _first(data.records)
    case = own_id if kind == "case" else _first(data.cases)
    return {
        "id": own_id,
        "clientId": client,
        "recordId": record,
        "caseId": case,
        "assigneeId": _first(a["id"] for a in assignees),
        "organisationId": _first(data.memberships.get(client, [])),
        "correctionId": correction.get("id", 1),
        "fileId": _first(f for f, c in data.file_owner.items() if c == client),
        "stepId": _first(data.record_steps.get(record, [])),
        "itemId": _first(data.case_item_index.get(case, [])),
        "reference": _first(data.form_templates, "none"),
    }


async def _amiqus_webhook(session: aiohttp.ClientSession, emu: AmiqusEmulator) -> object:
    """Webhooks are not seeded: create one (validly) for the routes under /webhooks/{id}."""
    async with session.post(
        f"{emu.url}/webhooks",
        json={"url": "https://hooks.example.org/in", "events": ["client.created"]},
        headers=_amiqus_auth(emu),
    ) as response:
        assert response.status == 201, await response.text()
        created = await response.json()
    return created["id"]


def _amiqus_auth(emu: AmiqusEmulator) -> dict[str, str]:
    return {"Authorization": f"Bearer {emu.token}"}


def _intakeq_values(emu: IntakeQEmulator, template: str) -> dict[str, object]:
    return {"clientId": _first(emu.data.clients), "fileId": _first(emu.data.files, "none")}


def _trackops_values(emu: TrackopsEmulator, template: str) -> dict[str, object]:
    data = emu.data
    return {"case_update_id": _first(data.case_updates), "id": _first(data.contacts)}


def _trackops_auth(emu: TrackopsEmulator) -> dict[str, str]:
    token = base64.b64encode(f"{emu.username}/token:{emu.api_token}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


@attrs.frozen
class Api:
    """How this test drives one vendor's emulator."""

    name: str
    inventory: str
    build: Callable[[], VendorEmulator]
    #: Where the inventory's and the router's paths live under the emulator's root URL.
    prefix: str
    router: Iterable[tuple[Any, ...]]
    auth: Callable[[Any], dict[str, str]]
    values: Callable[[Any, str], Mapping[str, object]]
    #: Routes outside the API prefix that take a body: (method, path from the root).
    extra: tuple[tuple[str, str], ...] = ()


APIS: dict[str, Api] = {
    api.name: api
    for api in (
        Api(
            name="amiqus",
            inventory="amiqus",
            build=lambda: AmiqusEmulator(rate_limit=None, clients=5, records=3, cases=2),
            prefix="/api/v2",
            router=AMIQUS_ROUTES,
            auth=_amiqus_auth,
            values=_amiqus_values,
            extra=(("POST", "/oauth/token"),),
        ),
        Api(
            name="intakeq",
            inventory="intakeq",
            build=lambda: IntakeQEmulator(per_minute=None, per_day=None, clients=5),
            prefix="/api/v1",
            router=INTAKEQ_ROUTES,
            auth=lambda emu: {AUTH_HEADER: emu.api_key},
            values=_intakeq_values,
        ),
        Api(
            name="amilia",
            inventory="amilia",
            build=lambda: AmiliaEmulator(rate_limit=None),
            prefix="/api/v3/en/org/demo-org",
            router=AMILIA_ROUTES,
            auth=lambda emu: {API_KEY_HEADER: emu.api_key, API_SECRET_HEADER: emu.api_secret},
            values=lambda emu, template: {},
        ),
        Api(
            name="trackops",
            inventory="caseupdates",
            build=lambda: TrackopsEmulator(contacts=5),
            prefix="/api/v1",
            router=TRACKOPS_ROUTES,
            auth=_trackops_auth,
            values=_trackops_values,
        ),
    )
}


def _inventory(name: str) -> dict[tuple[str, str], str]:
    """(method, path) -> body column of every write row (empty if the folder is absent)."""
    path = ENDPOINTS / f"{name}.tsv"
    if not path.exists():
        return {}
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {
        (row["method"], row["path"]): row["body"]
        for row in rows
        if row["method"] in WRITES and row["path"].startswith("/")
    }


def _router_routes(table: Iterable[tuple[Any, ...]]) -> set[tuple[str, str]]:
    """(method, path) of every POST/PUT/PATCH in an emulator's route table, whatever its shape
    (the method is the item that is one, the path the string starting with ``/``)."""
    found = set()
    for row in table:
        texts = [item for item in row if isinstance(item, str)]
        method = next((t for t in texts if t in WRITES), None)
        path = next((t for t in texts if t.startswith("/")), None)
        if method in ("POST", "PUT", "PATCH") and path is not None:
            found.add((method, path))
    return found


@attrs.frozen
class Route:
    vendor: str
    method: str
    #: The path template, relative to the API prefix (or to the root when ``root``).
    template: str
    root: bool = False

    def __str__(self) -> str:
        return f"{self.vendor} {self.method} {self.template}"


def _routes() -> list[Route]:
    routes = []
    for api in APIS.values():
        inventory = _inventory(api.inventory)
        with_body = {route for route, body in inventory.items() if body != "none"}
        # the router's writes the inventory does not know (a row saying "none" is believed)
        api_routes = with_body | (_router_routes(api.router) - set(inventory))
        routes += [Route(api.name, m, p) for m, p in sorted(api_routes)]
        routes += [Route(api.name, m, p, root=True) for m, p in api.extra]
    return routes


ROUTES = _routes()

#: (vendor, method, template, body) -> why a 5xx there is the vendor handler's bug, with the
#: line that raised. Empty: every 5xx these bodies caused at 398baf7 (RecursionError in the
#: JSON decoder, aiohttp's multipart reader choking) was malformed input the kit's guard now
#: answers 4xx, whatever the vendor handler does.
VENDOR_BUGS: dict[tuple[str, str, str, str], str] = {}

_AMIQUS_EMPTY_BODY = (
    "the spec's requestBody is optional, application/json without a schema: the operation "
    "reads nothing from it, so the emulator does not parse it"
)
#: (vendor, method, template) -> why that route answers 2xx whatever its (optional) body.
BODY_IGNORED: dict[tuple[str, str, str], str] = {
    ("amiqus", "DELETE", path): _AMIQUS_EMPTY_BODY
    for path in (
        "/clients/{id}/assignees",
        "/clients/{clientId}/assignees/{assigneeId}",
        "/organisations/{id}/assignees",
        "/organisations/{id}/assignees/{assigneeId}",
        "/records/{id}/assignees",
        "/records/{recordId}/assignees/{assigneeId}",
    )
} | {
    ("amiqus", "POST", "/records/{id}/archive"): (
        "the spec's (deprecated) archive operation has no requestBody: the emulator reads "
        "nothing (met when the inventory, which says so, is not beside the clone)"
    )
}

#: Bodies a route may accept (2xx) without being wrong; only a 5xx fails them.
MAY_SUCCEED: dict[str, str] = {
    "multipart-empty": (
        "an empty body: where the route accepts an empty body (no field changes), 2xx is right; "
        "checked against the same request without a body or Content-Type"
    ),
    "multipart-control-characters-in-filename": (
        "percent-encoded in filename*, which HTTP header parsers let through: a vendor may "
        "store such a name (the emulator must then serve it safely)"
    ),
}


def _cases() -> list[Any]:
    cases = []
    for route in ROUTES:
        for body in BODIES:
            marks = []
            reason = VENDOR_BUGS.get((route.vendor, route.method, route.template, body))
            if reason is not None:
                marks.append(pytest.mark.xfail(strict=True, reason=f"vendor handler: {reason}"))
            cases.append(pytest.param(route, body, id=f"{route}-{body}", marks=marks))
    return cases


def _fill(template: str, values: Mapping[str, object]) -> str:
    path = template
    for name, value in values.items():
        path = path.replace("{" + name + "}", str(value))
    return path


async def _url(session: aiohttp.ClientSession, emu: VendorEmulator, api: Api, route: Route) -> str:
    if route.root:
        return emu.origin + route.template
    values = dict(api.values(emu, route.template))
    if isinstance(emu, AmiqusEmulator) and route.template.startswith("/webhooks/{id}"):
        values["id"] = await _amiqus_webhook(session, emu)
    path = _fill(route.template, values)
    assert "{" not in path, f"no value for a parameter of {route}"
    return emu.origin + api.prefix + path


def _explain(emu: VendorEmulator) -> str:
    return "\n".join(bug.traceback for bug in emu.bugs) or "(no emulator bug recorded)"


async def _send(route: Route, payload: bytes, content_type: str | None) -> tuple[int, str]:
    """The status a fresh emulator answers *route* with this body, and its bugs' tracebacks."""
    api = APIS[route.vendor]
    emu = api.build()
    async with emu, aiohttp.ClientSession() as session:
        url = await _url(session, emu, api, route)
        headers = api.auth(emu)
        if content_type is not None:
            headers["Content-Type"] = content_type
        async with session.request(route.method, url, data=payload, headers=headers) as response:
            await response.read()
            return response.status, _explain(emu)


@pytest.mark.parametrize(("route", "body"), _cases())
async def test_a_malformed_body_is_answered_4xx(route: Route, body: str) -> None:
    status, bugs = await _send(route, *BODIES[body])
    assert status < 500, f"{route} answered {status} to {body}:\n{bugs}"
    if (route.vendor, route.method, route.template) in BODY_IGNORED or status >= 400:
        return
    assert body in MAY_SUCCEED, f"{route} answered {status} to {body}"
    if body == "multipart-empty":
        assert (await _send(route, b"", None))[0] == status, "an empty body is answered otherwise"


def test_every_vendor_has_write_routes_to_try() -> None:
    """The discovery found routes for all four vendors, from the inventories or the routers."""
    assert {route.vendor for route in ROUTES} == set(APIS)
    assert all(any(r.vendor == name and not r.root for r in ROUTES) for name in APIS)


# -- the other inputs issue 19 names ----------------------------------------------------------


@attrs.frozen
class Input:
    """One request of issue 19's list, built from the emulator's own data."""

    vendor: str
    name: str
    method: str
    #: The path under the API prefix (or the root when ``root``), given the emulator.
    path: Callable[[Any], str]
    #: The JSON body, given the emulator (``None``: no body).
    json: Callable[[Any], object] | None = None
    root: bool = False


class _Huge:
    """Stands for the JSON number ``1e400`` (past a double), which ``json.dumps`` cannot write."""


_HUGE = _Huge()


def _active_practitioner(emu: IntakeQEmulator) -> object:
    return _first(p["Id"] for p in emu.data.practitioners.values() if p["IsActive"])


def _appointment(emu: IntakeQEmulator, **fields: object) -> dict[str, object]:
    data = emu.data
    return {
        "PractitionerId": _active_practitioner(emu),
        "ClientId": _first(data.clients),
        "ServiceId": _first(data.services),
        "LocationId": _first(data.locations),
        "UtcDateTime": 1_800_000_000_000,
        **fields,
    }


def _office_answers(emu: IntakeQEmulator) -> dict[str, object]:
    return {"Id": _first(emu.data.intakes), "Questions": [{"Id": [], "Answer": "a"}]}


INPUTS: tuple[Input, ...] = (
    Input(
        "amiqus",
        "webhook-url-http://[",
        "POST",
        lambda emu: "/webhooks",
        lambda emu: {"url": "http://[", "events": ["client.created"]},
    ),
    Input(
        "amiqus",
        "oauth-redirect_uri-http://[",
        "GET",
        lambda emu: (
            f"/oauth/authorize?client_id={emu.oauth.client_id}&response_type=code"
            "&redirect_uri=http://%5B&state=s"
        ),
        root=True,
    ),
    Input(
        "amilia",
        "webhook-Url-http://[",
        "POST",
        lambda emu: "/webhooks",
        lambda emu: {"Name": "n", "Url": "http://[", "Context": "Account", "Action": "Updated"},
    ),
    Input(
        "intakeq",
        "client-CustomFields-FieldId-[]",
        "POST",
        lambda emu: "/clients",
        lambda emu: {"Name": "Ada Lovelace", "CustomFields": [{"FieldId": [], "Value": "x"}]},
    ),
    Input("intakeq", "intake-Questions-Id-[]", "POST", lambda emu: "/intakes", _office_answers),
    Input(
        "intakeq",
        "appointment-create-UtcDateTime-1e400",
        "POST",
        lambda emu: "/appointments",
        lambda emu: _appointment(emu, UtcDateTime=_HUGE),
    ),
    Input(
        "intakeq",
        "appointment-update-UtcDateTime-1e400",
        "PUT",
        lambda emu: "/appointments",
        lambda emu: {"Id": _first(emu.data.appointments), "UtcDateTime": _HUGE},
    ),
)


def _encode(value: object) -> bytes:
    text = json.dumps(value, default=lambda item: "__huge__")
    return text.replace('"__huge__"', "1e400").encode()


#: (vendor, input name) -> why the vendor's handler answers it 5xx, with the line that raised.
#: Empty: the four IntakeQ ones found at 398baf7 (TypeError/OverflowError in its handlers) are
#: fixed in the IntakeQ emulator; the three URL ones are malformed input to the kit's guard.
INPUT_BUGS: dict[tuple[str, str], str] = {}


def _input_cases() -> list[Any]:
    cases = []
    for item in INPUTS:
        reason = INPUT_BUGS.get((item.vendor, item.name))
        marks = [] if reason is None else [pytest.mark.xfail(strict=True, reason=reason)]
        cases.append(pytest.param(item, id=f"{item.vendor}-{item.name}", marks=marks))
    return cases


@pytest.mark.parametrize("item", _input_cases())
async def test_the_issues_other_malformed_inputs_are_answered_4xx(item: Input) -> None:
    api = APIS[item.vendor]
    emu = api.build()
    async with emu, aiohttp.ClientSession() as session:
        url = emu.origin + ("" if item.root else api.prefix) + item.path(emu)
        headers = api.auth(emu)
        data = None
        if item.json is not None:
            data = _encode(item.json(emu))
            headers["Content-Type"] = JSON
        async with session.request(
            item.method, url, data=data, headers=headers, allow_redirects=False
        ) as response:
            await response.read()
            status = response.status
    assert 400 <= status < 500, f"{item.vendor} {item.name}: {status}\n{_explain(emu)}"


# -- bodies too large -------------------------------------------------------------------------

#: vendor -> (a JSON write route, an emulator with a small body limit where it can be set).
OVERSIZED: dict[str, tuple[str, str, Callable[[], VendorEmulator]]] = {
    "amiqus": (
        "POST",
        "/clients",
        lambda: AmiqusEmulator(
            rate_limit=None, clients=5, records=3, cases=2, attachment_max_bytes=1
        ),
    ),
    "intakeq": ("POST", "/clients", APIS["intakeq"].build),  # its limit is fixed: 64 MiB
    "amilia": ("POST", "/webhooks", APIS["amilia"].build),
    "trackops": ("POST", "/case/updates", APIS["trackops"].build),
}


@pytest.mark.parametrize("vendor", sorted(OVERSIZED))
async def test_a_body_over_the_size_limit_is_answered_413(vendor: str) -> None:
    """One byte over the app's ``client_max_size`` (whole, so the answer is not a hang-up)."""
    api = APIS[vendor]
    method, path, build = OVERSIZED[vendor]
    emu = build()
    async with emu, aiohttp.ClientSession() as session:
        limit = emu.server.client_max_size
        payload = b'{"a": "' + b"x" * (limit - 8) + b'"}'
        assert len(payload) == limit + 1
        headers = {**api.auth(emu), "Content-Type": JSON}
        url = emu.origin + api.prefix + path
        body = io.BytesIO(payload)  # raw bytes this large would make aiohttp warn
        async with session.request(method, url, data=body, headers=headers) as response:
            await response.read()
            status = response.status
    assert status == 413, f"{vendor} {method} {path}: {status}\n{_explain(emu)}"
