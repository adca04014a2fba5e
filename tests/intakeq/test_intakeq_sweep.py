"""A negative-input sweep of the IntakeQ emulator over every inventory row (issue 19, items 14
and 17): bad ids in the path, bad query values, each body field of the wrong JSON type,
malformed bodies and multipart uploads. Nothing may answer 5xx; what is plainly the wrong
type must answer 4xx, as IntakeQ's model binding would.

Each row starts from a request the emulator accepts (ids from its data, the body the client's
own models send) and breaks one thing at a time. Requests go out raw (``encoded=True``), so
the sweep can send what no well-behaved client would.
"""

from __future__ import annotations

import json
import math
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote

import aiohttp
import attrs
import pytest
from yarl import URL

from common.models import unstructure
from intakeq_async import paths
from intakeq_async.emulator import IntakeQEmulator
from intakeq_async.models import (
    AppointmentInput,
    AppointmentStatus,
    AppointmentUpdate,
    Cancellation,
    ClientInput,
    CustomField,
    DeliveryMethod,
    OfficeUseAnswers,
    QuestionAnswer,
    QuestionRow,
    ReminderType,
    Resend,
    SendQuestionnaire,
    TagInput,
)

from .. import inventory

#: Path ids that name nothing, or cannot name anything (percent-encoded as sent).
BAD_IDS = (
    "0",
    "-1",
    "99999999999999999999999",
    "1e400",
    "nope",
    "%00",
    "%FF",
    "%ED%A0%80",
    "%C2%B2",
    "a%2Fb",
    "%20",
    "null",
    "%5B%5D",
    "x" * 3000,
)
#: Query values that do not parse as what most parameters take (percent-encoded as sent).
BAD_QUERY = (
    "",
    "%20",
    "x",
    "-1",
    "0",
    "1.5",
    "1e400",
    "9" * 5000,
    "NaN",
    "true",
    "%5B%5D",
    "%00",
    "%FF",
    "%ED%A0%80",
    "%C2%B2",
    "2024-13-45",
    "01%2F02%2F2024",
)
#: JSON text put in place of one field's value.
WRONG_VALUES = (
    "[]",
    "{}",
    '"x"',
    '""',
    "true",
    "0",
    "-1",
    "1.5",
    "1e30",
    "1e400",
    "-1e400",
    "99999999999999999999999999",
    "null",
    "[[[]]]",
    '{"a": []}',
    '"' + "x" * 10_000 + '"',
)
#: Whole bodies that are not the JSON object a write takes.
BAD_BODIES = (
    b"",
    b"null",
    b"[]",
    b"[{}]",
    b'"x"',
    b"1",
    b"1e400",
    b"{",
    b"NaN",
    b'{"a": NaN}',
    b'{"a": Infinity}',
    b"\xff\xfe{}",
    b"[" * 100_000 + b"]" * 100_000,
    b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    b'{"a": 1' + b"9" * 5000 + b"}",
)
_PART = (
    b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhi\r\n--b--\r\n'
)
#: (Content-Type, body, must be refused) of uploads that are not a well-formed file part. A
#: file name that is not UTF-8, or a ``filename*`` aiohttp cannot decode, may be stored under
#: a replacement name or refused: either way, not a 5xx.
BAD_MULTIPART = (
    ("multipart/form-data", _PART, True),
    ("multipart/form-data; boundary=b", b"", True),
    ("multipart/form-data; boundary=b", b"garbage", True),
    ("multipart/form-data; boundary=b", _PART[:60], True),
    ("multipart/form-data; boundary=b", b"--b\r\nbroken header\r\n\r\nhi\r\n--b--\r\n", True),
    ("multipart/form-data; boundary=b", _PART.replace(b"a.txt", b"a\x01\r.txt"), True),
    ("multipart/form-data; boundary=b", _PART.replace(b"a.txt", b"\xff\xfe.txt"), False),
    (
        "multipart/form-data; boundary=b",
        _PART.replace(b'filename="a.txt"', b"filename*=x''%FF"),
        False,
    ),
    (
        "multipart/form-data; boundary=b",
        _PART.replace(b"\r\n\r\nhi", b"\r\nContent-Type: t\xe9xt/plain\r\n\r\nhi"),
        True,
    ),
    (
        "multipart/form-data; boundary=b",
        b"--b\r\nContent-Type: multipart/mixed; boundary=c\r\n"
        b'Content-Disposition: form-data; name="file"\r\n\r\n--c\r\n\r\nx\r\n--c--\r\n--b--\r\n',
        True,
    ),
    ("multipart/form-data; boundary=b", b"--b--\r\n", True),
    ('multipart/form-data; boundary=""', _PART, True),
    ("text/plain", b"hi", True),
    ("application/json", b"{}", True),
)
#: Query names whose wrong *form* must be refused (a 400), so a client regression shows.
WRONG_FORMS: dict[str, tuple[tuple[str, str], ...]] = {
    "Query clients": (
        ("custom%5Brfsr%5D", "x"),
        ("custom%5B%5Brfsr%5D%5D", "x"),
        ("custom", "x"),
        ("custom.", "x"),
    ),
    "Query invoices": tuple((name, "2025-01-01") for name in paths.INVOICE_UPDATED_MISSPELLED),
    "Query note summaries": (("status", "locked"), ("status", "Unlocked"), ("status", "3")),
}
# Query names some rows take beside the documented ones in words.
_PAGED = "page"

