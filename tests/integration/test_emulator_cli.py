"""``python -m <vendor>_async.emulator``: a standalone server, reached by a real client.

Each command runs in its own process, as a docker-compose service or another language's
test suite would start it: the test reads the base URL and credentials it prints, makes a
real call with them, then stops it with a signal and expects a clean exit.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import random
import re
import signal
import socket
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from subprocess import PIPE
from typing import Any

import aiohttp
import attrs
import pytest
from aiohttp import web

from amilia_async import AmiliaClient
from amiqus_async import AmiqusClient
from caseupdates_async import TrackopsClient
from common.testing import EmulatorServer, Fault
from common.testing.cli import FaultSpec, parse_fault
from intakeq_async import IntakeQClient

ROOT = Path(__file__).resolve().parents[2]
BANNER_END = "Stop it with Ctrl-C or SIGTERM."


@attrs.define
class Served:
    """A running emulator command and what it printed."""

    process: asyncio.subprocess.Process
    headline: str
    facts: dict[str, str]

    async def stop(self, sig: signal.Signals = signal.SIGTERM) -> tuple[int, str]:
        """Signal the command; its exit status and what it wrote on stderr."""
        self.process.send_signal(sig)
        _, err = await asyncio.wait_for(self.process.communicate(), timeout=15)
        assert self.process.returncode is not None
        return self.process.returncode, err.decode()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def _command(module: str, *args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", module, *args, cwd=ROOT, stdin=PIPE, stdout=PIPE, stderr=PIPE
    )


@contextlib.asynccontextmanager
async def serving(module: str, *args: str) -> AsyncIterator[Served]:
    """Start ``python -m module args`` and read its banner; kill it if the test fails."""
    process = await _command(module, *args)
    try:
        yield await asyncio.wait_for(_read_banner(process), timeout=30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.communicate()


async def _read_banner(process: asyncio.subprocess.Process) -> Served:
    assert process.stdout is not None
    lines: list[str] = []
    while True:
        raw = await process.stdout.readline()
        if not raw:
            assert process.stderr is not None
            err = (await process.stderr.read()).decode()
            raise AssertionError(f"the command ended before its banner: {lines} {err}")
        line = raw.decode().rstrip("\n")
        if line == BANNER_END:
            break
        lines.append(line)
    facts = {}
    for line in lines[1:]:
        name, value = line.strip().split(maxsplit=1)
        facts[name] = value
    return Served(process=process, headline=lines[0], facts=facts)


async def _amilia(facts: dict[str, str]) -> str:
    async with AmiliaClient(
        organization=facts["organization"],
        username=facts["username"],
        password=facts["password"],
        base_url=facts["base_url"],
    ) as amilia:
        program = await amilia.programs.get(1)
    return f"program {program.id}"


async def _amiqus(facts: dict[str, str]) -> str:
    async with AmiqusClient(token=facts["token"], base_url=facts["base_url"]) as amiqus:
        client = await amiqus.clients.list().first()
    assert client is not None
    return f"client {client.id}"


async def _intakeq(facts: dict[str, str]) -> str:
    async with IntakeQClient(api_key=facts["api_key"], base_url=facts["base_url"]) as intakeq:
        client = await intakeq.clients.list().first()
    assert client is not None
    return f"client {client.client_number}"


async def _trackops(facts: dict[str, str]) -> str:
    async with TrackopsClient(
        username=facts["username"], api_token=facts["api_token"], base_url=facts["base_url"]
    ) as trackops:
        count = await trackops.cases.count()
    return f"{count.record_count} cases"


VENDORS: dict[str, tuple[str, str, Callable[[dict[str, str]], Awaitable[str]]]] = {
    # module: (vendor, path under the root URL, one real call)
    "amilia_async.emulator": ("Amilia", "", _amilia),
    "amiqus_async.emulator": ("Amiqus", "/api/v2", _amiqus),
    "intakeq_async.emulator": ("IntakeQ", "/api/v1", _intakeq),
    "caseupdates_async.emulator": ("Trackops", "/api/v1", _trackops),
}


@pytest.mark.parametrize("module", list(VENDORS))
async def test_the_command_serves_on_the_port_and_stops_cleanly_on_sigterm(module: str) -> None:
    """The banner names the URL on the requested port and the credentials; a real client
    call with them succeeds; SIGTERM stops the server with exit status 0."""
    vendor, prefix, call = VENDORS[module]
    port = _free_port()
    async with serving(module, "--port", str(port)) as served:
        root = f"http://127.0.0.1:{port}"
        assert served.headline.startswith(f"{vendor} emulator on {root} (seed 1;")
        assert served.facts["base_url"] == root + prefix
        assert served.facts["python"].endswith(f"base_url={root + prefix!r})")
        answer = await call(served.facts)
        status, err = await served.stop(signal.SIGTERM)
    assert answer
    assert status == 0, err
    assert f"{vendor} emulator stopped" in err
    with pytest.raises(ConnectionRefusedError):  # the port was released
        await asyncio.open_connection("127.0.0.1", port)


async def test_flags_set_the_rate_limit_faults_and_request_log_and_sigint_stops_it() -> None:
    """``--rate-limit 3 --fault status=503,method=GET,times=1 --log-requests --json``: the
    JSON line has the facts; the first GET gets the fault (and takes a slot), two pass, the
    fourth in the second is answered 429; every answer is logged; Ctrl-C exits 0."""
    process = await _command(
        "caseupdates_async.emulator",
        "--json",
        "--rate-limit", "3",
        "--fault", "status=503,method=GET,times=1",
        "--log-requests",
        "--seed", "7",
        "--username", "robot",
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), timeout=30)
        facts: dict[str, Any] = json.loads(line)
        assert facts["vendor"] == "Trackops"
        assert facts["username"] == "robot"
        assert facts["seed"] == 7
        assert facts["limits"] == "3 requests per 1 s, then 429"
        assert facts["faults"] == ["status=503,method=GET,times=1"]
        basic = base64.b64encode(f"{facts['username']}/token:{facts['api_token']}".encode())
        statuses = []
        async with aiohttp.ClientSession(
            headers={"Authorization": f"Basic {basic.decode()}"}
        ) as session:
            for _ in range(4):
                async with session.get(f"{facts['base_url']}/cases") as response:
                    await response.read()
                    statuses.append(response.status)
        process.send_signal(signal.SIGINT)
        _, err = await asyncio.wait_for(process.communicate(), timeout=15)
    finally:
        if process.returncode is None:
            process.kill()
            await process.communicate()
    assert statuses == [503, 200, 200, 429]
    assert process.returncode == 0
    logged = [line for line in err.decode().splitlines() if line.startswith("GET ")]
    assert logged == [f"GET /api/v1/cases -> {status}" for status in statuses]


async def test_a_taken_port_and_a_bad_fault_exit_2_with_the_reason() -> None:
    """A port already listened on, or an unknown fault kind: exit status 2 and a message."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = await _command("amilia_async.emulator", "--port", str(port))
        _, busy_err = await asyncio.wait_for(busy.communicate(), timeout=30)
    bad = await _command("intakeq_async.emulator", "--fault", "teapot=418")
    _, bad_err = await asyncio.wait_for(bad.communicate(), timeout=30)
    assert busy.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in busy_err.decode()
    assert bad.returncode == 2
    assert "unknown fault 'teapot'" in bad_err.decode()
    assert "status, rate-limited, latency" in bad_err.decode()


