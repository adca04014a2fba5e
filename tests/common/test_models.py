"""The shared converter: wire names, timestamps, tolerant enums, unions, PATCH bodies, errors."""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta, timezone
from typing import Any, Generic, Literal, TypeVar, get_origin

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from common._sentinel import NOT_GIVEN, NotGivenOr
from common.errors import DecodeError
from common.models import (
    UnixMillis,
    make_converter,
    structure,
    unstructure,
    wire,
    wire_names,
)
from common.models import _parse_rfc3339 as parse_rfc3339_fallback

UTC = timezone.utc
PLUS_ONE = timezone(timedelta(hours=1))
MINUS_FIVE_THIRTY = timezone(-timedelta(hours=5, minutes=30))
T = TypeVar("T")


class Status(str, enum.Enum):
    ACTIVE = "active"
    CLOSED = "closed"


class Priority(enum.IntEnum):
    LOW = 1
    HIGH = 2


class Colour(enum.Enum):
    RED = "red"


@attrs.frozen
class Stamped:
    at: datetime
    on: date | None = None


@attrs.frozen
class Client:
    id: int
    name: str
    email: str | None = None


@attrs.frozen
class ClientRef:
    id: int
    object: Literal["client"]


@attrs.frozen
class Source:
    id: int
    object: Literal["source"]
    name: str = ""
    url: str | None = None


@attrs.frozen
class SourceRef:
    id: int
    object: Literal["source"]


@attrs.frozen
class Record:
    """An Amiqus-style record with expandable properties."""

    id: int
    client: int | Client
    clients: list[int] | list[Client] = attrs.Factory(list)
    source: Source | SourceRef | None = None
    status: Status | str = Status.ACTIVE
    strict_status: Status = Status.ACTIVE


@wire_names("pascal")
@attrs.frozen
class Intake:
    id: str
    client_id: int = attrs.field(metadata=wire("ClientID"))
    date_created: UnixMillis
    first_name: str
    completed: UnixMillis | None = None
    priority: Priority | None = None


@wire_names("camel")
@attrs.frozen
class Camel:
    first_name: str
    url_v2: str
    id: int


@wire_names("snake")
@attrs.frozen
class Snaky:
    from_: str
    type: str


@attrs.frozen
class Plain:
    first_name: str
    odd: str = attrs.field(default="", metadata=wire("ODD-key"))


@attrs.frozen
class Address:
    city: NotGivenOr[str] = NOT_GIVEN
    zip: NotGivenOr[str | None] = NOT_GIVEN


@attrs.frozen
class UpdateClient:
    name: NotGivenOr[str] = NOT_GIVEN
    email: NotGivenOr[str | None] = NOT_GIVEN
    address: NotGivenOr[Address | None] = NOT_GIVEN
    tags: NotGivenOr[list[str]] = NOT_GIVEN


@wire_names("pascal")
@attrs.frozen
class UpdateIntake:
    first_name: NotGivenOr[str | None] = NOT_GIVEN
    date_created: NotGivenOr[UnixMillis | None] = NOT_GIVEN
    client_id: NotGivenOr[int] = attrs.field(default=NOT_GIVEN, metadata=wire("ClientID"))


@attrs.frozen
class Scalars:
    text: str
    count: int
    ratio: float
    flag: bool


@attrs.frozen
class Numbers:
    either: bool | int | str


@attrs.frozen
class Tagged:
    tags: list[str]


@attrs.frozen
class Batch:
    items: list[Client]


@wire_names("pascal")
@attrs.frozen
class Page(Generic[T]):
    items: list[T]
    total_count: int


# ----------------------------------------------------------------------------- date-times

