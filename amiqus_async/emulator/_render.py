"""Turn stored objects into response objects, collapsed or expanded.

Expandable properties (guide ``expandable-properties.txt``): collapsed they are an id, a list
of ids, or an ``{id, type}`` object; expanded, the full object (or a list of them); empty ones
are ``null`` either way. Expansion is one level deep: nested expandables stay collapsed.
An expansion never fails: a reference to something no longer stored (the store keeps none
through the API, but tests may edit it) stays collapsed.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Set
from typing import Any

from amiqus_async.emulator._http import Ctx, list_envelope
from amiqus_async.emulator._inferred import EMBEDDED_LIST_LIMIT
from amiqus_async.emulator._store import AmiqusData
from amiqus_async.emulator._wire import Json

__all__ = ["Renderer", "renderer"]

_NONE: frozenset[str] = frozenset()


class Renderer:
    """Renders objects of *data*; *base* is the absolute API base URL for embedded lists."""

    def __init__(self, data: AmiqusData, base: str) -> None:
        self.data = data
        self.base = base

    # -- people ------------------------------------------------------------------------------

    def member(self, member_id: int) -> Json:
        for members in self.data.members.values():
            if member_id in members:
                return dict(members[member_id])
        return {
            "object": "team_member",
            "id": member_id,
            "name": "Former member",
            "email": "former@example.com",
            "role": None,
        }

    def assignee(self, assignee: Json) -> Json:
        """A ``TeamMember-2`` assignee: the team member inside."""
        return {**assignee, "team_member": self.member(int(assignee["team_member"]))}

    def client(self, client: Json) -> Json:
        return copy.deepcopy(client)

    def client_by_id(self, client_id: int) -> Json:
        return self.client(self.data.clients[client_id])

    def _expanded(self, table: Mapping[Any, Json], key: Any, draw: Callable[[Json], Json]) -> Any:
        """``draw(table[key])``, or *key* itself (collapsed) when nothing is stored under it."""
        stored = table.get(key)
        return key if stored is None else draw(stored)

    def _member_list(self, key: tuple[str, int], expand: bool, path: str) -> object:
        members = [int(a["team_member"]) for a in self.data.assignees.get(key, [])]
        if not members:
            return None
        if not expand:
            return members[:EMBEDDED_LIST_LIMIT]
        return list_envelope(
            [self.member(m) for m in members], self.base + path, limit=EMBEDDED_LIST_LIMIT
        )

    # -- organisations -----------------------------------------------------------------------

    def organisation(self, org: Json, expand: Set[str] = _NONE) -> Json:
        org_id = int(org["id"])
        out = copy.deepcopy(org)
        out["assignees"] = self._member_list(
            ("organisation", org_id), "assignees" in expand, f"/organisations/{org_id}/assignees"
        )
        client_ids = [c for c, orgs in self.data.memberships.items() if org_id in orgs]
        if not client_ids:
            out["clients"] = None
        elif "clients" in expand:
            out["clients"] = list_envelope(
                [self.client_by_id(c) for c in client_ids],
                f"{self.base}/organisations/{org_id}/clients",
                limit=EMBEDDED_LIST_LIMIT,
            )
        else:
            out["clients"] = client_ids[:EMBEDDED_LIST_LIMIT]
        order = (
            "object",
            "id",
            "status",
            "name",
            "company_number",
            "jurisdiction",
            "reference",
            "address",
            "incorporated_at",
            "assignees",
            "clients",
            "created_at",
            "updated_at",
            "archived_at",
        )
        return {k: out[k] for k in order if k in out}

    # -- records -----------------------------------------------------------------------------

    def record(self, record: Json, expand: Set[str] = _NONE) -> Json:
        record_id = int(record["id"])
        out = copy.deepcopy(record)
        if "client" in expand:
            out["client"] = self._expanded(self.data.clients, record["client"], self.client)
        steps = [self.step(self.data.steps[s]) for s in self.data.record_steps.get(record_id, [])]
        order = ("object", "id", "status", "perform_url", "email", "client", "name")
        head = {k: out.pop(k) for k in order if k in out}
        return {**head, "steps": steps, **out}

    def step(self, step: Json, expand: Set[str] = _NONE) -> Json:
        out = copy.deepcopy(step)
        if "check" in out and "check" in expand:
            out["check"] = self._expanded(self.data.checks, out["check"], self.check)
        if "document" in out and "document" in expand:
            out["document"] = self._expanded(
                self.data.record_documents, out["document"], self.record_document
            )
        if "form" in out and "form" in expand:
            out["form"] = self._expanded(self.data.client_forms, out["form"], self.client_form)
        if (
            "review" in expand
            and isinstance(out.get("review"), int)
            and not isinstance(out.get("review"), bool)
        ):
            out["review"] = self._expanded(self.data.step_reviews, out["review"], self.step_review)
        return out

    def check(self, check: Json, expand: Set[str] = _NONE) -> Json:
        out = copy.deepcopy(check)
        if "record" in expand:
            out["record"] = self._expanded(self.data.records, check["record"], self.record)
        if "response" in expand and check.get("response") is True:
            out["response"] = {"object": "check_response.other"}
        return out

    def record_document(self, document: Json, expand: Set[str] = _NONE) -> Json:
        out = copy.deepcopy(document)
        if "attachments" in expand and out.get("attachments"):
            out["attachments"] = [
                self._expanded(self.data.attachments, a, dict) for a in out["attachments"]
            ]
        return out

    def step_review(self, review: Json, expand: Set[str] = _NONE) -> Json:
        out = copy.deepcopy(review)
        if "reviewed_by" in expand:
            out["reviewed_by"] = self.member(int(review["reviewed_by"]))
        return out

    # -- forms and files ---------------------------------------------------------------------

    def client_form(
        self, form: Json, expand: Set[str] = _NONE, *, object_name: str = "client_form"
    ) -> Json:
        out = copy.deepcopy(form)
        out["object"] = object_name
        if "client" in expand:
            out["client"] = self._expanded(self.data.clients, form["client"], self.client)
        if "record" in expand and form.get("record") is not None:
            out["record"] = self._expanded(self.data.records, form["record"], self.record)
        return out

    def client_file(
        self, item: Json, expand: Set[str] = _NONE, *, object_name: str = "client_file"
    ) -> Json:
        out = copy.deepcopy(item)
        out["object"] = object_name
        out["attachment"] = dict(
            self.data.attachments.get(int(item["attachment"]["id"])) or item["attachment"]
        )
        source = item["source"]
        if "source" in expand:
            if source["type"] == "client" and int(source["id"]) in self.data.clients:
                out["source"] = self.client_by_id(int(source["id"]))
            elif source["type"] == "check" and int(source["id"]) in self.data.checks:
                out["source"] = self.check(self.data.checks[int(source["id"])])
        creator = item["created_by"]
        if "created_by" in expand:
            if creator["type"] == "team_member":
                out["created_by"] = self.member(int(creator["id"]))
            elif int(creator["id"]) in self.data.clients:
                out["created_by"] = self.client_by_id(int(creator["id"]))
        return out

    def correction(self, correction: Json, expand: Set[str] = _NONE) -> Json:
        out = copy.deepcopy(correction)
        if "client" in expand:
            out["client"] = self._expanded(self.data.clients, correction["client"], self.client)
        if "record" in expand:
            out["record"] = self._expanded(self.data.records, correction["record"], self.record)
        return out

    def credit(self, credit: Json, expand: Set[str] = _NONE) -> Json:
        out = copy.deepcopy(credit)
        causer = credit.get("causer")
        if "causer" in expand and causer and causer["type"] == "check":
            check = self.data.checks.get(int(causer["id"]))
            if check is not None:
                out["causer"] = self.check(check)
        return out

    def document(self, document: Json, expand: Set[str] = _NONE) -> Json:
        out = copy.deepcopy(document)
        if "attachment" in expand and out.get("attachment") is not None:
            out["attachment"] = self._expanded(self.data.attachments, out["attachment"], dict)
        return out

    # -- cases -------------------------------------------------------------------------------

    def case(self, case: Json, expand: Set[str] = _NONE) -> Json:
        case_id = int(case["id"])
        out = copy.deepcopy(case)
        if "client" in expand:
            out["client"] = self._expanded(self.data.clients, case["client"], self.client)
        item_ids = [
            i for i in self.data.case_item_index.get(case_id, []) if i in self.data.case_items
        ]
        if not item_ids:
            out["items"] = None
        elif "items" in expand:
            out["items"] = [self.case_item(self.data.case_items[i]) for i in item_ids]
        else:
            out["items"] = list(item_ids)
        out["assignees"] = self._member_list(
            ("case", case_id), "assignees" in expand, f"/cases/{case_id}/assignees"
        )
        order = (
            "object",
            "id",
            "name",
            "reference",
            "status",
            "client",
            "items",
            "assignees",
            "created_at",
            "updated_at",
            "archived_at",
        )
        return {k: out[k] for k in order if k in out}

    def case_item(self, item: Json, expand: Set[str] = _NONE) -> Json:
        out = copy.deepcopy(item)
        if "entity" in expand:
            record = self.data.records.get(int(item["entity"]["id"]))
            if record is not None:
                out["entity"] = self.record(record)
        return out

    def case_review(self, review: Json, expand: Set[str] = _NONE) -> Json:
        out = copy.deepcopy(review)
        if "reviewed_by" in expand:
            out["reviewed_by"] = self.member(int(review["reviewed_by"]))
        return out


def renderer(ctx: Ctx) -> Renderer:
    """A renderer for this request (embedded list URLs use the request's host)."""
    return Renderer(ctx.data, ctx.base)
