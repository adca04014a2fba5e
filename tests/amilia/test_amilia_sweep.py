"""A negative-input sweep over every row of ../shared/endpoints/amilia.tsv: bad ids, bad query
values, each body field wrong, malformed bodies and credentials, other methods.

Users test their code against the emulator, so it must fail the way Amilia does: every
answer here is a 4xx in Amilia's error shape (``Message`` + ``TransactionId``) or a success,
never a 5xx. Requests go over loopback with a plain aiohttp session and raw (already
percent-encoded) URLs, so nothing is normalised on the way.
"""

from __future__ import annotations

import csv
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yarl

from amilia_async.emulator import AmiliaEmulator

INVENTORY = Path(__file__).resolve().parents[3] / "shared" / "endpoints" / "amilia.tsv"
ORG = "demo-org"
AMILIA_ROOT = "https://app.amilia.com"

#: Path ids, percent-encoded as they go on the wire.
BAD_IDS = [
    "abc", "-1", "0", "1.5", "1e3", "0x1F", "1_0", "+", "99999999999999999999", "9" * 4000,
    "2147483648", "-2147483649", "%00", "%FF", "%E9t%C3%A9", "%D9%A1%D9%A2", "%EF%BC%91",
    "1%20OR%201%3D1", "%5B%5D", "%7B%7D", "null", "true", "%2F", "%0D%0A", "%25", "..",
]  # fmt: skip
#: Query values, percent-encoded as they go on the wire.
BAD_VALUES = [
    "", "abc", "-1", "0", "1.5", "1_0", "1e3", "+", "99999999999999999999", "9" * 2000,
    "2147483648", "2024-13-45", "2024-02-30", "20240101", "24-1-1", "%EF%BC%91%EF%BC%92",
    "%FF", "%00", "true%00", "%5B%5D", "%7B%7D", "null", "NaN", "Infinity", "1e400",
    "%E2%80%AE", "%0D%0A", "%25", "TRUE", "yes",
]  # fmt: skip
#: Values given to each body field in turn (JSON, so types are wrong as often as values).
WRONG_FIELD_VALUES: list[Any] = [
    None, "", " ", "\u0000", "x" * 100_000, 0, -1, 1.5, 1e308, True, False, [], [1], ["V1"],
    {}, {"a": 1}, {"Id": []}, "http://[", "ftp://x", "https://", "//host/path",
    "\ud800", "V1\u0000", "Activity ", "ACTIVITY",
]  # fmt: skip
#: Whole bodies that are not what any endpoint takes.
BAD_BODIES: list[bytes] = [
    b"",
    b"{",
    b"null",
    b"[]",
    b"[{}]",
    b'"Name"',
    b"12",
    b"\xff\xfe\x00{",
    b"\xef\xbb\xbf{}",
    b'{"Name": NaN, "Version": Infinity}',
    b'{"Name": 1e400}',
    b'{"Name": "a", "Name": []}',
    b"[" * 100_000 + b"]" * 100_000,
    b'{"a":' * 50_000 + b"0" + b"}" * 50_000,
    b"--boundary\r\nContent-Disposition: form-data\r\n\r\nx\r\n--boundary--",
]
#: Authorization headers (and key/secret pairs) that must be refused with a 401, not crash.
BAD_CREDENTIALS: list[dict[str, str]] = [
    {},
    {"Authorization": "Bearer"},
    {"Authorization": "Bearer "},
    {"Authorization": "Bearer a.b.c"},
    {"Authorization": "Bearer \u00e9t\u00e9.\u00e9.\u00e9"},
    {"Authorization": "Bearer " + "W" * 3000 + ".." + "W" * 3000},
    {"Authorization": "Bearer ...."},
    {"Authorization": "Basic %%%"},
    {"Authorization": "Basic \u00e9"},
    {"Authorization": "Digest x"},
    {"X-Amilia-ApiKey": "\u00e9", "X-Amilia-ApiSecret": ""},
    {"X-Amilia-ApiKey": "", "X-Amilia-ApiSecret": "s"},
]
VALID_WEBHOOK = {
    "Name": "sweep",
    "Url": "https://hooks.example.org/sweep",
    "Context": "Activity",
    "Action": "Create",
    "Version": "V1",
}
PAGING = ("page", "perPage")


