"""The fast structuring path changes speed only: same objects, same errors as the detailed one."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from common import DecodeError, Model
from common.models import make_converter, wire_names
from common.models.decode_errors import _decode_error


class Mood(str, enum.Enum):
    HAPPY = "happy"
    SAD = "sad"


@wire_names("camel")
@attrs.frozen
class Leaf(Model):
    label: str
    weight: float | None = None


@wire_names("camel")
@attrs.frozen(kw_only=True)
class Every(Model):
    id: int
    name: str
    active: bool
    score: float | None = None
    mood: Mood | str | None = None
    strict_mood: Mood = Mood.HAPPY
    born: date | None = None
    seen_at: datetime | None = None
    leaf: Leaf | None = None
    leaves: list[Leaf] = attrs.field(factory=list)
    tags: list[str] | None = None
    either: int | str | None = None


FAST = make_converter()
SLOW = make_converter(fast_path=False)

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False),
    st.text(max_size=5),
    st.sampled_from(["happy", "sad", "12", "1.5", "true", "2024-02-29", "2024-03-01T09:30:00Z"]),
    st.sampled_from(["2024-03-01T09:30:00+02:00", "2024-03-01 09:30", "", "1990-13-01"]),
)
_json = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["label", "weight"]), inner)
    ),
    max_leaves=6,
)
_keys = st.sampled_from(
    [
        "id",
        "name",
        "active",
        "score",
        "mood",
        "strictMood",
        "born",
        "seenAt",
        "leaf",
        "leaves",
        "tags",
        "either",
        "unknownKey",
    ]
)


def _outcome(conv: Any, data: Any) -> tuple[str, Any]:
    try:
        obj = conv.structure(data, Every)
    except Exception as err:
        return "error", str(_decode_error(data, Every, err))
    return "ok", (obj, type(obj.mood), type(obj.strict_mood), obj.to_dict(), dict(obj.extra))


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_keys, _json, max_size=13))
def test_fast_and_detailed_paths_agree_on_any_json(data: dict[str, Any]) -> None:
    """Whatever the JSON, both paths build equal objects (types of enum fields included) or
    raise the same explanation."""
    assert _outcome(FAST, data) == _outcome(SLOW, data)


WELL_FORMED = {
    "id": 1,
    "name": "n",
    "active": True,
    "score": 1.5,
    "mood": "sad",
    "strictMood": "sad",
    "born": "1990-12-10",
    "seenAt": "2024-03-01T09:30:00Z",
    "leaf": {"label": "x", "weight": None, "colour": "red"},
    "leaves": [{"label": "y"}],
    "tags": ["a"],
    "either": "e",
    "later": {"added": True},
}


def test_a_well_formed_answer_takes_every_field_as_documented() -> None:
    """The common case: members for known enum values, parsed dates, extra keys kept."""
    obj = FAST.structure(WELL_FORMED, Every)
    assert obj.mood is Mood.SAD
    assert obj.strict_mood is Mood.SAD
    assert obj.born == date(1990, 12, 10)
    assert obj.seen_at is not None
    assert obj.seen_at.tzinfo is not None
    assert obj.leaf is not None
    assert dict(obj.leaf.extra) == {"colour": "red"}
    assert dict(obj.extra) == {"later": {"added": True}}
    assert obj == SLOW.structure(WELL_FORMED, Every)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("id", "12", 12),  # a digit string is an int on both paths
        ("name", 5, "5"),  # a number is accepted for a string
        ("active", "true", True),
        ("mood", "angry", "angry"),  # an unknown enum value stays the string
        ("score", 2, 2.0),
    ],
)
def test_tolerant_conversions_still_apply(field: str, value: Any, expected: Any) -> None:
    """Values the fast path does not take as they are fall through to the converter's rules."""
    data = {"id": 1, "name": "n", "active": True, field: value}
    obj = FAST.structure(data, Every)
    assert getattr(obj, field) == expected
    assert type(getattr(obj, field)) is type(expected)


def test_a_bad_answer_still_gets_the_detailed_explanation() -> None:
    """A wrong shape names every bad field, as the detailed path always did."""
    from common.models import structure

    with pytest.raises(DecodeError) as caught:
        structure({"id": [], "name": None, "active": True, "leaves": [{"label": {}}]}, Every)
    assert caught.value.paths == ("$.id", "$.name", "$.leaves[0].label")
