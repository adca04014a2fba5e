"""Forms a client fills in, form templates and their fields

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from common.models import Model

from .enums import (
    ClientFormType,
    FormFieldType,
    FormFieldValidation,
    FormTemplateFieldType,
    FormTemplateFieldValidation,
    FormType,
)

__all__ = ["Choice", "ClientForm", "Form", "FormField", "FormTemplate", "FormTemplateField"]


@attrs.frozen(kw_only=True)
class ClientForm(Model):
    """Client Form."""

    object: str
    """Always ``'client_form'``."""

    id: int

    reference: str | None = None

    type: ClientFormType | str | None = None
    """Forms are either for internal data collection (`internal`), or are requested for completion
    by the client (`requested`).
    """

    client: Client | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    record: Record | int | None = None
    """Always `null` when `type: internal` Expandable: an id (or ids) unless asked for with
    ``expand``.
    """

    name: str | None = None

    description: str | None = None

    instructions: RichTextDocument | None = None

    fields: list[FormField] | None = None
    """The first field must always be a Section. Any Fields not present in a Section are omitted."""

    version: int | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None

    completed_at: datetime | None = None

    archived_at: datetime | None = None


@attrs.frozen(kw_only=True)
class Form(Model):
    """Form."""

    object: str
    """Always ``'form'``."""

    id: int

    reference: str | None = None

    type: FormType | str | None = None
    """Forms are either for internal data collection (`internal`), or are requested for completion
    by the client (`requested`).
    """

    client: Client | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    record: Record | int | None = None
    """Always `null` when `type: internal` Expandable: an id (or ids) unless asked for with
    ``expand``.
    """

    name: str | None = None

    description: str | None = None

    instructions: RichTextDocument | None = None

    fields: list[FormField] | None = None
    """The first field must always be a Section. Any Fields not present in a Section are omitted."""

    version: int | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None

    completed_at: datetime | None = None

    archived_at: datetime | None = None


@attrs.frozen(kw_only=True)
class FormTemplate(Model):
    """Form Template."""

    object: str
    """Always ``'form_template'``."""

    id: int

    reference: str | None = None

    name: str | None = None

    description: str | None = None

    instructions: RichTextDocument | None = None

    fields: list[FormTemplateField] | None = None
    """The first field must always be a Section. Any Fields not present in a Section are omitted."""

    version: int | None = None

    is_enabled: bool | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None

    archived_at: datetime | None = None


@attrs.frozen(kw_only=True)
class Choice(Model):
    """Choice."""

    value: str

    options: list[str]


@attrs.frozen(kw_only=True)
class FormField(Model):
    """FormField. One of 8 shapes: Section, Heading, Paragraph, Short Answer, Long Answer,
    Single Choice, Multiple Choice, Document.
    """

    id: str

    type: FormFieldType | str

    label: Choice | str | None = None

    fields: list[str] | None = None
    """List of field IDs."""

    show_if: dict[str, str] | None = None
    """An object keyed by the field ID of a **Single Choice** or **Multiple Choice** field and its
    desired value to activate this field. Cannot be used if this field is present in another
    field's `show_if` property.
    """

    json_content: RichTextDocument | None = None

    description: str | None = None

    validation: list[FormFieldValidation | str] | None = None

    flag: bool | None = None

    value: list[int | str] | str | None = None


@attrs.frozen(kw_only=True)
class FormTemplateField(Model):
    """FormTemplateField. One of 8 shapes: Section, Heading, Paragraph, Short Answer, Long
    Answer, Single Choice, Multiple Choice, Document.
    """

    id: str

    type: FormTemplateFieldType | str

    label: Choice | str | None = None

    fields: list[str] | None = None
    """List of field IDs."""

    show_if: dict[str, str] | None = None
    """An object keyed by the field ID of a **Single Choice** or **Multiple Choice** field and its
    desired value to activate this field. Cannot be used if this field is present in another
    field's `show_if` property.
    """

    json_content: RichTextDocument | None = None

    description: str | None = None

    validation: list[FormTemplateFieldValidation | str] | None = None

    template_id: int | None = None


# The answer modules refer to one another (a record's steps hold checks and forms, a
# check names its record), so each imports the others after its own classes: the
# annotations are only read when a model is first structured.
# ruff: noqa: E402
from .clients import Client
from .records import Record
from .shared import RichTextDocument
