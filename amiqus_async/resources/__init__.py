"""The resources, one per tag of the spec, and the client's attributes

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from common import BaseClient

if TYPE_CHECKING:
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

__all__ = ["AmiqusResources"]


class AmiqusResources(BaseClient):
    """Every resource of the spec as an attribute, named after its tag."""

    @functools.cached_property
    def aggregates(self) -> Aggregates:
        """Aggregates."""
        from .aggregates import Aggregates

        return Aggregates(self)

    @functools.cached_property
    def attachments(self) -> Attachments:
        """Attachments."""
        from .attachments import Attachments

        return Attachments(self)

    @functools.cached_property
    def case_assignees(self) -> CaseAssignees:
        """Case Assignees."""
        from .case_assignees import CaseAssignees

        return CaseAssignees(self)

    @functools.cached_property
    def case_items(self) -> CaseItems:
        """Case Items."""
        from .case_items import CaseItems

        return CaseItems(self)

    @functools.cached_property
    def cases(self) -> Cases:
        """Cases."""
        from .cases import Cases

        return Cases(self)

    @functools.cached_property
    def client_assignees(self) -> ClientAssignees:
        """Client Assignees."""
        from .client_assignees import ClientAssignees

        return ClientAssignees(self)

    @functools.cached_property
    def client_files(self) -> ClientFiles:
        """Client Files."""
        from .client_files import ClientFiles

        return ClientFiles(self)

    @functools.cached_property
    def client_organisations(self) -> ClientOrganisations:
        """Client Organisations."""
        from .client_organisations import ClientOrganisations

        return ClientOrganisations(self)

    @functools.cached_property
    def clients(self) -> Clients:
        """Clients."""
        from .clients import Clients

        return Clients(self)

    @functools.cached_property
    def documents(self) -> Documents:
        """Documents."""
        from .documents import Documents

        return Documents(self)

    @functools.cached_property
    def files(self) -> Files:
        """Files."""
        from .files import Files

        return Files(self)

    @functools.cached_property
    def forms(self) -> Forms:
        """Forms."""
        from .forms import Forms

        return Forms(self)

    @functools.cached_property
    def organisation_assignees(self) -> OrganisationAssignees:
        """Organisation Assignees."""
        from .organisation_assignees import OrganisationAssignees

        return OrganisationAssignees(self)

    @functools.cached_property
    def organisation_clients(self) -> OrganisationClients:
        """Organisation Clients."""
        from .organisation_clients import OrganisationClients

        return OrganisationClients(self)

    @functools.cached_property
    def organisations(self) -> Organisations:
        """Organisations."""
        from .organisations import Organisations

        return Organisations(self)

    @functools.cached_property
    def other_resources(self) -> OtherResources:
        """Other Resources."""
        from .other_resources import OtherResources

        return OtherResources(self)

    @functools.cached_property
    def record_assignees(self) -> RecordAssignees:
        """Record Assignees."""
        from .record_assignees import RecordAssignees

        return RecordAssignees(self)

    @functools.cached_property
    def records(self) -> Records:
        """Records."""
        from .records import Records

        return Records(self)

    @functools.cached_property
    def service_status(self) -> ServiceStatus:
        """Service Status."""
        from .service_status import ServiceStatus

        return ServiceStatus(self)

    @functools.cached_property
    def steps(self) -> Steps:
        """Steps."""
        from .steps import Steps

        return Steps(self)

    @functools.cached_property
    def teams(self) -> Teams:
        """Teams."""
        from .teams import Teams

        return Teams(self)

    @functools.cached_property
    def templates(self) -> Templates:
        """Templates."""
        from .templates import Templates

        return Templates(self)

    @functools.cached_property
    def user_account(self) -> UserAccount:
        """User Account."""
        from .user_account import UserAccount

        return UserAccount(self)

    @functools.cached_property
    def webhooks(self) -> Webhooks:
        """Webhooks."""
        from .webhooks import Webhooks

        return Webhooks(self)

    @functools.cached_property
    def your_team(self) -> YourTeam:
        """Your Team."""
        from .your_team import YourTeam

        return YourTeam(self)
