"""Objects the other answers share: names, addresses, rich text

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

import attrs

from common.models import Model, wire

from .enums import AddressCountry, NameTitle, RichTextMarksType, RichTextNodeType, RichTextType

__all__ = [
    "Address",
    "Name",
    "RichText",
    "RichTextDocument",
    "RichTextListItem",
    "RichTextMarks",
    "RichTextMarksAttrs",
    "RichTextNode",
    "RichTextNodeAttrs",
]


@attrs.frozen(kw_only=True)
class Address(Model):
    """Address."""

    object: str
    """Always ``'address'``."""

    unit: str | None = None
    """Unit, flat or apartment name or number."""

    house_name: str | None = None
    """House or building name."""

    house_number: str | None = None
    """House or building number."""

    street_name: str | None = None
    """First line of the street name."""

    second_street: str | None = None
    """Second line of the street name if applicable."""

    district: str | None = None
    """District, town, village, suburb or equivalent."""

    city: str | None = None
    """City name if applicable."""

    province: str | None = None
    """Province, county, municipality, township or equivalent."""

    postcode: str | None = None
    """Postcode, zip code or equivalent."""

    country: AddressCountry | str | None = None
    """ISO3601 alpha-2 country code."""


@attrs.frozen(kw_only=True)
class Name(Model):
    """Name."""

    object: str
    """Always ``'name'``."""

    title: NameTitle | str | None = None

    other_title: str | None = None
    """Required if `title: "other"`"""

    first_name: str | None = None

    middle_name: str | None = None

    last_name: str | None = None

    name: str | None = None
    """First and Last name."""

    full_name: str | None = None
    """First, Middle and Last names."""

    complete_name: str | None = None
    """Title and Full name."""


@attrs.frozen(kw_only=True)
class RichText(Model):
    """RichText. One of 2 shapes: Plain Text, Marked Text."""

    type: RichTextType | str

    text: str

    marks: list[RichTextMarks] | None = None


@attrs.frozen(kw_only=True)
class RichTextNode(Model):
    """RichTextNode. One of 3 shapes: TipTap Paragraph, TipTap Bullet List, TipTap Ordered
    List.
    """

    type: RichTextNodeType | str

    content: list[RichText | RichTextListItem]

    attrs_: RichTextNodeAttrs | None = attrs.field(default=None, metadata=wire("attrs"))


@attrs.frozen(kw_only=True)
class RichTextListItem(Model):
    """TipTap List Item."""

    type: str | None = None
    """Always ``'listItem'``."""

    content: list[RichTextNode] | None = None


@attrs.frozen(kw_only=True)
class RichTextDocument(Model):
    """TipTap Document."""

    type: str
    """Always ``'doc'``."""

    content: list[RichTextNode]


@attrs.frozen(kw_only=True)
class RichTextMarks(Model):
    """RichTextMarks. One of 2 shapes: Bold, Link."""

    type: RichTextMarksType | str

    attrs_: RichTextMarksAttrs | None = attrs.field(default=None, metadata=wire("attrs"))


@attrs.frozen(kw_only=True)
class RichTextNodeAttrs(Model):
    """RichTextNodeAttrs."""

    start: int


@attrs.frozen(kw_only=True)
class RichTextMarksAttrs(Model):
    """RichTextMarksAttrs."""

    href: str

    target: str

    class_: str | None = attrs.field(default=None, metadata=wire("class"))
