"""Where a client may send requests: one origin policy for the client, its redirects and
its pager.

A client talks to one origin, the scheme, host and port of its base URL. :class:`Origin`
turns a path into a URL there and refuses a URL elsewhere; :meth:`Origin.redirect` decides
whether a redirect is followed, and how; :meth:`Origin.next_page` keeps a next-page link on
the origin. :func:`origin_of` is the comparison all of them make (host case-insensitive, an
omitted port counted as the scheme's default).
"""

from __future__ import annotations

import ipaddress
import re
from typing import Final
from urllib.parse import urldefrag, urljoin, urlsplit

import attrs
from yarl import URL

from .errors import InvalidRequestError, UnsafeURLError
from .messages import Request, Response
from .redact import SENSITIVE_HEADERS, redact_url
from .retry import is_idempotent

__all__ = ["UNSAFE_URL_TEXT", "Origin", "is_loopback", "origin_of"]

#: What a base URL, a path, a next-page link or a redirect's Location may not contain:
#: whitespace, control characters and backslashes (URL parsers disagree on them; aiohttp
#: would send some raw).
UNSAFE_URL_TEXT: Final = re.compile(r"[\x00-\x20\x7f\\]")
_DEFAULT_PORTS: Final = {"http": 80, "https": 443}


def origin_of(url: str | URL) -> tuple[str, str, int] | None:
    """``(scheme, host, port)`` of an absolute http(s) URL; ``None`` when it has none (or it
    carries user information)."""
    try:
        parts = urlsplit(str(url))
        port = parts.port
    except ValueError:  # a port out of range or not a number, a bad IPv6 literal
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname
    if scheme not in _DEFAULT_PORTS or not host or "@" in parts.netloc:
        return None
    return scheme, host, _DEFAULT_PORTS[scheme] if port is None else port


def _show_origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}" if parts.netloc else repr(url)


def is_loopback(host: str | None) -> bool:
    """Whether *host* is this machine (``localhost``, ``127.0.0.0/8``, ``::1``)."""
    if host in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address((host or "").strip("[]")).is_loopback
    except ValueError:
        return False


def _yarl_origin(url: URL) -> tuple[str, str, int | None]:
    return (url.scheme.lower(), (url.host or "").lower(), url.port)


