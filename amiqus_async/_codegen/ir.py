"""The intermediate model: everything the renderers need, and nothing of the raw spec.

The parser (:mod:`.parser`) reads the OpenAPI document once and decides every name, type,
default, check and module; the renderers (:mod:`.render`) only print what is here. Every class
is an ``attrs`` frozen class holding tuples, so an :class:`Api` is immutable, hashable and
comparable: parsing the same spec twice gives equal models, and a renderer given equal models
prints the same text.

Types are a small algebra (:data:`Type`) rather than source strings, so a renderer can both
print an annotation and know which names it must import.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

__all__ = [
    "Answer",
    "Api",
    "Body",
    "Builtin",
    "Check",
    "NONE",
    "STR",
    "DictOf",
    "EnumDef",
    "EnumMember",
    "Field",
    "Generic",
    "ListOf",
    "LiteralOf",
    "ModelClass",
    "ModelModule",
    "Named",
    "NotGivenOr",
    "Operation",
    "Param",
    "Resource",
    "SequenceOf",
    "Type",
    "UnionOf",
    "Variant",
    "members",
    "union",
    "walk",
]

# -- types ------------------------------------------------------------------------------------


@attrs.frozen
class Builtin:
    """A name every module has or imports from the standard library: ``str``, ``int``,
    ``float``, ``bool``, ``None``, ``date``, ``datetime``, ``Any``."""

    name: str


@attrs.frozen
class Named:
    """A class or enum, and the module it lives in: ``"enums"``, ``"inputs"``, an answer
    module of :data:`~.names.MODEL_MODULES`, a hand-written one (``"envelopes"``), or
    ``"common"`` (the shared library)."""

    name: str
    module: str


@attrs.frozen
class ListOf:
    item: Type


@attrs.frozen
class SequenceOf:
    """What a request accepts where the spec has an array (a list or a tuple)."""

    item: Type


@attrs.frozen
class DictOf:
    value: Type


@attrs.frozen
class LiteralOf:
    values: tuple[str | int | float | bool | None, ...]


@attrs.frozen
class UnionOf:
    """Alternatives in the order they are printed (an enum's ``str`` after it, ``None`` last)."""

    members: tuple[Type, ...]


@attrs.frozen
class NotGivenOr:
    """An optional request-body field: left out of the JSON unless given."""

    inner: Type


@attrs.frozen
class Generic:
    """A generic class applied to its arguments (``AsyncPager[Client]``)."""

    name: str
    module: str
    args: tuple[Type, ...]


Type: TypeAlias = (
    Builtin | Named | ListOf | SequenceOf | DictOf | LiteralOf | UnionOf | NotGivenOr | Generic
)

#: ``None``, and the ``str`` every enum-typed answer also accepts.
NONE = Builtin("None")
STR = Builtin("str")


def members(t: Type) -> tuple[Type, ...]:
    """The alternatives of *t* (``A | B`` -> ``(A, B)``; anything else -> ``(t,)``)."""
    return t.members if isinstance(t, UnionOf) else (t,)


def union(alternatives: tuple[Type, ...] | list[Type]) -> Type:
    """One type for *alternatives*: unions flattened, duplicates dropped, ``str`` (an enum's
    catch-all) after the rest and ``None`` last."""
    flat: list[Type] = []
    for t in alternatives:
        flat.extend(members(t))
    out = list(dict.fromkeys(flat))
    for last in (STR, NONE):
        if last in out:
            out.remove(last)
            out.append(last)
    return out[0] if len(out) == 1 else UnionOf(tuple(out))


def walk(t: Type) -> tuple[Type, ...]:
    """*t* and every type inside it, depth first."""
    inner: tuple[Type, ...]
    if isinstance(t, (ListOf, SequenceOf)):
        inner = (t.item,)
    elif isinstance(t, DictOf):
        inner = (t.value,)
    elif isinstance(t, UnionOf):
        inner = t.members
    elif isinstance(t, NotGivenOr):
        inner = (t.inner,)
    elif isinstance(t, Generic):
        inner = t.args
    else:
        inner = ()
    return (t, *(x for i in inner for x in walk(i)))


# -- models -----------------------------------------------------------------------------------


@attrs.frozen
class EnumMember:
    name: str
    value: str | int | float | bool


@attrs.frozen
class EnumDef:
    """A string enumeration of the spec (values Amiqus adds later stay plain strings)."""

    name: str
    members: tuple[EnumMember, ...]


@attrs.frozen
class Check:
    """A check of a request-body field, run when the input model is built (``.._checks``).

    ``given`` (required), ``length``/``between``/``items`` with ``bounds`` (low, high),
    ``email``, ``choice`` of ``enum`` (``allow_false``: ``False`` is a value too).
    """

    name: Literal["given", "length", "between", "items", "email", "choice"]
    bounds: tuple[int | float | None, ...] = ()
    enum: str | None = None
    allow_false: bool = False


@attrs.frozen
class Field:
    wire: str
    #: The Python attribute (``class_`` for ``class``, ``content_length`` for a header name).
    attr: str
    #: The annotation, final: ``None`` or ``NotGivenOr`` already in it where it is optional.
    type: Type
    #: ``"required"`` (no default), ``"None"`` (answers) or ``"NOT_GIVEN"`` (request bodies).
    default: Literal["required", "None", "NOT_GIVEN"]
    checks: tuple[Check, ...] = ()
    description: str = ""
    #: ``x-expandable``: an id unless asked for with ``expand``.
    expandable: bool = False
    #: The string the spec fixes with ``const`` (``"client"`` for ``object``).
    constant: str | None = None
    deprecated: bool = False


@attrs.frozen
class Variant:
    """One shape of a ``oneOf``/``anyOf`` merged into a class: its fields (attribute names)."""

    title: str
    fields: tuple[str, ...]
    required: tuple[str, ...]


@attrs.frozen
class ModelClass:
    name: str
    #: The module under ``amiqus_async/models/``: an answer module, or ``"inputs"``.
    module: str
    kind: Literal["answer", "input"]
    title: str
    description: str
    fields: tuple[Field, ...]
    #: The shapes merged into this class (empty unless it is a ``oneOf``/``anyOf``).
    variants: tuple[Variant, ...] = ()
    #: A request body whose fields must fit one variant (``one_shape``).
    check_variants: bool = False
    #: Where the class comes from: a component name, or ``inline in <class>``.
    source: str = ""


@attrs.frozen
class ModelModule:
    """An answer module (``models/clients.py``) and its docstring."""

    name: str
    doc: str
    classes: tuple[str, ...]


# -- operations -------------------------------------------------------------------------------


@attrs.frozen
class Param:
    wire: str
    arg: str
    location: Literal["path", "query"]
    type: Type
    required: bool
    #: ``simple`` (path) or ``form`` (query); for ``form`` arrays ``explode`` repeats the key
    #: (``a=1&a=2``) and its absence joins the values (``a=1,2``).
    style: str
    explode: bool
    is_array: bool = False
    deprecated: bool = False
    #: Why, in the spec's words (markdown links unwrapped, backticks kept); may be empty.
    deprecation: str = ""
    description: str = ""


@attrs.frozen
class Body:
    media_type: Literal["application/json", "multipart/form-data"]
    #: The method's argument (``body``, ``assignees``, ``attachment``).
    arg: str
    type: Type
    #: ``minProperties``: an empty object is refused before sending.
    non_empty: bool = False
    #: An array body's ``(minItems, maxItems)``.
    items: tuple[int | None, int | None] | None = None


@attrs.frozen
class Answer:
    kind: Literal["none", "model", "paged", "list", "download"]
    status: str
    #: The method's return annotation (``AsyncPager[Client]``, ``ItemList[Assignee]``).
    returns: Type
    #: The answer's model, or a listing's item.
    model: Named | None = None
    #: A download's ``Accept``: the media types the spec lists for it.
    accept: str | None = None
    #: A 204 is documented besides an answer with a body.
    also_no_content: bool = False
    #: A paged listing whose ``limit`` the caller may set (the page size).
    page_size: bool = False


@attrs.frozen
class Operation:
    op_id: str
    method: str
    path: str
    tag: str
    summary: str
    description: str
    resource: str
    name: str
    path_params: tuple[Param, ...]
    #: The query parameters that are arguments of the method (not those the pager drives).
    query: tuple[Param, ...]
    #: Query parameters of the spec the pager drives itself (``page``, ``limit``).
    pager_params: tuple[str, ...]
    body: Body | None
    answer: Answer
    deprecated: bool = False
    deprecation: str = ""


@attrs.frozen
class Resource:
    """One client attribute (``client.clients``) and its class: the operations of a tag."""

    attr: str
    class_name: str
    tags: tuple[str, ...]
    operations: tuple[Operation, ...]


@attrs.frozen
class Api:
    """The whole intermediate model of the spec."""

    enums: tuple[EnumDef, ...]
    answers: tuple[ModelClass, ...]
    answer_modules: tuple[ModelModule, ...]
    inputs: tuple[ModelClass, ...]
    resources: tuple[Resource, ...]
    #: Hand-written models the generated modules use and re-export: (name, module).
    hand_written: tuple[tuple[str, str], ...]
    #: Every entry of :mod:`.names` the parser used, as ``(table, key)``.
    uses: frozenset[tuple[str, str]]

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for r in self.resources for op in r.operations)
