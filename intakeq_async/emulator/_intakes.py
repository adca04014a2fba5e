"""Handlers for intake forms: summaries, full intakes, PDFs, sending, office use, attachments."""

from __future__ import annotations

from aiohttp import web

from common.testing import Refusal
from common.testing.pdf import render_pdf
from intakeq_async.emulator._http import Body, Ctx, in_range, matches_text
from intakeq_async.emulator._store import Json, new_client, new_intake, now_ms, summary

__all__ = [
    "download_attachment",
    "get_consent_pdf",
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
    return ctx.ok(ctx.item(ctx.data.intakes, "Intake"))


def _lines(record: Json) -> list[str]:
    return [f"{q['Text']}: {q.get('Answer') or ''}" for q in record.get("Questions") or []]


async def get_intake_pdf(ctx: Ctx) -> web.StreamResponse:
    intake = ctx.item(ctx.data.intakes, "Intake")
    title = f"{intake['QuestionnaireName']} - {intake['ClientName']}"
    body = render_pdf(title, [f"Status: {intake['Status']}", *_lines(intake)])
    return ctx.binary(body, "application/pdf", f"intake-{intake['Id']}.pdf")


async def get_consent_pdf(ctx: Ctx) -> web.StreamResponse:
    """One consent form of an intake, as a PDF (signed or not, as the intake holds it)."""
    intake = ctx.item(ctx.data.intakes, "Intake")
    form_id = ctx.params["consentFormId"]
    form = next((f for f in intake["ConsentForms"] if f["Id"] == form_id), None)
    if form is None:
        raise Refusal(404, f"Consent form '{form_id}' was not found in intake '{intake['Id']}'.")
    signed = "Signed" if form["Signed"] else "Not signed"
    body = render_pdf(f"{form['Name']} - {intake['ClientName']}", [f"Status: {signed}"])
    return ctx.binary(body, "application/pdf", f"consent-{form['Id']}.pdf")


async def list_questionnaires(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(list(ctx.data.questionnaires.values()))


def _recipient(ctx: Ctx, body: Body) -> Json:
    """The client named by ``ClientId``, else found by ``ClientEmail``, else created."""
    data = ctx.data
    raw_id = body.integer("ClientId")
    name, email = body.string("ClientName"), body.string("ClientEmail")
    phone, external = body.string("ClientPhone"), body.string("ExternalClientId")
    if raw_id not in (None, 0):
        found = data.find_client(raw_id)
        if found is None:
            raise Refusal(400, f"ClientId '{raw_id}' is not valid.")
        return found
    if name is None or email is None:
        raise Refusal(400, "ClientId, or ClientName and ClientEmail, are required.")
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
        Phone=phone,
        ExternalClientId=external,
    )
    data.clients[client["ClientId"]] = client
    return client


async def send_intake(ctx: Ctx) -> web.StreamResponse:
    body = await ctx.body()
    data = ctx.data
    questionnaire_id = body.string("QuestionnaireId", required=True)
    questionnaire = data.questionnaires.get(str(questionnaire_id))
    if questionnaire is None or questionnaire["Archived"]:
        raise Refusal(400, f"QuestionnaireId '{questionnaire_id}' is not valid.")
    practitioner_id = body.string("PractitionerId")
    if practitioner_id is not None and practitioner_id not in data.practitioners:
        raise Refusal(400, f"PractitionerId '{practitioner_id}' is not valid.")
    method = body.choice("DeliveryMethod", DELIVERY_METHODS) or "Email"
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
    intake_id = body.string("IntakeId", required=True)
    method = body.choice("DeliveryMethod", DELIVERY_METHODS) or "Email"
    if intake_id not in ctx.data.intakes:
        raise Refusal(404, f"Intake '{intake_id}' was not found.")
    ctx.data.deliveries.append(
        {"IntakeId": intake_id, "DeliveryMethod": method, "Resent": True, "Time": now_ms()}
    )
    return ctx.empty()


def _rows(answer: Body) -> list[Json] | None:
    """A matrix answer's ``Rows``: ``[{Text, Answers: [str]}]``."""
    rows = answer.objects("Rows")
    if rows is None:
        return None
    return [{"Text": row.string("Text"), "Answers": row.strings("Answers") or []} for row in rows]


async def update_office_answers(ctx: Ctx) -> web.StreamResponse:
    """Answer an intake's office-use questions
    (``{Id, Questions: [{Id, Answer, OfficeNote, Rows}]}``)."""
    body = await ctx.body()
    intake_id = body.string("Id", required=True)
    sent = body.objects("Questions", required=True)
    assert sent is not None
    found = ctx.data.intakes.get(str(intake_id))
    if found is None:
        raise Refusal(404, f"Intake '{intake_id}' was not found.")
    questions = {q["Id"]: dict(q) for q in found["Questions"]}
    for answer in sent:
        question_id = answer.string("Id", required=True)
        question = questions.get(question_id)
        if question is None:
            raise Refusal(400, f"Question '{question_id}' is not part of this intake.")
        if not question["OfficeUse"]:
            raise Refusal(400, f"Question '{question['Id']}' is not an office-use question.")
        for key in ("Answer", "OfficeNote"):
            if key in answer:
                question[key] = answer.string(key)
        rows = _rows(answer)
        if rows is not None:
            question["Rows"] = rows
    intake = dict(found, Questions=list(questions.values()), LastModified=now_ms())
    ctx.data.intakes[str(intake_id)] = intake
    return ctx.ok(intake)


async def download_attachment(ctx: Ctx) -> web.StreamResponse:
    attachment_id = ctx.params["id"]
    stored = ctx.data.attachments.get(attachment_id)
    if stored is None:
        raise Refusal(404, f"Attachment '{attachment_id}' was not found.")
    meta, body = stored
    return ctx.binary(body, meta["ContentType"], meta["FileName"])
