"""Where the pager may go: next-page links resolved and kept on the base URL's origin."""

from __future__ import annotations

import functools
import re
from urllib.parse import urldefrag, urljoin, urlsplit

from ..errors import UnsafeURLError

__all__ = ["resolve_next_url"]

_DEFAULT_PORTS = {"http": 80, "https": 443}
#: What a link may not contain: whitespace, control characters and backslashes.
_UNUSABLE = re.compile(r"[\x00-\x20\x7f\\]")


def _origin(url: str) -> tuple[str, str, int] | None:
    """``(scheme, host, port)`` of an absolute http(s) URL, or ``None`` when it has none."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a port out of range or not a number, a bad IPv6 literal
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname
    if scheme not in _DEFAULT_PORTS or not host or "@" in parts.netloc:
        return None
    return scheme, host, _DEFAULT_PORTS[scheme] if port is None else port


#: The origin of a base URL: one per client, read for every page.
_base_origin = functools.lru_cache(maxsize=64)(_origin)


def _show_origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}" if parts.netloc else repr(url)


def resolve_next_url(next_url: str, current_url: str, base_url: str) -> str:
    """The absolute URL of a next-page link, refused unless it stays on *base_url*'s origin.

    *next_url* is joined against *current_url* (the absolute URL of the page it was read from)
    following RFC 3986, and the fragment is dropped. The result must have the same scheme, host
    (compared case-insensitively) and port (an omitted port counts as the scheme's default) as
    *base_url*; otherwise :class:`UnsafeURLError` is raised. Links carrying user information,
    backslashes or control characters are refused too: URL parsers disagree about them.
    """
    link = next_url.strip()
    if not link or _UNUSABLE.search(link) is not None:
        raise UnsafeURLError(f"next-page link {next_url!r} is not a usable URL; not followed")
    resolved, _fragment = urldefrag(urljoin(current_url, link))
    expected = _base_origin(base_url)
    if expected is None:
        raise UnsafeURLError(f"base URL {base_url!r} has no http(s) origin to check links against")
    actual = _origin(resolved)
    if actual != expected:
        raise UnsafeURLError(
            f"next-page link points at {_show_origin(resolved)}, outside {_show_origin(base_url)};"
            " not followed"
        )
    return resolved


def _is_base_path(url: str) -> bool:
    return url.startswith("/") and not url.startswith("//")
