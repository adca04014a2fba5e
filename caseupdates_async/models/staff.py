"""Staff members (employees and vendors) and the body that creates an employee.

Source: Trackops help centre "API Reference - Staff" (article 212339023): the list filters
``id``, ``last_name`` ("last name of an employee, or name of vendor"), ``first_name``,
``email``, ``role``, ``is_vendor``, the created/updated ranges and ``expand_field_values``;
``GET /staff/{staff_id}``; ``POST /staff/employees`` with ``client_id`` ("the ID of the
company location this employee belongs to") and ``role_id`` required, "returns a staff
object". The rest of the create table is not public, and no response body is.
"""

from __future__ import annotations

import attrs

from common import NOT_GIVEN, NotGivenOr
from common.models import Model

from ._time import TrackopsDateTime

__all__ = ["EmployeeInput", "Staff"]


@attrs.frozen(kw_only=True)
class Staff(Model):
    """A staff member (an employee or a vendor), from ``GET /staff``, ``GET /staff/{id}``
    and ``POST /staff/employees``.

    No response example is published, so every field but ``id`` is a plausible guess and
    optional: the list filters' names (``first_name``, ``last_name``, ``email``, ``role`` →
    ``role_id``, ``is_vendor``, the UTC ``created_at``/``updated_at``), ``client_id`` (the
    company location, as the create body names it) and ``name`` (what an expense entry's
    ``User`` carries in Trackops's PHP client). A vendor has its name in ``last_name``.
    Custom field values (``expand_field_values``) and any other key are kept in
    :attr:`~common.models.Model.extra`.
    """

    id: int
    first_name: str | None = None
    last_name: str | None = None
    name: str | None = None
    email: str | None = None
    role_id: int | None = None
    is_vendor: bool | None = None
    client_id: int | None = None
    created_at: TrackopsDateTime | None = None
    updated_at: TrackopsDateTime | None = None


@attrs.frozen(kw_only=True)
class EmployeeInput:
    """The body of ``POST /staff/employees`` (sent as it is, not nested).

    ``client_id`` is a *company* location id (employees always belong to one) and
    ``role_id`` a role available to employees: both required by the article. The names are
    required here too -- a guess, the rest of the article's table is not public -- and
    ``email`` is optional (Trackops needs one only for a user who may log in).
    """

    client_id: int
    role_id: int
    first_name: str
    last_name: str
    email: NotGivenOr[str] = NOT_GIVEN
