"""Credentials that never show by accident, and scrubbing them from what a server sends back.

:class:`Secret` wraps a credential: ``repr``, ``str`` and formatting show a mask. Every live
``Secret`` of at least :data:`MIN_SCRUBBED_LENGTH` characters is also known to :func:`scrub`,
which replaces it, in any text or JSON data, by ``[redacted]``: as it is, percent-encoded as
URL and form encoders do (``%2B`` or ``%2b``, ``+`` for a space), JSON- or HTML-escaped, and
without the scheme of an ``Authorization`` value (``Basic <base64 of user:password>`` is
scrubbed as the base64 alone).
Errors built from a server's answer go through it (see :class:`~common.errors.ApiError`), so
a server that echoes a token back cannot put it in an error message.

:class:`SecretMapping` carries headers or form fields holding secrets through code whose
frames a traceback with locals would show: its ``repr`` masks them; reading it gives the
values.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final, TypeVar
from urllib.parse import quote, quote_plus

__all__ = [
    "MIN_SCRUBBED_LENGTH",
    "Secret",
    "SecretMapping",
    "holds_secret",
    "map_text",
    "scrub",
    "scrub_text",
]

_MASK: Final = "********"
_SCRUBBED: Final = "[redacted]"

#: Secrets shorter than this are not scrubbed from server text: removing every ``abc`` from
#: messages would garble them for no protection (no real credential is that short). Passwords,
#: API keys and tokens are all longer.
MIN_SCRUBBED_LENGTH: Final = 6

#: ``Authorization`` schemes: a secret ``"Bearer x"`` is scrubbed as ``x`` (which covers the
#: whole value too).
_SCHEME = re.compile(r"(?:Basic|Bearer|Token|Digest)\s+(?=\S)", re.IGNORECASE)

_T = TypeVar("_T")


class Secret:
    """Holds a credential. ``repr``, ``str`` and formatting show a mask; ``reveal()`` the value.

    Wrap credentials as soon as they enter the library so that a traceback with locals, a
    logged object or an exception message cannot carry them. While it lives, the value is
    scrubbed from every error built from a server's answer (see :func:`scrub`).
    """

    __slots__ = ("__weakref__", "_value")

    def __init__(self, value: str | Secret) -> None:
        if isinstance(value, Secret):
            value = value.reveal()
        if not isinstance(value, str):
            raise TypeError(f"a secret must be a str, not {type(value).__name__}")
        self._value = value
        _REGISTRY.add(self)

    def reveal(self) -> str:
        """The secret value itself: call it only where the value is put on the wire."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret({_MASK!r})"

    def __str__(self) -> str:
        return _MASK

    def __format__(self, spec: str) -> str:
        return _MASK

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Secret):
            return self._value == other._value
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> str:
        raise TypeError("a Secret cannot be pickled")


class SecretMapping(Mapping[str, str]):
    """Headers or form fields, some of them secret: reading gives the values (revealed), the
    ``repr`` shows the secret ones masked.

    Hand one where a plain ``dict`` would sit in the locals of a frame that may end up on a
    traceback (a login's headers, a token refresh's form).
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str | Secret]) -> None:
        self._items: dict[str, str | Secret] = dict(items)

    def __getitem__(self, key: str) -> str:
        value = self._items[key]
        return value.reveal() if isinstance(value, Secret) else value

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"

    def __reduce__(self) -> str:
        raise TypeError("a SecretMapping cannot be pickled")


# -- the registry of live secrets, and scrubbing ----------------------------------------------


class _Registry:
    """Every live :class:`Secret` long enough to scrub, as the literal forms to look for.

    Plain substring search, no regular expression: nothing to compile when secrets come and
    go (a client per request in a web app), and a text is checked in microseconds.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tickets = itertools.count()
        self._forms: dict[int, tuple[str, ...]] = {}
        # Filled by finalizers, which may run inside the garbage collector at any point (even
        # while this thread holds the lock): appending is all they do.
        self._dead: list[int] = []
        self._all: tuple[str, ...] = ()
        self._stale = False

    def add(self, secret: Secret) -> None:
        forms = _forms_of(secret.reveal())
        if not forms:
            return
        with self._lock:
            ticket = next(self._tickets)
            self._forms[ticket] = forms
            self._stale = True
        weakref.finalize(secret, self._dead.append, ticket).atexit = False

    def forms(self) -> tuple[str, ...]:
        """Every form of every live secret, longest first."""
        if not self._stale and not self._dead:
            return self._all
        with self._lock:
            while self._dead:
                self._forms.pop(self._dead.pop(), None)
                self._stale = True
            if self._stale:
                every = {form for forms in self._forms.values() for form in forms}
                self._all = tuple(sorted(every, key=len, reverse=True))
                self._stale = False
            return self._all


def _core(value: str) -> str:
    """The part of *value* to look for: without an auth scheme and base64 padding."""
    if match := _SCHEME.match(value):
        value = value[match.end() :]
    return value.strip().rstrip("=")


