"""A bot-style command loop embedding one Amilia client for its whole life.

Commands arrive as lines (from a chat, a terminal, a queue); each runs as its own task, so a
slow one never blocks the loop, and ``cancel`` stops whatever is still running, even in the
middle of an HTTP request. The client is not hurt by that: the cancelled request's connection
is dropped instead of being reused, and the next command is answered as usual. A command
also gives up by itself after ``command_timeout`` seconds, and an API error becomes a reply
instead of killing the bot.

Run it with ``python -m examples.bot`` (a scripted conversation against the Amilia emulator,
where one request is made to hang and is cancelled), or ``python -m examples.bot -i`` to type
commands yourself: ``help``, ``programs``, ``program 1``, ``activities 1``, ``cancel``,
``quit``. No network, no credentials.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import time
from collections.abc import AsyncIterable, AsyncIterator, Callable, Sequence
from typing import Any

from aiohttp import web

from amilia_async import AmiliaClient, ApiError, NotFoundError
from amilia_async.emulator import AmiliaEmulator
from common.testing import Fault, Handler

HELP = "commands: programs | program <id> | activities <program id> | cancel | help | quit"


class Bot:
    """Answers commands with one shared client; ``cancel`` stops the commands in progress."""

    def __init__(
        self,
        amilia: AmiliaClient,
        reply: Callable[[str], None],
        *,
        command_timeout: float = 10.0,
    ) -> None:
        self.amilia = amilia
        self.reply = reply
        self.command_timeout = command_timeout
        self.running: set[asyncio.Task[None]] = set()

    async def run(self, lines: AsyncIterable[str]) -> None:
        """Handle lines until ``quit`` or the end of input, then stop what is still running."""
        try:
            async for line in lines:
                if line.strip().lower() in ("quit", "exit"):
                    break
                self.handle(line)
        finally:
            await self.cancel_all()

    def handle(self, line: str) -> None:
        """Start a command (answered later), or cancel the running ones at once."""
        command = line.strip()
        if not command:
            return
        if command.lower() == "cancel":
            count = sum(task.cancel() for task in self.running)
            self.reply(f"cancelled {count} command(s)" if count else "nothing to cancel")
            return
        task = asyncio.create_task(self._answer(command), name=f"bot: {command}")
        self.running.add(task)
        task.add_done_callback(self.running.discard)

    async def idle(self) -> None:
        """Wait until every command started so far has finished (or been cancelled)."""
        while self.running:
            await asyncio.wait(set(self.running))

    async def cancel_all(self) -> None:
        for task in self.running:
            task.cancel()
        await self.idle()

    async def _answer(self, command: str) -> None:
        try:
            answer = await asyncio.wait_for(self._dispatch(command), self.command_timeout)
        except asyncio.CancelledError:
            self.reply(f"{command!r}: cancelled")
            raise
        except asyncio.TimeoutError:
            answer = f"{command!r}: no answer within {self.command_timeout:g} s, gave up"
        except NotFoundError as error:
            answer = f"{command!r}: not found ({error.message})"
        except ApiError as error:
            answer = f"{command!r}: Amilia failed: {type(error).__name__}"
        self.reply(answer)

    async def _dispatch(self, command: str) -> str:
        name, _, argument = command.partition(" ")
        name, argument = name.lower(), argument.strip()
        if name == "help":
            return HELP
        if name == "programs":
            programs = await self.amilia.programs.list().collect(max_items=10)
            return "programs: " + ", ".join(f"#{p.id} {p.name}" for p in programs)
        if name in ("program", "activities") and argument.isdigit():
            if name == "program":
                program = await self.amilia.programs.get(int(argument))
                return f"program #{program.id}: {program.name} (starts {program.start:%Y-%m-%d})"
            activities = self.amilia.programs.list_activities(int(argument))
            found = await activities.collect(max_items=5)
            return f"program #{argument}: " + ", ".join(a.name or "?" for a in found) + ", ..."
        return f"{command!r}? {HELP}"


# -- the demo -------------------------------------------------------------------------------


class SlowAnswer(Fault):
    """An emulator fault: note that the request arrived, then take *seconds* to answer."""

    __slots__ = ("arrived", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.arrived = asyncio.Event()

    async def apply(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        self.arrived.set()
        await asyncio.sleep(self.seconds)
        return await handler(request)


async def demo(out: Callable[[str], None] = print, *, hang: float = 30.0) -> dict[str, Any]:
    """A scripted conversation; one request hangs for *hang* seconds and is cancelled."""
    facts: dict[str, Any] = {"replies": []}

    def reply(text: str) -> None:
        facts["replies"].append(text)
        out(f"bot> {text}")

    async with AmiliaEmulator(organization="demo-org") as emulator:
        async with AmiliaClient(
            organization="demo-org",
            username=emulator.username,
            password=emulator.password,
            base_url=emulator.url,
        ) as amilia:
            bot = Bot(amilia, reply)

            async def script() -> AsyncIterator[str]:
                for line in ("help", "programs"):
                    out(f"you> {line}")
                    yield line
                    await bot.idle()
                # The next request hangs in the emulator; it is cancelled once it is in flight.
                slow = SlowAnswer(hang)
                emulator.server.faults.add(slow, method="GET", path=re.compile(r".*/programs/2"))
                out("you> program 2    (Amilia is slow to answer this one)")
                yield "program 2"
                await slow.arrived.wait()
                started = time.perf_counter()
                out("you> cancel")
                yield "cancel"
                await bot.idle()
                facts["cancel_seconds"] = time.perf_counter() - started
                for line in ("program 1", "program 424242", "activities 1"):
                    out(f"you> {line}")
                    yield line
                    await bot.idle()
                out("you> quit")
                yield "quit"

            await bot.run(script())
            facts["client_state"] = amilia.state.value
            facts["logins"] = emulator.authenticate_calls
        facts["client_closed"] = amilia.is_closed
    out(f"bye; client closed: {facts['client_closed']}")
    return facts


async def interactive() -> None:
    """Commands typed on standard input, against the emulator."""

    async def typed() -> AsyncIterator[str]:
        while line := await asyncio.to_thread(sys.stdin.readline):
            yield line

    async with (
        AmiliaEmulator(organization="demo-org") as emulator,
        AmiliaClient(
            organization="demo-org",
            username=emulator.username,
            password=emulator.password,
            base_url=emulator.url,
        ) as amilia,
    ):
        print(HELP)
        await Bot(amilia, lambda text: print(f"bot> {text}")).run(typed())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A command loop embedding an Amilia client.")
    parser.add_argument("-i", "--interactive", action="store_true", help="read commands")
    options = parser.parse_args(argv)
    asyncio.run(interactive() if options.interactive else demo())
    return 0


if __name__ == "__main__":
    sys.exit(main())