_SENTINEL = "\u0000sweep\u0000"


@attrs.frozen
class Probe:
    """One request of the sweep and what it must answer."""

    what: str
    method: str
    path: str
    query: str = ""
    body: bytes | None = None
    content_type: str | None = None
    #: True: a 4xx; False: anything but a 5xx.
    must_refuse: bool = False


@pytest.fixture
async def emulator() -> AsyncIterator[IntakeQEmulator]:
    async with IntakeQEmulator(per_minute=None, per_day=None, clients=20) as emulator:
        yield emulator


def _first(collection: dict[Any, Any]) -> Any:
    return next(iter(collection))


def _ids(emu: IntakeQEmulator) -> dict[str, str]:
    """A valid value for every path placeholder of the inventory."""
    intake_id = next(i for i, v in emu.data.intakes.items() if v["ConsentForms"])
    return {
        "fileId": _first(emu.data.files),
        "clientId": str(_first(emu.data.clients)),
        "id": "",  # per row, below
        "consentFormId": emu.data.intakes[intake_id]["ConsentForms"][0]["Id"],
        "_intake": intake_id,
        "_appointment": _first(emu.data.appointments),
        "_attachment": _first(emu.data.attachments),
        "_note": _first(emu.data.notes),
        "_invoice": _first(emu.data.invoices),
    }


def _path_ids(row: dict[str, str], ids: dict[str, str]) -> dict[str, str]:
    """The valid value of each placeholder of *row*'s path."""
    path = row["path"]
    which = {
        "/appointments/{id}": "_appointment",
        "/attachments/{id}": "_attachment",
        "/invoices/{id}": "_invoice",
    }
    own = which.get(path) or ("_note" if path.startswith("/notes/") else "_intake")
    return {
        name: ids[own] if name == "id" else ids[name]
        for name in ("id", "fileId", "clientId", "consentFormId")
        if "{" + name + "}" in path
    }