DATETIME_CASES = [
    ("2024-05-01T10:00:00Z", datetime(2024, 5, 1, 10, 0, tzinfo=UTC)),
    ("2024-05-01T10:00:00+01:00", datetime(2024, 5, 1, 10, 0, tzinfo=PLUS_ONE)),
    ("2024-05-01T10:00:00-05:30", datetime(2024, 5, 1, 10, 0, tzinfo=MINUS_FIVE_THIRTY)),
    ("2024-05-01T10:00:00.123Z", datetime(2024, 5, 1, 10, 0, 0, 123000, tzinfo=UTC)),
    ("2024-05-01T10:00:00.5+01:00", datetime(2024, 5, 1, 10, 0, 0, 500000, tzinfo=PLUS_ONE)),
    ("2024-05-01T10:00:00.1234567Z", datetime(2024, 5, 1, 10, 0, 0, 123456, tzinfo=UTC)),
    ("2024-05-01T10:00:00", datetime(2024, 5, 1, 10, 0, tzinfo=UTC)),
    ("2024-05-01T10:00:00.250", datetime(2024, 5, 1, 10, 0, 0, 250000, tzinfo=UTC)),
    ("2024-05-01 10:00:00+00:00", datetime(2024, 5, 1, 10, 0, tzinfo=UTC)),
]


@pytest.mark.parametrize(("text", "expected"), DATETIME_CASES)
def test_datetime_strings_become_aware_datetimes(text: str, expected: datetime) -> None:
    """RFC 3339 strings (Z, offsets, fractions, naive) structure to aware datetimes."""
    got = structure({"at": text}, Stamped).at
    assert got == expected
    assert got.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(("text", "expected"), DATETIME_CASES)
def test_fallback_parser_handles_what_python_3_10_refuses(text: str, expected: datetime) -> None:
    """The regex fallback (the path Python 3.10 takes for `Z`) parses the same table."""
    got = parse_rfc3339_fallback(text)
    assert got == expected
    assert got.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-01t10:00:00z", datetime(2024, 5, 1, 10, 0, tzinfo=UTC)),
        ("2016-12-31T23:59:60Z", datetime(2016, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)),
    ],
)
def test_lowercase_separators_and_leap_seconds_are_accepted(text: str, expected: datetime) -> None:
    """Forms `fromisoformat` refuses on every version still parse."""
    assert structure({"at": text}, Stamped).at == expected


@pytest.mark.parametrize(
    "bad",
    ["not a date", "", "2024-13-01T00:00:00Z", "2024-05-01T25:00:00Z", 1714557600, None, [], {}],
)
def test_garbage_datetimes_raise_decode_error(bad: Any) -> None:
    """Anything but a valid date-time string is a DecodeError naming the field."""
    with pytest.raises(DecodeError, match=r"@ \$\.at"):
        structure({"at": bad}, Stamped)


@pytest.mark.parametrize(
    ("value", "wire_form"),
    [
        (datetime(2024, 5, 1, 10, 0, 0, 123456, tzinfo=UTC), "2024-05-01T10:00:00Z"),
        (datetime(2024, 5, 1, 10, 0, tzinfo=PLUS_ONE), "2024-05-01T10:00:00+01:00"),
        (datetime(2024, 5, 1, 10, 0), "2024-05-01T10:00:00Z"),
    ],
)
def test_datetimes_unstructure_to_the_wire_form(value: datetime, wire_form: str) -> None:
    """UTC (and naive) datetimes are sent as `...Z` without microseconds; offsets kept."""
    assert unstructure(Stamped(at=value)) == {"at": wire_form, "on": None}


def test_dates_round_trip_as_iso_strings() -> None:
    """A `date` reads and writes `YYYY-MM-DD`."""
    obj = structure({"at": "2024-05-01T00:00:00Z", "on": "2024-02-29"}, Stamped)
    assert obj.on == date(2024, 2, 29)
    assert unstructure(obj)["on"] == "2024-02-29"


def test_a_timestamp_sent_for_a_date_keeps_its_date() -> None:
    """Some APIs send a midnight timestamp where a date is documented."""
    assert structure(
        {"at": "2024-05-01T00:00:00Z", "on": "2024-02-29T00:00:00Z"}, Stamped
    ).on == date(2024, 2, 29)


@pytest.mark.parametrize("bad", ["2024-02-30", "29/02/2024", 20240229])
def test_bad_dates_raise_decode_error(bad: Any) -> None:
    """An impossible or foreign date is a DecodeError at its path."""
    with pytest.raises(DecodeError, match=r"@ \$\.on"):
        structure({"at": "2024-05-01T00:00:00Z", "on": bad}, Stamped)


# ----------------------------------------------------------------------------- UnixMillis

MILLIS = 1_700_000_000_123
MILLIS_DT = datetime(2023, 11, 14, 22, 13, 20, 123000, tzinfo=UTC)


