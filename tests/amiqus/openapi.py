"""Validate Amiqus requests and responses against the vendor's OpenAPI 3.1 spec (openapi-core).

The spec (``shared/vendor-docs/amiqus-openapi.json``, 99 operations) is the truth for Amiqus. Its
only server is ``https://id.amiqus.co/api/v2``, so every request is presented to openapi-core
under that URL, whatever loopback host and port the emulator listens on::

    validator = SpecValidator.load()
    validator.check_request("GET", "/clients", "page=2", {"Authorization": "Bearer x"}, b"", "")
    validator.check_exchange(emulator.exchanges[-1])

Each ``check_*`` raises :class:`AssertionError` with a readable message on any violation.
Loading takes about two seconds: the ``spec_validator`` fixture does it once per session.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qsl

import pytest
from multidict import CIMultiDict, MultiDict

with warnings.catch_warnings():
    # openapi-core 0.23 (and its jsonschema-path dependency) may emit DeprecationWarnings at
    # import time; pytest runs with ``filterwarnings = error``, so they are silenced here only.
    warnings.simplefilter("ignore", DeprecationWarning)
    from openapi_core import Config, OpenAPI
    from openapi_core.datatypes import RequestParameters
    from openapi_core.deserializing.media_types.util import data_form_loads

__all__ = ["SPEC_PATH", "SERVER_URL", "ExchangeLike", "SpecValidator"]

SPEC_PATH = Path(__file__).resolve().parents[3] / "shared" / "vendor-docs" / "amiqus-openapi.json"
SERVER_URL = "https://id.amiqus.co/api/v2"
_HOST_URL = "https://id.amiqus.co"
_PREFIX = "/api/v2"


class ExchangeLike(Protocol):
    """What :meth:`SpecValidator.check_exchange` reads (the emulator's ``Exchange``)."""

    @property
    def method(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def query_string(self) -> str: ...
    @property
    def request_headers(self) -> Mapping[str, str]: ...
    @property
    def request_body(self) -> bytes: ...
    @property
    def request_content_type(self) -> str: ...
    @property
    def status(self) -> int: ...
    @property
    def response_headers(self) -> Mapping[str, str]: ...
    @property
    def response_body(self) -> bytes: ...
    @property
    def response_content_type(self) -> str: ...


class _Request:
    """openapi-core's request protocol, presented under the spec's server URL."""

    def __init__(
        self,
        method: str,
        path: str,
        query_string: str,
        headers: Mapping[str, str],
        body: bytes,
        content_type: str,
    ) -> None:
        self._method = method.lower()
        self._path = _PREFIX + _under_prefix(path)
        self._body = body
        self._content_type = (content_type or "").lower()
        query = MultiDict(parse_qsl(query_string, keep_blank_values=True))
        self.parameters = RequestParameters(query=query, header=CIMultiDict(headers))

    host_url = _HOST_URL

    @property
    def path(self) -> str:
        return self._path

    @property
    def method(self) -> str:
        return self._method

    @property
    def body(self) -> bytes | None:
        return self._body or None

    @property
    def content_type(self) -> str:
        return self._content_type


class _Response:
    def __init__(
        self, status: int, headers: Mapping[str, str], body: bytes, content_type: str
    ) -> None:
        self.status_code = status
        self.headers = CIMultiDict(headers)
        self.content_type = (content_type or "").lower()
        # A binary download (PDF, any file) is a ``string``/``binary`` schema; openapi-core
        # hands undecodable media types over as bytes, which JSON Schema's "string" rejects,
        # so the bytes are presented as a latin-1 string (lossless, one char per byte).
        self.data: bytes | str = body
        if body and not _is_json(self.content_type):
            self.data = body.decode("latin-1")


def _form_loads(value: bytes, **parameters: str) -> Mapping[str, Any]:
    """openapi-core's multipart parser, with file parts as latin-1 strings: it yields bytes,
    which the 3.1 schema ``{"type": "string", "format": "binary"}`` would reject."""
    parsed: Any = data_form_loads(value, **parameters)  # a werkzeug ImmutableMultiDict
    return MultiDict(
        (k, v.decode("latin-1") if isinstance(v, bytes) else v) for k, v in parsed.items(multi=True)
    )


def _is_json(content_type: str) -> bool:
    return content_type.partition(";")[0].strip().endswith("json")


def _under_prefix(path: str) -> str:
    """``/api/v2/clients`` or ``/clients`` -> ``/clients``."""
    return path[len(_PREFIX) :] if path.startswith(_PREFIX + "/") else path


def _describe(errors: Iterator[Exception]) -> list[str]:
    lines = []
    for error in errors:
        lines.append(f"{type(error).__name__}: {error}")
        cause: BaseException | None = error.__cause__
        while cause is not None:
            lines.append(f"  caused by {type(cause).__name__}: {cause}")
            for sub in getattr(cause, "schema_errors", ()) or ():
                where = "/".join(str(p) for p in getattr(sub, "absolute_path", ()))
                lines.append(f"    at {where or '<root>'}: {getattr(sub, 'message', sub)}")
            cause = cause.__cause__
    return lines


class SpecValidator:
    """The Amiqus spec, loaded once; checks requests, responses and recorded exchanges."""

    def __init__(self, spec: OpenAPI, document: Mapping[str, Any]) -> None:
        self._spec = spec
        self._document = document

    @classmethod
    def load(cls, path: Path = SPEC_PATH) -> SpecValidator:
        """Load the spec (about 2 s); skip the calling test when the shared folder is absent."""
        if not path.exists():
            pytest.skip(f"the Amiqus OpenAPI spec is not beside this checkout ({path})")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # see the import above
            config = Config(extra_media_type_deserializers={"multipart/form-data": _form_loads})
            spec = OpenAPI.from_file_path(str(path), config=config)
        return cls(spec, spec.spec.read_value())

    @cached_property
    def _operations(self) -> list[tuple[str, re.Pattern[str], str]]:
        table = []
        for template, item in self._document["paths"].items():
            pattern = re.compile(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)))
            for method, operation in item.items():
                if isinstance(operation, Mapping) and "operationId" in operation:
                    table.append((method.upper(), pattern, str(operation["operationId"])))
        # literal paths first, so /team/me wins over a /team/{x} template
        table.sort(key=lambda row: row[1].pattern.count("[^/]+"))
        return table

    def operation_for(self, method: str, path: str) -> str:
        """The operationId answering ``method path`` (path under ``/api/v2``, query ignored)."""
        bare = _under_prefix(path.split("?", 1)[0])
        for wanted, pattern, operation_id in self._operations:
            if wanted == method.upper() and pattern.fullmatch(bare):
                return operation_id
        raise AssertionError(f"no operation of the spec answers {method.upper()} {bare}")

    def check_request(
        self,
        method: str,
        path: str,
        query_string: str,
        headers: Mapping[str, str],
        body: bytes,
        content_type: str,
    ) -> None:
        """The request (path under ``/api/v2``) is valid for its operation."""
        request = _Request(method, path, query_string, headers, body, content_type)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            problems = _describe(self._spec.iter_request_errors(request))
        if problems:
            raise AssertionError(
                f"request {method.upper()} {path}?{query_string} violates the spec:\n"
                + "\n".join(problems)
            )

    def check_response(
        self,
        method: str,
        path: str,
        query_string: str,
        headers: Mapping[str, str],
        body: bytes,
        content_type: str,
        *,
        status: int,
        response_headers: Mapping[str, str],
        response_body: bytes,
        response_content_type: str,
    ) -> None:
        """The response is one the spec documents for this request's operation and status."""
        request = _Request(method, path, query_string, headers, body, content_type)
        response = _Response(status, response_headers, response_body, response_content_type)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            problems = _describe(
                self._spec.iter_response_errors(request, response)  # type: ignore[arg-type]
            )
        if status == 204 and response_body:
            problems.append("a 204 response has a body")
        if problems:
            raise AssertionError(
                f"response {status} to {method.upper()} {path}?{query_string} violates the "
                f"spec:\n" + "\n".join(problems) + f"\nbody: {response_body[:2000]!r}"
            )

    def check_exchange(self, exchange: ExchangeLike, *, request: bool | None = None) -> None:
        """Check a recorded exchange: always the response; the request too when *request* is
        true, or by default when the status is below 400 (a 4xx answers a request that was
        wrong on purpose)."""
        if request if request is not None else exchange.status < 400:
            self.check_request(
                exchange.method,
                exchange.path,
                exchange.query_string,
                exchange.request_headers,
                exchange.request_body,
                exchange.request_content_type,
            )
        self.check_response(
            exchange.method,
            exchange.path,
            exchange.query_string,
            exchange.request_headers,
            exchange.request_body,
            exchange.request_content_type,
            status=exchange.status,
            response_headers=exchange.response_headers,
            response_body=exchange.response_body,
            response_content_type=exchange.response_content_type,
        )
