"""Settings from environment variables: how every vendor client falls back on them.

A client takes its credentials as arguments. An argument left out (``None``) is read from the
variable its vendor documents (``AMIQUS_TOKEN``, ``INTAKEQ_API_KEY``...; each client module
lists its own in ``ENVIRONMENT``). The rules, the same for every client:

- **An argument given wins**, even an empty one: the client then refuses it as before, rather
  than quietly taking the environment's value instead.
- A variable that is unset, empty or only whitespace counts as missing; a value is stripped
  of surrounding whitespace (the newline a secrets file or ``echo`` leaves).
- A credential read here is a :class:`~common.Secret` at once, like one given: it never
  shows in a ``repr``, a log or an error.
- When neither is there, :func:`missing` builds the error: an
  :class:`~common.InvalidRequestError` naming both the argument and the variable.
"""

from __future__ import annotations

import os

from .errors import InvalidRequestError
from .secrets import Secret

__all__ = ["missing", "read", "read_secret", "secret", "value"]


def read(variable: str) -> str | None:
    """The value of the environment variable *variable*, stripped; ``None`` when it is unset,
    empty or only whitespace."""
    raw = os.environ.get(variable)
    if raw is None:
        return None
    return raw.strip() or None


def read_secret(variable: str) -> Secret | None:
    """:func:`read`, wrapped as a :class:`~common.Secret`."""
    found = read(variable)
    return None if found is None else Secret(found)


def missing(owner: str, what: str, *, arguments: str, variables: str) -> InvalidRequestError:
    """The error for a setting found neither in the arguments nor in the environment.

    ``missing("IntakeQClient", "an API key", arguments="api_key=",
    variables="INTAKEQ_API_KEY")`` says: ``IntakeQClient needs an API key: give api_key=, or
    set INTAKEQ_API_KEY in the environment``.
    """
    separator = ";" if "," in arguments else ","
    return InvalidRequestError(
        f"{owner} needs {what}: give {arguments}{separator} or set {variables} in the environment"
    )


def value(given: str | None, *, owner: str, what: str, argument: str, variable: str) -> str:
    """*given* unless it is ``None``; else the variable's value; else :func:`missing`."""
    if given is not None:
        return given
    found = read(variable)
    if found is None:
        raise missing(owner, what, arguments=f"{argument}=", variables=variable)
    return found


def secret(
    given: str | Secret | None, *, owner: str, what: str, argument: str, variable: str
) -> Secret:
    """:func:`value` for a credential: the result is a :class:`~common.Secret`."""
    if given is not None:
        return Secret(given)
    found = read_secret(variable)
    if found is None:
        raise missing(owner, what, arguments=f"{argument}=", variables=variable)
    return found