@pytest.mark.parametrize("raw", [MILLIS, float(MILLIS), str(MILLIS), f" {MILLIS} "])
def test_unix_millis_structure_to_aware_utc(raw: Any) -> None:
    """Millisecond epochs (int, float or digit string) become aware UTC datetimes."""
    obj = structure(
        {"Id": "a", "ClientID": 1, "DateCreated": raw, "FirstName": "Ada", "Completed": None},
        Intake,
    )
    assert obj.date_created == MILLIS_DT
    assert obj.date_created.tzinfo is UTC
    assert obj.completed is None


def test_unix_millis_unstructure_to_int_milliseconds() -> None:
    """A UnixMillis field (plain or optional) is sent back as integer milliseconds."""
    obj = Intake(
        id="a",
        client_id=1,
        date_created=UnixMillis(MILLIS_DT),
        first_name="Ada",
        completed=UnixMillis(MILLIS_DT + timedelta(seconds=1)),
    )
    body = unstructure(obj)
    assert body["DateCreated"] == MILLIS
    assert body["Completed"] == MILLIS + 1000
    assert isinstance(body["DateCreated"], int)


def test_naive_unix_millis_are_taken_as_utc() -> None:
    """A naive datetime in a UnixMillis field is sent as if it were UTC."""
    naive = UnixMillis(MILLIS_DT.replace(tzinfo=None))
    body = unstructure(Intake(id="a", client_id=1, date_created=naive, first_name="Ada"))
    assert body["DateCreated"] == MILLIS


@pytest.mark.parametrize("bad", ["soon", True, [], {}, None, 10**30])
def test_bad_unix_millis_raise_decode_error(bad: Any) -> None:
    """A non-numeric, overflowing or null epoch is a DecodeError at its path."""
    with pytest.raises(DecodeError, match=r"@ \$\.DateCreated"):
        structure({"Id": "a", "ClientID": 1, "DateCreated": bad, "FirstName": "A"}, Intake)


# ----------------------------------------------------------------------------- wire names


def test_pascal_names_both_ways_with_a_per_field_override() -> None:
    """`@wire_names("pascal")` maps snake attributes to PascalCase; `wire()` overrides one."""
    data = {"Id": "q-1", "ClientID": 7, "DateCreated": MILLIS, "FirstName": "Ada", "Priority": 2}
    obj = structure(data, Intake)
    assert (obj.id, obj.client_id, obj.first_name, obj.priority) == ("q-1", 7, "Ada", Priority.HIGH)
    assert unstructure(obj) == {**data, "Completed": None}


def test_camel_names_both_ways() -> None:
    """`@wire_names("camel")` maps `first_name` to `firstName` and leaves `id` alone."""
    data = {"firstName": "Ada", "urlV2": "https://x", "id": 3}
    obj = structure(data, Camel)
    assert obj == Camel(first_name="Ada", url_v2="https://x", id=3)
    assert unstructure(obj) == data


def test_snake_style_drops_the_keyword_underscore() -> None:
    """`from_` is sent and read as `from` under the snake style."""
    obj = structure({"from": "a", "type": "b"}, Snaky)
    assert obj == Snaky(from_="a", type="b")
    assert unstructure(obj) == {"from": "a", "type": "b"}


def test_undecorated_classes_keep_attribute_names_and_honour_overrides() -> None:
    """Without the decorator keys are attribute names, except those named by `wire()`."""
    obj = structure({"first_name": "Ada", "ODD-key": "x"}, Plain)
    assert obj == Plain(first_name="Ada", odd="x")
    assert unstructure(obj) == {"first_name": "Ada", "ODD-key": "x"}


def test_generic_models_use_their_wire_style() -> None:
    """A generic attrs page keeps its PascalCase names for any item type."""
    page = structure({"Items": [{"id": 1, "name": "A"}], "TotalCount": 1}, Page[Client])
    assert page.items == [Client(id=1, name="A")]
    assert page.total_count == 1


def test_wire_names_refuses_a_class_that_is_not_attrs() -> None:
    """Decorating a plain class (decorators in the wrong order) fails loudly."""
    with pytest.raises(TypeError, match="above an attrs class"):
        wire_names("pascal")(type("NotAttrs", (), {}))


