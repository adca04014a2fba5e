"""The fast structuring path changes speed only: same objects, same errors as the detailed one."""

from __future__ import annotations

import copy
import enum
import pickle
import weakref
from collections.abc import Mapping
from datetime import date, datetime, timezone
from types import MappingProxyType
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


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


class Shade(enum.Enum):
    """A plain enum (no ``str`` mixin) with string values."""

    LIGHT = "light"
    DARK = "dark"


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
    owner: Leaf | int | None = None  # an Amiqus-style expandable field
    level: Level | None = None
    shade: Shade | None = None
    counts: list[int] | None = None
    internal: int = attrs.field(init=False, default=7)


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
        "owner",
        "level",
        "shade",
        "counts",
        "unknownKey",
    ]
)


def _outcome(conv: Any, data: Any) -> tuple[str, Any]:
    try:
        obj = conv.structure(data, Every)
    except Exception as err:
        return "error", str(_decode_error(data, Every, err))
    kinds = [type(getattr(obj, a.name)) for a in attrs.fields(Every)]
    return "ok", (obj, kinds, obj.to_dict(), dict(obj.extra))


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_keys, _json, max_size=18))
def test_fast_and_detailed_paths_agree_on_any_json(data: dict[str, Any]) -> None:
    """Whatever the JSON, both paths build equal objects (the class of every field included)
    or raise the same explanation."""
    assert _outcome(FAST, data) == _outcome(SLOW, data)


_leaf_object = st.fixed_dictionaries(
    {"label": st.text(max_size=3)},
    optional={"weight": st.one_of(st.none(), st.floats(allow_nan=False)), "colour": _json},
)
#: Per key, values of the documented shape (and a few the converter accepts another way).
_fitting: dict[str, Any] = {
    "id": st.integers(),
    "name": st.text(max_size=5),
    "active": st.booleans(),
    "score": st.one_of(st.none(), st.floats(allow_nan=False)),
    "mood": st.sampled_from([None, "happy", "sad", "angry"]),
    "strictMood": st.sampled_from(["happy", "sad", "meh"]),
    "born": st.sampled_from([None, "1990-12-10", "2024-02-29", "2024-03-01T09:30:00Z"]),
    "seenAt": st.sampled_from(
        [
            None,
            "2024-03-01T09:30:00Z",
            "2024-03-01T09:30:00+02:00",
            "2024-03-01 09:30",
            "2024-03-01T09:30:00.1234567Z",  # refused by fromisoformat: the RFC 3339 parser
            "2024-03-01t09:30:60z",
        ]
    ),
    "leaf": st.one_of(st.none(), _leaf_object),
    "leaves": st.lists(_leaf_object, max_size=2),
    "tags": st.one_of(st.none(), st.lists(st.text(max_size=3), max_size=2)),
    "either": st.one_of(st.none(), st.integers(), st.text(max_size=3)),
    "owner": st.one_of(st.none(), st.integers(), _leaf_object),
    "level": st.sampled_from([None, 1, 2, 3]),
    "shade": st.sampled_from([None, "light", "dark", "dusk"]),
    "counts": st.one_of(st.none(), st.lists(st.integers(), max_size=3)),
}


_spoiler = st.one_of(st.none(), st.tuples(st.sampled_from(sorted(_fitting)), _json))


def _spoiled(data: dict[str, Any], spoiler: tuple[str, Any] | None) -> dict[str, Any]:
    """*data* with at most one value replaced by any JSON."""
    if spoiler is not None:
        data[spoiler[0]] = spoiler[1]
    return data


@settings(max_examples=400, deadline=None)
@given(st.fixed_dictionaries(_fitting, optional={"unknownKey": _json}), _spoiler)
def test_fast_and_detailed_paths_agree_when_every_key_is_sent(
    data: dict[str, Any], spoiler: tuple[str, Any] | None
) -> None:
    """Every field's key present (the fast path's one-lookup case), values of the documented
    shape but at most one: the same objects or the same explanation."""
    data = _spoiled(data, spoiler)
    assert _outcome(FAST, data) == _outcome(SLOW, data)


_REQUIRED = ("id", "name", "active")


@settings(max_examples=400, deadline=None)
@given(
    st.fixed_dictionaries(
        {key: _fitting[key] for key in _REQUIRED},
        optional={**{k: v for k, v in _fitting.items() if k not in _REQUIRED}, "unknownKey": _json},
    ),
    _spoiler,
)
def test_fast_and_detailed_paths_agree_when_keys_are_left_out(
    data: dict[str, Any], spoiler: tuple[str, Any] | None
) -> None:
    """Optional keys left out (their defaults), values of the documented shape but at most
    one: the same objects or the same explanation."""
    data = _spoiled(data, spoiler)
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
    "owner": {"label": "o"},
    "level": 2,
    "shade": "dark",
    "counts": [1, 2],
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
    assert obj.owner == Leaf(label="o")
    assert obj.level is Level.HIGH
    assert obj.shade is Shade.DARK
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


