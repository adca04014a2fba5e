"""A fast path for structuring attrs classes: one generated function per class, no checks twice.

cattrs' generated function (with detailed validation) wraps every field in bookkeeping so that a
failure can name each bad field. Answers almost always have the documented shape, so we first
run a leaner function, generated here per class from its fields (its source is kept in
:mod:`linecache`: a traceback through it shows the generated line):

* **One lookup for all keys.** When the object has at least as many keys as the class has
  fields, :func:`operator.itemgetter` takes every field's value in one call; when a key is
  missing, a second generated function looks each up with its default. The keys are the very
  string objects the JSON backend hands out (orjson keeps one per recent key), so each lookup
  matches by identity without comparing characters.
* **Conversions inline.** A ``str``/``int``/``float``/``bool`` field (or its ``| None`` form)
  is one class check: the JSON value is taken as it is when its class is exactly the declared
  one. A tolerant string enum is one dict lookup, a timestamp ``datetime.fromisoformat`` (the
  converter's own RFC 3339 parser when that refuses), a date ``date.fromisoformat``. A nested
  class calls that class's generated function directly, a ``list`` of them a comprehension, a
  union of distinct JSON kinds (an Amiqus expandable ``Client | int``) dispatches on the value's
  class. Any other type calls the converter's hook for it, exactly what the detailed function
  calls.
* **No** ``__init__`` **call.** When the class's ``__init__`` is the one attrs generated and does
  nothing but store the fields (no validator, converter, pre- or post-init hook or hash cache),
  the object is built without it: a private subclass that adds nothing but plain attribute
  assignment takes the values, then the object becomes an instance of the class itself
  (``__class__`` assignment between classes of one layout). What comes out is exactly what
  ``__init__`` would have built: frozen, every field set, ``type()`` the class. (That helper
  class, ``Client.<being built>``, is the one trace: it is listed by ``__subclasses__()``.)
* **Unknown keys cost nothing when there are none**: the keys are counted, not compared.

When anything does not fit (a value of another JSON type, which the converter may still accept,
such as ``"12"`` for an ``int``; a missing required key; a failing hook), the fast function gives
up (raises) and the detailed cattrs function runs instead, which either converts the value the
tolerant way or raises the error naming every bad field. So a result never differs from the
detailed path's, and the detailed path costs nothing when the answer is well-formed.
"""

from __future__ import annotations

import itertools
import keyword
import linecache
import operator
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum, EnumMeta
from typing import Any, Final, get_args, get_origin

import attrs
import cattrs

from common import _json
from common._sentinel import NotGiven

from .enums import _PLAIN_MISSING
from .extras import ExtraKeys, keep_extra
from .kinds import _is_stock
from .naming import _wire_keys
from .scalars import _structure_int, _structure_str
from .timestamps import _UTC, _parse_datetime, _parse_rfc3339, _structure_date, _structure_datetime
from .unions import _LEAF_HOOKS, _is_union, _kinds

__all__ = ["FastHook", "FastStructure"]

FastHook = Callable[[Any], Any]

_NoneType: Final = type(None)
_MISSING: Final = object()
#: The attribute of a structure hook that holds its class's :class:`FastStructure`.
_HOOK_ATTRIBUTE: Final = "__fast_structure__"
#: attrs' slot for a cached hash, which its ``__init__`` resets.
_HASH_CACHE_SLOT: Final = "_attrs_cached_hash"
#: The hook of the enum's value class serves a ``(str, Enum)``/``(int, Enum)`` mixin, and
#: hands it to the tolerant enum rule.
_MIXIN_HOOKS: Final[dict[type[Any], Any]] = {str: _structure_str, int: _structure_int}
_counter = itertools.count()


class _Unsupported(Exception):
    """A field this generator does not handle: the class keeps the detailed path only."""


