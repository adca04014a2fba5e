"""The route table: one row per operation of the spec (operationId, method, path, handler).

Paths are relative to ``/api/v2`` and spelled as in the spec, path parameters included.
"""

from __future__ import annotations

from amiqus_async.emulator import (
    _account,
    _cases,
    _clients,
    _files,
    _library,
    _organisations,
    _records,
    _relations,
    _webhooks_api,
)
from amiqus_async.emulator._http import API_PREFIX, Ctx, Handler

__all__ = ["API_PREFIX", "ROUTES"]


def _client_assignees_event(ctx: Ctx, key: int) -> None:
    ctx.emulator.publish("client.updated", ctx.emulator.payloads.client(key))


def _record_assignees_event(ctx: Ctx, key: int) -> None:
    ctx.emulator.publish("record.updated", ctx.emulator.payloads.record(key))


_client_assignees = _relations.assignee_handlers("client", event=_client_assignees_event)
_client_assignee = _relations.assignee_handlers("client", "clientId")
_org_assignees = _relations.assignee_handlers("organisation")
_record_assignees = _relations.assignee_handlers("record", event=_record_assignees_event)
_record_assignee = _relations.assignee_handlers("record", "recordId")
_case_assignees = _relations.assignee_handlers("case")

#: (operationId, method, path, handler), in the spec's order.
ROUTES: list[tuple[str, str, str, Handler]] = [
    ("get-status", "GET", "/status", _account.get_status),
    ("get-me", "GET", "/me", _account.get_me),
    ("patch-me", "PATCH", "/me", _account.patch_me),
    ("get-me-teams", "GET", "/me/teams", _account.get_me_teams),
    ("get-team", "GET", "/team", _account.get_team),
    ("patch-team", "PATCH", "/team", _account.patch_team),
    ("get-team-me", "GET", "/team/me", _account.get_team_me),
    ("get-team-members", "GET", "/team/members", _account.get_team_members),
    ("get-clients", "GET", "/clients", _clients.get_clients),
    ("post-clients", "POST", "/clients", _clients.post_client),
    ("get-clients-id", "GET", "/clients/{id}", _clients.get_client),
    ("patch-clients-id", "PATCH", "/clients/{id}", _clients.patch_client),
    ("delete-clients-id", "DELETE", "/clients/{id}", _clients.delete_client),
    ("get-clients-id-address", "GET", "/clients/{id}/address", _clients.get_address),
    ("put-clients-id-address", "PUT", "/clients/{id}/address", _clients.put_address),
    ("get-clients-id-assignees", "GET", "/clients/{id}/assignees", _client_assignees.list),
    ("post-clients-id-assignees", "POST", "/clients/{id}/assignees", _client_assignees.add),
    ("put-clients-id-assignees", "PUT", "/clients/{id}/assignees", _client_assignees.replace),
    ("delete-clients-id-assignees", "DELETE", "/clients/{id}/assignees", _client_assignees.clear),
    (
        "delete-clients-clientId-assignees-assigneeId",
        "DELETE",
        "/clients/{clientId}/assignees/{assigneeId}",
        _client_assignee.remove,
    ),
    (
        "get-clients-id-organisations",
        "GET",
        "/clients/{id}/organisations",
        _relations.get_memberships,
    ),
    (
        "post-clients-id-organisations",
        "POST",
        "/clients/{id}/organisations",
        _relations.post_memberships,
    ),
    (
        "put-clients-id-organisations",
        "PUT",
        "/clients/{id}/organisations",
        _relations.put_memberships,
    ),
    (
        "delete-clients-id-organisations",
        "DELETE",
        "/clients/{id}/organisations",
        _relations.delete_memberships,
    ),
    (
        "get-clients-clientId-organisations-organisationId",
        "DELETE",
        "/clients/{clientId}/organisations/{organisationId}",
        _relations.delete_membership,
    ),
    ("get-clients-id-forms", "GET", "/clients/{id}/forms", _clients.get_client_forms),
    (
        "get-clients-id-forms-reference",
        "GET",
        "/clients/{id}/forms/{reference}",
        _clients.get_client_form,
    ),
    (
        "get-clients-id-forms-reference-download",
        "GET",
        "/clients/{id}/forms/{reference}/download",
        _clients.get_client_form_download,
    ),
    ("get-clients-id-records", "GET", "/clients/{id}/records", _clients.get_client_records),
    ("get-clients-id-files", "GET", "/clients/{id}/files", _files.get_client_files),
    ("post-clients-id-files", "POST", "/clients/{id}/files", _files.post_client_file),
    (
        "delete-clients-clientId-files-fileId",
        "DELETE",
        "/clients/{clientId}/files/{fileId}",
        _files.delete_client_file,
    ),
    (
        "get-clients-clientId-files-fileId-download",
        "GET",
        "/clients/{clientId}/files/{fileId}/download",
        _files.get_client_file_download,
    ),
    ("get-clients-id-corrections", "GET", "/clients/{id}/corrections", _clients.get_corrections),
    (
        "patch-clients-clientId-corrections-correctionId",
        "PATCH",
        "/clients/{clientId}/corrections/{correctionId}",
        _clients.patch_correction,
    ),
    ("get-credits", "GET", "/credits", _account.get_credits),
    ("get-organisations", "GET", "/organisations", _organisations.get_organisations),
    ("post-organisations", "POST", "/organisations", _organisations.post_organisation),
    ("get-organisations-id", "GET", "/organisations/{id}", _organisations.get_organisation),
    ("patch-organisations-id", "PATCH", "/organisations/{id}", _organisations.patch_organisation),
    ("get-organisations-id-assignees", "GET", "/organisations/{id}/assignees", _org_assignees.list),
    (
        "post-organisations-id-assignees",
        "POST",
        "/organisations/{id}/assignees",
        _org_assignees.add,
    ),
    (
        "put-organisations-id-assignees",
        "PUT",
        "/organisations/{id}/assignees",
        _org_assignees.replace,
    ),
    (
        "delete-organisations-id-assignees",
        "DELETE",
        "/organisations/{id}/assignees",
        _org_assignees.clear,
    ),
    (
        "delete-organisations-id-assignees-assigneeId",
        "DELETE",
        "/organisations/{id}/assignees/{assigneeId}",
        _org_assignees.remove,
    ),
    (
        "get-organisations-id-clients",
        "GET",
        "/organisations/{id}/clients",
        _relations.get_organisation_clients,
    ),
    ("get-records", "GET", "/records", _records.get_records),
    ("post-records", "POST", "/records", _records.post_record),
    ("get-records-id", "GET", "/records/{id}", _records.get_record),
    ("patch-records-id", "PATCH", "/records/{id}", _records.patch_record),
    ("post-records-id-archive", "POST", "/records/{id}/archive", _records.post_record_archive),
    ("post-records-id-expire", "POST", "/records/{id}/expire", _records.post_record_expire),
    ("get-records-id-download", "GET", "/records/{id}/download", _records.get_record_download),
    ("get-records-id-steps", "GET", "/records/{id}/steps", _records.get_record_steps),
    ("get-records-id-documents", "GET", "/records/{id}/documents", _records.get_record_documents),
    ("get-checks-id", "GET", "/checks/{id}", _records.get_check),
    ("get-records-id-assignees", "GET", "/records/{id}/assignees", _record_assignees.list),
    ("post-records-id-assignees", "POST", "/records/{id}/assignees", _record_assignees.add),
    ("put-records-id-assignees", "PUT", "/records/{id}/assignees", _record_assignees.replace),
    ("delete-records-id-assignees", "DELETE", "/records/{id}/assignees", _record_assignees.clear),
    (
        "delete-records-recordId-assignees-assigneeId",
        "DELETE",
        "/records/{recordId}/assignees/{assigneeId}",
        _record_assignee.remove,
    ),
    ("get-teams-teamId-members", "GET", "/teams/{teamId}/members", _account.get_teams_members),
    (
        "get-teams-teamId-members-teamMemberId",
        "GET",
        "/teams/{teamId}/members/{teamMemberId}",
        _account.get_teams_member,
    ),
    ("get-documents", "GET", "/documents", _library.get_documents),
    ("get-templates-emails", "GET", "/templates/emails", _library.get_templates("email_templates")),
    (
        "get-templates-documents",
        "GET",
        "/templates/documents",
        _library.get_templates("document_templates"),
    ),
    (
        "get-templates-records",
        "GET",
        "/templates/records",
        _library.get_templates("record_templates"),
    ),
    ("get-files", "GET", "/files", _files.get_files),
    ("get-webhooks", "GET", "/webhooks", _webhooks_api.get_webhooks),
    ("post-webhooks", "POST", "/webhooks", _webhooks_api.post_webhook),
    ("get-webhooks-id", "GET", "/webhooks/{id}", _webhooks_api.get_webhook),
    ("patch-webhooks-id", "PATCH", "/webhooks/{id}", _webhooks_api.patch_webhook),
    ("delete-webhooks-id", "DELETE", "/webhooks/{id}", _webhooks_api.delete_webhook),
    (
        "get-webhooks-id-deliveries",
        "GET",
        "/webhooks/{id}/deliveries",
        _webhooks_api.get_deliveries,
    ),
    ("get-forms", "GET", "/forms", _library.get_forms),
    ("get-form-templates", "GET", "/form-templates", _library.get_form_templates),
    ("post-form-templates", "POST", "/form-templates", _library.post_form_template),
    ("get-form-templates-id", "GET", "/form-templates/{reference}", _library.get_form_template),
    (
        "patch-form-templates-id",
        "PATCH",
        "/form-templates/{reference}",
        _library.patch_form_template,
    ),
    (
        "delete-form-templates-id",
        "DELETE",
        "/form-templates/{reference}",
        _library.delete_form_template,
    ),
    ("get-steps", "GET", "/steps", _library.get_steps),
    ("post-steps", "POST", "/steps", _library.post_steps),
    ("post-attachments", "POST", "/attachments", _files.post_attachment),
    ("delete-attachments-id", "DELETE", "/attachments/{id}", _files.delete_attachment),
    ("put-attachments-id", "PUT", "/attachments/{id}/redact", _files.put_attachment_redact),
    ("post-sdk_token", "POST", "/sdk_token", _library.post_sdk_token),
    ("get-cases", "GET", "/cases", _cases.get_cases),
    ("post-cases", "POST", "/cases", _cases.post_case),
    ("get-cases-id", "GET", "/cases/{id}", _cases.get_case),
    ("patch-cases-id", "PATCH", "/cases/{id}", _cases.patch_case),
    ("get-cases-id-items", "GET", "/cases/{id}/items", _cases.get_case_items),
    ("patch-cases-id-items", "PATCH", "/cases/{id}/items", _cases.patch_case_items),
    ("get-cases-id-reviews", "GET", "/cases/{id}/reviews", _cases.get_case_reviews),
    ("post-cases-id-reviews", "POST", "/cases/{id}/reviews", _cases.post_case_review),
    ("get-cases-id-assignees", "GET", "/cases/{id}/assignees", _case_assignees.list),
    (
        "delete-cases-caseId-items-itemId",
        "DELETE",
        "/cases/{caseId}/items/{itemId}",
        _cases.delete_case_item,
    ),
    (
        "get-records-recordId-steps-stepId-reviews",
        "GET",
        "/records/{recordId}/steps/{stepId}/reviews",
        _records.get_step_reviews,
    ),
    (
        "post-records-recordId-steps-stepId-reviews",
        "POST",
        "/records/{recordId}/steps/{stepId}/reviews",
        _records.post_step_review,
    ),
    ("get-aggregates-case-status", "GET", "/aggregates/case-status", _cases.get_aggregate),
]