def _lower_hex(text: str) -> str:
    return _PERCENT.sub(lambda m: m[0].lower(), text)


def _forms_of(value: str) -> tuple[str, ...]:
    """The literal forms a secret travels in: as it is, percent-encoded the ways URL and form
    encoders do it (hex in either case), JSON-escaped, HTML-escaped."""
    core = _core(value)
    if len(core) < MIN_SCRUBBED_LENGTH:
        return ()
    encoded = [
        quote(core, safe=""),
        quote(core),  # "/" kept, as in paths
        quote(core, safe="/?:@!$'()*,;"),  # what URL libraries keep in a query value
        quote_plus(core, safe=""),  # application/x-www-form-urlencoded
    ]
    forms = {core, *encoded, *(_lower_hex(e) for e in encoded)}
    for ascii_only in (True, False):
        escaped = json.dumps(core, ensure_ascii=ascii_only)[1:-1]
        forms |= {escaped, escaped.replace("/", "\\/")}
    forms.add(_html_escape(core))
    return tuple(forms)


def _html_escape(text: str) -> str:
    """``html.escape(text)``, without importing :mod:`html` and its entity table."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


_PERCENT: Final = re.compile(r"%[0-9A-F]{2}")
_REGISTRY: Final = _Registry()


def scrub_text(text: str) -> str:
    """*text* with every live secret, in any of its encodings, replaced by ``[redacted]``."""
    if not text:
        return text
    for form in _REGISTRY.forms():
        if form in text:
            text = text.replace(form, _SCRUBBED)
    return text


def holds_secret(text: str) -> bool:
    """Whether *text* holds a live secret in one of its forms (see :func:`scrub_text`)."""
    return any(form in text for form in _REGISTRY.forms())


def scrub(value: _T) -> _T:
    """*value* with every live secret removed from its text: a string, or JSON-like data
    (mappings, lists and tuples of them, keys included); other values are returned as given.
    """
    if value is None or not _REGISTRY.forms():
        return value
    return map_text(value, scrub_text)


def map_text(value: _T, change: Callable[[str], str]) -> _T:
    """*value* with *change* applied to every string in it: a string, or JSON-like data
    (mappings become dicts, lists and tuples stay so; keys too); other values as given.

    Walks without recursion, so data nested thousands deep (a hostile body) cannot overflow
    the stack; a container met again inside itself is replaced by ``"..."``.
    """
    if isinstance(value, str):
        return change(value)  # type: ignore[return-value]
    if not isinstance(value, (Mapping, list, tuple)):
        return value
    try:  # the usual shallow body, walked the quick way
        return _shallow(value, change, _SHALLOW)  # type: ignore[no-any-return]
    except _TooDeep:
        return _deep(value, change)  # type: ignore[no-any-return]


#: How deep :func:`map_text` recurses before it walks with a stack of its own instead.
_SHALLOW: Final = 48


class _TooDeep(Exception):
    pass


def _shallow(value: Any, change: Callable[[str], str], depth: int) -> Any:
    if isinstance(value, str):
        return change(value)
    if depth == 0:
        raise _TooDeep
    if isinstance(value, dict) or isinstance(value, Mapping):  # noqa: SIM101 - dict is quick
        return {
            change(k) if isinstance(k, str) else k: _shallow(v, change, depth - 1)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_shallow(item, change, depth - 1) for item in value]
    if isinstance(value, tuple):
        return tuple(_shallow(item, change, depth - 1) for item in value)
    return value


def _deep(value: Any, change: Callable[[str], str]) -> Any:
    root = _Level(value, change)
    stack = [root]
    on_path = {id(value)}
    while True:
        level = stack[-1]
        step = next(level.items, None)
        if step is None:
            stack.pop()
            on_path.discard(id(level.source))
            built = level.built()
            if not stack:
                return built
            stack[-1].put(built)
            continue
        key, item = step
        level.key = change(key) if isinstance(key, str) else key
        if isinstance(item, str):
            level.put(change(item))
        elif isinstance(item, (Mapping, list, tuple)):
            if id(item) in on_path:
                level.put("...")
            else:
                on_path.add(id(item))
                stack.append(_Level(item, change))
        else:
            level.put(item)


class _Level:
    """One container being rebuilt by :func:`map_text`."""

    __slots__ = ("items", "key", "kind", "out", "source")

    def __init__(self, source: Any, change: Callable[[str], str]) -> None:
        self.source = source
        self.kind: type = dict if isinstance(source, Mapping) else type(source)
        self.items: Iterator[tuple[Any, Any]] = (
            iter(source.items()) if isinstance(source, Mapping) else enumerate(source)
        )
        self.key: Any = None
        self.out: Any = {} if self.kind is dict else []

    def put(self, value: Any) -> None:
        if self.kind is dict:
            self.out[self.key] = value
        else:
            self.out.append(value)

    def built(self) -> Any:
        if self.kind is dict or self.kind is list:
            return self.out
        return tuple(self.out)
