"""Every behaviour the spec and guides leave open, decided here and nowhere else.

Sources are the OpenAPI spec (``amiqus-openapi.json``) and the guides (``amiqus-guides/``);
where they are silent, the emulator does what this module says. Each constant names what it
decides; change one here and the emulator follows.
"""

from __future__ import annotations

__all__ = [
    "ATTACHMENT_MAX_BYTES",
    "ATTACHMENT_TYPES",
    "AUTH_CODE_TTL",
    "DELIVERY_FAILED_STATUS",
    "DELIVERY_ID_HEADER",
    "DELIVERY_TIMEOUT",
    "EMBEDDED_LIST_LIMIT",
    "PERFORM_URL",
    "REQUEST_ID_HEADER",
    "UNENFORCED_RATE_LIMIT",
    "WEBHOOK_USER_AGENT",
    "limit_message",
    "page_message",
    "repeated_message",
    "required_message",
]


# -- paging ------------------------------------------------------------------------------------
#: Inferred: ``limit`` outside 1..100 or ``page`` < 1 is answered 422 with a field error (the
#: spec only bounds the parameters; status-codes.txt says 422 covers invalid query parameters).
def limit_message(low: int, high: int) -> str:
    return f"The limit must be between {low} and {high}."


def page_message() -> str:
    return "The page must be at least 1."


def required_message(field: str) -> str:
    return f"The {field} field is required."


#: Inferred: an array query parameter the spec sends unexploded (``explode: false``, e.g.
#: ``GET /cases?status=approved,on_hold``, every ``expand``) given more than once
#: (``status=a&status=b``) is refused with 422. (A PHP server would quietly keep the last
#: value; refusing makes the wrong form visible in tests.)
def repeated_message(name: str) -> str:
    return f"The {name} parameter must be given once, its values separated by commas."


#: Inferred: an expandable list embedded in an object (``Organisation.assignees``/``clients``,
#: ``ClientCase.assignees``) is a ``list`` envelope of at most 25 items (the collapsed form's
#: ``maxItems``), whose ``url`` is the absolute URL of the paginated sub-resource.
EMBEDDED_LIST_LIMIT = 25

# -- every answer ------------------------------------------------------------------------------
#: Inferred (the spec and guides name no request id): every answer, API and OAuth alike,
#: carries a fresh id in this header, the first of the names the client reads
#: (``common.error_bodies.REQUEST_ID_HEADERS``), so errors and raw responses show it.
REQUEST_ID_HEADER = "X-Request-Id"

# -- rate limit --------------------------------------------------------------------------------
#: Inferred: with ``rate_limit=None`` nothing is refused, yet the headers still describe a
#: window of 200 requests (the figure of the rate-limits.txt example).
UNENFORCED_RATE_LIMIT = 200

# -- OAuth ---------------------------------------------------------------------------------------
#: oauth.txt: "Authorisation codes are valid for 10 minutes and can only be redeemed once."
AUTH_CODE_TTL = 600.0

# -- attachments -------------------------------------------------------------------------------
#: Spec, POST /attachments: "Supported file types: pdf, docx, doc, xlsx, xls, csv, txt, jpg,
#: png, tiff, zip. File size limit: 100MB." Inferred: the type is judged by file extension
#: (``jpeg``/``tif`` accepted as spellings of jpg/tiff); 100MB = 100 * 1024 * 1024 bytes.
ATTACHMENT_TYPES = ("pdf", "docx", "doc", "xlsx", "xls", "csv", "txt", "jpg", "png", "tiff", "zip")
ATTACHMENT_MAX_BYTES = 100 * 1024 * 1024

#: Inferred: a record's ``perform_url`` (the spec shows ``https://id.amiqus.co/i/<code>``).
PERFORM_URL = "https://id.amiqus.co/i/{code}"

# -- webhooks ----------------------------------------------------------------------------------
#: Inferred from the spec's WebhookDeliveryRequest headers (the guide names only the signature
#: and attempt headers): each delivery also carries ``X-AQID-Delivery-Id`` (its UUID).
DELIVERY_ID_HEADER = "X-AQID-Delivery-Id"
WEBHOOK_USER_AGENT = "Amiqus-Webhooks/emulator"
#: webhooks.txt: the receiver must answer within five seconds.
DELIVERY_TIMEOUT = 5.0
#: Inferred: a delivery that got no HTTP answer (refused, timed out) is logged with this
#: ``response.status_code`` (a string in the spec) and the error text as ``response.body``.
#: No redelivery is attempted (the real service retries after 60, 120, 600 and 900 s).
DELIVERY_FAILED_STATUS = "0"