def test_wire_names_refuses_an_unknown_style() -> None:
    """Only snake, pascal and camel exist."""
    with pytest.raises(ValueError, match="wire style"):
        wire_names("kebab")  # type: ignore[arg-type]


def test_unknown_keys_are_ignored() -> None:
    """Keys the model does not declare never cause an error."""
    obj = structure({"id": 1, "name": "A", "brand_new_field": {"x": [1]}, "Name": "B"}, Client)
    assert obj == Client(id=1, name="A")


# ----------------------------------------------------------------------------- enums


@pytest.mark.parametrize(
    ("raw", "status", "strict_status"),
    [
        ("closed", Status.CLOSED, Status.CLOSED),
        ("archived", "archived", "archived"),
    ],
)
def test_enum_fields_keep_unknown_values_as_strings(
    raw: str, status: Any, strict_status: Any
) -> None:
    """Known values become members; unknown ones stay strings, `Status | str` or just `Status`."""
    obj = structure({"id": 1, "client": 1, "status": raw, "strict_status": raw}, Record)
    assert obj.status == status
    assert type(obj.status) is type(status)
    assert obj.strict_status == strict_status
    assert type(obj.strict_status) is type(strict_status)


def test_int_and_plain_enums_are_tolerant_too() -> None:
    """An unknown int for an IntEnum and an unknown string for a plain Enum are kept."""
    assert structure(9, Priority) == 9
    assert structure(2, Priority) is Priority.HIGH
    unknown: object = structure("blue", Colour)
    assert unknown == "blue"
    assert structure("red", Colour) is Colour.RED


@pytest.mark.parametrize("bad", [1, True, None, ["active"], {"v": "active"}])
def test_an_enum_value_of_the_wrong_json_type_is_an_error(bad: Any) -> None:
    """Tolerance covers new values, not values of the wrong type."""
    with pytest.raises(DecodeError, match=r"@ \$\.strict_status"):
        structure({"id": 1, "client": 1, "strict_status": bad}, Record)


def test_enums_unstructure_to_plain_values() -> None:
    """Members are sent as their value, kept unknown strings as themselves."""
    record = Record(id=1, client=2, status="archived", strict_status=Status.CLOSED)
    body = unstructure(record)
    assert body["status"] == "archived"
    assert body["strict_status"] == "closed"
    assert type(body["strict_status"]) is str


# ----------------------------------------------------------------------------- unions


@pytest.mark.parametrize(
    ("client", "expected"),
    [
        (42, 42),
        ({"id": 42, "name": "Ada"}, Client(id=42, name="Ada")),
        ("42", 42),
    ],
)
def test_expandable_field_accepts_id_or_object(client: Any, expected: Any) -> None:
    """`int | Client` takes a collapsed id or the expanded object."""
    assert structure({"id": 1, "client": client}, Record).client == expected


@pytest.mark.parametrize(
    ("clients", "expected"),
    [
        ([1, 2], [1, 2]),
        ([{"id": 1, "name": "A"}], [Client(id=1, name="A")]),
        ([], []),
    ],
)
def test_expandable_list_decides_on_its_first_element(clients: Any, expected: Any) -> None:
    """`list[int] | list[Client]` picks the member from the first element (any when empty)."""
    assert structure({"id": 1, "client": 1, "clients": clients}, Record).clients == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (None, None),
        ({"id": 5, "object": "source"}, SourceRef(id=5, object="source")),
        (
            {"id": 5, "object": "source", "name": "Web", "url": "https://x"},
            Source(id=5, object="source", name="Web", url="https://x"),
        ),
    ],
)
def test_full_object_and_reference_are_told_apart(source: Any, expected: Any) -> None:
    """`Source | SourceRef | None` picks the class that fits the keys best; null stays None."""
    got = structure({"id": 1, "client": 1, "source": source}, Record).source
    assert got == expected
    assert type(got) is type(expected)


def test_literal_fields_discriminate_between_classes() -> None:
    """A `Literal` `object` field rules out a class whose value differs."""
    assert structure({"id": 3, "object": "client"}, SourceRef | ClientRef) == ClientRef(
        id=3, object="client"
    )