def test_an_object_built_on_the_fast_path_is_an_ordinary_frozen_instance() -> None:
    """Built without its __init__, the object is still exactly what __init__ builds: its own
    class, frozen, hashable, picklable, copyable, weakly referable, every field set."""
    fast = FAST.structure(WELL_FORMED, Every)
    slow = SLOW.structure(WELL_FORMED, Every)
    assert type(fast) is Every
    assert type(fast.leaf) is Leaf
    assert fast == slow
    assert hash(fast.leaf) == hash(slow.leaf)
    assert repr(fast) == repr(slow)
    assert fast.internal == 7  # a field without an __init__ argument takes its default
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.name = "changed"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del fast.name
    for copied in (pickle.loads(pickle.dumps(fast)), copy.copy(fast), copy.deepcopy(fast)):
        assert copied == fast
        assert type(copied) is Every
    assert attrs.evolve(fast, name="m").name == "m"
    assert weakref.ref(fast)() is fast


@wire_names("camel")
@attrs.frozen(kw_only=True)
class Node(Model):
    """A class that contains itself."""

    name: str
    parent: Node | None = None
    children: list[Node] = attrs.field(factory=list)


def test_a_class_that_contains_itself_structures_at_any_depth() -> None:
    """A recursive model compiles (its fast function calls itself) and agrees with the
    detailed path, unknown keys kept at every level."""
    data = {
        "name": "root",
        "parent": {"name": "up", "extra": 1},
        "children": [{"name": "a", "children": [{"name": "b", "tag": "x"}]}],
    }
    fast = FAST.structure(data, Node)
    assert fast == SLOW.structure(data, Node)
    assert fast.children[0].children[0].name == "b"
    assert dict(fast.children[0].children[0].extra) == {"tag": "x"}
    assert fast.parent is not None
    assert dict(fast.parent.extra) == {"extra": 1}


@attrs.frozen
class Checked(Model):
    """Validators and a post-init hook: built through its own __init__ on both paths."""

    size: int = attrs.field(validator=attrs.validators.ge(0))
    label: str = "x"
    seen: list[str] = attrs.field(factory=list, init=False)

    def __attrs_post_init__(self) -> None:
        self.seen.append(self.label)


@pytest.mark.parametrize(
    "data",
    [{"size": 3}, {"size": 3, "label": "y", "more": True}, {"size": -1}, {"size": "4"}, {}],
)
def test_validators_and_post_init_run_on_the_fast_path_too(data: dict[str, Any]) -> None:
    """A class whose __init__ does more than store its fields is built by it: the validator
    refuses the same values, the post-init hook runs once, on both paths."""
    assert _either(FAST, data, Checked) == _either(SLOW, data, Checked)
    if data.get("size") == 3:
        assert FAST.structure(data, Checked).seen == [data.get("label", "x")]


def _either(conv: Any, data: Any, cls: Any) -> tuple[str, Any]:
    try:
        obj = conv.structure(data, cls)
    except Exception as err:
        return "error", str(_decode_error(data, cls, err))
    return "ok", (obj, dict(obj.extra))


def test_hooks_registered_for_a_nested_class_or_an_enum_are_used() -> None:
    """The fast path inlines only the library's own rules: a hook someone registers for a
    nested class or an enum is called as the detailed path calls it."""
    conv = make_converter()
    conv.register_structure_hook(Leaf, lambda value, _: Leaf(label=value["label"].upper()))
    conv.register_structure_hook(Mood, lambda value, _: Mood.SAD)
    data = dict(WELL_FORMED, leaf={"label": "x"}, mood="happy", strictMood="happy")
    obj = conv.structure(data, Every)
    assert obj.leaf == Leaf(label="X")
    assert obj.leaves == [Leaf(label="Y")]
    assert obj.strict_mood is Mood.SAD
    assert obj.mood is Mood.SAD


class _ReadOnly(Mapping[str, Any]):
    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Any:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


@pytest.mark.parametrize("wrap", [MappingProxyType, _ReadOnly])
def test_a_mapping_that_is_not_a_dict_takes_the_detailed_path(wrap: Any) -> None:
    """Only a plain dict (what a JSON decoder gives) takes the fast path; any other mapping
    still structures, to the same object."""
    assert FAST.structure(wrap(WELL_FORMED), Every) == SLOW.structure(WELL_FORMED, Every)


def test_a_timestamp_python_refuses_still_parses_on_the_fast_path() -> None:
    """What ``datetime.fromisoformat`` refuses is read by the RFC 3339 parser, as before."""
    obj = FAST.structure(dict(WELL_FORMED, seenAt="2024-03-01T09:30:00.1234567Z"), Every)
    assert obj.seen_at == datetime(2024, 3, 1, 9, 30, 0, 123456, tzinfo=timezone.utc)
