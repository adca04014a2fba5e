"""Run a vendor emulator as a standalone server: ``python -m <vendor>_async.emulator``.

For code in other languages, docker-compose setups and manual exploration: the same
emulators the tests use, serving until stopped::

    $ python -m amilia_async.emulator --port 8080 --rate-limit 20 --fault status=503,times=2
    Amilia emulator on http://127.0.0.1:8080 (seed 1; 20 requests per 1 s, then 429; 1 fault)
      base_url      http://127.0.0.1:8080
      organization  demo-org
      username      api@example.com
      password      emulator-password
      python        AmiliaClient(organization='demo-org', ...)
    Stop it with Ctrl-C or SIGTERM.

``--json`` prints the same facts as one JSON object on one line instead. SIGTERM and SIGINT
stop the server cleanly (every connection closed) with exit status 0; a port already in use
exits with status 2 and says so.

Flags every vendor has (each vendor adds its credentials and rate limits; ``--help`` lists
them): ``--port`` (default 0: any free port, printed), ``--host`` (a loopback address: the kit
never listens elsewhere), ``--seed`` (the data and the ``chance=`` of faults), ``--fault``
(repeatable, below), ``--log-requests`` (one line per answered request on stderr), ``--json``.

A fault, as :func:`parse_fault` reads it: a kind, then comma-separated options::

    status=503                 a JSON error with this status
    rate-limited[=SECONDS]     429, with Retry-After when given
    latency=SECONDS            wait, then answer normally
    close | reset              hang up without answering (EOF, TCP reset)
    malformed-json             truncated JSON labelled application/json
    html[=STATUS]              a proxy's HTML error page (default 502)
    empty[=STATUS]             no body at all (default 200)
    wrong-content-type[=TYPE]  a JSON body labelled TYPE (default text/plain)
    drop-mid-body              Content-Length promised, half the body sent, then hang up
    slow-drip[=SECONDS]        the body trickled out over SECONDS (default 0.5)

    options: method=GET   path=/exact/path   path=~REGEX (whole path; no commas)
             times=N | times=forever (default: 1, or forever with chance=)
             chance=P (each matching request gets it with probability P, 0 < P <= 1)

e.g. ``--fault status=503,method=GET,times=2`` (the next two GETs answer 503),
``--fault latency=0.3,path=~/api/v1/clients/\\d+,times=forever``,
``--fault reset,chance=0.05`` (one request in twenty, forever; ``times=N`` then counts
injected faults).

The request log of a standalone server keeps no bodies and is emptied once it holds
:data:`RECORD_CAP` requests, so a server left running for days stays small.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import re
import signal
import sys
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Generic, TextIO, TypeVar

import attrs
from aiohttp import web

from common._sentinel import NOT_GIVEN, NotGiven
from common.testing._match import PathPattern
from common.testing.faults import Fault, FaultPlan, Handler
from common.testing.ratelimit import ServerRateLimit
from common.testing.server import EmulatorServer
from common.testing.vendor import VendorEmulator

__all__ = [
    "EXIT_CANNOT_LISTEN",
    "FAULT_KINDS",
    "RECORD_CAP",
    "EmulatorCommand",
    "FaultSpec",
    "describe_server_limit",
    "optional_limit",
    "parse_fault",
]

_E = TypeVar("_E", bound=VendorEmulator)

#: A standalone server's request log is emptied when it reaches this many requests.
RECORD_CAP = 10_000
#: How often (seconds) the request log's size is checked.
_TRIM_EVERY = 5.0
#: Exit status when the server cannot listen (the port is taken, the host is not loopback).
EXIT_CANNOT_LISTEN = 2


# -- faults ---------------------------------------------------------------------------------


@attrs.define(eq=False)
class _Sometimes(Fault):
    """Inject *inner* with probability *chance*, at most *remaining* times (``None``: always).

    The rule holding it never runs out: a request not chosen goes to the handler.
    """

    inner: Fault
    chance: float
    remaining: int | None
    rng: random.Random

    async def apply(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """The inner fault for a chosen request, else the real handler."""
        spent = self.remaining is not None and self.remaining <= 0
        if spent or self.rng.random() >= self.chance:
            return await handler(request)
        if self.remaining is not None:
            self.remaining -= 1
        return await self.inner.apply(request, handler)


@attrs.frozen
class FaultSpec:
    """A parsed ``--fault``: what to inject, on which requests, how often."""

    text: str
    fault: Fault
    method: str | None = None
    path: PathPattern | None = None
    #: Requests answered by the fault; ``None``: forever.
    times: int | None = 1
    #: Probability that a matching request gets the fault; ``None``: every one.
    chance: float | None = None

    def schedule(self, plan: FaultPlan, rng: random.Random) -> None:
        """Add this fault to *plan*; *rng* decides ``chance=`` faults."""
        if self.chance is None:
            plan.add(self.fault, method=self.method, path=self.path, times=self.times)
            return
        sometimes = _Sometimes(inner=self.fault, chance=self.chance, remaining=self.times, rng=rng)
        plan.add(sometimes, method=self.method, path=self.path, times=None)


def _number(kind: str, value: str | None, default: float | None = None) -> float:
    if value is None:
        if default is None:
            raise argparse.ArgumentTypeError(f"{kind} needs a value, e.g. {kind}=1")
        return default
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{kind}={value!r}: not a number") from None
    if not number >= 0:
        raise argparse.ArgumentTypeError(f"{kind}={value!r}: must be >= 0")
    return number


def _status(kind: str, value: str | None, default: int | None = None) -> int:
    if value is None and default is not None:
        return default
    if value is None or not value.isdigit() or not 100 <= int(value) <= 599:
        raise argparse.ArgumentTypeError(f"{kind} needs an HTTP status (100-599), got {value!r}")
    return int(value)


def _no_value(kind: str, value: str | None) -> None:
    if value is not None:
        raise argparse.ArgumentTypeError(f"{kind} takes no value, got {kind}={value}")


def _status_fault(value: str | None) -> Fault:
    return Fault.status(_status("status", value))


def _rate_limited(value: str | None) -> Fault:
    if value is None:
        return Fault.rate_limited()
    return Fault.rate_limited(f"{_number('rate-limited', value):g}")


def _latency(value: str | None) -> Fault:
    return Fault.latency(_number("latency", value))


def _close(value: str | None) -> Fault:
    _no_value("close", value)
    return Fault.close()


def _reset(value: str | None) -> Fault:
    _no_value("reset", value)
    return Fault.reset()


def _malformed_json(value: str | None) -> Fault:
    _no_value("malformed-json", value)
    return Fault.malformed_json()


def _html(value: str | None) -> Fault:
    return Fault.html(_status("html", value, 502))


def _empty(value: str | None) -> Fault:
    return Fault.empty(_status("empty", value, 200))


def _wrong_content_type(value: str | None) -> Fault:
    return Fault.wrong_content_type(value or "text/plain")


def _drop_mid_body(value: str | None) -> Fault:
    _no_value("drop-mid-body", value)
    return Fault.drop_mid_body()


def _slow_drip(value: str | None) -> Fault:
    return Fault.slow_drip(seconds=_number("slow-drip", value, 0.5))


#: Every fault kind ``--fault`` knows, and how to build it from the text after ``=``.
FAULT_KINDS: Mapping[str, Callable[[str | None], Fault]] = {
    "status": _status_fault,
    "rate-limited": _rate_limited,
    "latency": _latency,
    "close": _close,
    "reset": _reset,
    "malformed-json": _malformed_json,
    "html": _html,
    "empty": _empty,
    "wrong-content-type": _wrong_content_type,
    "drop-mid-body": _drop_mid_body,
    "slow-drip": _slow_drip,
}


def parse_fault(text: str) -> FaultSpec:
    """Read a ``--fault`` value (see the module docs); ``argparse.ArgumentTypeError`` if bad."""
    kind_text, *options = (part.strip() for part in text.split(","))
    kind, _, value = kind_text.partition("=")
    kind = kind.strip().lower().replace("_", "-")
    build = FAULT_KINDS.get(kind)
    if build is None:
        known = ", ".join(FAULT_KINDS)
        raise argparse.ArgumentTypeError(f"unknown fault {kind!r} in {text!r}; known: {known}")
    fault = build(value.strip() if "=" in kind_text else None)
    method: str | None = None
    path: PathPattern | None = None
    times: int | NotGiven | None = NOT_GIVEN
    chance: float | None = None
    for option in options:
        name, equals, setting = option.partition("=")
        name = name.strip().lower()
        if not equals or not setting:
            raise argparse.ArgumentTypeError(f"{option!r} in {text!r}: expected name=value")
        if name == "method":
            method = setting.upper()
        elif name == "path":
            path = _path(setting)
        elif name == "times":
            times = _times(setting)
        elif name == "chance":
            chance = _number("chance", setting)
            if not 0 < chance <= 1:
                raise argparse.ArgumentTypeError(f"chance={setting}: must be in (0, 1]")
        else:
            raise argparse.ArgumentTypeError(
                f"unknown option {name!r} in {text!r}; known: method, path, times, chance"
            )
    if isinstance(times, NotGiven):
        times = 1 if chance is None else None  # by chance: forever unless capped
    return FaultSpec(text=text, fault=fault, method=method, path=path, times=times, chance=chance)


def _path(setting: str) -> PathPattern:
    if not setting.startswith("~"):
        return setting
    try:
        return re.compile(setting[1:])
    except re.error as err:
        raise argparse.ArgumentTypeError(
            f"path={setting}: not a regular expression ({err})"
        ) from None


def _times(setting: str) -> int | None:
    if setting.lower() in ("forever", "always", "*"):
        return None
    if not setting.isdigit() or int(setting) < 1:
        raise argparse.ArgumentTypeError(f"times={setting}: a count >= 1, or 'forever'")
    return int(setting)


# -- rate-limit flags -------------------------------------------------------------------------


def optional_limit(text: str) -> int | None:
    """An argparse type: a count >= 1, or ``0``/``none``/``off`` for no limit (``None``)."""
    if text.strip().lower() in ("0", "none", "off", "unlimited"):
        return None
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"{text!r}: a count of requests, or 0/none for no limit")
    return int(text)


def describe_server_limit(limit: ServerRateLimit | None) -> str:
    """The banner text for a kit rate limit, e.g. ``"100 requests per 1 s, then 429"``."""
    if limit is None:
        return "no rate limit"
    return f"{limit.limit} requests per {limit.per:g} s, then 429"


# -- the command ------------------------------------------------------------------------------


@attrs.frozen
class EmulatorCommand(Generic[_E]):
    """What a vendor's ``__main__`` tells the shared command: its flags, how to build its
    emulator from them, and what a client needs to connect.

    ``connection`` returns ``base_url`` (what the vendor's client takes) and the credentials,
    in the order to print them; ``client`` a line of Python building the vendor's client;
    ``limits`` a few words on the emulator's rate limits.
    """

    vendor: str
    module: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    build: Callable[[argparse.Namespace], _E]
    connection: Callable[[_E], dict[str, str]]
    client: Callable[[_E], str]
    limits: Callable[[_E], str]

    def parser(self) -> argparse.ArgumentParser:
        """The command's argument parser: the shared flags, then the vendor's."""
        parser = argparse.ArgumentParser(
            prog=f"python -m {self.module}",
            description=(
                f"Serve the {self.vendor} emulator on loopback until Ctrl-C or SIGTERM; print "
                "its base URL and the credentials to use."
            ),
            epilog=(
                "--fault KIND[=VALUE][,method=M][,path=P|~REGEX][,times=N|forever][,chance=P] "
                f"with KIND one of: {', '.join(FAULT_KINDS)}. See common.testing.cli."
            ),
        )
        parser.add_argument(
            "--port", type=_port, default=0, help="port to listen on (default 0: any free port)"
        )
        parser.add_argument(
            "--host", default="127.0.0.1", help="loopback address to listen on (127.0.0.1)"
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="seed of the data and of chance= faults (1)"
        )
        parser.add_argument(
            "--fault",
            type=parse_fault,
            action="append",
            default=[],
            metavar="SPEC",
            help="inject a fault (repeatable), e.g. status=503,times=2",
        )
        parser.add_argument(
            "--log-requests", action="store_true", help="log each answered request on stderr"
        )
        parser.add_argument(
            "--json", action="store_true", help="print the connection facts as one JSON line"
        )
        self.add_arguments(parser)
        return parser

    def main(
        self,
        argv: Sequence[str] | None = None,
        *,
        out: TextIO | None = None,
        err: TextIO | None = None,
    ) -> int:
        """Parse *argv*, serve until SIGTERM or SIGINT; the exit status."""
        options = self.parser().parse_args(argv)
        stdout, stderr = out or sys.stdout, err or sys.stderr
        try:
            emulator = self.build(options)
            return asyncio.run(self.serve(emulator, options, out=stdout, err=stderr))
        except KeyboardInterrupt:  # while seeding, or where the loop takes no signal handlers
            return 0

    async def serve(
        self, emulator: _E, options: argparse.Namespace, *, out: TextIO, err: TextIO
    ) -> int:
        """Start *emulator* as *options* say, print how to reach it, serve until signalled."""
        try:
            server = _listen_on(emulator, options.host, options.port)
        except ValueError as problem:
            print(f"error: {problem}", file=err, flush=True)
            return EXIT_CANNOT_LISTEN
        faults: list[FaultSpec] = options.fault
        rng = random.Random(options.seed)
        for spec in faults:
            spec.schedule(server.faults, rng)
        if options.log_requests:
            server.app.on_response_prepare.append(_request_logger(err))
        stop = asyncio.Event()
        handled = _on_signals(stop.set)
        try:
            try:
                await emulator.start()
            except OSError as problem:
                print(
                    f"error: cannot listen on {options.host}:{options.port}: {problem}",
                    file=err,
                    flush=True,
                )
                return EXIT_CANNOT_LISTEN
            try:
                self._announce(emulator, options, faults, out)
                await _serve_until(stop, server)
            finally:
                await emulator.stop()
        finally:
            _restore_signals(handled)
        print(f"{self.vendor} emulator stopped", file=err, flush=True)
        return 0

    def _announce(
        self, emulator: _E, options: argparse.Namespace, faults: list[FaultSpec], out: TextIO
    ) -> None:
        connection = self.connection(emulator)
        limits = self.limits(emulator)
        if options.json:
            facts = {
                "vendor": self.vendor,
                "url": emulator.origin,
                **connection,
                "python": self.client(emulator),
                "limits": limits,
                "seed": options.seed,
                "faults": [spec.text for spec in faults],
            }
            print(json.dumps(facts), file=out, flush=True)
            return
        count = f"{len(faults)} fault{'' if len(faults) == 1 else 's'}"
        lines = [
            f"{self.vendor} emulator on {emulator.origin} (seed {options.seed}; {limits}; {count})"
        ]
        width = max(len(name) for name in [*connection, "python"]) + 2
        lines += [f"  {name:<{width}}{value}" for name, value in connection.items()]
        lines.append(f"  {'python':<{width}}{self.client(emulator)}")
        lines.append("Stop it with Ctrl-C or SIGTERM.")
        print("\n".join(lines), file=out, flush=True)


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r}: a port number 0-65535 (0: any free port)")
    return int(text)


def _listen_on(emulator: VendorEmulator, host: str, port: int) -> EmulatorServer:
    """Give *emulator* a server on *host*:*port* around the same (not yet started) app.

    The vendor emulators build their server on any free port; the app, its rate limit, error
    renderer and scheduled faults are kept; the request log keeps no bodies. ``ValueError`` for
    a host that is not loopback.
    """
    built = emulator.server
    if built.running or built.app.frozen:
        raise RuntimeError("the emulator has already been started")
    server = EmulatorServer(
        built.app,
        host=host,
        port=port,
        rate_limit=built.rate_limit,
        record_bodies_up_to=0,
        shutdown_timeout=built.shutdown_timeout,
        render_error=built.render_error,
    )
    for rule in built.faults:  # faults the vendor scheduled while building, if any
        server.faults.add(rule.fault, method=rule.method, path=rule.path, times=rule.remaining)
    emulator.server = server
    return server


def _request_logger(
    err: TextIO,
) -> Callable[[web.Request, web.StreamResponse], Awaitable[None]]:
    async def log(request: web.Request, response: web.StreamResponse) -> None:
        print(f"{request.method} {request.path_qs} -> {response.status}", file=err, flush=True)

    return log


async def _serve_until(stop: asyncio.Event, server: EmulatorServer) -> None:
    """Wait for *stop*, emptying the request log whenever it reaches :data:`RECORD_CAP`."""
    while not stop.is_set():
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=_TRIM_EVERY)
        if len(server.requests) >= RECORD_CAP:
            server.requests.clear()


_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def _on_signals(callback: Callable[[], None]) -> list[signal.Signals]:
    """Call *callback* on SIGTERM and SIGINT; the signals handled (none where unsupported)."""
    loop = asyncio.get_running_loop()
    handled: list[signal.Signals] = []
    for number in _SIGNALS:
        try:
            loop.add_signal_handler(number, callback)
        except (NotImplementedError, RuntimeError):  # Windows; not the main thread
            continue
        handled.append(number)
    return handled


def _restore_signals(handled: list[signal.Signals]) -> None:
    loop = asyncio.get_running_loop()
    for number in handled:
        loop.remove_signal_handler(number)
