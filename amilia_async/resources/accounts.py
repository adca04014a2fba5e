"""Accounts: the families or people who pay, with their contacts and registrations."""

from __future__ import annotations

from common import AsyncPager, Resource, Unpaged, filtered

from .. import paths
from ..filters import AccountFilters
from ..models import Account, Contact, Registration


class Accounts(Resource):
    async def get(self, account_id: int) -> Account:
        """One account with its owners and members (``GET /accounts/{id}``; path seen in a
        public integration, see paths.py)."""
        return await self._get(paths.ACCOUNT, {"id": account_id}, model=Account)

    @filtered(AccountFilters)
    def list(self, filters: AccountFilters) -> AsyncPager[Account]:
        """The organization's accounts (``GET /accounts``, paged), filtered by
        ``account_owner_email`` and ``show_archived``."""
        return self._list(paths.ACCOUNTS, model=Account, params=filters)

    def list_contacts(self, account_id: int) -> AsyncPager[Contact]:
        """An account's contacts (``GET /accounts/{id}/contacts``, one bare array)."""
        return self._list(
            paths.ACCOUNT_CONTACTS, {"id": account_id}, model=Contact, paging=Unpaged()
        )

    def list_registrations(self, account_id: int) -> AsyncPager[Registration]:
        """An account's registrations (``GET /accounts/{id}/registrations``, paged)."""
        return self._list(paths.ACCOUNT_REGISTRATIONS, {"id": account_id}, model=Registration)
