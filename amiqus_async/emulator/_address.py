"""The ``Address`` object as a request body carries it: a client's (``PUT /clients/{id}/address``)
or an organisation's (``address`` of ``POST``/``PATCH /organisations``).

Spec (``components.schemas.Address``): ``additionalProperties: false``; every line is a string
or ``null``; ``country`` one of the spec's ISO 3166-1 alpha-2 codes (the generated
:class:`~amiqus_async.models.enums.AddressCountry`); ``object`` is read-only (accepted, ignored).
"""

from __future__ import annotations

from typing import Any

from amiqus_async.emulator._inferred import required_message
from amiqus_async.emulator._wire import Json
from amiqus_async.models.enums import AddressCountry

__all__ = ["ADDRESS_FIELDS", "COUNTRIES", "address_errors", "empty_address", "written_address"]

ADDRESS_FIELDS = (
    "unit",
    "house_name",
    "house_number",
    "street_name",
    "second_street",
    "district",
    "city",
    "province",
    "postcode",
    "country",
)
COUNTRIES = frozenset(country.value for country in AddressCountry)


def address_errors(body: Any, prefix: str = "") -> dict[str, list[str]]:
    """Field errors (``<prefix>city``...) for an address as written; ``{}`` when valid.

    Inferred: ``postcode`` is required when ``country`` is ``GB`` (the spec: "any field can
    become required if the selected country demands it, most commonly postcode").
    """
    if not isinstance(body, dict):
        return {prefix.rstrip(".") or "address": ["The address must be an object."]}
    errors: dict[str, list[str]] = {}
    for field in ADDRESS_FIELDS:
        if field in body and not isinstance(body[field], (str, type(None))):
            errors[prefix + field] = [f"The {prefix}{field} must be a string."]
    country = body.get("country")
    if country is not None and (not isinstance(country, str) or country not in COUNTRIES):
        errors[prefix + "country"] = [f"The selected {prefix}country is invalid."]
    if country == "GB" and not body.get("postcode"):
        errors[prefix + "postcode"] = [required_message(prefix + "postcode")]
    if "object" in body and body["object"] != "address":
        errors[prefix + "object"] = [f"The selected {prefix}object is invalid."]
    for field in sorted(k for k in body if k not in ADDRESS_FIELDS and k != "object"):
        errors[prefix + field] = [f"The {prefix}{field} field is prohibited."]
    return errors


def empty_address() -> Json:
    """An address with no lines. Inferred: ``country`` defaults to ``GB``, because the spec's
    Address enum of countries lacks ``null`` although its type allows it."""
    return {
        "object": "address",
        "unit": None,
        "house_name": None,
        "house_number": None,
        "street_name": None,
        "second_street": None,
        "district": None,
        "city": None,
        "province": None,
        "postcode": None,
        "country": "GB",
    }


def written_address(body: Json) -> Json:
    """The stored address for a valid *body* (see :func:`address_errors`)."""
    address = empty_address()
    address.update({k: body[k] for k in ADDRESS_FIELDS if body.get(k) is not None})
    return address