def _rows() -> list[dict[str, str]]:
    if not INVENTORY.exists():
        return []
    with INVENTORY.open(newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _operations() -> list[Any]:
    rows = _rows()
    if not rows:
        reason = f"the shared inventory is not beside this checkout ({INVENTORY})"
        return [pytest.param("", marks=pytest.mark.skip(reason=reason))]
    return [row["operation"] for row in rows]


def _row(operation: str) -> dict[str, str]:
    return next(r for r in _rows() if r["operation"] == operation)


def _body_fields(row: dict[str, str]) -> list[str]:
    if not row["body"].startswith("json"):
        return []
    named = row["body"].split("{", 1)[1].rsplit("}", 1)[0].split(",")
    return [*dict.fromkeys([*(f.strip() for f in named), *VALID_WEBHOOK])]


class Sweep:
    """Sends raw requests for one inventory row and keeps every answer that is not a 4xx in
    Amilia's shape (or a success)."""

    def __init__(self, session: aiohttp.ClientSession, emulator: AmiliaEmulator) -> None:
        self.session, self.emulator = session, emulator
        self.bearer = {"Authorization": f"Bearer {emulator.issue_token()}"}
        self.failures: list[str] = []
        self.sent = 0

    def url(self, row: dict[str, str], *, path_id: str | None = None, query: str = "") -> str:
        template = row["path"]
        if template.startswith(AMILIA_ROOT):
            path = template.removeprefix(AMILIA_ROOT)
        else:
            default = "EXT-1" if "/external/" in template else "1"
            path = f"/api/v3/en/org/{ORG}" + template.replace("{id}", path_id or default)
        return f"{self.emulator.url}{path}" + (f"?{query}" if query else "")

    async def send(
        self,
        method: str,
        url: str,
        *,
        headers: dict[str, str] | None = None,
        data: bytes | None = None,
        what: str,
    ) -> int:
        self.sent += 1
        sent_headers = {**self.bearer, **(headers or {})}
        if data is not None:
            sent_headers.setdefault("Content-Type", "application/json")
        async with self.session.request(
            method, yarl.URL(url, encoded=True), headers=sent_headers, data=data
        ) as response:
            status, raw = response.status, await response.read()
        if status >= 500:
            self.failures.append(f"{status} for {what}: {raw[:200]!r}")
        elif status >= 400 and method != "HEAD":
            try:
                body = json.loads(raw)
                shaped = isinstance(body, dict) and {"Message", "TransactionId"} <= set(body)
            except ValueError:
                shaped = False
            if not shaped:
                self.failures.append(f"{status} not in Amilia's shape for {what}: {raw[:200]!r}")
        return status


def _field_cases(fields: list[str]) -> Iterator[tuple[str, bytes]]:
    """One body per (field, wrong value), one per missing field, one with an extra key."""
    for field in fields:
        for value in WRONG_FIELD_VALUES:
            body = {**VALID_WEBHOOK, field: value}
            yield f"{field}={value!r:.40}", json.dumps(body).encode("utf-8", "surrogatepass")
        missing = {k: v for k, v in VALID_WEBHOOK.items() if k != field}
        yield f"without {field}", json.dumps(missing).encode()
        others = json.dumps({k: v for k, v in VALID_WEBHOOK.items() if k != field})[1:-1]
        deep = "[" * 5_000 + '"V1"' + "]" * 5_000
        yield f"{field} nested 5000 deep", f'{{{others}, "{field}": {deep}}}'.encode()
    yield "an extra key", json.dumps({**VALID_WEBHOOK, "Unknown": {"x": [1]}}).encode()


@pytest.fixture
async def sweep() -> AsyncIterator[Sweep]:
    async with (
        AmiliaEmulator(organization=ORG, rate_limit=None) as emulator,
        aiohttp.ClientSession() as session,
    ):
        yield Sweep(session, emulator)


@pytest.mark.parametrize("operation", _operations())
async def test_no_malformed_request_gets_a_5xx(sweep: Sweep, operation: str) -> None:
    """Bad ids, bad query values, each body field wrong, malformed bodies, bad credentials and
    other methods: every answer is a success or a 4xx in Amilia's shape."""
    row = _row(operation)
    method = row["method"]
    login = row["path"].startswith(AMILIA_ROOT)
    if "{id}" in row["path"]:
        for bad in BAD_IDS:
            await sweep.send(method, sweep.url(row, path_id=bad), what=f"id {bad[:40]!r}")
    names = [q for q in row["query"].split(",") if q] + [*PAGING, "bogus"]
    for name in dict.fromkeys(names):
        for value in BAD_VALUES:
            query = f"{name}={value}"
            await sweep.send(method, sweep.url(row, query=query), what=f"query {query[:60]!r}")
        twice = f"{name}=1&{name}=abc&{name.upper()}=%FF"
        await sweep.send(method, sweep.url(row, query=twice), what=f"query {twice!r}")
    for label, body in _field_cases(_body_fields(row)):
        await sweep.send(method, sweep.url(row), data=body, what=f"body {label}")
    for body in BAD_BODIES:
        await sweep.send(method, sweep.url(row), data=body, what=f"body {body[:30]!r}")
    for headers in BAD_CREDENTIALS:
        status = await sweep.send(
            method, sweep.url(row), headers={"Authorization": "", **headers}, what=f"{headers}"
        )
        assert status == 401, (headers, status)
    others = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"} - {method}
    for other in sorted(others):
        await sweep.send(other, sweep.url(row), data=b"{}", what=f"method {other}")
    assert not sweep.failures, "\n".join(sweep.failures[:30])
    assert sweep.sent > (30 if login else 60)