@pytest.mark.parametrize(
    ("raw", "expected_type"),
    [(True, bool), (1, int), ("1", str), (False, bool)],
)
def test_scalar_unions_dispatch_on_json_type(raw: Any, expected_type: type) -> None:
    """`bool | int | str`: `true` is a bool, `1` an int, `"1"` a string."""
    got = structure({"either": raw}, Numbers).either
    assert got == raw
    assert type(got) is expected_type


@pytest.mark.parametrize("bad", [True, "forty", [1], None, {"id": "x", "name": "A"}], ids=repr)
def test_values_matching_no_union_member_raise_decode_error(bad: Any) -> None:
    """A value no member accepts is a DecodeError at the union field."""
    with pytest.raises(DecodeError, match=r"@ \$\.client"):
        structure({"id": 1, "client": bad}, Record)


def test_optional_plain_types_behave_as_usual() -> None:
    """`str | None` keeps None and strings; `int | None` accepts ints."""
    assert structure(None, str | None) is None
    assert structure("x", str | None) == "x"
    assert structure(5, int | None) == 5


def test_unions_unstructure_by_member() -> None:
    """Expanded objects unstructure to dicts, ids stay ints."""
    record = Record(id=1, client=Client(id=2, name="B"), clients=[3], source=SourceRef(5, "source"))
    body = unstructure(record)
    assert body["client"] == {"id": 2, "name": "B", "email": None}
    assert body["clients"] == [3]
    assert body["source"] == {"id": 5, "object": "source"}


# ----------------------------------------------------------------------------- request bodies


def test_not_given_fields_are_omitted_and_none_is_sent_as_null() -> None:
    """PATCH semantics: NOT_GIVEN leaves the key out, None sends null."""
    assert unstructure(UpdateClient()) == {}
    assert unstructure(UpdateClient(name="Ada", email=None)) == {"name": "Ada", "email": None}


def test_not_given_is_omitted_in_nested_bodies_and_lists() -> None:
    """Nested request objects and lists of them drop their own NOT_GIVEN fields."""
    body = UpdateClient(address=Address(zip=None), tags=["a"])
    assert unstructure(body) == {"address": {"zip": None}, "tags": ["a"]}
    assert unstructure([UpdateClient(address=None), Address(city="X")]) == [
        {"address": None},
        {"city": "X"},
    ]


def test_not_given_works_with_wire_names_and_unix_millis() -> None:
    """A PascalCase body keeps its names, sends millis and omits what was not given."""
    body = UpdateIntake(first_name=None, date_created=UnixMillis(MILLIS_DT), client_id=4)
    assert unstructure(body) == {"FirstName": None, "DateCreated": MILLIS, "ClientID": 4}
    assert unstructure(UpdateIntake(client_id=4)) == {"ClientID": 4}


def test_request_bodies_structure_back_with_defaults() -> None:
    """An emulator can read a body: absent keys stay NOT_GIVEN, nulls become None."""
    got = structure({"email": None, "address": {"city": "Leeds"}}, UpdateClient)
    assert got == UpdateClient(email=None, address=Address(city="Leeds"))
    assert got.name is NOT_GIVEN


def test_not_given_outside_a_field_cannot_be_sent() -> None:
    """NOT_GIVEN has no JSON form of its own."""
    with pytest.raises(TypeError, match="NOT_GIVEN"):
        unstructure([NOT_GIVEN])


# ----------------------------------------------------------------------------- scalars


@pytest.mark.parametrize(
    ("field", "raw", "expected"),
    [
        ("text", 12, "12"),
        ("count", "12", 12),
        ("count", 12.0, 12),
        ("ratio", 2, 2.0),
        ("ratio", "2.5", 2.5),
        ("flag", "false", False),
        ("flag", 1, True),
    ],
)
def test_scalars_accept_lossless_coercions(field: str, raw: Any, expected: Any) -> None:
    """Numbers for strings, digit strings for numbers and 0/1/"true"/"false" for bools."""
    data = {"text": "t", "count": 0, "ratio": 0.0, "flag": True, field: raw}
    got = getattr(structure(data, Scalars), field)
    assert got == expected
    assert type(got) is type(expected)


