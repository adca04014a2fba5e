"""Authentication strategies: one object per scheme, chosen by each vendor client.

A strategy decorates each request (:meth:`Auth.apply`) and may be asked, once per call, to
recover from a 401 (:meth:`Auth.on_unauthorized`). Strategies that log in or refresh talk to
the server through an :class:`AuthFlow` the client gives them. Secrets are held as
:class:`~common.secrets.Secret` and never shown by ``repr``.
"""

from .base import Auth, AuthFlow
from .jwt import jwt_expiry
from .oauth2 import OAuth2RefreshToken, OAuth2Token
from .refreshing import RefreshingAuth, TokenGrant
from .static import ApiKeyHeader, ApiKeyHeaders, BasicAuth, BearerToken
from .token_exchange import TokenExchange

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
