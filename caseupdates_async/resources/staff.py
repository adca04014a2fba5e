"""Staff members: employees and vendors."""

from __future__ import annotations

from common import AsyncPager, Resource, format_path
from common._sentinel import is_given
from common._typing import Unpack
from common.models import unstructure

from .. import paths
from ..filters import StaffFilters, wire_params
from ..models import EmployeeInput, Staff
from ._checks import require_id, require_text


class StaffMembers(Resource):
    def list(self, **filters: Unpack[StaffFilters]) -> AsyncPager[Staff]:
        """Staff members matching every filter given (``GET /staff``, paged);
        ``is_vendor=True`` keeps the vendors, ``False`` the employees."""
        return self._client.paginate(
            paths.STAFF, model=Staff, params=wire_params(filters, StaffFilters)
        )

    async def get(self, staff_id: int) -> Staff:
        """One staff member (``GET /staff/{id}``)."""
        return await self._client.request_model(
            Staff, "GET", format_path(paths.STAFF_MEMBER, id=staff_id)
        )

    async def create_employee(self, employee: EmployeeInput) -> Staff:
        """Add an employee to a *company* location (``POST /staff/employees``)."""
        require_id(client_id=employee.client_id, role_id=employee.role_id)
        require_text(first_name=employee.first_name, last_name=employee.last_name)
        if is_given(employee.email):
            require_text(email=employee.email)
        return await self._client.request_model(
            Staff, "POST", paths.EMPLOYEES, json=unstructure(employee)
        )
