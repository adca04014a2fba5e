"""Forward compatibility: answer models keep what the vendor sent and we do not model yet."""

from __future__ import annotations

import enum
import pickle
from typing import Any

import attrs
import pytest

from common import DecodeError, Model
from common.models import structure, unstructure, wire_names


class Colour(str, enum.Enum):
    RED = "red"


@wire_names("pascal")
@attrs.frozen
class Part(Model):
    name: str


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Thing(Model):
    id: int
    colour: Colour | str
    parts: list[Part] = attrs.field(factory=list)
    main: Part | None = None


@wire_names("pascal")
@attrs.frozen
class Body:
    """A request body: not a Model, unknown keys are not kept."""

    name: str


SENT: dict[str, Any] = {
    "Id": 7,
    "Colour": "ultraviolet",
    "Parts": [{"Name": "a", "Weight": 3}, {"Name": "b"}],
    "Main": {"Name": "m", "Serial": "S-1"},
    "LaunchedIn": "2027",
    "Tags": ["x", "y"],
}


def test_unknown_keys_are_kept_in_extra_at_every_level() -> None:
    """Keys without a field are readable on the object they were sent with, as decoded."""
    thing = structure(SENT, Thing)
    assert thing.colour == "ultraviolet"
    assert dict(thing.extra) == {"LaunchedIn": "2027", "Tags": ["x", "y"]}
    assert dict(thing.parts[0].extra) == {"Weight": 3}
    assert dict(thing.parts[1].extra) == {}
    assert thing.main is not None
    assert dict(thing.main.extra) == {"Serial": "S-1"}


def test_to_dict_gives_back_everything_that_was_sent() -> None:
    """to_dict() round-trips the vendor's object, unknown keys and enum values included."""
    assert structure(SENT, Thing).to_dict() == SENT


def test_extra_is_read_only_and_empty_by_default() -> None:
    """A model built in code has no extra keys; the mapping cannot be changed."""
    built = Thing(id=1, colour=Colour.RED)
    assert dict(built.extra) == {}
    assert built.to_dict() == {"Id": 1, "Colour": "red", "Parts": [], "Main": None}
    kept = structure(SENT, Thing).extra
    with pytest.raises(TypeError):
        kept["LaunchedIn"] = "x"  # type: ignore[index]


def test_extra_takes_no_part_in_equality_or_repr() -> None:
    """Two answers that differ only in keys we do not model compare equal; repr stays short."""
    a = structure({"Name": "n", "New": 1}, Part)
    b = structure({"Name": "n", "New": 2}, Part)
    assert a == b
    assert repr(a) == "Part(name='n')"


def test_request_bodies_ignore_unknown_keys() -> None:
    """Classes that are not Models keep the old rule: unknown keys are ignored."""
    body = structure({"Name": "n", "Other": 1}, Body)
    assert unstructure(body) == {"Name": "n"}


def test_a_model_survives_pickling_without_its_fields_changing() -> None:
    """Pickle keeps the fields (extra keys are documented as not carried)."""
    thing = structure(SENT, Thing)
    again = pickle.loads(pickle.dumps(thing))
    assert again == thing


def test_decode_error_keeps_the_whole_body_and_the_failing_wire_paths() -> None:
    """A wrong shape loses nothing: the decoded body is on the error, paths use JSON keys."""
    sent = {"Id": "seven", "Colour": "red", "Parts": [{"Name": "a"}, {"Name": None}], "X": 1}
    with pytest.raises(DecodeError) as caught:
        structure(sent, Thing)
    err = caught.value
    assert err.body == sent
    assert err.paths == ("$.Id", "$.Parts[1].Name")
    assert err.path == "$.Id"
    assert "@ $.Parts[1].Name" in str(err)


def test_decode_error_of_a_list_indexes_the_body() -> None:
    """The path of a failure inside a list answer indexes the body as sent."""
    with pytest.raises(DecodeError) as caught:
        structure([{"Name": "a"}, {"Name": []}], list[Part])
    err = caught.value
    assert err.path == "$[1].Name"
    assert err.body[1] == {"Name": []}