@attrs.frozen
class Origin:
    """A client's base URL and the rules that keep its requests on its origin."""

    base: URL
    #: ``str(base)``, built once: every request's URL starts with it.
    base_text: str
    #: The vendor's name, for messages.
    vendor: str = "api"
    _key: tuple[str, str, int | None] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_key", _yarl_origin(self.base))

    @classmethod
    def of(cls, base_url: str, *, allow_insecure_http: bool = False, vendor: str = "api") -> Origin:
        """The origin of *base_url*, checked: absolute http(s), no credentials, no query or
        fragment, and plain http only to a loopback host unless *allow_insecure_http*."""
        if UNSAFE_URL_TEXT.search(base_url):
            raise InvalidRequestError(
                f"base_url must not contain spaces, control characters or backslashes: {base_url!r}"
            )
        try:
            url = URL(base_url.rstrip("/"))
        except (ValueError, TypeError):
            raise InvalidRequestError(f"base_url is not a valid URL: {base_url!r}") from None
        if url.scheme not in ("https", "http") or not url.host:
            raise InvalidRequestError(f"base_url must be an absolute http(s) URL, not {base_url!r}")
        if url.user or url.password:
            raise InvalidRequestError("base_url must not carry credentials; pass an auth strategy")
        if url.scheme == "http" and not (allow_insecure_http or is_loopback(url.host)):
            raise InvalidRequestError(
                "refusing plain http to a non-loopback host; use https "
                "(or allow_insecure_http=True if you really mean it)"
            )
        if url.query_string or url.fragment:
            raise InvalidRequestError("base_url must not have a query or a fragment")
        return cls(base=url, base_text=str(url), vendor=vendor)

    def contains(self, url: URL) -> bool:
        """Whether *url* is on this origin."""
        return _yarl_origin(url) == self._key

    def url_for(self, path_or_url: str) -> URL:
        """An absolute URL on this origin for *path_or_url*; a foreign one is refused."""
        if UNSAFE_URL_TEXT.search(path_or_url):
            raise InvalidRequestError(
                "a path or URL must not contain spaces, control characters or backslashes "
                "(encode them, e.g. with common.format_path)"
            )
        if path_or_url.startswith(("http://", "https://")):
            url = URL(path_or_url, encoded=True)
            if url.user is not None or url.password is not None:
                raise InvalidRequestError(
                    "a URL must not carry credentials (user:password@); the auth strategy adds them"
                )
            if not self.contains(url):
                raise UnsafeURLError(
                    f"refusing to send a {self.vendor} request to another host: "
                    f"{redact_url(url.with_query(None))}"
                )
            return url
        if path_or_url and path_or_url[0] != "/":
            path_or_url = "/" + path_or_url
        return URL(self.base_text + path_or_url, encoded=True)

    def next_page(self, next_url: str, current_url: str) -> str:
        """The absolute URL of a next-page link, refused unless it stays on this origin.

        See :func:`resolve_next_url`.
        """
        return resolve_next_url(next_url, current_url, self.base_text)

    def redirect(
        self, request: Request, response: Response, secret_headers: frozenset[str]
    ) -> Request | str | UnsafeURLError:
        """The request a redirect asks for; or why it is not followed (the answer is then
        raised as an :class:`~common.errors.HTTPStatusError` with that reason as its
        message); or the :class:`~common.errors.UnsafeURLError` to raise.

        Refused with :class:`UnsafeURLError`: a ``Location`` that is malformed, not
        http(s), carries ``user:password@``, or is plain http -- unless it stays on our own
        origin, or both our base URL and the target are loopback (an emulator); never a
        downgrade from https. Credentials stay on our origin: a redirect elsewhere is
        followed only for an authenticated call without a body (a download moved to a
        storage host), stripped of every secret header (*secret_headers* and the usual
        ones); a login, a token refresh or a body is never carried to another host.

        Methods: 303 is followed with a GET (a HEAD stays a HEAD) and no body. 301, 302,
        307 and 308 keep the method and body for idempotent methods. A POST or PATCH
        answered 301, 302, 307 or 308 is not followed at all -- neither re-sent nor turned
        into a GET -- so the caller sees the redirect and decides.
        """
        location = response.headers["Location"]
        base = self.base

        def refuse(message: str) -> UnsafeURLError:
            return UnsafeURLError(message, method=request.method, url=redact_url(request.url))

        target: URL | None = None
        if UNSAFE_URL_TEXT.search(location) is None:
            try:
                target = request.url.join(URL(location, encoded=True))
            except (ValueError, TypeError):
                target = None
        if target is None:
            return refuse("refusing a redirect to a malformed Location")
        shown = redact_url(target.with_query(None).with_user(None))
        if target.scheme not in ("http", "https") or not target.host:
            return refuse(f"refusing a redirect to a URL that is not http(s): {shown}")
        if target.user is not None or target.password is not None:
            return refuse(
                f"refusing a redirect whose Location carries credentials (user:password@): {shown}"
            )
        same_origin = self.contains(target)
        loopback = base.scheme == "http" and is_loopback(base.host) and is_loopback(target.host)
        if target.scheme != "https" and not (same_origin or loopback):
            return refuse(f"refusing a redirect to plain http: {shown}")
        method, body = request.method, request.body
        if response.status == 303 and method != "HEAD":
            method, body = "GET", None
        if not same_origin:
            if not request.authenticate:
                return refuse(f"refusing to follow a login or token redirect to {shown}")
            if body is not None:
                return refuse(f"refusing to carry a request body to {shown}")
        if response.status != 303 and not is_idempotent(method):
            return (
                f"the server redirected a {method} with {response.status} to {shown}; a "
                f"{method} is not re-sent (nor turned into a GET) by a redirect: send it "
                "there yourself if you mean to"
            )
        if not replayable(body):
            return (
                f"the server redirected the request with {response.status} to {shown}; its "
                "streamed body cannot be sent again"
            )
        headers = dict(request.headers)
        if not same_origin:
            secret = SENSITIVE_HEADERS | secret_headers
            headers = {k: v for k, v in headers.items() if k.lower() not in secret}
        if body is None:
            headers.pop("Content-Type", None)
        return Request(
            method=method,
            url=target,
            headers=headers,
            timeout=request.timeout,
            body=body,
            authenticate=request.authenticate and same_origin,
        )


def replayable(body: object) -> bool:
    """Whether a request body can be sent again (a streamed upload cannot)."""
    from .files import Multipart

    return body is None or not isinstance(body, Multipart) or body.replayable


def resolve_next_url(next_url: str, current_url: str, base_url: str) -> str:
    """The absolute URL of a next-page link, refused unless it stays on *base_url*'s origin.

    *next_url* is joined against *current_url* (the absolute URL of the page it was read from)
    following RFC 3986, and the fragment is dropped. The result must have the same scheme, host
    (compared case-insensitively) and port (an omitted port counts as the scheme's default) as
    *base_url*; otherwise :class:`UnsafeURLError` is raised. Links carrying user information,
    backslashes or control characters are refused too: URL parsers disagree about them.
    """
    link = next_url.strip()
    if not link or UNSAFE_URL_TEXT.search(link) is not None:
        raise UnsafeURLError(f"next-page link {next_url!r} is not a usable URL; not followed")
    resolved, _fragment = urldefrag(urljoin(current_url, link))
    expected = _base_origin(base_url)
    if expected is None:
        raise UnsafeURLError(f"base URL {base_url!r} has no http(s) origin to check links against")
    actual = origin_of(resolved)
    if actual != expected:
        raise UnsafeURLError(
            f"next-page link points at {_show_origin(resolved)}, outside {_show_origin(base_url)};"
            " not followed"
        )
    return resolved


def _base_origin(base_url: str) -> tuple[str, str, int] | None:
    found = _BASE_ORIGINS.get(base_url)
    if found is None:
        found = origin_of(base_url)
        if len(_BASE_ORIGINS) < 64:
            _BASE_ORIGINS[base_url] = found
    return found


#: The origin of a base URL: one per client, read for every page.
_BASE_ORIGINS: dict[str, tuple[str, str, int] | None] = {}
