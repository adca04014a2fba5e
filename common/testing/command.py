"""A vendor emulator's standalone command, declared as data (``python -m <vendor>_async.emulator``).

The shared command (:class:`~common.testing.cli.EmulatorCommand`) wants a vendor's flags, how
to build its emulator from them and what to print; every vendor emulator shows the same face
(``url``, ``credentials``, ``rate_limit``), so those follow from a list of :class:`Flag`::

    COMMAND = vendor_command(
        IntakeQEmulator,
        vendor="IntakeQ",
        module="intakeq_async.emulator",
        client="IntakeQClient",
        flags=[Flag("--api-key", "X-Auth-Key (emulator-key)", default="emulator-key")],
    )

Each flag's value is passed to the emulator's constructor under the flag's name
(``--api-key`` -> ``api_key=``), with the shared ``--seed``. The banner prints ``base_url``
(the emulator's ``url``), its ``credentials``, then what *extra* adds; the Python line builds
the *client* class from the credentials and ``base_url``; the limits are
``describe_server_limit(emulator.rate_limit)`` unless *limits* says otherwise.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from common.testing.cli import EmulatorCommand, describe_server_limit
from common.testing.vendor import VendorEmulator

__all__ = ["Flag", "positive_seconds", "vendor_command"]

_E = TypeVar("_E", bound=VendorEmulator)


@attrs.frozen
class Flag:
    """One vendor flag, passed to the emulator's constructor under its name."""

    #: ``--api-key``: the constructor's keyword is ``api_key``.
    name: str
    help: str
    default: Any = None
    #: The argparse type (text as it is by default).
    type: Callable[[str], Any] | None = None
    metavar: str | None = None

    @property
    def keyword(self) -> str:
        """The constructor's keyword: the name without dashes, ``-`` as ``_``."""
        return self.name.lstrip("-").replace("-", "_")


def positive_seconds(text: str) -> float:
    """An argparse type: a number of seconds > 0."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = float("nan")
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"{text!r}: a number of seconds > 0")
    return seconds


def _no_extra(emulator: VendorEmulator) -> Mapping[str, str]:
    return {}


def _server_limit(emulator: VendorEmulator) -> str:
    return describe_server_limit(emulator.rate_limit)


def vendor_command(
    emulator: Callable[..., _E],
    *,
    vendor: str,
    module: str,
    client: str,
    flags: Sequence[Flag],
    extra: Callable[[_E], Mapping[str, str]] = _no_extra,
    limits: Callable[[_E], str] = _server_limit,
) -> EmulatorCommand[_E]:
    """The command serving *emulator* (a class, or any callable taking the flags' keywords and
    ``seed``); see the module docs."""

    def add_arguments(parser: argparse.ArgumentParser) -> None:
        group = parser.add_argument_group(vendor)
        for flag in flags:
            group.add_argument(
                flag.name,
                default=flag.default,
                type=flag.type or str,
                metavar=flag.metavar,
                help=flag.help,
            )

    def build(options: argparse.Namespace) -> _E:
        keywords = {flag.keyword: getattr(options, flag.keyword) for flag in flags}
        return emulator(seed=options.seed, **keywords)

    def connection(built: _E) -> dict[str, str]:
        credentials = {name: str(value) for name, value in built.credentials.items()}
        return {"base_url": built.url, **credentials, **extra(built)}

    def client_line(built: _E) -> str:
        arguments = [f"{name}={value!r}" for name, value in built.credentials.items()]
        return f"{client}({', '.join([*arguments, f'base_url={built.url!r}'])})"

    return EmulatorCommand(
        vendor=vendor,
        module=module,
        add_arguments=add_arguments,
        build=build,
        connection=connection,
        client=client_line,
        limits=limits,
    )
