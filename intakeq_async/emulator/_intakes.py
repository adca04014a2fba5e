"""Handlers for intake forms: summaries, full intakes, PDFs, sending, office use, attachments."""

from __future__ import annotations

from aiohttp import web

from common.testing.pdf import render_pdf
from intakeq_async.emulator._http import ApiError, Ctx, in_range, matches_text
from intakeq_async.emulator._store import Json, new_client, new_intake, now_ms, summary

__all__ = [
    "download_attachment",
    "get_intake",
    "get_intake_pdf",
    "list_questionnaires",
    "query_intakes",
    "resend_intake",
    "send_intake",
    "update_office_answers",
]

COMPLETED = "Completed"
SENT = "Sent"
DELIVERY_METHODS = ("Email", "Sms")


async def query_intakes(ctx: Ctx) -> web.StreamResponse:
    """Only completed intakes unless ``all=true``; newest first."""
    source = ctx.data.deleted_intakes if ctx.flag("deletedOnly") else ctx.data.intakes
    client = ctx.text("client")
    start, end = ctx.date("startDate"), ctx.date("endDate")
    everything = ctx.flag("all")
    client_id = ctx.integer("clientId")
    external = ctx.text("externalClientId")
    since = ctx.date("updatedSince")

    def keep(i: Json) -> bool:
        return (
            (everything or i["Status"] == COMPLETED)
            and (client is None or matches_text(client, i["ClientName"], i["ClientEmail"]))
            and (client_id is None or i["ClientId"] == client_id)
            and (external is None or i["ExternalClientId"] == external)
            and in_range(i["DateCreated"], start, end)
            and in_range(i["LastModified"], since, None)
        )

    items = [i for i in source.values() if keep(i)]
    items.sort(key=lambda i: (i["DateCreated"], i["Id"]), reverse=True)
    return ctx.paged(items, summary)


