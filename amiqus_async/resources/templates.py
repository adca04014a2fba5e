"""Templates: 8 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from common import AsyncPager

from ..models.forms import FormTemplate
from ..models.inputs import FormTemplateInput, FormTemplateUpdate
from ..models.templates import DocumentTemplate, EmailTemplate, RecordTemplate
from ._base import AmiqusResource

__all__ = ["Templates"]


class Templates(AmiqusResource):
    """The spec's 'Templates' operations."""

    def list_emails(
        self,
        *,
        enabled: bool | None = None,
        limit: int | None = None,
    ) -> AsyncPager[EmailTemplate]:
        """List all email templates.

        ``GET /templates/emails`` (``get-templates-emails``).
        """
        return self._paged(
            "/templates/emails",
            EmailTemplate,
            params={"enabled": enabled},
            limit=limit,
        )

    def list_documents(
        self,
        *,
        enabled: bool | None = None,
        limit: int | None = None,
    ) -> AsyncPager[DocumentTemplate]:
        """List all document templates.

        ``GET /templates/documents`` (``get-templates-documents``).
        """
        return self._paged(
            "/templates/documents",
            DocumentTemplate,
            params={"enabled": enabled},
            limit=limit,
        )

    def list_records(
        self,
        *,
        enabled: bool | None = None,
        limit: int | None = None,
    ) -> AsyncPager[RecordTemplate]:
        """List all record templates.

        ``GET /templates/records`` (``get-templates-records``).

        List all record templates returns a paginated list of record templates associated with
        the team.
        """
        return self._paged(
            "/templates/records",
            RecordTemplate,
            params={"enabled": enabled},
            limit=limit,
        )

    def list_forms(
        self,
        *,
        enabled: bool | None = None,
        limit: int | None = None,
    ) -> AsyncPager[FormTemplate]:
        """List all form templates.

        ``GET /form-templates`` (``get-form-templates``).
        """
        return self._paged(
            "/form-templates",
            FormTemplate,
            params={"enabled": enabled},
            limit=limit,
        )

    async def create_form(self, body: FormTemplateInput) -> FormTemplate:
        """Create a form template.

        ``POST /form-templates`` (``post-form-templates``).
        """
        return await self._model(FormTemplate, "POST", "/form-templates", json=body)

    async def get_form(self, reference: str) -> FormTemplate:
        """Retrieve a form template.

        ``GET /form-templates/{reference}`` (``get-form-templates-id``).
        """
        return await self._model(
            FormTemplate,
            "GET",
            self._path("/form-templates/{reference}", reference=reference),
        )

    async def update_form(self, reference: str, body: FormTemplateUpdate) -> FormTemplate:
        """Update a form template.

        ``PATCH /form-templates/{reference}`` (``patch-form-templates-id``).
        """
        return await self._model(
            FormTemplate,
            "PATCH",
            self._path("/form-templates/{reference}", reference=reference),
            json=body,
            non_empty=True,
        )

    async def delete_form(self, reference: str) -> None:
        """Delete a form template.

        ``DELETE /form-templates/{reference}`` (``delete-form-templates-id``).
        """
        await self._none("DELETE", self._path("/form-templates/{reference}", reference=reference))
