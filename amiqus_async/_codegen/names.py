"""Every special case of the generator, as tables: the names a person chose rather than the
generator, the spec's exceptions, and where each answer class lives.

The spec names some schemas ``Check-2`` or ``Document-5`` and its operation ids are paths
(``get-clients-id-address``); these tables give them the names a reader expects. The parser
(:mod:`.parser`) is the only reader of this module, and it records every entry it uses: a
test fails on an entry the spec no longer needs, and the parser stops on anything new the spec
brings that no table names (an operation, a class without a module, an array body).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Final

#: Component schema -> class name, where the key is not already a good name.
CLASS_NAMES: Final = {
    "TeamMember-2": "TeamMemberAssignee",
    "Check-2": "Check",
    "Document-3": "RichTextDocument",
    "Document-5": "Document",
    "Form-3": "Form",
    "Request-2": "DocumentRequestSettings",
    "Transfer-2": "DocumentTransferSettings",
    "Nodes": "RichTextNode",
    "Text": "RichText",
    "ListItem": "RichTextListItem",
    "RecordSteps": "RecordStep",
    "AvailableSteps": "AvailableStep",
    "ClientCaseStatusAggregate": "CaseStatusAggregate",
    "ClientCase": "Case",
    "ClientCaseItem": "CaseItem",
    "ClientCaseReview": "CaseReview",
    "ClientCaseStatus": "CaseStatus",
    "CollectorFields": "FormField",
    "BuilderFields": "FormTemplateField",
    "RecordStepsWrite": "RecordStep",
}

#: Components that are request bodies only: no answer class is printed for them (the step a
#: record is created with is ``RecordStepInput``; the answer's step is ``RecordStep``).
INPUT_ONLY: Final = frozenset({"RecordStepsWrite"})

#: Long prefixes of the names given to inline objects, and their shorter form.
INLINE_PREFIXES: Final = {
    "CheckResponseReports": "Report",
    "CheckResponseMedia": "ReportMedia",
}

#: operation id -> class name of an answer the spec writes inline.
ANSWER_NAMES: Final = {
    "get-cases-id-assignees": "CaseAssignee",
}

#: Answer module (``amiqus_async/models/<module>.py``) -> (its docstring, the classes placed
#: there). Every class of a component is listed; a class the spec writes inline (a check's
#: ``CheckResponse``, a webhook delivery's ``request``) goes where its first user goes. The
#: modules import one another: a record's steps hold checks and forms, a check names its record.
MODEL_MODULES: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "shared": (
        "Objects the other answers share: names, addresses, rich text",
        (
            "Name",
            "Address",
            "RichText",
            "RichTextNode",
            "RichTextListItem",
            "RichTextDocument",
        ),
    ),
    "team": (
        "Your account and team: users, teams, members, credits",
        ("User", "Team", "TeamMember", "TeamMemberAssignee", "CreditHistory"),
    ),
    "clients": (
        "Clients and the corrections they ask for",
        ("Client", "ClientCorrection"),
    ),
    "organisations": (
        "Organisations, their assignees and clients",
        ("Organisation",),
    ),
    "records": (
        "Records, their steps, documents and reviews, and the steps a record can have",
        (
            "Record",
            "RecordStep",
            "RecordDocument",
            "StepReview",
            "DocumentRequestSettings",
            "DocumentTransferSettings",
            "AvailableStep",
            "ValidatedSteps",
            "SdkToken",
        ),
    ),
    "checks": (
        "Checks and their reports (breakdowns, document data, media)",
        ("Check", "BreakdownResult", "SubBreakdownResult"),
    ),
    "forms": (
        "Forms a client fills in, form templates and their fields",
        ("ClientForm", "Form", "FormTemplate", "FormField", "FormTemplateField", "Choice"),
    ),
    "files": (
        "Files, documents and attachments",
        ("Attachment", "ClientFile", "File", "Document"),
    ),
    "templates": (
        "Email, document and record templates",
        ("EmailTemplate", "DocumentTemplate", "RecordTemplate", "InvalidPresetStep"),
    ),
    "cases": (
        "Cases, their items, reviews, assignees and status counts",
        ("Case", "CaseItem", "CaseReview", "CaseAssignee", "CaseStatusAggregate"),
    ),
    "webhooks": (
        "Webhooks and their deliveries",
        ("Webhook", "WebhookDelivery", "WebhookDeliveryRequest", "WebhookDeliveryResponse"),
    ),
}

#: Hand-written models the generated code uses: class -> module under ``models/``.
HAND_WRITTEN_MODELS: Final = {
    "ItemList": "envelopes",  # the ``list`` envelope of some writes (``models/envelopes.py``)
}

#: Answer properties holding a credential: typed :class:`~common.Secret`, masked in reprs.
SECRET_PROPERTIES: Final = frozenset({"secret", "token"})

#: Properties an answer object always has, required or not in the spec. The spec lists few
#: required properties and its own examples leave some out (a Team without ``is_archived``);
#: only a resource's ``object`` and ``id`` are certain.
ALWAYS_PRESENT: Final = ("object", "id")

#: Query parameters the pager drives itself (``limit`` is the page size, ``page`` its cursor).
PAGER_PARAMS: Final = frozenset({"page", "limit"})

#: The argument name of an array request body, by the type of its items.
LIST_BODY_ARGS: Final = {
    "AssigneeInput": "assignees",
    "CaseItemInput": "items",
    "int": "organisation_ids",
}

#: operation id -> (resource attribute, method name, input class name for a JSON body).
#: The resource attribute is the spec's tag in snake_case. A new operation must be named here.
OPERATIONS: Final[dict[str, tuple[str, str, str | None]]] = {
    "get-status": ("service_status", "check", None),
    "get-me": ("user_account", "get", None),
    "patch-me": ("user_account", "update", "UserUpdate"),
    "get-me-teams": ("user_account", "list_teams", None),
    "get-team": ("your_team", "get", None),
    "patch-team": ("your_team", "update", "TeamUpdate"),
    "get-team-me": ("your_team", "get_membership", None),
    "get-team-members": ("your_team", "list_members", None),
    "get-credits": ("your_team", "list_credits", None),
    "get-clients": ("clients", "list", None),
    "post-clients": ("clients", "create", "ClientInput"),
    "get-clients-id": ("clients", "get", None),
    "patch-clients-id": ("clients", "update", "ClientUpdate"),
    "delete-clients-id": ("clients", "delete", None),
    "get-clients-id-address": ("clients", "get_address", None),
    "put-clients-id-address": ("clients", "replace_address", "AddressInput"),
    "get-clients-id-forms": ("clients", "list_forms", None),
    "get-clients-id-forms-reference": ("clients", "get_form", None),
    "get-clients-id-forms-reference-download": ("clients", "download_form", None),
    "get-clients-id-records": ("clients", "list_records", None),
    "get-clients-id-corrections": ("clients", "list_corrections", None),
    "patch-clients-clientId-corrections-correctionId": (
        "clients",
        "update_correction",
        "CorrectionUpdate",
    ),
    "get-clients-id-assignees": ("client_assignees", "list", None),
    "post-clients-id-assignees": ("client_assignees", "add", "AssigneeInput"),
    "put-clients-id-assignees": ("client_assignees", "replace", "AssigneeInput"),
    "delete-clients-id-assignees": ("client_assignees", "delete_all", None),
    "delete-clients-clientId-assignees-assigneeId": ("client_assignees", "delete", None),
    "get-clients-id-organisations": ("client_organisations", "list", None),
    "post-clients-id-organisations": ("client_organisations", "add", None),
    "put-clients-id-organisations": ("client_organisations", "replace", None),
    "delete-clients-id-organisations": ("client_organisations", "delete_all", None),
    "get-clients-clientId-organisations-organisationId": ("client_organisations", "delete", None),
    "get-clients-id-files": ("client_files", "list", None),
    "post-clients-id-files": ("client_files", "create", "ClientFileInput"),
    "delete-clients-clientId-files-fileId": ("client_files", "delete", None),
    "get-clients-clientId-files-fileId-download": ("client_files", "download", None),
    "get-organisations": ("organisations", "list", None),
    "post-organisations": ("organisations", "create", "OrganisationInput"),
    "get-organisations-id": ("organisations", "get", None),
    "patch-organisations-id": ("organisations", "update", "OrganisationInput"),
    "get-organisations-id-assignees": ("organisation_assignees", "list", None),
    "post-organisations-id-assignees": ("organisation_assignees", "add", "AssigneeInput"),
    "put-organisations-id-assignees": ("organisation_assignees", "replace", "AssigneeInput"),
    "delete-organisations-id-assignees": ("organisation_assignees", "delete_all", None),
    "delete-organisations-id-assignees-assigneeId": ("organisation_assignees", "delete", None),
    "get-organisations-id-clients": ("organisation_clients", "list", None),
    "get-records": ("records", "list", None),
    "post-records": ("records", "create", "RecordInput"),
    "get-records-id": ("records", "get", None),
    "patch-records-id": ("records", "update", "RecordUpdate"),
    "post-records-id-archive": ("records", "archive", None),
    "post-records-id-expire": ("records", "expire", None),
    "get-records-id-download": ("records", "download", None),
    "get-records-id-steps": ("records", "list_steps", None),
    "get-records-id-documents": ("records", "list_documents", None),
    "get-checks-id": ("records", "get_check", None),
    "get-records-recordId-steps-stepId-reviews": ("records", "list_step_reviews", None),
    "post-records-recordId-steps-stepId-reviews": (
        "records",
        "create_step_review",
        "StepReviewInput",
    ),
    "get-records-id-assignees": ("record_assignees", "list", None),
    "post-records-id-assignees": ("record_assignees", "add", "AssigneeInput"),
    "put-records-id-assignees": ("record_assignees", "replace", "AssigneeInput"),
    "delete-records-id-assignees": ("record_assignees", "delete_all", None),
    "delete-records-recordId-assignees-assigneeId": ("record_assignees", "delete", None),
    "get-teams-teamId-members": ("teams", "list_members", None),
    "get-teams-teamId-members-teamMemberId": ("teams", "get_member", None),
    "get-documents": ("documents", "list", None),
    "get-templates-emails": ("templates", "list_emails", None),
    "get-templates-documents": ("templates", "list_documents", None),
    "get-templates-records": ("templates", "list_records", None),
    "get-form-templates": ("templates", "list_forms", None),
    "post-form-templates": ("templates", "create_form", "FormTemplateInput"),
    "get-form-templates-id": ("templates", "get_form", None),
    "patch-form-templates-id": ("templates", "update_form", "FormTemplateUpdate"),
    "delete-form-templates-id": ("templates", "delete_form", None),
    "get-files": ("files", "list", None),
    "get-webhooks": ("webhooks", "list", None),
    "post-webhooks": ("webhooks", "create", "WebhookInput"),
    "get-webhooks-id": ("webhooks", "get", None),
    "patch-webhooks-id": ("webhooks", "update", "WebhookUpdate"),
    "delete-webhooks-id": ("webhooks", "delete", None),
    "get-webhooks-id-deliveries": ("webhooks", "list_deliveries", None),
    "get-forms": ("forms", "list", None),
    "get-steps": ("steps", "list", None),
    "post-steps": ("steps", "validate", "StepsValidation"),
    "post-attachments": ("attachments", "create", None),
    "delete-attachments-id": ("attachments", "delete", None),
    "put-attachments-id": ("attachments", "redact", None),
    "post-sdk_token": ("other_resources", "create_sdk_token", "SdkTokenInput"),
    "get-cases": ("cases", "list", None),
    "post-cases": ("cases", "create", "CaseInput"),
    "get-cases-id": ("cases", "get", None),
    "patch-cases-id": ("cases", "update", "CaseUpdate"),
    "get-cases-id-reviews": ("cases", "list_reviews", None),
    "post-cases-id-reviews": ("cases", "create_review", "CaseReviewInput"),
    "get-cases-id-items": ("case_items", "list", None),
    "patch-cases-id-items": ("case_items", "update", "CaseItemInput"),
    "delete-cases-caseId-items-itemId": ("case_items", "delete", None),
    "get-cases-id-assignees": ("case_assignees", "list", None),
    "get-aggregates-case-status": ("aggregates", "case_status", None),
}

#: Path parameter (spec name) -> Python argument name.
PATH_ARGS: Final = {
    "id": "id",
    "clientId": "client_id",
    "assigneeId": "assignee_id",
    "organisationId": "organisation_id",
    "reference": "reference",
    "fileId": "file_id",
    "correctionId": "correction_id",
    "recordId": "record_id",
    "teamId": "team_id",
    "teamMemberId": "team_member_id",
    "caseId": "case_id",
    "itemId": "item_id",
    "stepId": "step_id",
}

#: The owner of ``{id}`` in a path, by the segment before it (``/clients/{id}`` -> client_id);
#: ``{id}`` after any other segment stays ``id``.
ID_OWNERS: Final = {
    "clients": "client_id",
    "records": "record_id",
    "organisations": "organisation_id",
    "cases": "case_id",
    "webhooks": "webhook_id",
    "attachments": "attachment_id",
    "checks": "check_id",
}

#: Every table above, by name: what the parser records as used, and what the tests check.
TABLES: Final[Mapping[str, Iterable[object]]] = {
    "CLASS_NAMES": CLASS_NAMES,
    "INPUT_ONLY": INPUT_ONLY,
    "INLINE_PREFIXES": INLINE_PREFIXES,
    "ANSWER_NAMES": ANSWER_NAMES,
    "MODEL_MODULES": MODEL_MODULES,
    "HAND_WRITTEN_MODELS": HAND_WRITTEN_MODELS,
    "SECRET_PROPERTIES": SECRET_PROPERTIES,
    "ALWAYS_PRESENT": ALWAYS_PRESENT,
    "PAGER_PARAMS": PAGER_PARAMS,
    "LIST_BODY_ARGS": LIST_BODY_ARGS,
    "OPERATIONS": OPERATIONS,
    "PATH_ARGS": PATH_ARGS,
    "ID_OWNERS": ID_OWNERS,
}


def entries() -> Iterator[tuple[str, str]]:
    """Every entry of every table as ``(table, key)``; for :data:`MODEL_MODULES`, each class
    it places (the module's docstring goes with them)."""
    for module, (_doc, classes) in MODEL_MODULES.items():
        yield from (("MODEL_MODULES", f"{module}.{name}") for name in classes)
    for table, content in TABLES.items():
        if table != "MODEL_MODULES":
            yield from ((table, str(key)) for key in content)
