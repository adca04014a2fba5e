"""Authentication strategies: one object per scheme, chosen by each vendor client.

A strategy decorates each request (:meth:`Auth.apply`) and may be asked, once per call, to
recover from a 401 (:meth:`Auth.on_unauthorized`). Strategies that log in or refresh talk to
the server through an :class:`AuthFlow` the client gives them. Secrets are held as
:class:`~common.secrets.Secret` and never shown by ``repr``.

Each name is loaded on first use (PEP 562): a client with a static key never loads the OAuth 2
or token-exchange modules.
"""

from functools import cache as _cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base import Auth, AuthFlow
    from .jwt import jwt_expiry
    from .oauth2 import OAuth2RefreshToken, OAuth2Token
    from .refreshing import RefreshingAuth, TokenGrant
    from .static import ApiKeyHeader, ApiKeyHeaders, BasicAuth, BearerToken
    from .token_exchange import TokenExchange

#: The submodule each public name lives in (the imports above, for the interpreter).
_EXPORTS: dict[str, str] = {
    "Auth": ".base",
    "AuthFlow": ".base",
    "jwt_expiry": ".jwt",
    "OAuth2RefreshToken": ".oauth2",
    "OAuth2Token": ".oauth2",
    "RefreshingAuth": ".refreshing",
    "TokenGrant": ".refreshing",
    "ApiKeyHeader": ".static",
    "ApiKeyHeaders": ".static",
    "BasicAuth": ".static",
    "BearerToken": ".static",
    "TokenExchange": ".token_exchange",
}

#: This machinery's own names, left out of ``dir(common.auth)``.
_MACHINERY: frozenset[str] = frozenset(
    ["TYPE_CHECKING", "_EXPORTS", "_MACHINERY", "_cache", "_load", "_submodule", "_submodules"]
)


@_cache
def _submodules() -> frozenset[str]:
    """The submodules ``dir(common.auth)`` lists: attributes, each imported when first named."""
    from pkgutil import iter_modules

    return frozenset(m.name for m in iter_modules(__path__) if not m.name.startswith("_"))


def _load(module: str) -> object:
    """The submodule named relative to this package (``.static``). By ``__import__``, like an
    import statement: ``python -X importtime`` reports it (importlib's would not)."""
    from sys import modules

    name = __name__ + module
    __import__(name)
    return modules[name]


def _submodule(name: str) -> object:
    """``common.auth.<name>``, the submodule, imported now; AttributeError when there is none."""
    try:
        return _load(f".{name}")
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{name}":
            raise  # the submodule exists and fails to import: say so
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


if not TYPE_CHECKING:  # checkers read the imports above (a __getattr__ would hide typos)

    def __getattr__(name: str) -> object:
        module = _EXPORTS.get(name)
        if module is None:
            if not name.startswith("_"):
                return _submodule(name)
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(_load(module), name)
        globals()[name] = value  # once: the next look-up finds it without coming here
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_submodules()} - _MACHINERY)


__all__ = [
    "ApiKeyHeader",
    "ApiKeyHeaders",
    "Auth",
    "AuthFlow",
    "BasicAuth",
    "BearerToken",
    "OAuth2RefreshToken",
    "OAuth2Token",
    "RefreshingAuth",
    "TokenExchange",
    "TokenGrant",
    "jwt_expiry",
]