# -- the --fault grammar, in process ------------------------------------------------------------


def test_fault_specs_read_kind_value_and_options() -> None:
    """Kinds with and without values; method upper-cased; ``~`` makes a whole-path regex;
    ``times=forever`` is ``None``; ``chance`` is kept."""
    spec = parse_fault("status=503,method=get,path=/api/v1/cases,times=2")
    assert (spec.method, spec.path, spec.times, spec.chance) == ("GET", "/api/v1/cases", 2, None)
    assert spec.fault == Fault.status(503)
    assert parse_fault("rate_limited=0.5").fault == Fault.rate_limited("0.5")
    assert parse_fault("rate-limited").fault == Fault.rate_limited()
    assert parse_fault("latency=0.25,times=forever").times is None
    assert parse_fault("html").fault == Fault.html(502)
    assert parse_fault("empty=204").fault == Fault.empty(204)
    assert parse_fault("wrong-content-type=text/xml").fault == Fault.wrong_content_type("text/xml")
    assert parse_fault("reset").fault == Fault.reset()
    pattern = parse_fault(r"close,path=~/api/v1/clients/\d+").path
    assert isinstance(pattern, re.Pattern)
    assert pattern.pattern == r"/api/v1/clients/\d+"
    assert parse_fault("malformed-json,chance=0.25").chance == 0.25


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("teapot", "unknown fault 'teapot'"),
        ("status", "needs an HTTP status"),
        ("status=999", "needs an HTTP status"),
        ("latency=soon", "not a number"),
        ("reset=1", "takes no value"),
        ("status=503,times=0", "a count >= 1"),
        ("status=503,chance=2", "must be in (0, 1]"),
        ("status=503,every=2", "unknown option 'every'"),
        ("status=503,method", "expected name=value"),
        ("status=503,path=~(", "not a regular expression"),
    ],
)
def test_bad_fault_specs_say_what_is_wrong(text: str, message: str) -> None:
    """Every mistake names itself (argparse prints it and exits 2)."""
    with pytest.raises(argparse.ArgumentTypeError, match=re.escape(message)):
        parse_fault(text)


async def _statuses_with(spec: FaultSpec, seed: int, requests: int) -> list[int]:
    async def ok(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_get("/x", ok)
    async with EmulatorServer(app) as server, aiohttp.ClientSession() as session:
        spec.schedule(server.faults, random.Random(seed))
        statuses = []
        for _ in range(requests):
            async with session.get(f"{server.url}/x") as response:
                await response.read()
                statuses.append(response.status)
    return statuses


async def test_a_chance_fault_follows_the_seed_and_times_counts_injections() -> None:
    """``chance=0.3,times=4``: about three requests in ten fail, the same ones for one seed,
    and no more than four in all."""
    spec = parse_fault("status=503,chance=0.3,times=4")
    first = await _statuses_with(spec, seed=7, requests=40)
    again = await _statuses_with(spec, seed=7, requests=40)
    other = await _statuses_with(spec, seed=8, requests=40)
    assert first == again
    assert first != other
    assert first.count(503) == 4  # 0.3 x 40 would be 12: the cap holds
    assert set(first) == {200, 503}
    unlimited = await _statuses_with(parse_fault("status=503,chance=0.3"), seed=7, requests=40)
    assert 4 < unlimited.count(503) < 25
