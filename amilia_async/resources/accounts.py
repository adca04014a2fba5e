"""Accounts: the families or people who pay, with their contacts and registrations."""

from __future__ import annotations

from common import AsyncPager, Resource, Unpaged, format_path

from .. import paths
from ..models import Account, Contact, Registration


class Accounts(Resource):
    async def get(self, account_id: int) -> Account:
        """One account with its owners and members (``GET /accounts/{id}``; path seen in a
        public integration, see paths.py)."""
        return await self._client.request_model(
            Account, "GET", format_path(paths.ACCOUNT, id=account_id)
        )

    def list(
        self, *, account_owner_email: str | None = None, show_archived: bool | None = None
    ) -> AsyncPager[Account]:
        """The organization's accounts (``GET /accounts``, paged)."""
        return self._client.paginate(
            paths.ACCOUNTS,
            model=Account,
            params={"accountOwnerEmail": account_owner_email, "showArchived": show_archived},
        )

    def list_contacts(self, account_id: int) -> AsyncPager[Contact]:
        """An account's contacts (``GET /accounts/{id}/contacts``, one bare array)."""
        return self._client.paginate(
            format_path(paths.ACCOUNT_CONTACTS, id=account_id), model=Contact, paging=Unpaged()
        )

    def list_registrations(self, account_id: int) -> AsyncPager[Registration]:
        """An account's registrations (``GET /accounts/{id}/registrations``, paged)."""
        return self._client.paginate(
            format_path(paths.ACCOUNT_REGISTRATIONS, id=account_id), model=Registration
        )
