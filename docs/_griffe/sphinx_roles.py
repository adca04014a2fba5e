"""A griffe extension for the API reference: the docstrings' reST habits, as Markdown.

The docstrings are written for ``help()`` and editors, in reST's habits: roles such as
``:class:`~common.Model``` and literal blocks introduced by ``::``. mkdocstrings renders
Markdown, so before rendering this extension rewrites

* each role into an autorefs cross-reference to the object, resolved from the docstring's own
  scope (``~`` shows the last name only); it is marked optional, so a name outside the
  documented packages (``aiohttp.ClientSession``) stays code, without a warning;
* ``Paragraph::`` into ``Paragraph:`` and a lone ``::`` line into nothing, since the indented
  block after it is a code block in Markdown already.
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

_ROLE = re.compile(
    r":(?:py:)?(?:class|func|meth|attr|data|mod|exc|obj|const):`(?P<tilde>~?)(?P<target>[^`]+?)`"
)
_LITERAL_MARK = re.compile(r"(?m)^(?P<text>.*?)(?P<space>\s?)::$")


def _resolve(obj: griffe.Object, name: str) -> str | None:
    """The full path *name* designates from *obj*'s scope, or ``None``."""
    if name.startswith("."):
        name = name.lstrip(".")
    scope: griffe.Object | None = obj
    while scope is not None:
        try:
            return scope.resolve(name.split(".")[0]) + name[len(name.split(".")[0]) :]
        except (griffe.NameResolutionError, ValueError, AttributeError):
            scope = scope.parent
    return name if "." in name else None


def _rewrite(obj: griffe.Object, text: str) -> str:
    def role(match: re.Match[str]) -> str:
        target = match["target"].strip()
        shown = target.rsplit(".", 1)[-1] if match["tilde"] else target
        path = _resolve(obj, target)
        if path is None:
            return f"`{shown}`"
        code = f"<code>{html.escape(shown)}</code>"
        return f'<autoref identifier="{html.escape(path)}" optional>{code}</autoref>'

    def literal(match: re.Match[str]) -> str:
        text = match["text"]
        return text + ":" if text.strip() else text

    return _LITERAL_MARK.sub(literal, _ROLE.sub(role, text))


class SphinxRoles(griffe.Extension):
    """Rewrite every docstring of a package once it is loaded (see the module)."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        seen: set[int] = set()
        pending: list[griffe.Object] = [pkg]
        while pending:
            obj = pending.pop()
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if obj.docstring is not None:
                obj.docstring.value = _rewrite(obj, obj.docstring.value)
            for member in obj.members.values():
                if not member.is_alias:
                    pending.append(member)  # type: ignore[arg-type]
