"""common.checks: one wording for every argument check, raised before anything is sent."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

import pytest

from common import NOT_GIVEN, InvalidRequestError, Secret
from common.checks import (
    require_between,
    require_changes,
    require_choice,
    require_date,
    require_email,
    require_given,
    require_id,
    require_length,
    require_page_size,
    require_path_value,
    require_positive,
    require_secret,
    require_text,
    require_url,
)


class Status(enum.IntEnum):
    LOCKED = 1
    UNLOCKED = 2


@pytest.mark.parametrize(
    ("check", "value", "message"),
    [
        (require_id, 0, "x must be a positive integer id, not 0"),
        (require_id, -3, "x must be a positive integer id, not -3"),
        (require_id, True, "x must be a positive integer id, not True"),
        (require_id, "7", "x must be a positive integer id, not '7'"),
        (require_id, None, "x must be a positive integer id, not None"),
        (require_positive, 0, "x must be a positive integer, not 0"),
        (require_positive, 1.5, "x must be a positive integer, not 1.5"),
        (require_text, "  ", "x must not be blank"),
        (require_text, 5, "x must be a string, not 5"),
        (require_text, NOT_GIVEN, "x must be a string, not NOT_GIVEN"),
        (require_given, None, "x is required"),
        (require_given, "\t", "x must not be blank"),
        (require_date, "2024-01-01", "x must be a date, not '2024-01-01'"),
        (require_url, "ftp://a.b", "x must be an absolute http(s) URL, not 'ftp://a.b'"),
        (require_url, "", "x must not be blank"),
        (require_email, "not-an-address", "x must be an email address, not 'not-an-address'"),
        (require_path_value, 0, "x must be a positive integer id, not 0"),
        (require_path_value, " ", "x must not be blank"),
        (require_path_value, 1.0, "x must be an id (a positive integer or a string), not 1.0"),
        (require_path_value, False, "x must be an id (a positive integer or a string), not False"),
    ],
)
def test_each_check_refuses_with_the_same_wording(check: Any, value: Any, message: str) -> None:
    """``<name> must be <what>, not <value>``, whichever vendor calls it."""
    with pytest.raises(InvalidRequestError) as caught:
        check(x=value)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("check", "value"),
    [
        (require_id, 1),
        (require_positive, 10**12),
        (require_text, " a "),
        (require_given, 0),
        (require_date, date(2024, 1, 1)),
        (require_date, datetime(2024, 1, 1, 5)),
        (require_url, "https://example.org/hook"),
        (require_email, "a@b.co"),
        (require_path_value, 7),
        (require_path_value, "c8f1-2"),
        (require_path_value, Status.LOCKED),
    ],
)
def test_each_check_lets_a_good_value_through(check: Any, value: Any) -> None:
    check(x=value)


def test_the_first_failing_field_is_named() -> None:
    """Several fields in one call: the first bad one, by its own name."""
    require_id(casefile_id=3, access_group_id=4)
    with pytest.raises(InvalidRequestError, match=r"^access_group_id must"):
        require_id(casefile_id=3, access_group_id=0, other=-1)


def test_ranges_and_page_sizes_name_their_bounds() -> None:
    require_between(1, 100, limit=100)
    require_between(None, 5, ratio=-2.5)
    with pytest.raises(InvalidRequestError, match=r"^limit must be a number in 1\.\.100, not 101$"):
        require_between(1, 100, limit=101)
    with pytest.raises(InvalidRequestError, match=r"^size must be a number in 0\.\., not True$"):
        require_between(0, None, size=True)
    require_page_size(100, limit=1)
    for bad in (0, 101, True, 5.0):
        with pytest.raises(InvalidRequestError, match=r"^limit must be a page size in 1\.\.100"):
            require_page_size(100, limit=bad)


def test_choices_are_exact_about_types() -> None:
    """An enum's members and values both pass; ``True`` is not ``1``, nor ``0`` ``False``."""
    require_choice(Status, status=Status.LOCKED)
    require_choice(Status, status=2)
    require_choice(("asc", "desc"), dir="asc")
    require_choice((*("a", "b"), False), flag=False)
    for bad in (True, "1", 3):
        with pytest.raises(InvalidRequestError) as caught:
            require_choice(Status, status=bad)
        assert str(caught.value) == (
            f"status must be one of Status.LOCKED, Status.UNLOCKED, not {bad!r}"
        )
    with pytest.raises(InvalidRequestError, match=r"^flag must be one of 'a', 'b', False, not 0$"):
        require_choice(("a", "b", False), flag=0)
    with pytest.raises(InvalidRequestError, match="not \\['asc'\\]"):
        require_choice(("asc", "desc"), dir=["asc"])


def test_lengths_count_characters_or_items() -> None:
    require_length(1, 3, name="abc", ids=[1])
    with pytest.raises(InvalidRequestError, match=r"^name must have at most 3 characters, not 4$"):
        require_length(None, 3, name="abcd")
    with pytest.raises(InvalidRequestError, match=r"^answers must have at least 1 item, not 0$"):
        require_length(1, None, answers=[])
    with pytest.raises(InvalidRequestError, match="must be a string or a list"):
        require_length(1, None, answers=7)


def test_a_secret_is_never_shown() -> None:
    """An empty credential is named, never echoed (a Secret is false when empty)."""
    require_secret(api_key="k", token=Secret("t"))
    for empty in ("", Secret(""), None):
        with pytest.raises(InvalidRequestError) as caught:
            require_secret(api_key=empty)
        assert str(caught.value) == "api_key must not be empty"


def test_an_update_needs_a_change() -> None:
    require_changes({"title": "t"})
    empties: list[dict[str, str] | list[str] | None] = [{}, None, []]
    for empty in empties:
        with pytest.raises(InvalidRequestError, match=r"^give at least one field to change$"):
            require_changes(empty)


def test_invalid_request_error_is_a_value_error() -> None:
    """Callers that catch ValueError around argument checks keep working."""
    with pytest.raises(ValueError, match="positive"):
        require_id(x=0)
