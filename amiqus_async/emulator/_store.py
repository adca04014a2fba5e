"""The emulator's state: wire-shaped dicts (collapsed, as the API shows them without ``expand``).

Rule: a stored object holds its scalar fields and its single references as ids (a record's
``client``, a check's ``record``); lists of related objects live in relation tables
(:attr:`AmiqusData.assignees`, :attr:`AmiqusData.memberships`, :attr:`AmiqusData.record_steps`,
...) and are filled in on the way out. Tests may read and edit any of it. Seeding is
deterministic for a given ``seed``; objects created later carry the current time.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

import attrs

from amiqus_async.emulator._address import empty_address
from amiqus_async.emulator._inferred import PERFORM_URL
from amiqus_async.emulator._wire import Json, format_stamp
from common.testing.pdf import render_pdf

__all__ = ["AmiqusData", "build_data", "empty_address", "make_name", "pdf_bytes"]

_EPOCH = dt.datetime(2024, 1, 8, 9, 0, tzinfo=dt.timezone.utc)
_FIRST = (
    "Martin",
    "Emmett",
    "Lorraine",
    "George",
    "Jennifer",
    "Biff",
    "Clara",
    "Marvin",
    "Dave",
    "Linda",
    "Sam",
    "Stella",
    "Douglas",
    "Maggie",
    "Gerald",
)
_LAST = (
    "McFly",
    "Brown",
    "Baines",
    "Parker",
    "Tannen",
    "Clayton",
    "Berry",
    "Wilson",
    "Strickland",
    "Jones",
    "Needles",
    "Goldie",
)
_COMPANIES = (
    "Hill Valley Holdings",
    "Twin Pines Ltd",
    "Lone Pine Partners",
    "Clocktower LLP",
    "Lyon Estates",
    "Statler Motors",
    "Cafe 80s",
    "Pohatchee Lumber",
)


def _stamp(hours: float) -> str:
    return format_stamp(_EPOCH + dt.timedelta(hours=hours))


def make_name(
    first: str,
    last: str,
    middle: str | None = None,
    other_title: str | None = None,
    title: str | None = None,
) -> Json:
    """A ``Name`` object with its compiled forms (``complete_name`` leads with the title)."""
    full = " ".join(p for p in (first, middle, last) if p)
    shown = other_title if title == "other" else (title.capitalize() if title else None)
    return {
        "object": "name",
        "title": title,
        "other_title": other_title,
        "first_name": first,
        "middle_name": middle,
        "last_name": last,
        "name": f"{first} {last}",
        "full_name": full,
        "complete_name": f"{shown} {full}" if shown else full,
    }


def pdf_bytes(title: str) -> bytes:
    """A small, valid one-page PDF whose page says *title* (the kit's renderer)."""
    return render_pdf(title)


@attrs.define(eq=False)
class AmiqusData:
    """Everything the emulated team holds. Keys are ids (form objects: their UUID reference)."""

    user: Json
    team: Json
    #: Every team the user belongs to (``GET /me/teams``), the current one included.
    teams: dict[int, Json]
    #: Team members of each team, by team id then member id.
    members: dict[int, dict[int, Json]]
    #: The current user's membership id in the current team (``GET /team/me``).
    me_member_id: int
    clients: dict[int, Json] = attrs.Factory(dict)
    #: Client id -> Address (every client has one, its fields possibly all null).
    addresses: dict[int, Json] = attrs.Factory(dict)
    organisations: dict[int, Json] = attrs.Factory(dict)
    #: Client id -> ids of the organisations it belongs to.
    memberships: dict[int, list[int]] = attrs.Factory(dict)
    #: ("client" | "organisation" | "record" | "case", id) -> assignee objects, each
    #: ``{"object": "assignee", "id", "type": "team_member", "team_member": <member id>}``.
    assignees: dict[tuple[str, int], list[Json]] = attrs.Factory(dict)
    records: dict[int, Json] = attrs.Factory(dict)
    #: Record id -> the id of the team member who created it (the ``creator`` filter).
    record_creator: dict[int, int] = attrs.Factory(dict)
    #: Record id -> its status before it was marked reviewed (restored when unreviewed).
    reviewed_from: dict[int, str] = attrs.Factory(dict)
    #: Case id -> the id of the team member who created it (the ``created_by`` filter).
    case_creator: dict[int, int] = attrs.Factory(dict)
    #: Record id -> its step ids, in order.
    record_steps: dict[int, list[int]] = attrs.Factory(dict)
    steps: dict[int, Json] = attrs.Factory(dict)
    checks: dict[int, Json] = attrs.Factory(dict)
    record_documents: dict[int, Json] = attrs.Factory(dict)
    step_reviews: dict[int, Json] = attrs.Factory(dict)
    #: Step id -> its review ids, oldest first.
    step_review_index: dict[int, list[int]] = attrs.Factory(dict)
    attachments: dict[int, Json] = attrs.Factory(dict)
    #: Attachment id -> its bytes.
    attachment_content: dict[int, bytes] = attrs.Factory(dict)
    #: Reference (UUID) -> client form (``object: client_form``).
    client_forms: dict[str, Json] = attrs.Factory(dict)
    client_files: dict[int, Json] = attrs.Factory(dict)
    #: Client file id -> client id.
    file_owner: dict[int, int] = attrs.Factory(dict)
    corrections: dict[int, Json] = attrs.Factory(dict)
    credits: dict[int, Json] = attrs.Factory(dict)
    cases: dict[int, Json] = attrs.Factory(dict)
    case_items: dict[int, Json] = attrs.Factory(dict)
    #: Case id -> its item ids.
    case_item_index: dict[int, list[int]] = attrs.Factory(dict)
    case_reviews: dict[int, Json] = attrs.Factory(dict)
    case_review_index: dict[int, list[int]] = attrs.Factory(dict)
    documents: dict[int, Json] = attrs.Factory(dict)
    email_templates: dict[int, Json] = attrs.Factory(dict)
    document_templates: dict[int, Json] = attrs.Factory(dict)
    record_templates: dict[int, Json] = attrs.Factory(dict)
    #: Reference (UUID) -> form template.
    form_templates: dict[str, Json] = attrs.Factory(dict)
    available_steps: list[Json] = attrs.Factory(list)
    webhooks: dict[int, Json] = attrs.Factory(dict)
    deliveries: dict[int, Json] = attrs.Factory(dict)
    #: Webhook id -> its delivery ids, oldest first.
    webhook_deliveries: dict[int, list[int]] = attrs.Factory(dict)
    #: SDK tokens issued: token -> record id.
    sdk_tokens: dict[str, int] = attrs.Factory(dict)
    _next_id: int = 1000

    def new_id(self) -> int:
        """A fresh id (one sequence for every kind, from 1000 up)."""
        self._next_id += 1
        return self._next_id

    @property
    def current_members(self) -> dict[int, Json]:
        """The members of the current team."""
        return self.members[int(self.team["id"])]

    def record_client(self, record_id: int) -> int:
        return int(self.records[record_id]["client"])

    def delete_client(self, client_id: int) -> None:
        """Delete a client and everything that belongs to it, so nothing points at it.

        The spec (``delete-clients-id``): "Clients with requests attached can only be deleted
        by Admin users", so a client's records go with it. Inferred (the spec says no more):
        so do its cases (their items, reviews, assignees), its forms, files, corrections, SDK
        tokens, address, assignees and organisation memberships. Attachments stay (they are
        the team's uploads), and so does the credit history (a spent credit stays spent).
        """
        del self.clients[client_id]
        self.addresses.pop(client_id, None)
        self.memberships.pop(client_id, None)
        self.assignees.pop(("client", client_id), None)
        for record_id in [r for r, rec in self.records.items() if rec["client"] == client_id]:
            self._delete_record(record_id)
        for case_id in [c for c, case in self.cases.items() if case["client"] == client_id]:
            self._delete_case(case_id)
        for reference in [r for r, f in self.client_forms.items() if f["client"] == client_id]:
            del self.client_forms[reference]
        for file_id in [f for f, owner in self.file_owner.items() if owner == client_id]:
            del self.file_owner[file_id]
            self.client_files.pop(file_id, None)
        for correction_id in [
            c for c, item in self.corrections.items() if item["client"] == client_id
        ]:
            del self.corrections[correction_id]

    def _delete_record(self, record_id: int) -> None:
        del self.records[record_id]
        for step_id in self.record_steps.pop(record_id, []):
            self.steps.pop(step_id, None)
            for review_id in self.step_review_index.pop(step_id, []):
                self.step_reviews.pop(review_id, None)
        for check_id in [c for c, check in self.checks.items() if check["record"] == record_id]:
            del self.checks[check_id]
        for document_id in [
            d
            for d, document in self.record_documents.items()
            if document["source"] == {"type": "record", "id": record_id}
        ]:
            del self.record_documents[document_id]
        for reference in [r for r, f in self.client_forms.items() if f["record"] == record_id]:
            del self.client_forms[reference]
        for correction_id in [
            c for c, item in self.corrections.items() if item["record"] == record_id
        ]:
            del self.corrections[correction_id]
        for token in [t for t, owner in self.sdk_tokens.items() if owner == record_id]:
            del self.sdk_tokens[token]
        self.assignees.pop(("record", record_id), None)
        self.record_creator.pop(record_id, None)
        self.reviewed_from.pop(record_id, None)
        for item_ids in self.case_item_index.values():  # any case holding it
            for item_id in [i for i in item_ids if self._item_record(i) == record_id]:
                item_ids.remove(item_id)
                self.case_items.pop(item_id, None)

    def _item_record(self, item_id: int) -> int | None:
        item = self.case_items.get(item_id)
        return None if item is None else int(item["entity"]["id"])

    def _delete_case(self, case_id: int) -> None:
        del self.cases[case_id]
        for item_id in self.case_item_index.pop(case_id, []):
            self.case_items.pop(item_id, None)
        for review_id in self.case_review_index.pop(case_id, []):
            self.case_reviews.pop(review_id, None)
        self.case_creator.pop(case_id, None)
        self.assignees.pop(("case", case_id), None)


# -- seeding ---------------------------------------------------------------------------------


def _team(team_id: int, name: str, rng: random.Random, hours: float) -> Json:
    return {
        "object": "team",
        "id": team_id,
        "identifier": name.lower().replace(" ", "-"),
        "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "name": name,
        "contact": f"hello@{name.lower().replace(' ', '')}.example",
        "telephone": None,
        "tier": "enterprise",
        "logo": None,
        "is_support_enabled": True,
        "created_at": _stamp(hours),
        "updated_at": _stamp(hours),
        "archived_at": None,
        # not ``is_archived``: the spec makes it write-only, never in an answer
    }


def _attachment(
    data: AmiqusData, original: str, mime: str, content: bytes, hours: float, rng: random.Random
) -> Json:
    attachment_id = data.new_id()
    extension = original.rsplit(".", 1)[-1]
    attachment = {
        "object": "attachment",
        "id": attachment_id,
        "name": f"{uuid.UUID(int=rng.getrandbits(128), version=4)}.{extension}",
        "original": original,
        "type": mime,
        "size": len(content),
        "av_status": "clean",
        "created_at": _stamp(hours),
        "updated_at": _stamp(hours),
    }
    data.attachments[attachment_id] = attachment
    data.attachment_content[attachment_id] = content
    return attachment


def form_fields(builder: bool) -> list[Json]:
    """The fields of a seeded form: a heading and a required short answer.

    ``builder=True`` gives a template's fields (no ``flag``/``value``).
    """
    answer: Json = {
        "id": "job_title",
        "type": "text",
        "label": "Job title",
        "validation": ["required"],
        "show_if": None,
    }
    if not builder:
        answer.update(flag=False, value=None)
    return [{"id": "intro", "type": "heading", "label": "About you", "show_if": None}, answer]


def build_data(
    *, seed: int, clients: int, records: int, organisations: int, cases: int
) -> AmiqusData:
    """Seed a team: members, clients (with addresses), organisations, records with dummy-check,
    document-request and form steps, checks, forms, files, corrections, credits, cases,
    library documents and templates. Deterministic for a given *seed*."""
    rng = random.Random(seed)
    team = _team(1, "Hill Valley Law", rng, 0)
    other = _team(2, "Hill Valley Lettings", rng, 1)
    user = {
        "object": "user",
        "id": 345789,
        "name": "Bob Gale",
        "email": "bob@example.com",
        "is_verified": True,
        "is_disabled": False,
        "created_at": _stamp(0),
        "updated_at": _stamp(0),
    }
    data = AmiqusData(
        user=user, team=team, teams={1: team, 2: other}, members={1: {}, 2: {}}, me_member_id=0
    )
    roles = ("owner", "member", "member", "read-only", "assigned-only")
    for index, role in enumerate(roles):
        member_id = data.new_id()
        name = "Bob Gale" if index == 0 else f"{_FIRST[index]} {_LAST[index]}"
        email = user["email"] if index == 0 else f"{name.split()[0].lower()}@example.com"
        data.members[1][member_id] = {
            "object": "team_member",
            "id": member_id,
            "name": name,
            "email": email,
            "role": role,
        }
        if index == 0:
            data.me_member_id = member_id
    member_id = data.new_id()
    data.members[2][member_id] = {
        "object": "team_member",
        "id": member_id,
        "name": "Bob Gale",
        "email": user["email"],
        "role": "member",
    }
    member_ids = list(data.members[1])

    data.available_steps = [
        {"object": "available_step", "type": "check.dummy", "costs": [1]},
        {"object": "available_step", "type": "check.photo_id", "costs": [2]},
        {"object": "available_step", "type": "check.watchlist", "costs": [1, 2]},
        {"object": "available_step", "type": "document.request", "costs": [0]},
        {"object": "available_step", "type": "document.transfer", "costs": [0]},
        {"object": "available_step", "type": "form", "costs": [0]},
    ]
    template_ref = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    data.form_templates[template_ref] = {
        "object": "form_template",
        "id": data.new_id(),
        "reference": template_ref,
        "name": "New starter form",
        "instructions": None,
        "fields": form_fields(builder=True),
        "version": 1,
        "is_enabled": True,
        "created_at": _stamp(2),
        "updated_at": _stamp(2),
        "archived_at": None,
    }
    for n, label in enumerate(("Welcome", "Reminder")):
        template_id = data.new_id()
        data.email_templates[template_id] = {
            "object": "email_template",
            "id": template_id,
            "name": label,
            "content": f"{label} from {{{{team}}}}",
            "is_enabled": n == 0,
            "created_at": _stamp(3),
            "updated_at": _stamp(3),
        }
        template_id = data.new_id()
        data.document_templates[template_id] = {
            "object": "document_template",
            "id": template_id,
            "name": f"{label} letter",
            "description": f"{label} letter template",
            "content": "<p>Dear {{name}}</p>",
            "is_enabled": True,
            "created_at": _stamp(3),
            "updated_at": _stamp(3),
        }
    template_id = data.new_id()
    data.record_templates[template_id] = {
        "object": "record_template",
        "id": template_id,
        "name": "Standard onboarding",
        "description": "A dummy check and a form",
        "presets": {
            "steps": [
                {
                    "object": "preset_step",
                    "type": "check.dummy",
                    "preferences": {"state": "accepted"},
                },
                {"object": "preset_step", "type": "form", "preferences": {"form": template_ref}},
            ],
            "notification": "email",
            "message": None,
            "reminder": False,
            "is_declaration_required": False,
            "assignees": [member_ids[0]],
        },
        "is_enabled": True,
        "created_at": _stamp(3),
        "updated_at": _stamp(3),
    }
    for n, title in enumerate(("Non-disclosure agreement", "Terms of business", "Privacy notice")):
        attachment = _attachment(
            data, f"{title.replace(' ', '-')}.pdf", "application/pdf", pdf_bytes(title), 4, rng
        )
        document_id = data.new_id()
        data.documents[document_id] = {
            "object": "document",
            "id": document_id,
            "name": title,
            "is_enabled": n != 2,
            "attachment": attachment["id"],
            "created_at": _stamp(4),
            "updated_at": _stamp(4),
        }

    for n in range(clients):
        first, last = _FIRST[n % len(_FIRST)], _LAST[(n * 7 + seed) % len(_LAST)]
        client_id = data.new_id()
        hours = 24 + n * 5
        data.clients[client_id] = {
            "object": "client",
            "id": client_id,
            "status": ("pending", "approved", "rejected", None)[n % 4],
            "name": make_name(first, last, "Seamus" if n % 5 == 0 else None),
            "email": f"{first.lower()}.{last.lower()}{n}@example.com",
            "landline": None,
            "mobile": f"+4477009{n:05d}" if n % 2 else None,
            "dob": f"{1960 + n % 40}-{1 + n % 12:02d}-{1 + n % 28:02d}" if n % 3 else None,
            "reference": f"CL-{n + 1:04d}" if n % 2 == 0 else None,
            "national_insurance_number": None,
            "is_deletable": True,
            "deletion_date": "2026-01-14" if n % 6 == 0 else None,
            "created_at": _stamp(hours),
            "updated_at": _stamp(hours + 1),
            "archived_at": _stamp(hours + 2) if n % 10 == 9 else None,
        }
        data.addresses[client_id] = empty_address()
        if n % 3 == 0:
            data.addresses[client_id].update(
                house_number=str(n + 1),
                street_name="Riverside Drive",
                city="Hill Valley",
                postcode="HV1 1AA",
                country="GB",
            )
        data.memberships[client_id] = []
        if n % 4 == 0:
            _assign(data, ("client", client_id), member_ids[n % 3])
    client_ids = list(data.clients)

    for n in range(organisations):
        org_id = data.new_id()
        data.organisations[org_id] = {
            "object": "organisation",
            "id": org_id,
            "status": ("pending", "approved", None)[n % 3],
            "name": _COMPANIES[n % len(_COMPANIES)],
            "company_number": f"SC{100000 + n}" if n % 2 == 0 else None,
            "jurisdiction": "gb",
            "reference": f"ORG-{n + 1}",
            "address": None,
            "incorporated_at": "2001-04-01" if n % 2 == 0 else None,
            "created_at": _stamp(10 + n),
            "updated_at": _stamp(10 + n),
            "archived_at": None,
        }
        for client_id in client_ids[n::organisations][:3]:
            data.memberships[client_id].append(org_id)
        if n % 2 == 0:
            _assign(data, ("organisation", org_id), member_ids[1])

    for n in range(records):
        client_id = client_ids[n % len(client_ids)]
        create_record(
            data,
            client_id=client_id,
            hours=200 + n * 3,
            rng=rng,
            template_ref=template_ref,
            finished=n % 3 == 0,
            creator=member_ids[n % 2],
        )
        if n % 5 == 0:
            _assign(data, ("record", max(data.records)), member_ids[2])

    for n, (client_id, record_id) in enumerate(
        (int(r["client"]), rid) for rid, r in list(data.records.items())[:2]
    ):
        correction_id = data.new_id()
        data.corrections[correction_id] = {
            "object": "client_correction",
            "id": correction_id,
            "client": client_id,
            "record": record_id,
            "status": "pending" if n == 0 else "accepted",
            "correction": {
                "first_name": "Marty",
                "middle_name": None,
                "last_name": data.clients[client_id]["name"]["last_name"],
            },
            "created_at": _stamp(400 + n),
            "updated_at": _stamp(400 + n),
        }

    for n in range(3):
        client_id = client_ids[n]
        attachment = _attachment(
            data,
            f"JobSpec-{n + 1}.pdf",
            "application/pdf",
            pdf_bytes(f"Job spec {n + 1}"),
            300 + n,
            rng,
        )
        add_client_file(
            data,
            client_id,
            attachment,
            stamp=_stamp(300 + n),
            creator=member_ids[0],
            name=None,
            expires_at=None,
        )

    for n, check_id in enumerate(list(data.checks)[:4]):
        credit_id = data.new_id()
        data.credits[credit_id] = {
            "object": "credit_history",
            "id": credit_id,
            "credits": -1,
            "reason": None,
            "causer": {"id": check_id, "type": "check"},
            "created_at": _stamp(210 + n),
        }
    credit_id = data.new_id()
    data.credits[credit_id] = {
        "object": "credit_history",
        "id": credit_id,
        "credits": 100,
        "reason": "Credit top-up",
        "causer": {"id": user["id"], "type": "user"},
        "created_at": _stamp(5),
    }

    statuses = ("pending", "awaiting_response", "action_required", "approved", "on_hold")
    record_ids = list(data.records)
    for n in range(cases):
        client_id = client_ids[n]
        case_id = data.new_id()
        data.cases[case_id] = {
            "object": "case",
            "id": case_id,
            "name": f"Onboarding {n + 1}",
            "reference": f"CASE-{n + 1}" if n % 2 == 0 else None,
            "status": statuses[n % len(statuses)],
            "client": client_id,
            "created_at": _stamp(500 + n),
            "updated_at": _stamp(500 + n),
            "archived_at": None,
        }
        data.case_item_index[case_id] = []
        data.case_review_index[case_id] = []
        data.case_creator[case_id] = member_ids[n % 2]
        for record_id in record_ids:
            if data.record_client(record_id) == client_id:
                add_case_item(data, case_id, record_id, _stamp(501 + n))
        if n % 2 == 0:
            _assign(data, ("case", case_id), member_ids[n % 3])
    return data


def _assign(data: AmiqusData, key: tuple[str, int], member_id: int) -> Json:
    assignee = {
        "object": "assignee",
        "id": data.new_id(),
        "type": "team_member",
        "team_member": member_id,
    }
    data.assignees.setdefault(key, []).append(assignee)
    return assignee


def assign(data: AmiqusData, key: tuple[str, int], member_id: int) -> Json:
    """Add an assignee (a team member) to the object *key*; returns the assignee."""
    return _assign(data, key, member_id)


def add_case_item(data: AmiqusData, case_id: int, record_id: int, stamp: str) -> Json:
    item_id = data.new_id()
    item = {
        "object": "case_item",
        "id": item_id,
        "entity": {"id": record_id, "type": "record"},
        "created_at": stamp,
        "updated_at": stamp,
    }
    data.case_items[item_id] = item
    data.case_item_index.setdefault(case_id, []).append(item_id)
    return item


def add_client_file(
    data: AmiqusData,
    client_id: int,
    attachment: Json,
    *,
    stamp: str,
    creator: int,
    name: str | None,
    expires_at: str | None,
) -> Json:
    file_id = data.new_id()
    item = {
        "object": "client_file",
        "id": file_id,
        "type": "internal",
        "source": {"id": client_id, "type": "client"},
        "name": name or str(attachment["original"]),
        "attachment": attachment,
        "created_by": {"id": creator, "type": "team_member"},
        "is_deletable": True,
        "expires_at": expires_at,
        "created_at": stamp,
        "updated_at": stamp,
        "redacted_at": None,
    }
    data.client_files[file_id] = item
    data.file_owner[file_id] = client_id
    return item


def create_record(
    data: AmiqusData,
    *,
    client_id: int,
    hours: float | None = None,
    rng: random.Random,
    template_ref: str | None,
    finished: bool,
    creator: int,
    steps: list[Json] | None = None,
    stamp: str | None = None,
    has_reminders: bool = False,
    is_declaration_required: bool = False,
) -> Json:
    """Create a record for *client_id* with its steps, checks, documents and forms.

    *steps* are write-shaped steps (``{"type": ..., "preferences": ...}``); by default a
    dummy check, a document request and (with *template_ref*) a form.
    """
    when = stamp or _stamp(hours or 0)
    client = data.clients[client_id]
    record_id = data.new_id()
    code = "".join(
        rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(21)
    )
    if steps is None:
        steps = [
            {"type": "check.dummy", "preferences": {"state": "accepted"}},
            {
                "type": "document.request",
                "preferences": {
                    "title": "Proof of address",
                    "instructions": "A utility bill dated within three months.",
                },
            },
        ]
        if template_ref is not None:
            steps.append({"type": "form", "preferences": {"form": template_ref}})
    expiry = dt.datetime.strptime(when, "%Y-%m-%dT%H:%M:%SZ").replace(
        tzinfo=dt.timezone.utc
    ) + dt.timedelta(days=30)
    record = {
        "object": "record",
        "id": record_id,
        "status": "complete" if finished else "pending",
        "perform_url": False if finished else PERFORM_URL.format(code=code),
        "email": client["email"],
        "client": client_id,
        "name": dict(client["name"]),
        "has_reminders": has_reminders,
        "created_at": when,
        "updated_at": when,
        "expired_at": format_stamp(expiry),
        "archived_at": None,
        "is_declaration_required": is_declaration_required,
        "declaration_confirmed_at": None,
    }
    data.records[record_id] = record
    data.record_steps[record_id] = []
    for write in steps:
        step_id = data.new_id()
        kind = str(write["type"])
        step: Json = {
            "object": "step",
            "id": step_id,
            "type": kind,
            "preferences": write.get("preferences") or {},
            "review": None,
            "cost": 1 if kind.startswith("check.") else 0,
            "completed_at": when if finished else None,
        }
        if kind.startswith("check."):
            check_id = data.new_id()
            state = str(step["preferences"].get("state", "pending"))
            data.checks[check_id] = {
                "object": "check",
                "id": check_id,
                "type": check_type(kind),
                "record": record_id,
                "status": state if finished else "pending",
                "response": True if finished else None,
                "allow_replay": False,
                "allow_cancel": not finished,
                "requires_consent": True,
                "created_at": when,
                "updated_at": when,
            }
            step["check"] = check_id
        elif kind.startswith("document."):
            document_id = data.new_id()
            preferences = step["preferences"]
            data.record_documents[document_id] = {
                "object": "record_document",
                "id": document_id,
                "type": "requested" if kind == "document.request" else "sent",
                "name": None,
                "status": "complete" if finished else "pending",
                "config": {"instructions": str(preferences.get("instructions") or "")},
                "source": {"type": "record", "id": record_id},
                "attachments": None,
                "created_at": when,
                "updated_at": when,
                "completed_at": when if finished else None,
            }
            if finished:
                attachment = _attachment(
                    data,
                    "Electricity-bill.pdf",
                    "application/pdf",
                    pdf_bytes("Electricity bill"),
                    0,
                    rng,
                )
                attachment["created_at"] = attachment["updated_at"] = when
                data.record_documents[document_id]["attachments"] = [attachment["id"]]
            step["document"] = document_id
        elif kind == "form":
            template = data.form_templates.get(str(step["preferences"].get("form")))
            reference = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            data.client_forms[reference] = {
                "object": "client_form",
                "id": data.new_id(),
                "reference": reference,
                "type": "requested",
                "client": client_id,
                "record": record_id,
                "name": str(template["name"]) if template else "Form",
                "instructions": None,
                "fields": form_fields(builder=False),
                "version": 1,
                "created_at": when,
                "updated_at": when,
                "completed_at": when if finished else None,
                "archived_at": None,
            }
            step["form"] = reference
        data.steps[step_id] = step
        data.record_steps[record_id].append(step_id)
    data.record_creator[record_id] = creator
    return record


def check_type(step_type: str) -> str:
    """A check's ``type`` for a step type (``check.photo_id`` -> ``photo_id``); step types the
    Check object's enum lacks (watchlist, employment referencing) become ``dummy``."""
    kind = step_type.removeprefix("check.")
    return kind if kind in _CHECK_TYPES else "dummy"


_CHECK_TYPES = (
    "banking_information",
    "credit",
    "criminal_record",
    "dummy",
    "hscni_access_ni",
    "identity",
    "nhs_esr",
    "photo_id",
    "reference",
    "thorntons_onboarding",
    "video",
)
