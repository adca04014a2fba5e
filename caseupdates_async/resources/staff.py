"""Staff members: employees and vendors."""

from __future__ import annotations

from common import AsyncPager, Resource, filtered, is_given
from common.checks import require_id, require_text

from .. import paths
from ..filters import StaffFilters
from ..models import EmployeeInput, Staff


class StaffMembers(Resource):
    @filtered(StaffFilters)
    def list(self, filters: StaffFilters) -> AsyncPager[Staff]:
        """Staff members matching every filter given (``GET /staff``, paged);
        ``is_vendor=True`` keeps the vendors, ``False`` the employees."""
        return self._list(paths.STAFF, model=Staff, params=filters)

    async def get(self, staff_id: int) -> Staff:
        """One staff member (``GET /staff/{id}``)."""
        return await self._get(paths.STAFF_MEMBER, {"id": staff_id}, model=Staff)

    async def create_employee(self, employee: EmployeeInput) -> Staff:
        """Add an employee to a *company* location (``POST /staff/employees``)."""
        require_id(client_id=employee.client_id, role_id=employee.role_id)
        require_text(first_name=employee.first_name, last_name=employee.last_name)
        if is_given(employee.email):
            require_text(email=employee.email)
        return await self._create(paths.EMPLOYEES, model=Staff, body=employee)
