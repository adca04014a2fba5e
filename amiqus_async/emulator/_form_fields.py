"""A form template as written (``POST``/``PATCH /form-templates``): its fields and rich text,
checked as the spec's schemas say, so nothing the emulator stores and echoes breaks them.

Spec: ``FormTemplate.fields`` is 2..200 ``BuilderFields``, each one of Section, Heading,
Paragraph (``rich_text``), Short and Long Answer (``text``, ``textarea``), Single and Multiple
Choice (``radio``, ``checkbox``) or Document (``document``, manual or from a template); every
field is a ``Field`` (``id`` and ``type`` strings, the ``id`` possibly empty) and may carry
``show_if`` (``Dynamic``) and ``validation`` (``Validation``). ``instructions`` and a
paragraph's ``json_content`` are TipTap documents (``Document-3``: paragraphs of text, bullet
and ordered lists, text marked bold or as a link). The schemas are open (extra properties
are allowed), so only what they name is checked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["FIELD_TYPES", "document_errors", "field_errors"]

Errors = dict[str, list[str]]


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _strings(value: Any, *, least: int = 0) -> bool:
    return isinstance(value, list) and len(value) >= least and all(map(_is_str, value))


def _need(errors: Errors, where: str, ok: bool, message: str) -> None:
    if not ok:
        errors.setdefault(where, []).append(message)


# -- TipTap documents --------------------------------------------------------------------------


def _text(node: Any) -> bool:
    if not isinstance(node, dict) or node.get("type") != "text" or not _is_str(node.get("text")):
        return False
    if "marks" not in node:
        return True
    marks = node["marks"]
    return isinstance(marks, list) and len(marks) >= 1 and all(map(_mark, marks))


def _mark(mark: Any) -> bool:
    if not isinstance(mark, dict):
        return False
    if mark.get("type") == "bold":
        return True
    attrs = mark.get("attrs")
    return (
        mark.get("type") == "link"
        and isinstance(attrs, dict)
        and _is_str(attrs.get("href"))
        and _is_str(attrs.get("target"))
        and isinstance(attrs.get("class"), (str, type(None)))
    )


def _content(node: dict[str, Any], item: Callable[[Any], bool], *, required: bool) -> bool:
    if "content" not in node:
        return not required
    content = node["content"]
    return isinstance(content, list) and len(content) >= 1 and all(map(item, content))


def _node(node: Any, depth: int = 0) -> bool:
    """A ``Nodes`` member: a paragraph, a bullet list or an ordered list."""
    if not isinstance(node, dict) or depth > 20:
        return False
    kind = node.get("type")
    if kind == "paragraph":
        return _content(node, _text, required=True)
    if kind == "orderedList":
        attrs = node.get("attrs")
        if not isinstance(attrs, dict) or not _is_int(attrs.get("start")):
            return False
    elif kind != "bulletList":
        return False
    return _content(node, lambda item: _list_item(item, depth + 1), required=True)


def _list_item(item: Any, depth: int) -> bool:
    if not isinstance(item, dict) or item.get("type", "listItem") != "listItem":
        return False
    return _content(item, lambda node: _node(node, depth), required=False)


def document_errors(document: Any, where: str) -> Errors:
    """Errors for a TipTap document (``Document-3``) at *where*; ``{}`` when valid."""
    ok = (
        isinstance(document, dict)
        and document.get("type") == "doc"
        and _content(document, _node, required=True)
    )
    return {} if ok else {where: [f"The {where} must be a rich text document."]}


# -- builder fields ----------------------------------------------------------------------------


def _section(field: dict[str, Any], where: str, errors: Errors) -> None:
    _need(errors, f"{where}.label", _is_str(field.get("label")), "The label must be a string.")
    _need(
        errors,
        f"{where}.fields",
        _strings(field.get("fields"), least=1),
        "The fields must be a list of at least one field id.",
    )


def _labelled(field: dict[str, Any], where: str, errors: Errors) -> None:
    _need(errors, f"{where}.label", _is_str(field.get("label")), "The label must be a string.")


def _input(field: dict[str, Any], where: str, errors: Errors) -> None:
    _labelled(field, where, errors)
    _description(field, where, errors)


def _description(field: dict[str, Any], where: str, errors: Errors) -> None:
    if "description" in field:
        _need(
            errors,
            f"{where}.description",
            isinstance(field["description"], (str, type(None))),
            "The description must be a string.",
        )


def _choice(field: dict[str, Any], where: str, errors: Errors) -> None:
    label = field.get("label")
    options = label.get("options") if isinstance(label, dict) else None
    ok = (
        isinstance(label, dict)
        and _is_str(label.get("value"))
        and isinstance(options, list)
        and _strings(options, least=2)
        and len(set(options)) == len(options)
    )
    _need(errors, f"{where}.label", ok, "The label must be a choice: a value and 2+ options.")
    _description(field, where, errors)


def _rich_text(field: dict[str, Any], where: str, errors: Errors) -> None:
    errors.update(document_errors(field.get("json_content"), f"{where}.json_content"))


def _document(field: dict[str, Any], where: str, errors: Errors) -> None:
    manual = _is_str(field.get("label")) and _is_str(field.get("description"))
    _need(
        errors,
        where,
        manual or _is_int(field.get("template_id")),
        "A document field needs a label and a description, or a template_id.",
    )


_BY_TYPE: dict[str, Callable[[dict[str, Any], str, Errors], None]] = {
    "section": _section,
    "heading": _labelled,
    "rich_text": _rich_text,
    "text": _input,
    "textarea": _input,
    "radio": _choice,
    "checkbox": _choice,
    "document": _document,
}
FIELD_TYPES = tuple(_BY_TYPE)


def _common(field: dict[str, Any], where: str, errors: Errors) -> None:
    """``Dynamic`` (``show_if``) and ``Validation`` (``validation``), on any field."""
    if "show_if" in field:
        show_if = field["show_if"]
        ok = show_if is None or (
            isinstance(show_if, dict) and len(show_if) >= 1 and all(map(_is_str, show_if.values()))
        )
        _need(errors, f"{where}.show_if", ok, "The show_if must map field ids to values.")
    if "validation" in field:
        rules = field["validation"]
        ok = rules is None or (isinstance(rules, list) and all(r == "required" for r in rules))
        _need(errors, f"{where}.validation", ok, "The only validation rule is required.")


def field_errors(fields: Any) -> Errors:
    """Errors (``fields.N.label``...) for a template's fields; ``{}`` when valid."""
    if not isinstance(fields, list) or not 2 <= len(fields) <= 200:
        return {"fields": ["The fields must be an array of 2 to 200 fields."]}
    errors: Errors = {}
    for index, field in enumerate(fields):
        where = f"fields.{index}"
        if not isinstance(field, dict):
            errors[where] = ["Each field must be an object."]
            continue
        for name in ("id", "type"):  # the spec's Field: both required strings, "" allowed
            if not _is_str(field.get(name)):
                errors[f"{where}.{name}"] = [f"The {where}.{name} must be a string."]
        kind = field.get("type")
        if not isinstance(kind, str):
            continue
        check = _BY_TYPE.get(kind)
        if check is None:
            errors[f"{where}.type"] = [f"The selected {where}.type is invalid."]
            continue
        check(field, where, errors)
        _common(field, where, errors)
    return errors