def _fill(template: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        template = template.replace("{" + name + "}", value)
    return template


def _valid_body(row: dict[str, str], emu: IntakeQEmulator) -> dict[str, Any] | None:
    """The JSON body of *row* as the client's own models send it, every field set."""
    data = emu.data
    client_id = _first(data.clients)
    practitioner = next(p for p in data.practitioners.values() if p["IsActive"])["Id"]
    operation = row["operation"]
    if operation == "Create or update a client":
        model: Any = ClientInput(
            client_id=client_id,
            name="Ada Lovelace",
            first_name="Ada",
            last_name="Lovelace",
            middle_name="B",
            email="ada@example.org",
            phone="555-0100",
            date_of_birth=datetime(1985, 12, 10, tzinfo=timezone.utc),
            gender="Female",
            marital_status="Single",
            archived=False,
            home_phone="555-0101",
            work_phone="555-0102",
            mobile_phone="555-0103",
            address="1 Main St",
            unit_number="2",
            street_address="1 Main St",
            city="Brooklyn",
            state="New York",
            state_short="NY",
            postal_code="11201",
            country="USA",
            additional_information="none",
            primary_insurance_company="Aetna",
            primary_insurance_policy_number="P1",
            primary_insurance_group_number="G1",
            primary_insurance_holder_name="Ada Lovelace",
            primary_insurance_relationship="Self",
            practitioner_id=practitioner,
            external_client_id="EXT-1",
            custom_fields=[CustomField(field_id="rfsr", text="Referral source", value="Friend")],
        )
    elif operation == "Add a tag to a client":
        model = TagInput(client_id=client_id, tag="vip")
    elif operation in ("Create an appointment", "Update an appointment"):
        common: dict[str, Any] = {
            "location_id": _first(data.locations),
            "service_id": _first(data.services),
            "utc_date_time": datetime(2031, 5, 6, 14, 30, tzinfo=timezone.utc),
            "status": AppointmentStatus.CONFIRMED,
            "send_client_email_notification": True,
            "reminder_type": ReminderType.SMS,
            "client_note": "note",
            "practitioner_note": "note",
        }
        if operation == "Create an appointment":
            model = AppointmentInput(practitioner_id=practitioner, client_id=client_id, **common)
        else:
            model = AppointmentUpdate(id=_first(data.appointments), **common)
    elif operation == "Cancel an appointment":
        model = Cancellation(appointment_id=_first(data.appointments), reason="sick")
    elif operation == "Send a questionnaire":
        model = SendQuestionnaire(
            questionnaire_id=next(q for q, v in data.questionnaires.items() if not v["Archived"]),
            client_id=client_id,
            client_name="Ada Lovelace",
            client_email="ada@example.org",
            client_phone="555-0100",
            practitioner_id=practitioner,
            external_client_id="EXT-1",
        )
    elif operation == "Resend a questionnaire":
        model = Resend(intake_id=_first(data.intakes), delivery_method=DeliveryMethod.SMS)
    elif operation == "Update office-use answers":
        intake_id, intake = next(
            (i, v) for i, v in data.intakes.items() if any(q["OfficeUse"] for q in v["Questions"])
        )
        question = next(q for q in intake["Questions"] if q["OfficeUse"])
        model = OfficeUseAnswers(
            id=intake_id,
            questions=[
                QuestionAnswer(
                    id=question["Id"],
                    answer="reviewed",
                    rows=[QuestionRow(text="row", answers=["a", "b"])],
                    office_note="ok",
                )
            ],
        )
    else:
        return None
    body = unstructure(model)
    assert isinstance(body, dict)
    return body


def _leaves(value: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every (path, value) inside a JSON body, containers included (not the root)."""
    if at:
        yield at, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*at, index))


def _replaced(body: dict[str, Any], at: tuple[Any, ...], raw: str) -> bytes:
    """*body* as JSON with the value at *at* replaced by the JSON text *raw*."""
    copy = json.loads(json.dumps(body))
    target = copy
    for step in at[:-1]:
        target = target[step]
    target[at[-1]] = _SENTINEL
    return json.dumps(copy).replace(json.dumps(_SENTINEL), raw).encode()


#: Timestamps are doubles in IntakeQ's own client: a fraction of a millisecond is allowed.
TIMESTAMPS = frozenset({"UtcDateTime", "DateOfBirth"})


def _plainly_wrong(valid: Any, raw: str, name: object) -> bool:
    """Whether JSON *raw* is of a type *valid*'s field can never take (ASP.NET refuses it).

    Numbers where a string goes, digits where an integer goes and null anywhere are bound or
    read as "not given", so those only must not be a 5xx.
    """
    sent = json.loads(raw)  # 1e400 is inf
    if sent is None:
        return False
    if name in TIMESTAMPS:
        return (
            not isinstance(sent, (int, float))
            or isinstance(sent, bool)
            or sent
            in (
                math.inf,
                -math.inf,
            )
        )
    if isinstance(valid, bool):
        return not isinstance(sent, bool)
    if isinstance(valid, int):
        if isinstance(sent, str):
            return sent != "" and not sent.lstrip("-").isdigit()
        if isinstance(sent, float):
            return not math.isfinite(sent) or not sent.is_integer()
        return isinstance(sent, (bool, list, dict))
    if isinstance(valid, str):
        return isinstance(sent, (bool, list, dict))
    if isinstance(valid, list):
        return not isinstance(sent, list)
    if isinstance(valid, dict):
        return not isinstance(sent, dict)
    return False


def _documented_query(row: dict[str, str]) -> list[str]:
    names = []
    for name in sorted(inventory.documented_query(row)):
        if name.startswith("custom["):
            name = paths.CLIENT_CUSTOM_FIELD_FILTER.format(field_id="rfsr")
        names.append(name)
    if "page=" in row["response"]:
        names.append(_PAGED)
    return names


def _probes(row: dict[str, str], emu: IntakeQEmulator) -> list[Probe]:
    ids = _ids(emu)
    valid_ids = _path_ids(row, ids)
    method, path = row["method"], row["path"]
    valid_path = _fill(path, valid_ids)
    body = _valid_body(row, emu)
    base_body = None if body is None else json.dumps(body).encode()
    base_type = None if body is None else "application/json"
    if row["body"] == "multipart":
        base_body, base_type = _PART, "multipart/form-data; boundary=b"
    required = "clientId=" + ids["clientId"] if "clientId(required)" in row["query"] else ""
    if row["operation"] == "Remove a tag from a client":
        required = f"clientId={ids['clientId']}&tag=vip"
    probes: list[Probe] = []

    def add(what: str, **changes: Any) -> None:
        fields: dict[str, Any] = {
            "what": what,
            "method": method,
            "path": valid_path,
            "query": required,
            "body": base_body,
            "content_type": base_type,
        }
        fields.update(changes)
        probes.append(Probe(**fields))

    # Every row, even one with no id, query or body: stray input it must shrug off or refuse.
    add("stray query", query="&".join(p for p in (required, "zz=%FF&%FF=%ED%A0%80&=x") if p))
    add("stray segment", path=valid_path + "/%00")
    if base_body is None:
        add("stray body", body=b"[" * 100_000, content_type="application/json")
    for name in valid_ids:
        for bad in BAD_IDS:
            add(f"path {name}={bad[:20]}", path=_fill(path, {**valid_ids, name: bad}))
    for name in _documented_query(row):
        for bad in BAD_QUERY:
            others = "&".join(p for p in required.split("&") if p and p.split("=")[0] != name)
            query = "&".join(p for p in (others, f"{quote(name, safe='.')}={bad}") if p)
            add(f"query {name}={bad[:20]}", query=query)
    for name, value in WRONG_FORMS.get(row["operation"], ()):
        add(f"wrong form {name}={value}", query=f"{name}={value}", must_refuse=True)
    if body is not None:
        for raw_body in BAD_BODIES:
            add(f"body {raw_body[:20]!r}", body=raw_body, must_refuse=True)
        for at, valid in _leaves(body):
            for raw in WRONG_VALUES:
                add(
                    f"body {'.'.join(map(str, at))}={raw[:20]}",
                    body=_replaced(body, at, raw),
                    must_refuse=_plainly_wrong(valid, raw, at[-1]),
                )
    if row["body"] == "multipart":
        for content_type, raw_body, refused in BAD_MULTIPART:
            add(
                f"multipart {content_type[:30]} {raw_body[:30]!r}",
                body=raw_body,
                content_type=content_type,
                must_refuse=refused,
            )
    return probes


async def _send(
    session: aiohttp.ClientSession, emu: IntakeQEmulator, probe: Probe
) -> tuple[int, str]:
    url = emu.url + probe.path + (f"?{probe.query}" if probe.query else "")
    headers = {"Content-Type": probe.content_type} if probe.content_type else {}
    async with session.request(
        probe.method, URL(url, encoded=True), data=probe.body, headers=headers
    ) as response:
        return response.status, (await response.read())[:200].decode("utf-8", "replace")


ROWS = inventory.rows("intakeq") if inventory.ENDPOINTS.exists() else []


@pytest.mark.parametrize("row", ROWS, ids=[r["operation"] for r in ROWS])
async def test_no_malformed_request_gets_a_5xx(
    emulator: IntakeQEmulator, row: dict[str, str]
) -> None:
    """Every probe of the row answers below 500; the plainly wrong ones answer 4xx."""
    probes = _probes(row, emulator)
    assert probes, "every row has something to break"
    server_errors: list[str] = []
    accepted_wrong: list[str] = []
    async with aiohttp.ClientSession(headers={"X-Auth-Key": emulator.api_key}) as session:
        for probe in probes:
            status, text = await _send(session, emulator, probe)
            if status >= 500:
                server_errors.append(f"{probe.what}: {status} {text!r}")
            elif probe.must_refuse and not 400 <= status < 500:
                accepted_wrong.append(f"{probe.what}: {status} {text!r}")
        # Whatever the probes stored must still be served: files, clients, appointments.
        for path in ("/files?clientId=" + str(_first(emulator.data.clients)), "/clients"):
            status, text = await _send(session, emulator, Probe("after", "GET", path))
            assert status == 200, text
        if row["operation"] == "Upload file":
            for file_id in list(emulator.data.files):
                status, text = await _send(
                    session, emulator, Probe("download", "GET", f"/files/{file_id}")
                )
                assert status == 200, text
    assert server_errors == []
    assert accepted_wrong == []


def test_the_sweep_covers_every_row_and_every_body_field() -> None:
    """Each row has probes of its ids, its documented query and each field of its body."""
    emu = IntakeQEmulator(clients=20)
    for row in ROWS:
        probes = _probes(row, emu)
        whats = {p.what.split("=")[0] for p in probes}
        for name in _path_ids(row, _ids(emu)):
            assert f"path {name}" in whats, row["operation"]
        for name in _documented_query(row):
            assert f"query {name}" in whats, (row["operation"], name)
        body = _valid_body(row, emu)
        if row["body"].startswith("json"):
            assert body is not None, row["operation"]
            for at, _ in _leaves(body):
                assert f"body {'.'.join(map(str, at))}" in whats
        if row["body"] == "multipart":
            assert any(w.startswith("multipart") for w in whats)