class FastStructure:
    """The fast function of one attrs class under one converter, generated on first use.

    The class's structure hook holds it (:meth:`attach`), so that another class's generated
    function can call this one's directly (:meth:`of`).
    """

    __slots__ = ("_compiling", "cl", "compiled", "conv", "function")

    cl: type[Any]
    conv: cattrs.Converter
    #: ``data -> instance``, raising whenever *data* does not fit exactly; ``None`` when the
    #: class has a field this generator does not handle (or before :meth:`compile`).
    function: FastHook | None
    #: Whether :meth:`compile` has run.
    compiled: bool

    def __init__(self, cl: type[Any], conv: cattrs.Converter) -> None:
        self.cl = cl
        self.conv = conv
        self.function = None
        self.compiled = False
        self._compiling = False

    def compile(self) -> FastHook | None:
        """Generate the function (once) and return it."""
        if not self.compiled:
            self._compiling = True
            try:
                self.function = _compile(self.cl, self.conv)
            except _Unsupported:
                self.function = None
            finally:
                self._compiling = False
            self.compiled = True
        return self.function

    def reference(self) -> FastHook | None:
        """What another class's generated function calls for a value of this class: the
        function, or while it is being generated (a class that contains itself) a forwarder."""
        if self._compiling:
            return self._forward
        return self.compile()

    def _forward(self, data: Any) -> Any:
        function = self.function
        if function is None:
            raise TypeError(f"{self.cl.__qualname__} has no fast path")  # the caller falls back
        return function(data)

    def attach(self, hook: Callable[..., Any]) -> None:
        setattr(hook, _HOOK_ATTRIBUTE, self)

    @staticmethod
    def of(hook: object) -> FastStructure | None:
        """The :class:`FastStructure` behind a structure hook, if it has one."""
        found = getattr(hook, _HOOK_ATTRIBUTE, None)
        return found if isinstance(found, FastStructure) else None


def _compile(cl: type[Any], conv: cattrs.Converter) -> FastHook:
    fields = attrs.fields(cl)
    for a in fields:
        if a.type is None or isinstance(a.type, str):
            raise _Unsupported(a.name)
        if isinstance(a.default, attrs.Factory) and a.default.takes_self:  # type: ignore[arg-type]
            raise _Unsupported(a.name)
    keys = _as_decoded(_wire_keys(cl))
    taken = [a for a in fields if a.init]
    source = _Source(conv)
    source.namespace.update(
        _cl=cl,
        _tw=_twin(cl),
        _new=object.__new__,
        _M=_MISSING,
        _keep=keep_extra,
        _known=frozenset(keys.values()),
        _keys=tuple(keys[a.name] for a in taken),
        _ig=operator.itemgetter(*(keys[a.name] for a in taken)) if taken else None,
        _rep=itertools.repeat(_MISSING),
        _map=map,
    )
    lines = [
        "def fast(d):",  # every key present (the common case): one itemgetter call
        *_indent(_body(cl, taken, source, every_key=True), 1),
        "",
        "def some(d):",  # some key missing: each looked up with its default
        *_indent(_body(cl, taken, source, every_key=False), 1),
        "",
    ]
    text = "\n".join(lines)
    filename = f"<fast structure {cl.__module__}.{cl.__qualname__} #{next(_counter)}>"
    linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
    exec(compile(text, filename, "exec"), source.namespace)
    fast: FastHook = source.namespace["fast"]
    return fast