async def get_intake(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(ctx.lookup("Intake", ctx.data.intakes))


def _lines(record: Json) -> list[str]:
    return [f"{q['Text']}: {q.get('Answer') or ''}" for q in record.get("Questions") or []]


async def get_intake_pdf(ctx: Ctx) -> web.StreamResponse:
    intake = ctx.lookup("Intake", ctx.data.intakes)
    title = f"{intake['QuestionnaireName']} - {intake['ClientName']}"
    body = render_pdf(title, [f"Status: {intake['Status']}", *_lines(intake)])
    return ctx.binary(body, "application/pdf", f"intake-{intake['Id']}.pdf")


async def list_questionnaires(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(list(ctx.data.questionnaires.values()))


def _text_field(body: Json, name: str) -> str | None:
    value = body.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ApiError(400, f"{name} must be a string.")
    return value.strip() or None


def _delivery(body: Json) -> str:
    raw = body.get("DeliveryMethod")
    if raw is None or raw == "":
        return "Email"
    for method in DELIVERY_METHODS:
        if isinstance(raw, str) and raw.casefold() == method.casefold():
            return method
    raise ApiError(400, f"DeliveryMethod must be one of {', '.join(DELIVERY_METHODS)}.")


def _recipient(ctx: Ctx, body: Json) -> Json:
    """The client named by ``ClientId``, else found by ``ClientEmail``, else created."""
    data = ctx.data
    raw_id = body.get("ClientId")
    if raw_id not in (None, "", 0):
        found = data.find_client(raw_id)
        if found is None:
            raise ApiError(400, f"ClientId '{raw_id}' is not valid.")
        return found
    name, email = _text_field(body, "ClientName"), _text_field(body, "ClientEmail")
    if name is None or email is None:
        raise ApiError(400, "ClientId, or ClientName and ClientEmail, are required.")
    for client in data.clients.values():
        if str(client["Email"] or "").casefold() == email.casefold():
            return client
    now = now_ms()
    client = new_client(data, data.take_client_id(), now)
    first, _, last = name.partition(" ")
    client.update(
        Name=name,
        FirstName=first,
        LastName=last or None,
        Email=email,
        Phone=_text_field(body, "ClientPhone"),
        ExternalClientId=_text_field(body, "ExternalClientId"),
    )
    data.clients[client["ClientId"]] = client
    return client


async def send_intake(ctx: Ctx) -> web.StreamResponse:
    body = await ctx.body()
    data = ctx.data
    questionnaire_id = _text_field(body, "QuestionnaireId")
    if questionnaire_id is None:
        raise ApiError(400, "QuestionnaireId is required.")
    questionnaire = data.questionnaires.get(questionnaire_id)
    if questionnaire is None or questionnaire["Archived"]:
        raise ApiError(400, f"QuestionnaireId '{questionnaire_id}' is not valid.")
    practitioner_id = _text_field(body, "PractitionerId")
    if practitioner_id is not None and practitioner_id not in data.practitioners:
        raise ApiError(400, f"PractitionerId '{practitioner_id}' is not valid.")
    method = _delivery(body)
    client = _recipient(ctx, body)
    practitioner = data.practitioners.get(practitioner_id or client["PractitionerId"] or "")
    if practitioner is None:
        practitioner = next(p for p in data.practitioners.values() if p["IsActive"])
    intake = new_intake(
        data,
        client=client,
        questionnaire=questionnaire,
        practitioner=practitioner,
        status=SENT,
        created_ms=now_ms(),
    )
    data.intakes[intake["Id"]] = intake
    data.deliveries.append(
        {"IntakeId": intake["Id"], "DeliveryMethod": method, "Resent": False, "Time": now_ms()}
    )
    return ctx.ok(intake)


async def resend_intake(ctx: Ctx) -> web.StreamResponse:
    body = await ctx.body()
    intake_id = _text_field(body, "IntakeId")
    if intake_id is None:
        raise ApiError(400, "IntakeId is required.")
    if intake_id not in ctx.data.intakes:
        raise ApiError(404, f"Intake '{intake_id}' was not found.")
    ctx.data.deliveries.append(
        {"IntakeId": intake_id, "DeliveryMethod": _delivery(body), "Resent": True, "Time": now_ms()}
    )
    return ctx.empty()


async def update_office_answers(ctx: Ctx) -> web.StreamResponse:
    """Answer an intake's office-use questions (``{Id, Questions: [{Id, Answer, OfficeNote}]}``)."""
    body = await ctx.body()
    intake_id = _text_field(body, "Id")
    if intake_id is None:
        raise ApiError(400, "Id is required.")
    found = ctx.data.intakes.get(intake_id)
    if found is None:
        raise ApiError(404, f"Intake '{intake_id}' was not found.")
    sent = body.get("Questions")
    if not isinstance(sent, list) or not all(isinstance(q, dict) for q in sent):
        raise ApiError(400, "Questions must be a list of {Id, Answer} objects.")
    questions = {q["Id"]: dict(q) for q in found["Questions"]}
    for answer in sent:
        question = questions.get(answer.get("Id"))
        if question is None:
            raise ApiError(400, f"Question '{answer.get('Id')}' is not part of this intake.")
        if not question["OfficeUse"]:
            raise ApiError(400, f"Question '{question['Id']}' is not an office-use question.")
        for key in ("Answer", "OfficeNote"):
            if key in answer:
                if answer[key] is not None and not isinstance(answer[key], str):
                    raise ApiError(400, f"{key} must be a string.")
                question[key] = answer[key]
    intake = dict(found, Questions=list(questions.values()), LastModified=now_ms())
    ctx.data.intakes[intake_id] = intake
    return ctx.ok(intake)


async def download_attachment(ctx: Ctx) -> web.StreamResponse:
    attachment_id = ctx.params["id"]
    stored = ctx.data.attachments.get(attachment_id)
    if stored is None:
        raise ApiError(404, f"Attachment '{attachment_id}' was not found.")
    meta, body = stored
    return ctx.binary(body, meta["ContentType"], meta["FileName"])
