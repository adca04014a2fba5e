"""Teams: 2 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from common import AsyncPager

from ..models.team import TeamMember
from ._base import AmiqusResource

__all__ = ["Teams"]


class Teams(AmiqusResource):
    """The spec's 'Teams' operations."""

    def list_members(self, team_id: int) -> AsyncPager[TeamMember]:
        """List all team members.

        ``GET /teams/{teamId}/members`` (``get-teams-teamId-members``).
        """
        return self._paged(
            self._path("/teams/{teamId}/members", teamId=team_id),
            TeamMember,
            numbered=False,
        )

    async def get_member(self, team_id: int, team_member_id: int) -> TeamMember:
        """Retrieve a team member.

        ``GET /teams/{teamId}/members/{teamMemberId}``
        (``get-teams-teamId-members-teamMemberId``).

        Returns the member of a team.
        """
        return await self._model(
            TeamMember,
            "GET",
            self._path(
                "/teams/{teamId}/members/{teamMemberId}",
                teamId=team_id,
                teamMemberId=team_member_id,
            ),
        )