def _body(
    cl: type[Any], taken: list[attrs.Attribute[Any]], source: _Source, *, every_key: bool
) -> list[str]:
    """The lines of ``fast`` (*every_key*) or ``some``: JSON object ``d`` → instance ``o``."""
    count = len(taken)
    values = ", ".join(f"v{i}" for i in range(count)) + ("," if count == 1 else "")
    twin = source.namespace["_tw"] is not None
    lines = ["if d.__class__ is not dict:", "    raise TypeError"]
    if every_key:
        lines += ["n = len(d)"]
        if count:
            lines += [f"if n < {count}:", "    return some(d)", "try:"]
            lines += [f"    {values} = _ig(d)", "except KeyError:", "    return some(d)"]
    elif count:
        lines += [f"{values} = _map(d.get, _keys, _rep)", "m = 0"]
    if twin:  # built without __init__ (see _twin): the fields go straight into their slots
        lines += ["o = _new(_tw)"]
    for i, a in enumerate(taken):
        dst = f"o.{a.name}" if twin else f"a{i}"
        convert = source.field(a.type, f"v{i}", dst)
        if every_key:
            lines += convert
        elif a.default is attrs.NOTHING:
            lines += [f"if v{i} is _M:", f"    raise KeyError(_keys[{i}])", *convert]
        else:
            lines += [f"if v{i} is _M:", f"    {dst} = {source.default(a)}", "    m += 1"]
            lines += ["else:", *_indent(convert, 1)]
    if twin:
        for a in attrs.fields(cl):  # what attrs' __init__ sets without an argument
            if not a.init and a.default is not attrs.NOTHING:
                lines.append(f"o.{a.name} = {source.default(a)}")
        lines += ["o.__class__ = _cl"]
    else:
        lines += [f"o = _cl({', '.join(f'{a.alias}=a{i}' for i, a in enumerate(taken))})"]
    if issubclass(cl, ExtraKeys):
        unknown = f"n != {count}" if every_key else f"len(d) != {count} - m" if count else "d"
        lines += [f"if {unknown}:", "    _keep(o, d, _known)"]
    return [*lines, "return o"]


def _as_decoded(keys: dict[str, str]) -> dict[str, str]:
    """*keys* (attribute → JSON key) with each key the very string the JSON backend hands out.

    orjson keeps one string object per recent key: a dict lookup with that object matches by
    identity, without comparing characters. (With the standard library's decoder, or once
    orjson's cache has moved on, the lookup compares them as usual: only speed differs.)
    """
    decoded = _json.loads(_json.dumps(dict.fromkeys(keys.values(), 0)))
    same: dict[str, str] = {key: key for key in decoded}
    return {name: same.get(key, key) for name, key in keys.items()}


def _indent(lines: list[str], levels: int) -> list[str]:
    pad = "    " * levels
    return [pad + line for line in lines]


def _twin(cl: type[Any]) -> type[Any] | None:
    """A subclass of *cl* that adds nothing but plain attribute assignment, when *cl*'s
    ``__init__`` (generated by attrs) only stores its fields; ``None`` otherwise."""
    init = cl.__dict__.get("__init__")
    code = getattr(init, "__code__", None)
    if code is None or not code.co_filename.startswith("<attrs generated"):
        return None  # no __init__ of attrs' (init=False, or the class's own)
    if type(cl) is not type or cl.__dictoffset__:
        return None  # a metaclass, or no slots: build it the ordinary way
    if issubclass(cl, BaseException) or any(
        hasattr(cl, hook) for hook in ("__attrs_pre_init__", "__attrs_post_init__")
    ):
        return None
    for a in attrs.fields(cl):
        if a.validator is not None or a.converter is not None:
            return None
        if not a.name.isidentifier() or keyword.iskeyword(a.name):
            return None
    for k in cl.__mro__[:-1]:
        own = vars(k)
        if "__new__" in own or "__init_subclass__" in own or "__del__" in own:
            return None  # instances made otherwise; a subclass runs code; a probe is finalised
        if _HASH_CACHE_SLOT in own.get("__slots__", ()):
            return None
    twin: type[Any] = type(
        cl.__name__,
        (cl,),
        {
            "__slots__": (),
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
            "__module__": cl.__module__,
            "__qualname__": f"{cl.__qualname__}.<being built>",
        },
    )
    probe = object.__new__(twin)
    try:
        probe.__class__ = cl
    except TypeError:  # layouts CPython will not swap (never seen for attrs slotted classes)
        return None
    return twin


