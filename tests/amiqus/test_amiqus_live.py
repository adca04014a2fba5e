"""AmiqusClient against the Amiqus emulator over loopback.

Every row of ``amiqus.tsv`` is called through the client; every request the client built and
every answer the emulator gave is validated against the vendor's OpenAPI spec. Then the flows
a team runs: onboarding a client, cases, organisations, paging, errors, webhooks.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime, timezone
from typing import Any

import pytest

from amiqus_async import AmiqusClient
from amiqus_async.emulator import AmiqusEmulator
from amiqus_async.models import (
    AddressInput,
    AssigneeInput,
    CaseInput,
    CaseItemInput,
    CaseReviewInput,
    CaseUpdate,
    ClientFileInput,
    ClientInput,
    CorrectionUpdate,
    FormTemplateFieldInput,
    FormTemplateInput,
    FormTemplateUpdate,
    NameInput,
    OrganisationInput,
    RecordInput,
    RecordStepInput,
    RecordUpdate,
    SdkTokenInput,
    StepReviewInput,
    StepsValidation,
    TeamUpdate,
    UserUpdate,
    WebhookInput,
    WebhookUpdate,
)
from common import (
    Upload,
)

from .. import inventory
from .openapi import SpecValidator

PREFIX = "/api/v2"
Call = Callable[[AmiqusClient, "Ids"], Awaitable[Any]]


class Ids:
    """Ids of the seeded data the calls use (and those they create along the way)."""

    def __init__(self, emu: AmiqusEmulator) -> None:
        d = emu.data
        self.client = next(iter(d.clients))
        self.form = next(ref for ref, f in d.client_forms.items() if f["client"] == self.client)
        self.file, self.file_client = next(iter(d.file_owner.items()))
        self.correction = next(iter(d.corrections))
        self.correction_client = d.corrections[self.correction]["client"]
        self.organisation = next(iter(d.organisations))
        self.record = next(iter(d.records))
        self.step = d.record_steps[self.record][0]
        self.check = next(iter(d.checks))
        self.team = next(iter(d.teams))
        self.member = d.me_member_id
        self.other_member = max(d.members[self.team])  # assigned to nothing yet
        self.case = next(iter(d.cases))
        self.case_item = d.case_item_index[self.case][0]
        self.attachment = next(  # redactable: uploaded for a document request
            a
            for document in d.record_documents.values()
            for a in document.get("attachments") or ()
            if isinstance(a, int)
        )
        self.form_template = next(iter(d.form_templates))
        self.template = next(iter(d.record_templates))
        self.created: dict[str, Any] = {}


async def collect(pager: Any) -> list[Any]:
    return list(await pager.with_options(max_items=3).collect())


def _assign(ids: Ids, *, other: bool = False) -> list[AssigneeInput]:
    member = ids.other_member if other else ids.member
    return [AssigneeInput(type="team_member", team_member=member)]


async def _new_attachment(c: AmiqusClient, ids: Ids) -> Any:
    attachment = await c.attachments.create(Upload(b"%PDF-1.7 hello", filename="hello.pdf"))
    ids.created["attachment"] = attachment.id
    return attachment


#: operation id -> the call; in the order they run (writes after reads, deletes last).
CALLS: dict[str, Call] = {
    "get-status": lambda c, i: c.service_status.check(),
    "get-me": lambda c, i: c.user_account.get(),
    "patch-me": lambda c, i: c.user_account.update(UserUpdate(name="Doc Brown")),
    "get-me-teams": lambda c, i: collect(c.user_account.list_teams()),
    "get-team": lambda c, i: c.your_team.get(),
    "patch-team": lambda c, i: c.your_team.update(TeamUpdate(telephone="01234 567890")),
    "get-team-me": lambda c, i: c.your_team.get_membership(),
    "get-team-members": lambda c, i: collect(c.your_team.list_members()),
    "get-credits": lambda c, i: collect(c.your_team.list_credits(expand=["causer"])),
    "get-clients": lambda c, i: collect(
        c.clients.list(status="pending", visibility="active", sort_by="created_at", limit=2)
    ),
    "post-clients": lambda c, i: c.clients.create(
        ClientInput(
            name=NameInput(title="mr", first_name="Marty", last_name="McFly"),
            email="marty@example.com",
            reference="BTTF-1",
        )
    ),
    "get-clients-id": lambda c, i: c.clients.get(i.client),
    "patch-clients-id": lambda c, i: c.clients.update(i.client, ClientInput(mobile="07700 900000")),
    "get-clients-id-address": lambda c, i: c.clients.get_address(i.client),
    "put-clients-id-address": lambda c, i: c.clients.replace_address(
        i.client,
        AddressInput(
            house_number="1640",
            street_name="Riverside Drive",
            city="Hill Valley",
            postcode="HV1 1AA",
            country="GB",
        ),
    ),
    "get-clients-id-forms": lambda c, i: collect(c.clients.list_forms(i.client, expand=["record"])),
    "get-clients-id-forms-reference": lambda c, i: c.clients.get_form(i.client, i.form),
    "get-clients-id-forms-reference-download": lambda c, i: _read(
        c.clients.download_form(i.client, i.form)
    ),
    "get-clients-id-records": lambda c, i: collect(c.clients.list_records(i.client)),
    "get-clients-id-corrections": lambda c, i: collect(
        c.clients.list_corrections(i.correction_client, status="pending")
    ),
    "patch-clients-clientId-corrections-correctionId": lambda c, i: c.clients.update_correction(
        i.correction_client, str(i.correction), CorrectionUpdate(status="rejected")
    ),
    "get-clients-id-assignees": lambda c, i: collect(c.client_assignees.list(i.client)),
    "post-clients-id-assignees": lambda c, i: c.client_assignees.add(i.client, _assign(i)),
    "put-clients-id-assignees": lambda c, i: c.client_assignees.replace(
        i.client, _assign(i, other=True)
    ),
    "get-clients-id-organisations": lambda c, i: collect(
        c.client_organisations.list(i.client, expand=["assignees"])
    ),
    "post-clients-id-organisations": lambda c, i: c.client_organisations.add(
        i.client, [i.organisation]
    ),
    "put-clients-id-organisations": lambda c, i: c.client_organisations.replace(
        i.client, [i.organisation]
    ),
    "get-clients-id-files": lambda c, i: collect(c.client_files.list(i.file_client)),
    "post-attachments": _new_attachment,
    "post-clients-id-files": lambda c, i: _new_client_file(c, i),
    "get-clients-clientId-files-fileId-download": lambda c, i: _read(
        c.client_files.download(i.file_client, i.file)
    ),
    "get-organisations": lambda c, i: collect(c.organisations.list(assignee=False)),
    "post-organisations": lambda c, i: c.organisations.create(
        OrganisationInput(name="Twin Pines Ltd", jurisdiction="gb")
    ),
    "get-organisations-id": lambda c, i: c.organisations.get(i.organisation, expand=["clients"]),
    "patch-organisations-id": lambda c, i: c.organisations.update(
        i.organisation, OrganisationInput(name="Lone Pine Ltd")
    ),
    "get-organisations-id-assignees": lambda c, i: collect(
        c.organisation_assignees.list(i.organisation)
    ),
    "post-organisations-id-assignees": lambda c, i: c.organisation_assignees.add(
        i.organisation, _assign(i)
    ),
    "put-organisations-id-assignees": lambda c, i: c.organisation_assignees.replace(
        i.organisation, _assign(i, other=True)
    ),
    "get-organisations-id-clients": lambda c, i: collect(
        c.organisation_clients.list(i.organisation)
    ),
    "get-records": lambda c, i: collect(c.records.list(expand=["client"], order_by="desc")),
    "post-records": lambda c, i: c.records.create(
        RecordInput(
            client=i.client,
            steps=[RecordStepInput(type="check.dummy")],
            notification="email",
        )
    ),
    "get-records-id": lambda c, i: c.records.get(i.record, expand=["client"]),
    "patch-records-id": lambda c, i: c.records.update(i.record, RecordUpdate(has_reminders=False)),
    "get-records-id-download": lambda c, i: _read(c.records.download(i.record)),
    "get-records-id-steps": lambda c, i: collect(c.records.list_steps(i.record, expand=["check"])),
    "get-records-id-documents": lambda c, i: collect(c.records.list_documents(i.record)),
    "get-checks-id": lambda c, i: c.records.get_check(i.check, expand=["record", "response"]),
    "get-records-recordId-steps-stepId-reviews": lambda c, i: collect(
        c.records.list_step_reviews(i.record, i.step)
    ),
    "post-records-recordId-steps-stepId-reviews": lambda c, i: c.records.create_step_review(
        i.record, i.step, StepReviewInput(status="approved", message="Looks right")
    ),
    "get-records-id-assignees": lambda c, i: collect(c.record_assignees.list(i.record)),
    "post-records-id-assignees": lambda c, i: c.record_assignees.add(i.record, _assign(i)),
    "put-records-id-assignees": lambda c, i: c.record_assignees.replace(
        i.record, _assign(i, other=True)
    ),
    "get-teams-teamId-members": lambda c, i: collect(c.teams.list_members(i.team)),
    "get-teams-teamId-members-teamMemberId": lambda c, i: c.teams.get_member(i.team, i.member),
    "get-documents": lambda c, i: collect(c.documents.list(enabled=True, expand=["attachment"])),
    "get-templates-emails": lambda c, i: collect(c.templates.list_emails()),
    "get-templates-documents": lambda c, i: collect(c.templates.list_documents()),
    "get-templates-records": lambda c, i: collect(c.templates.list_records(enabled=True)),
    "get-form-templates": lambda c, i: collect(c.templates.list_forms()),
    "post-form-templates": lambda c, i: _new_form_template(c, i),
    "get-form-templates-id": lambda c, i: c.templates.get_form(i.form_template),
    "patch-form-templates-id": lambda c, i: c.templates.update_form(
        i.form_template, FormTemplateUpdate(description="Updated")
    ),
    "get-files": lambda c, i: collect(c.files.list(sort_by="created_at")),
    "get-webhooks": lambda c, i: collect(c.webhooks.list()),
    "post-webhooks": lambda c, i: _new_webhook(c, i),
    "get-webhooks-id": lambda c, i: c.webhooks.get(i.created["webhook"]),
    "patch-webhooks-id": lambda c, i: c.webhooks.update(
        i.created["webhook"], WebhookUpdate(is_enabled=True)
    ),
    "get-webhooks-id-deliveries": lambda c, i: collect(
        c.webhooks.list_deliveries(i.created["webhook"])
    ),
    "get-forms": lambda c, i: collect(c.forms.list(type="requested")),
    "get-steps": lambda c, i: collect(c.steps.list()),
    "post-steps": lambda c, i: c.steps.validate(
        StepsValidation(steps=[RecordStepInput(type="check.dummy")])
    ),
    "put-attachments-id": lambda c, i: c.attachments.redact(i.attachment),
    "post-sdk_token": lambda c, i: c.other_resources.create_sdk_token(
        SdkTokenInput(record_id=i.record)
    ),
    "get-cases": lambda c, i: collect(c.cases.list(status=["pending"], search="Onboarding")),
    "post-cases": lambda c, i: c.cases.create(
        CaseInput(client=i.client, name="Full-time onboarding")
    ),
    "get-cases-id": lambda c, i: c.cases.get(i.case, expand=["client", "items", "assignees"]),
    "patch-cases-id": lambda c, i: c.cases.update(i.case, CaseUpdate(reference="AQFT123")),
    "get-cases-id-items": lambda c, i: collect(c.case_items.list(i.case)),
    "patch-cases-id-items": lambda c, i: c.case_items.update(
        i.case, [CaseItemInput(id=i.record, type="record")]
    ),
    "get-cases-id-reviews": lambda c, i: collect(c.cases.list_reviews(i.case)),
    "post-cases-id-reviews": lambda c, i: c.cases.create_review(
        i.case, CaseReviewInput(status="approved")
    ),
    "get-cases-id-assignees": lambda c, i: collect(c.case_assignees.list(i.case)),
    "get-aggregates-case-status": lambda c, i: c.aggregates.case_status(
        start_date=datetime(2020, 1, 1, tzinfo=timezone.utc), visibility="active"
    ),
    "post-records-id-archive": lambda c, i: _deprecated(c.records.archive(i.record)),
    "post-records-id-expire": lambda c, i: c.records.expire(i.created["record"]),
    # Deletes last.
    "delete-cases-caseId-items-itemId": lambda c, i: c.case_items.delete(i.case, i.case_item),
    "delete-records-recordId-assignees-assigneeId": lambda c, i: c.record_assignees.delete(
        i.record, i.created["record_assignee"]
    ),
    "delete-records-id-assignees": lambda c, i: c.record_assignees.delete_all(i.record),
    "delete-organisations-id-assignees-assigneeId": lambda c, i: c.organisation_assignees.delete(
        i.organisation, i.created["organisation_assignee"]
    ),
    "delete-organisations-id-assignees": lambda c, i: c.organisation_assignees.delete_all(
        i.organisation
    ),
    "delete-clients-clientId-assignees-assigneeId": lambda c, i: c.client_assignees.delete(
        i.client, i.created["client_assignee"]
    ),
    "delete-clients-id-assignees": lambda c, i: c.client_assignees.delete_all(i.client),
    "get-clients-clientId-organisations-organisationId": lambda c, i: c.client_organisations.delete(
        i.client, i.organisation
    ),
    "delete-clients-id-organisations": lambda c, i: c.client_organisations.delete_all(i.client),
    "delete-clients-clientId-files-fileId": lambda c, i: c.client_files.delete(
        i.client, i.created["client_file"]
    ),
    "delete-attachments-id": lambda c, i: c.attachments.delete(i.created["attachment"]),
    "delete-form-templates-id": lambda c, i: c.templates.delete_form(i.created["form_template"]),
    "delete-webhooks-id": lambda c, i: c.webhooks.delete(i.created["webhook"]),
    "delete-clients-id": lambda c, i: c.clients.delete(i.created["client"]),
}


async def _deprecated(call: Awaitable[Any]) -> Any:
    """A call of an operation the spec deprecates: it warns."""
    with pytest.warns(DeprecationWarning, match="deprecated by Amiqus"):
        return await call


async def _read(download: Any) -> bytes:
    async with download as stream:
        data: bytes = await stream.read()
    assert data
    return data


async def _new_client_file(c: AmiqusClient, ids: Ids) -> Any:
    made = await c.client_files.create(
        ids.client, ClientFileInput(attachment=ids.created["attachment"], name="Hello")
    )
    ids.created["client_file"] = made.id
    return made


async def _new_form_template(c: AmiqusClient, ids: Ids) -> Any:
    made = await c.templates.create_form(
        FormTemplateInput(
            name="Starter form",
            fields=[
                FormTemplateFieldInput(id="about", type="heading", label="About you"),
                FormTemplateFieldInput(id="job", type="text", label="Job title"),
            ],
        )
    )
    ids.created["form_template"] = made.reference
    return made


async def _new_webhook(c: AmiqusClient, ids: Ids) -> Any:
    made = await c.webhooks.create(
        WebhookInput(url="https://example.com/hook", events=["client.*"])
    )
    ids.created["webhook"] = made.id
    return made


@pytest.fixture
async def emu() -> AsyncIterator[AmiqusEmulator]:
    async with AmiqusEmulator(record_responses=True) as emulator:
        yield emulator


def client_for(emu: AmiqusEmulator, **options: Any) -> AmiqusClient:
    return AmiqusClient(token=emu.token, base_url=emu.url, **options)


async def test_every_operation_through_the_client_validates_against_the_spec(
    emu: AmiqusEmulator, spec_validator: SpecValidator
) -> None:
    rows = inventory.rows("amiqus")
    assert {r["operation_id"] for r in rows} == set(CALLS)
    ids = Ids(emu)
    async with client_for(emu) as amiqus:
        for operation_id, call in CALLS.items():
            answer = await call(amiqus, ids)
            if operation_id in ("post-clients", "post-records"):
                ids.created[operation_id.removeprefix("post-").rstrip("s")] = answer.id
            if operation_id.startswith("put-") and operation_id.endswith("-assignees"):
                kind = operation_id.split("-")[1].rstrip("s")
                ids.created[f"{kind}_assignee"] = answer[0].id
    called = {spec_validator.operation_for(e.method, e.path) for e in emu.exchanges}
    assert called == set(CALLS)
    for exchange in emu.exchanges:
        spec_validator.check_exchange(exchange)
    for row in rows:
        sent = inventory.matching(
            row, emu.server.requests, prefix=PREFIX, path_values=dict.fromkeys(_names(row), None)
        )
        assert sent, row["operation_id"]
        assert {r.status for r in sent} <= {200, 201, 204, 404}, row["operation_id"]
        allowed = inventory.documented_query(row)
        for request in sent:
            assert set(request.query) <= allowed, (row["operation_id"], set(request.query))
            if row["body"] == "none":
                assert not request.body, row["operation_id"]
            elif row["body"] == "json" and request.body:
                assert request.content_type == "application/json"
            elif row["body"] == "multipart":
                assert request.content_type == "multipart/form-data"


def _names(row: dict[str, str]) -> list[str]:
    return [part[1:-1] for part in row["path"].split("/") if part.startswith("{")]
