"""Your account and team: users, teams, members, credits

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from common.models import Model

from .enums import CreditHistoryCauserType, TeamMemberRole

__all__ = [
    "CreditHistory",
    "CreditHistoryCauser",
    "Team",
    "TeamMember",
    "TeamMemberAssignee",
    "User",
]


@attrs.frozen(kw_only=True)
class User(Model):
    """User."""

    object: str
    """Always ``'user'``."""

    id: int
    """Unique user identifier"""

    name: str | None = None
    """Full or partial name"""

    email: str | None = None
    """Unique user email address"""

    is_verified: bool | None = None
    """`true` once a new user has verified their email address"""

    is_disabled: bool | None = None
    """`true` when a user account has been disabled"""

    created_at: datetime | None = None
    """Date and time the user account was created"""

    updated_at: datetime | None = None
    """Date and time the user's details were last updated"""


@attrs.frozen(kw_only=True)
class Team(Model):
    """Team."""

    object: str
    """Always ``'team'``."""

    id: int

    identifier: str | None = None

    uuid: str | None = None

    name: str | None = None

    contact: str | None = None

    telephone: str | None = None

    tier: str | None = None

    logo: str | None = None

    is_support_enabled: bool | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None

    archived_at: datetime | None = None

    is_archived: bool | None = None
    """Allows toggling of archived state"""


@attrs.frozen(kw_only=True)
class TeamMember(Model):
    """Team Member."""

    object: str
    """Always ``'team_member'``."""

    id: int

    name: str | None = None

    email: str | None = None

    role: TeamMemberRole | str | None = None


@attrs.frozen(kw_only=True)
class TeamMemberAssignee(Model):
    """Team Member Assignee."""

    object: str
    """Always ``'assignee'``."""

    id: int
    """The assignee ID"""

    type: str | None = None
    """Always ``'team_member'``."""

    team_member: TeamMember | None = None


@attrs.frozen(kw_only=True)
class CreditHistory(Model):
    """CreditHistory."""

    object: str
    """Always ``'credit_history'``."""

    id: int

    credits: int | None = None

    reason: str | None = None

    causer: CreditHistoryCauser | Check | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class CreditHistoryCauser(Model):
    """CreditHistoryCauser."""

    id: int | None = None

    type: CreditHistoryCauserType | str | None = None


# The answer modules refer to one another (a record's steps hold checks and forms, a
# check names its record), so each imports the others after its own classes: the
# annotations are only read when a model is first structured.
# ruff: noqa: E402
from .checks import Check