class _Source:
    """The pieces of one class's generated source: lines per field, names in its namespace."""

    def __init__(self, conv: cattrs.Converter) -> None:
        self.conv = conv
        self.namespace: dict[str, Any] = {
            "_fi": datetime.fromisoformat,
            "_rfc": _parse_rfc3339,
            "_utc": _UTC,
            "_dfi": date.fromisoformat,
            "_pdt": _parse_datetime,
        }
        self._names: dict[int, str] = {}

    def bind(self, value: Any) -> str:
        """A name in the generated code's namespace for *value* (one name per object)."""
        name = self._names.get(id(value))
        if name is None:
            name = self._names[id(value)] = f"_c{len(self._names)}"
            self.namespace[name] = value
        return name

    def default(self, a: attrs.Attribute[Any]) -> str:
        """An expression for the default of *a*."""
        default: Any = a.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            return f"{self.bind(default.factory)}()"
        if default is None or default is True or default is False:
            return repr(default)
        return self.bind(default)

    def hook(self, t: Any) -> Any:
        return self.conv.get_structure_hook(t)

    def field(self, t: Any, src: str, dst: str) -> list[str]:
        """Lines turning JSON value *src* into *dst* of declared type *t*, raising on any misfit."""
        if t is NotGiven or (_is_union(t) and NotGiven in get_args(t)):
            raise _Unsupported("NOT_GIVEN")  # request bodies: rare on the hot path
        if not _is_union(t):
            return self._value(t, src, dst, optional=False)
        hook = self.hook(t)
        if _is_stock(hook):
            members = get_args(t)
            rest = tuple(m for m in members if m is not _NoneType)
            optional = len(rest) < len(members)
            if len(rest) == 1:
                return self._value(rest[0], src, dst, optional=optional)
            lines = self._enum(rest, src, dst, optional) or self._dispatch(rest, src, dst, optional)
            if lines is not None:
                return lines
        return [f"{dst} = {self.bind(hook)}({src}, {self.bind(t)})"]  # the union's own rule

    def _value(self, t: Any, src: str, dst: str, *, optional: bool) -> list[str]:
        """*t* is not a union (but may be ``None`` too, when *optional*)."""
        lines = self._enum((t,), src, dst, optional)
        hook = self.hook(t)
        for rule in (self._timestamp, self._leaf, self._list):
            if lines is None:
                lines = rule(t, hook, src, dst, optional)
        if lines is not None:
            return lines
        function = self._object(t)  # a nested class: its own generated function
        call = f"{function}({src})" if function else f"{self.bind(hook)}({src}, {self.bind(t)})"
        return [f"{dst} = None if {src} is None else {call}" if optional else f"{dst} = {call}"]

    def _timestamp(self, t: Any, hook: Any, src: str, dst: str, optional: bool) -> list[str] | None:
        """``datetime`` and ``date`` under the stock rules, parsed where they stand."""
        if t is datetime and hook is _structure_datetime:  # as _parse_datetime does
            parse = [
                "    try:",
                f"        t = _fi({src})",
                "    except ValueError:",
                f"        t = _rfc({src})",
                "    if t.tzinfo is None:",
                "        t = t.replace(tzinfo=_utc)",
                f"    {dst} = t",
            ]
        elif t is date and hook is _structure_date:  # as _structure_date does
            parse = [f"    {dst} = _dfi({src}) if len({src}) == 10 else _pdt({src}).date()"]
        else:
            return None
        return [f"if {src}.__class__ is str:", *parse, *_otherwise(src, dst, optional)]

    def _leaf(self, t: Any, hook: Any, src: str, dst: str, optional: bool) -> list[str] | None:
        """``str``/``int``/``float``/``bool``: taken as it is when of exactly that class."""
        if not isinstance(t, type) or _LEAF_HOOKS.get(t) is not hook:
            return None
        check = f"{src}.__class__ is not {self.bind(t)}"
        if optional:
            check += f" and {src} is not None"
        return [f"if {check}:", "    raise TypeError", f"{dst} = {src}"]

    def _list(self, t: Any, hook: Any, src: str, dst: str, optional: bool) -> list[str] | None:
        """``list[X]`` under the stock rule, X a class with a generated function or a leaf."""
        if get_origin(t) is not list or not _is_stock(hook):
            return None
        (item,) = get_args(t)
        function = self._object(item)
        if function is not None:
            each = f"[{function}(x) for x in {src}]"
            return [
                f"if {src}.__class__ is list:",
                f"    {dst} = {each}",
                *_otherwise(src, dst, optional),
            ]
        if self._leaf(item, self.hook(item), "x", "x", optional=False) is None:
            return None
        call = f"{self.bind(_leaves)}({src}, {self.bind(item)})"
        return [f"{dst} = None if {src} is None else {call}" if optional else f"{dst} = {call}"]

    def _object(self, t: Any) -> str | None:
        """The name of the generated function of attrs class *t*, if it has one."""
        fast = FastStructure.of(self.hook(t)) if attrs.has(t) else None
        reference = fast.reference() if fast is not None else None
        return self.bind(reference) if reference is not None else None

    def _enum(
        self, members: tuple[Any, ...], src: str, dst: str, optional: bool
    ) -> list[str] | None:
        """``E`` or ``E | str``, ``E`` an enum under the tolerant rule: a known value is the
        member, any other string stays as sent."""
        found = self._enum_members(members)
        if found is None:
            return None
        value_class, by_value = found
        return [
            f"if {src}.__class__ is {self.bind(value_class)}:",
            f"    {dst} = {self.bind(by_value)}.get({src}, {src})",
            *_otherwise(src, dst, optional),
        ]

    def _enum_members(self, members: tuple[Any, ...]) -> tuple[type[Any], dict[Any, Any]] | None:
        """``(value class, value → member)`` for *members* ``(E,)`` or ``(E, str)``."""
        if len(members) == 2 and str in members:
            (t,) = (m for m in members if m is not str)
        elif len(members) == 1:
            (t,) = members
        else:
            return None
        if not isinstance(t, EnumMeta):
            return None
        enum_class: type[Enum] = t  # type: ignore[assignment]
        if getattr(enum_class._missing_, "__func__", None) is not _PLAIN_MISSING:
            return None  # the enum has its own rule for unknown values
        value_classes = {type(member.value) for member in enum_class}
        if len(value_classes) != 1:
            return None
        (value_class,) = value_classes
        if value_class is not str and (value_class is not int or len(members) > 1):
            return None  # `E | str` is tolerant by rank; other unions need the full rule
        hook = self.hook(enum_class)
        mixin = issubclass(enum_class, value_class) and hook is _MIXIN_HOOKS.get(value_class)
        if not (mixin or _is_stock(hook)):
            return None  # someone registered their own hook for this enum: use it
        return value_class, dict(enum_class._value2member_map_)

    def _dispatch(
        self, members: tuple[Any, ...], src: str, dst: str, optional: bool
    ) -> list[str] | None:
        """A union whose members take distinct JSON kinds (``Client | int``): one branch per
        member on the value's class; ``None`` if any member is not that simple."""
        seen: set[str] = set()
        branches: list[tuple[str, str]] = []
        for m in members:
            kinds = _kinds(m)
            if kinds & seen:
                return None  # two members for one JSON kind: the union's rule decides
            seen |= kinds
            if self._leaf(m, self.hook(m), src, dst, optional=False) is not None:
                branches.append((self.bind(m), src))
                continue
            function = self._object(m)
            if function is None:
                return None
            branches.append((self.bind(dict), f"{function}({src})"))
        kind = f"{src}k"
        lines = [f"{kind} = {src}.__class__"]
        for n, (cls, value) in enumerate(branches):
            lines += [f"{'elif' if n else 'if'} {kind} is {cls}:", f"    {dst} = {value}"]
        return [*lines, *_otherwise(src, dst, optional)]


def _otherwise(src: str, dst: str, optional: bool) -> list[str]:
    """The end of an ``if`` chain on *src*: ``None`` when *optional*, else not the shape."""
    none = [f"elif {src} is None:", f"    {dst} = None"] if optional else []
    return [*none, "else:", "    raise TypeError"]


def _leaves(value: Any, cls: type[Any]) -> list[Any]:
    """``list[str]`` and the like: a copy of *value* when every item is exactly *cls*."""
    if value.__class__ is not list:
        raise TypeError("expected an array")
    for item in value:
        if item.__class__ is not cls:
            raise TypeError("not the documented item type")
    return value[:]
