"""The resources, one per tag of the spec, and the client's attributes

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

import functools

from common import BaseClient

from .aggregates import Aggregates
from .attachments import Attachments
from .case_assignees import CaseAssignees
from .case_items import CaseItems
from .cases import Cases
from .client_assignees import ClientAssignees
from .client_files import ClientFiles
from .client_organisations import ClientOrganisations
from .clients import Clients
from .documents import Documents
from .files import Files
from .forms import Forms
from .organisation_assignees import OrganisationAssignees
from .organisation_clients import OrganisationClients
from .organisations import Organisations
from .other_resources import OtherResources
from .record_assignees import RecordAssignees
from .records import Records
from .service_status import ServiceStatus
from .steps import Steps
from .teams import Teams
from .templates import Templates
from .user_account import UserAccount
from .webhooks import Webhooks
from .your_team import YourTeam

__all__ = [
    "Aggregates",
    "AmiqusResources",
    "Attachments",
    "CaseAssignees",
    "CaseItems",
    "Cases",
    "ClientAssignees",
    "ClientFiles",
    "ClientOrganisations",
    "Clients",
    "Documents",
    "Files",
    "Forms",
    "OrganisationAssignees",
    "OrganisationClients",
    "Organisations",
    "OtherResources",
    "RecordAssignees",
    "Records",
    "ServiceStatus",
    "Steps",
    "Teams",
    "Templates",
    "UserAccount",
    "Webhooks",
    "YourTeam",
]


class AmiqusResources(BaseClient):
    """Every resource of the spec as an attribute, named after its tag."""

    @functools.cached_property
    def aggregates(self) -> Aggregates:
        """Aggregates."""
        return Aggregates(self)

    @functools.cached_property
    def attachments(self) -> Attachments:
        """Attachments."""
        return Attachments(self)

    @functools.cached_property
    def case_assignees(self) -> CaseAssignees:
        """Case Assignees."""
        return CaseAssignees(self)

    @functools.cached_property
    def case_items(self) -> CaseItems:
        """Case Items."""
        return CaseItems(self)

    @functools.cached_property
    def cases(self) -> Cases:
        """Cases."""
        return Cases(self)

    @functools.cached_property
    def client_assignees(self) -> ClientAssignees:
        """Client Assignees."""
        return ClientAssignees(self)

    @functools.cached_property
    def client_files(self) -> ClientFiles:
        """Client Files."""
        return ClientFiles(self)

    @functools.cached_property
    def client_organisations(self) -> ClientOrganisations:
        """Client Organisations."""
        return ClientOrganisations(self)

    @functools.cached_property
    def clients(self) -> Clients:
        """Clients."""
        return Clients(self)

    @functools.cached_property
    def documents(self) -> Documents:
        """Documents."""
        return Documents(self)

    @functools.cached_property
    def files(self) -> Files:
        """Files."""
        return Files(self)

    @functools.cached_property
    def forms(self) -> Forms:
        """Forms."""
        return Forms(self)

    @functools.cached_property
    def organisation_assignees(self) -> OrganisationAssignees:
        """Organisation Assignees."""
        return OrganisationAssignees(self)

    @functools.cached_property
    def organisation_clients(self) -> OrganisationClients:
        """Organisation Clients."""
        return OrganisationClients(self)

    @functools.cached_property
    def organisations(self) -> Organisations:
        """Organisations."""
        return Organisations(self)

    @functools.cached_property
    def other_resources(self) -> OtherResources:
        """Other Resources."""
        return OtherResources(self)

    @functools.cached_property
    def record_assignees(self) -> RecordAssignees:
        """Record Assignees."""
        return RecordAssignees(self)

    @functools.cached_property
    def records(self) -> Records:
        """Records."""
        return Records(self)

    @functools.cached_property
    def service_status(self) -> ServiceStatus:
        """Service Status."""
        return ServiceStatus(self)

    @functools.cached_property
    def steps(self) -> Steps:
        """Steps."""
        return Steps(self)

    @functools.cached_property
    def teams(self) -> Teams:
        """Teams."""
        return Teams(self)

    @functools.cached_property
    def templates(self) -> Templates:
        """Templates."""
        return Templates(self)

    @functools.cached_property
    def user_account(self) -> UserAccount:
        """User Account."""
        return UserAccount(self)

    @functools.cached_property
    def webhooks(self) -> Webhooks:
        """Webhooks."""
        return Webhooks(self)

    @functools.cached_property
    def your_team(self) -> YourTeam:
        """Your Team."""
        return YourTeam(self)
