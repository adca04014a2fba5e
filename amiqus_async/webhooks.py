"""Receiving Amiqus webhooks: signature checks, typed events, and an ``aiohttp.web`` handler.

Amiqus POSTs one JSON payload per event (Amiqus guides, "Webhooks")::

    {"webhook": {"uuid": "db6a2d91-...", "created_at": "2023-02-11T13:01:34Z", "events": ["*"]},
     "trigger": {"triggered_at": "2023-06-28T16:15:27Z", "alias": "client.created"},
     "data": {"client": {"id": 472346, "show": "https://id.amiqus.co/api/v2/clients/472346"}}}

signed in the ``X-AQID-Signature`` header: the base64 HMAC-SHA256 of the raw body, keyed with
the webhook's shared ``secret`` (returned by the webhooks API). The receiver must answer 2xx
within five seconds, or Amiqus delivers again (after 60, 120, 600 and 900 s) and, after ten
payloads that failed that way, deactivates the webhook. Deliveries whose signature does not
match are answered 404, as the guide suggests (it does not tell an attacker what is there)::

    from aiohttp import web
    from amiqus_async.webhooks import WebhookEvent, webhook_handler

    async def on_event(event: WebhookEvent) -> None:
        if event.family == "record" and event.data.record is not None:
            ...  # e.g. fetch event.data.record.id with the API client

    app = web.Application()
    app.router.add_post("/hooks/amiqus", webhook_handler(on_event, secret=WEBHOOK_SECRET))

Payloads are deliberately small (ids and API links, no personal data): fetch the rest with the
API client. Unknown aliases (Amiqus adds some; wildcard subscriptions receive them) are kept
as plain strings, and unknown keys are ignored, so a new kind of event never fails a delivery.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import hmac
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, Final

import attrs

from common import ApiError, DecodeError, InvalidRequestError, Secret, json_loads
from common.models import structure
from common.webhooks import WebhookHandler
from common.webhooks import webhook_handler as _webhook_handler

__all__ = [
    "ATTEMPT_HEADER",
    "SIGNATURE_HEADER",
    "CaseRef",
    "ClientRef",
    "FormRef",
    "OrganisationRef",
    "RecordRef",
    "RecordSubject",
    "WebhookAlias",
    "WebhookData",
    "WebhookEvent",
    "WebhookFamily",
    "WebhookInfo",
    "WebhookSignatureError",
    "WebhookTrigger",
    "check_signature",
    "delivery_attempt",
    "parse_event",
    "sign",
    "verify_signature",
    "webhook_handler",
]

#: Header carrying the base64 HMAC-SHA256 of the raw body.
SIGNATURE_HEADER: Final = "X-AQID-Signature"
#: Header carrying how many attempts have been made to deliver this payload.
ATTEMPT_HEADER: Final = "X-AQID-Delivery-Attempt"

#: Amiqus asks for an answer within 5 s; leave room for the network.
DEFAULT_RESPOND_WITHIN: Final = 3.0


# -- signatures ------------------------------------------------------------------------------


class WebhookSignatureError(ApiError, ValueError):
    """A delivery's ``X-AQID-Signature`` is missing or does not match its body."""


def _key(secret: str | Secret) -> bytes:
    return Secret(secret).reveal().encode()


