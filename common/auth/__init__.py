"""Authentication strategies: one object per scheme, chosen by each vendor client.

A strategy decorates each request (:meth:`Auth.apply`) and may be asked, once per call, to
recover from a 401 (:meth:`Auth.on_unauthorized`). Strategies that log in or refresh talk to
the server through an :class:`AuthFlow` the client gives them. Secrets are held as
:class:`~common.secrets.Secret` and never shown by ``repr``.

Each name is loaded on first use (PEP 562): a client with a static key never loads the OAuth 2
or token-exchange modules.
"""

from typing import TYPE_CHECKING

from ..lazy import LazyExports

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

_LAZY = LazyExports(__name__, __path__, _EXPORTS)

if not TYPE_CHECKING:  # checkers read the imports above (a __getattr__ would hide typos)

    def __getattr__(name: str) -> object:
        return _LAZY.attribute(name, globals())


def __dir__() -> list[str]:
    return _LAZY.names(globals(), __all__)


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
