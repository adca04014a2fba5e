"""Checking a vendor client against its endpoint inventory (``../shared/endpoints/*.tsv``).

Each row is called through the client against the vendor's emulator; the requests the
emulator recorded must show the row's method, path, query parameters and body.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from common.testing import RecordedRequest

ENDPOINTS = Path(__file__).resolve().parents[2] / "shared" / "endpoints"


def rows(vendor: str) -> list[dict[str, str]]:
    """The inventory's rows; the test is skipped where the shared folder is not beside us."""
    path = ENDPOINTS / f"{vendor}.tsv"
    if not path.exists():
        pytest.skip(f"the shared inventory is not beside this checkout ({path})")
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def row(vendor: str, operation: str) -> dict[str, str]:
    return next(r for r in rows(vendor) if r["operation"] == operation)


def _matches(path: str, pattern: str) -> bool:
    parts, wanted = path.split("/"), pattern.split("/")
    if len(parts) != len(wanted):
        return False
    return all(w in ("*", p) for p, w in zip(parts, wanted, strict=True))


def matching(
    entry: Mapping[str, str],
    requests: Iterable[RecordedRequest],
    *,
    prefix: str,
    path_values: Mapping[str, object],
) -> list[RecordedRequest]:
    """The recorded requests with the row's method and path (``{x}`` filled from *path_values*,
    ``None`` meaning any segment)."""
    pattern = entry["path"]
    for name, value in path_values.items():
        pattern = pattern.replace("{" + name + "}", "*" if value is None else str(value))
    return [
        r for r in requests if r.method == entry["method"] and _matches(r.path, prefix + pattern)
    ]


def documented_query(entry: Mapping[str, str]) -> set[str]:
    """Query names of a row: ``a,b(required),custom[{fieldId}]`` → {a, b, custom[…]}."""
    names = set()
    for item in entry["query"].split(","):
        name = item.strip().split("(", 1)[0].split("=", 1)[0]
        if name and " " not in name:
            names.add(name)
    return names


def assert_row(
    entry: Mapping[str, str], seen: list[RecordedRequest], *, exact: bool = True
) -> None:
    """Method, query names and body of *seen* agree with the inventory *entry*.

    With *exact*, the query names sent are exactly the documented ones (the calls pass every
    filter); otherwise every documented name was sent, and the row names more in words.
    """
    assert seen, f"no {entry['method']} {entry['path']} was sent"
    sent = {_custom(k) for r in seen for k in r.query}
    documented = documented_query(entry)
    if exact:
        assert sent == documented, f"sent {sorted(sent)}, inventory says {sorted(documented)}"
    else:
        assert documented <= sent, f"sent {sorted(sent)}, inventory says {sorted(documented)}"
    body = entry["body"]
    if body.startswith("json"):
        assert all(r.json() is not None for r in seen), "a JSON body was expected"
        if "{" in body and "}" in body and '"' not in body:
            fields = {f.strip() for f in body.split("{", 1)[1].rsplit("}", 1)[0].split(",")}
            assert fields <= set(seen[0].json()), f"body lacks {fields - set(seen[0].json())}"
    elif body == "multipart":
        assert all("multipart/form-data" in r.headers.get("Content-Type", "") for r in seen)
    else:
        assert all(not r.body for r in seen), "no body was expected"


def _custom(name: str) -> str:
    return "custom[{fieldId}]" if name.startswith("custom[") else name


def every_operation(vendor: str) -> set[str]:
    return {r["operation"] for r in rows(vendor)}
