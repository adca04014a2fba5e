"""Your Team: 5 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from common import AsyncPager

from ..models.inputs import TeamUpdate
from ..models.team import CreditHistory, Team, TeamMember
from ._base import AmiqusResource

__all__ = ["YourTeam"]


class YourTeam(AmiqusResource):
    """The spec's 'Your Team' operations."""

    async def get(self) -> Team:
        """Retrieve current team.

        ``GET /team`` (``get-team``).

        Returns basic details of the current team.
        """
        return await self._model(Team, "GET", "/team")

    async def update(self, body: TeamUpdate) -> Team:
        """Update current team.

        ``PATCH /team`` (``patch-team``).

        Updates basic details of the current team.
        """
        return await self._model(Team, "PATCH", "/team", json=body, non_empty=True)

    async def get_membership(self) -> TeamMember:
        """Retrieve team membership.

        ``GET /team/me`` (``get-team-me``).

        Retrieve membership details for the user's current team.
        """
        return await self._model(TeamMember, "GET", "/team/me")

    def list_members(self, *, limit: int | None = None) -> AsyncPager[TeamMember]:
        """List all team members.

        ``GET /team/members`` (``get-team-members``).

        List all team members of the current team.
        """
        return self._paged("/team/members", TeamMember, limit=limit)

    def list_credits(
        self,
        *,
        sort_by: Literal["created_at"] | None = None,
        order_by: Literal["asc", "desc"] | None = None,
        expand: Sequence[Literal["causer"]] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[CreditHistory]:
        """List all credit history.

        ``GET /credits`` (``get-credits``).

        Return a list of credit usage history
        """
        return self._paged(
            "/credits",
            CreditHistory,
            params={
                "sort_by": sort_by,
                "order_by": order_by,
                "expand": self._repeated("expand", expand),
            },
            limit=limit,
        )
