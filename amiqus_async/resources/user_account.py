"""User Account: 3 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from common import AsyncPager

from ..models.inputs import UserUpdate
from ..models.team import Team, User
from ._base import AmiqusResource

__all__ = ["UserAccount"]


class UserAccount(AmiqusResource):
    """The spec's 'User Account' operations."""

    async def get(self) -> User:
        """Retrieve user account.

        ``GET /me`` (``get-me``).

        Retrieve details of the current user's account.
        """
        return await self._model(User, "GET", "/me")

    async def update(self, body: UserUpdate) -> User:
        """Update user account.

        ``PATCH /me`` (``patch-me``).

        Update the current user's account details.
        """
        return await self._model(User, "PATCH", "/me", json=body, non_empty=True)

    def list_teams(self, *, limit: int | None = None) -> AsyncPager[Team]:
        """List all my teams.

        ``GET /me/teams`` (``get-me-teams``).

        List all teams the current user is a member of.
        """
        return self._paged("/me/teams", Team, limit=limit)