@pytest.mark.parametrize(
    ("field", "raw"),
    [
        ("text", None),
        ("text", {"a": 1}),
        ("text", True),
        ("count", True),
        ("count", 1.5),
        ("count", None),
        ("ratio", "fast"),
        ("flag", "yes"),
        ("flag", 2),
    ],
)
def test_scalars_refuse_values_of_another_shape(field: str, raw: Any) -> None:
    """`null` in a `str` field is an error, not the string "None"."""
    data = {"text": "t", "count": 0, "ratio": 0.0, "flag": True, field: raw}
    with pytest.raises(DecodeError, match=rf"@ \$\.{field}"):
        structure(data, Scalars)


@pytest.mark.parametrize("bad", ["abc", {"a": "b"}, None, 5])
def test_lists_require_a_json_array(bad: Any) -> None:
    """A string is not silently split into characters for `list[str]`."""
    with pytest.raises(DecodeError, match=r"expected an array.* @ \$\.tags"):
        structure({"tags": bad}, Tagged)


# ----------------------------------------------------------------------------- errors


def test_decode_error_names_the_model_and_nested_path() -> None:
    """The message names the model and every bad field's path; the cause is kept."""
    with pytest.raises(DecodeError) as caught:
        structure({"items": [{"id": 1, "name": "A"}, {"id": "x"}]}, Batch)
    message = str(caught.value)
    assert "Batch" in message
    assert "@ $.items[1].id" in message
    assert "required field missing @ $.items[1].name" in message
    assert caught.value.__cause__ is not None


def test_decode_error_carries_an_excerpt_of_the_data() -> None:
    """`excerpt` shows the start of the offending data, bounded in length."""
    data = {"id": "nope", "name": "x" * 1000}
    with pytest.raises(DecodeError) as caught:
        structure(data, Client)
    assert caught.value.excerpt.startswith("{'id': 'nope', 'name': 'xxx")
    assert len(caught.value.excerpt) <= 200


@pytest.mark.parametrize("bad", [[], "client", 3, None, True])
def test_a_non_object_for_a_model_is_one_clear_error(bad: Any) -> None:
    """A model given a non-object fails once at `$`, not once per field."""
    with pytest.raises(DecodeError, match=r"^response does not match Client: expected an object"):
        structure(bad, Client)


def test_undecidable_types_still_raise_decode_error() -> None:
    """Even a type the converter cannot handle surfaces as DecodeError."""
    with pytest.raises(DecodeError):
        structure({"x": 1}, object())


def test_a_fast_converter_agrees_with_the_detailed_one() -> None:
    """`make_converter(detailed_validation=False)` builds the same objects."""
    data = {"id": 1, "client": {"id": 2, "name": "B"}, "clients": [3], "status": "new"}
    assert make_converter(detailed_validation=False).structure(data, Record) == structure(
        data, Record
    )


# ----------------------------------------------------------------------------- fuzzing

FUZZ_KEYS = ["id", "client", "clients", "source", "status", "object", "name", "strict_status"]
FUZZ_KEYS += ["Id", "ClientID", "DateCreated", "FirstName", "Completed", "Priority", "Items"]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["2024-05-01T10:00:00Z", "active", "source", "client", "1700000000000"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(FUZZ_KEYS) | st.text(max_size=8),
            children,
            max_size=6,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(data=json_values)
@pytest.mark.parametrize("model", [Record, Intake, UpdateClient, Page[Client]])
def test_arbitrary_json_either_structures_or_raises_decode_error(model: Any, data: Any) -> None:
    """Random JSON never escapes as anything but a model or a DecodeError."""
    outcome: object
    try:
        outcome = structure(data, model)
    except DecodeError as err:
        outcome = err
    assert isinstance(outcome, (DecodeError, get_origin(model) or model))


def test_not_given_is_left_out_even_when_the_default_is_computed() -> None:
    """A NotGivenOr[int] field whose default is a factory still drops NOT_GIVEN (never sends 1)."""

    @attrs.frozen
    class Body:
        count: NotGivenOr[int] = attrs.field(factory=lambda: NOT_GIVEN)
        flag: NotGivenOr[bool] = attrs.field(factory=lambda: NOT_GIVEN)
        name: NotGivenOr[str | None] = attrs.field(factory=lambda: NOT_GIVEN)

    assert unstructure(Body()) == {}
    assert unstructure(Body(count=3, name=None)) == {"count": 3, "name": None}
