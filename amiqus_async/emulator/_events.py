"""Webhook events: which subscriptions get them, the payload, the signature, the delivery log.

Source: guide ``webhooks.txt``. Every enabled webhook whose ``events`` hold the alias, its
family wildcard (``client.*``) or ``*`` receives a ``POST`` of ``{"webhook": {uuid,
created_at, events}, "trigger": {triggered_at, alias}, "data": {...}}`` with
``X-AQID-Signature`` = base64(HMAC-SHA256(key=webhook secret, msg=raw body)) and
``X-AQID-Delivery-Attempt``. Each attempt is logged as a ``webhook_delivery`` (spec schema
WebhookDelivery) for ``GET /webhooks/{id}/deliveries``. Deliveries run as tasks on the server's
loop; :meth:`WebhookDispatcher.flush` waits for them. Failures are logged, never raised, and
never retried (see :mod:`._inferred`).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import uuid
from collections.abc import Callable
from typing import Any

from amiqus_async.emulator._delivery import post
from amiqus_async.emulator._inferred import (
    DELIVERY_FAILED_STATUS,
    DELIVERY_ID_HEADER,
    DELIVERY_TIMEOUT,
    WEBHOOK_USER_AGENT,
)
from amiqus_async.emulator._store import AmiqusData
from amiqus_async.emulator._wire import Json, now_stamp

__all__ = ["Payloads", "WebhookDispatcher", "sign", "subscribed"]


def sign(secret: str, body: bytes) -> str:
    """The ``X-AQID-Signature`` of *body*: base64 of its HMAC-SHA256 under *secret*."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def subscribed(events: list[str], alias: str) -> bool:
    """Whether a webhook subscribed to *events* receives *alias* (exact, ``family.*``, ``*``)."""
    family = alias.split(".", 1)[0] + ".*"
    return any(event in ("*", alias, family) for event in events)


class Payloads:
    """The ``data`` of each event family, with ``show``/``download`` URLs under *api_url*."""

    def __init__(self, data: AmiqusData, api_url: Callable[[], str]) -> None:
        self._data = data
        self._api_url = api_url

    def _ref(self, kind: str, key: object, **extra: Any) -> Json:
        return {"id": key, "show": f"{self._api_url()}/{kind}/{key}", **extra}

    def client(self, client_id: int) -> Json:
        return {"client": self._ref("clients", client_id)}

    def client_deleted(self, client_id: int) -> Json:
        return {"client": {"id": client_id}}

    def _case_of(self, record_id: int) -> Json:
        for case_id, items in self._data.case_item_index.items():
            for item_id in items:
                if self._data.case_items[item_id]["entity"]["id"] == record_id:
                    return self._ref("cases", case_id)
        return {"id": None, "show": None}

    def record(self, record_id: int) -> Json:
        base = self._api_url()
        client_id = self._data.record_client(record_id)
        return {
            "record": {
                "id": record_id,
                "type": "client",
                "show": f"{base}/records/{record_id}",
                "download": f"{base}/records/{record_id}/download",
            },
            **self.client(client_id),
            "case": self._case_of(record_id),
        }

    def client_record(self, record_id: int) -> Json:
        out = self.record(record_id)
        del out["case"]
        return out

    def case(self, case_id: int) -> Json:
        return {
            "case": self._ref("cases", case_id),
            **self.client(int(self._data.cases[case_id]["client"])),
        }

    def form(self, reference: str, *, with_case: bool = True) -> Json:
        form = self._data.client_forms[reference]
        client_id = int(form["client"])
        out: Json = {
            "form": {
                "reference": reference,
                "show": f"{self._api_url()}/clients/{client_id}/forms/{reference}",
            },
            **self.client(client_id),
        }
        if form.get("record") is not None:
            record = self.record(int(form["record"]))
            out["record"] = record["record"]
            if with_case:
                out["case"] = record["case"]
        return out


class WebhookDispatcher:
    """Sends events to subscribed webhooks and logs each delivery in the store."""

    def __init__(self, data: AmiqusData, *, enabled: bool = True) -> None:
        self._data = data
        #: ``False``: events go nowhere (nothing sent, nothing logged).
        self.enabled = enabled
        self._tasks: set[asyncio.Task[None]] = set()
        #: Every delivery outcome, oldest first: (webhook id, delivery object).
        self.sent: list[tuple[int, Json]] = []

    def publish(self, alias: str, payload_data: Json) -> int:
        """Queue *alias* for every subscribed, enabled webhook; returns how many were queued.

        Must run inside the event loop (handlers and :meth:`AmiqusEmulator.emit` do).
        """
        if not self.enabled:
            return 0
        queued = 0
        triggered_at = now_stamp()
        for webhook in list(self._data.webhooks.values()):
            if not webhook.get("is_enabled") or not subscribed(list(webhook["events"]), alias):
                continue
            body = {
                "webhook": {
                    "uuid": webhook["uuid"],
                    "created_at": webhook["created_at"],
                    "events": list(webhook["events"]),
                },
                "trigger": {"triggered_at": triggered_at, "alias": alias},
                "data": payload_data,
            }
            task = asyncio.get_running_loop().create_task(self._deliver(webhook, alias, body))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            queued += 1
        return queued

    async def flush(self) -> None:
        """Wait until every queued delivery has been attempted."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _deliver(self, webhook: Json, alias: str, body: Json) -> None:
        raw = json.dumps(body, separators=(",", ":")).encode()
        delivery_uuid = str(uuid.uuid4())
        headers = {
            "Content-Type": "application/json",
            "User-Agent": WEBHOOK_USER_AGENT,
            "X-AQID-Signature": sign(str(webhook["secret"]), raw),
            "X-AQID-Delivery-Attempt": "1",
            DELIVERY_ID_HEADER: delivery_uuid,
        }
        sent_at = now_stamp()
        response: Json
        try:
            answer = await post(str(webhook["url"]), raw, headers, timeout=DELIVERY_TIMEOUT)
        except (OSError, asyncio.TimeoutError, ValueError) as error:
            response = {
                "status_code": DELIVERY_FAILED_STATUS,
                "headers": {},
                "body": f"{type(error).__name__}: {error}",
            }
        else:
            text = answer.body.decode("utf-8", "replace")
            parsed: Any
            try:
                parsed = json.loads(text) if text else None
            except ValueError:
                parsed = text
            if not isinstance(parsed, (dict, str, type(None))):
                parsed = text
            response = {
                "status_code": str(answer.status),
                "headers": dict(answer.headers),
                "body": parsed,
            }
        delivery_id = self._data.new_id()
        delivery = {
            "object": "webhook_delivery",
            "id": delivery_id,
            "uuid": delivery_uuid,
            "event": alias,
            "attempts": 1,
            "request": {
                "url": webhook["url"],
                "method": "POST",
                "headers": {**headers, "Content-Length": str(len(raw))},
                "body": body,
            },
            "response": response,
            "last_sent_at": sent_at,
        }
        webhook_id = int(webhook["id"])
        self._data.deliveries[delivery_id] = delivery
        self._data.webhook_deliveries.setdefault(webhook_id, []).append(delivery_id)
        self.sent.append((webhook_id, delivery))