def sign(body: bytes, secret: str | Secret) -> str:
    """The ``X-AQID-Signature`` value Amiqus sends with *body* (for tests and emulators)."""
    digest = hmac.new(_key(secret), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def verify_signature(body: bytes, header: str | None, secret: str | Secret) -> bool:
    """Whether *header* (the ``X-AQID-Signature`` value) signs the raw *body* with *secret*.

    Compared in constant time. A missing, empty or malformed header (not base64, wrong
    length) and an empty *secret* give ``False``; this function does not raise on bad input.
    """
    if not isinstance(header, str) or not isinstance(body, (bytes, bytearray)):
        return False
    try:
        key = _key(secret)
        given = base64.b64decode(header.strip(), validate=True)
    except (binascii.Error, ValueError, TypeError):
        return False
    if not key or not given:
        return False
    expected = hmac.new(key, bytes(body), hashlib.sha256).digest()
    return hmac.compare_digest(given, expected)


def check_signature(body: bytes, header: str | None, secret: str | Secret) -> None:
    """Like :func:`verify_signature`, raising :class:`WebhookSignatureError` on a mismatch."""
    if not verify_signature(body, header, secret):
        reason = "missing" if not header else "does not match the body"
        raise WebhookSignatureError(f"the webhook's {SIGNATURE_HEADER} header is {reason}")


def delivery_attempt(headers: Mapping[str, str]) -> int | None:
    """The ``X-AQID-Delivery-Attempt`` count of a delivery (1 for the first), if readable."""
    value = headers.get(ATTEMPT_HEADER)
    if value is None or not value.strip().isdigit():
        return None
    return int(value.strip())


# -- events ----------------------------------------------------------------------------------


class _Text(str, enum.Enum):
    """A string enum whose ``str()`` is its value (``"record.finished"``) on every Python."""

    def __str__(self) -> str:
        return str(self.value)


class WebhookFamily(_Text):
    """The kind of entity an alias is about: the part before the dot."""

    CLIENT = "client"
    CASE = "case"
    RECORD = "record"
    FORM = "form"
    WATCHLIST = "watchlist"
    #: A test delivery (listed among the delivery events of the OpenAPI spec).
    PING = "ping"


class WebhookAlias(_Text):
    """Every event alias Amiqus documents (guide and OpenAPI ``WebhookDeliveryEvents``)."""

    CLIENT_CREATED = "client.created"
    CLIENT_DELETED = "client.deleted"
    CLIENT_DELETION_REMINDER_DELETED = "client.deletion_reminder_deleted"
    CLIENT_DELETION_REMINDER_DUE = "client.deletion_reminder_due"
    CLIENT_DELETION_REMINDER_UPDATED = "client.deletion_reminder_updated"
    CLIENT_ORGANISATIONS = "client.organisations"
    CLIENT_RECORD = "client.record"
    CLIENT_STATUS = "client.status"
    CLIENT_UPDATED = "client.updated"
    CLIENT_ARCHIVED = "client.archived"
    CLIENT_UNARCHIVED = "client.unarchived"

    CASE_APPROVED = "case.approved"
    CASE_ARCHIVED = "case.archived"
    CASE_CREATED = "case.created"
    CASE_ITEM_ADDED = "case.item_added"
    CASE_ITEM_REMOVED = "case.item_removed"
    CASE_REJECTED = "case.rejected"
    CASE_STATUS = "case.status"
    CASE_UNARCHIVED = "case.unarchived"
    CASE_UPDATED = "case.updated"

    RECORD_CREATED = "record.created"
    RECORD_UPDATED = "record.updated"
    RECORD_FINISHED = "record.finished"
    RECORD_BOUNCED = "record.bounced"
    RECORD_REVIEWED = "record.reviewed"
    RECORD_UNREVIEWED = "record.unreviewed"

    FORM_ATTACHED = "form.attached"
    FORM_DELETED = "form.deleted"
    FORM_MODIFIED = "form.modified"
    FORM_SENT = "form.sent"
    FORM_SUBMITTED = "form.submitted"
    FORM_UPDATED = "form.updated"

    WATCHLIST_UPDATED = "watchlist.updated"

    PING = "ping"

    @property
    def family(self) -> WebhookFamily:
        return WebhookFamily(self.value.partition(".")[0])


class RecordSubject(_Text):
    """Whom a record is about (``data.record.type``)."""

    CLIENT = "client"
    ORGANISATION = "organisation"


@attrs.frozen
class ClientRef:
    """``data.client``: the client (person) concerned. ``client.deleted`` carries only ``id``."""

    id: int
    #: API URL of the client (``GET /clients/{id}``).
    show: str | None = None


@attrs.frozen
class RecordRef:
    """``data.record``: a record (request) sent to a client or an organisation."""

    id: int
    #: The record's subject; absent from form events and from payloads before 2024.
    type: RecordSubject | str | None = None
    show: str | None = None
    #: API URL of the record's PDF.
    download: str | None = None


@attrs.frozen
class CaseRef:
    """``data.case``: the case concerned (events about records and forms outside any case
    carry no case: :attr:`WebhookData.case` is then ``None``)."""

    id: int
    show: str | None = None


@attrs.frozen
class OrganisationRef:
    """``data.organisation``: the organisation an organisation record was sent to."""

    id: int
    show: str | None = None


@attrs.frozen
class FormRef:
    """``data.form``: a client form, identified by its UUID ``reference``."""

    reference: str
    show: str | None = None


@attrs.frozen
class _MaybeCase:
    id: int | None = None
    show: str | None = None


@attrs.frozen
class WebhookData:
    """``data``: references to the entities concerned; which are present depends on the alias.

    ============================  ==========================================================
    client.*                      ``client`` (``client.record`` also ``record``)
    case.*                        ``case``, ``client``
    record.*, watchlist.updated   ``record`` and ``client`` (+ ``case`` when in one), or
                                  ``record`` and ``organisation`` for an organisation record
    form.*                        ``form``, ``client`` (not on ``form.deleted``); ``record``
                                  and ``case`` for a form sent as a record step
    ============================  ==========================================================
    """

    client: ClientRef | None = None
    record: RecordRef | None = None
    case: CaseRef | None = None
    organisation: OrganisationRef | None = None
    form: FormRef | None = None


@attrs.frozen
class WebhookInfo:
    """``webhook``: the subscription that fired."""

    uuid: str
    created_at: datetime | None = None
    #: The events it is subscribed to, wildcards included (``"*"``, ``"record.*"``).
    events: tuple[str, ...] = ()


@attrs.frozen
class WebhookTrigger:
    """``trigger``: what happened, and when."""

    alias: WebhookAlias | str
    triggered_at: datetime | None = None


@attrs.frozen
class _WireData:
    client: ClientRef | None = None
    record: RecordRef | None = None
    case: _MaybeCase | None = None
    organisation: OrganisationRef | None = None
    form: FormRef | None = None


@attrs.frozen
class _Envelope:
    trigger: WebhookTrigger
    webhook: WebhookInfo | None = None
    data: _WireData | None = None


@attrs.frozen
class WebhookEvent:
    """One delivery, parsed: ``event.alias``, ``event.family``, ``event.data.record``...

    ``alias`` is a :class:`WebhookAlias` when Amiqus documents it, else the string as sent;
    ``family`` likewise (``event.family == "record"`` works for both). ``raw`` is the whole
    decoded payload, for keys this model does not name yet.
    """

    trigger: WebhookTrigger
    data: WebhookData = attrs.field(factory=WebhookData)
    #: The subscription; ``None`` only for a payload in the OpenAPI delivery-log shape.
    webhook: WebhookInfo | None = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

    @property
    def alias(self) -> WebhookAlias | str:
        return self.trigger.alias

    @property
    def family(self) -> WebhookFamily | str:
        alias = self.trigger.alias
        if isinstance(alias, WebhookAlias):
            return alias.family
        name = alias.partition(".")[0]
        try:
            return WebhookFamily(name)
        except ValueError:
            return name

    @property
    def triggered_at(self) -> datetime | None:
        return self.trigger.triggered_at

    @property
    def webhook_uuid(self) -> str | None:
        return None if self.webhook is None else self.webhook.uuid


def _guide_shape(payload: Mapping[str, Any]) -> Mapping[str, Any]:
    """The guide's ``{webhook, trigger, data}``; the OpenAPI spec's delivery-log body
    ``{uuid, event, sent_at, data}`` is read into the same shape (no ``webhook`` then)."""
    if "trigger" not in payload and isinstance(payload.get("event"), str):
        return {
            "trigger": {"alias": payload["event"], "triggered_at": payload.get("sent_at")},
            "data": payload.get("data"),
        }
    return payload


def parse_event(body: bytes | str) -> WebhookEvent:
    """The :class:`WebhookEvent` in a delivery's raw *body*.

    Raises :class:`~common.errors.DecodeError` when the body is not JSON or not the
    documented shape (``trigger.alias`` missing, an id that is not a number...). ``data``
    that is ``null`` or not an object gives an empty :class:`WebhookData`.
    """
    try:
        payload = json_loads(body)
    except ValueError as err:
        raise DecodeError("the webhook body is not JSON", excerpt=_excerpt(body)) from err
    if not isinstance(payload, dict):
        raise DecodeError("the webhook body is not a JSON object", excerpt=_excerpt(body))
    shaped = dict(_guide_shape(payload))
    if not isinstance(shaped.get("data"), Mapping):
        shaped["data"] = None
    try:
        envelope = structure(shaped, _Envelope)
    except DecodeError as err:
        detail = err.message.partition(": ")[2] or err.message
        raise DecodeError(
            f"the webhook payload is not the documented shape: {detail}", excerpt=err.excerpt
        ) from err
    wire = envelope.data or _WireData()
    case = wire.case
    data = WebhookData(
        client=wire.client,
        record=wire.record,
        case=None if case is None or case.id is None else CaseRef(case.id, case.show),
        organisation=wire.organisation,
        form=wire.form,
    )
    return WebhookEvent(trigger=envelope.trigger, data=data, webhook=envelope.webhook, raw=payload)


def _excerpt(body: bytes | str) -> str:
    text = body if isinstance(body, str) else body[:200].decode("utf-8", "replace")
    return text[:200]


# -- the aiohttp handler ---------------------------------------------------------------------


def webhook_handler(
    on_event: Callable[[WebhookEvent], Awaitable[object] | object],
    *,
    secret: str | Secret | Sequence[str | Secret],
    respond_within: float | None = DEFAULT_RESPOND_WITHIN,
    max_body: int = 1024 * 1024,
) -> WebhookHandler:
    """An ``aiohttp.web`` handler for Amiqus deliveries; *on_event* (plain or async) gets each
    genuine one as a :class:`WebhookEvent`.

    * A signature that does not match *secret* (or any of several secrets, for a URL that
      receives the webhooks of several teams) is answered **404** and never reaches
      *on_event*; a body that does not parse, 400; one above *max_body* bytes, 413.
    * *on_event* runs as a task. If it returns within *respond_within* seconds (default 3:
      Amiqus waits 5) the answer is 200, or 500 if it raised, so Amiqus delivers again;
      if it is still running, the answer is 202 and it carries on (a later failure is only
      logged). ``respond_within=None`` waits for it however long it takes.

    Nothing is logged about the secret or the signature.
    """
    secrets = _secrets(secret)

    def verify(body: bytes, headers: Mapping[str, str]) -> bool:
        header = headers.get(SIGNATURE_HEADER)
        return any(verify_signature(body, header, s) for s in secrets)

    return _webhook_handler(
        parse_event,
        on_event,
        verify=verify,
        max_body=max_body,
        reject_status=404,
        respond_within=respond_within,
    )


def _secrets(secret: str | Secret | Sequence[str | Secret]) -> tuple[Secret, ...]:
    items = [secret] if isinstance(secret, (str, Secret)) else list(secret)
    secrets = tuple(Secret(s) for s in items)
    if not secrets or not all(secrets):
        raise InvalidRequestError("give the webhook's shared secret (it must not be empty)")
    return secrets
