"""common.Resource's verbs, declared filters and deprecated aliases, on a demo vendor."""

from __future__ import annotations

import inspect
import json
import warnings
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta, timezone
from typing import Any, Literal

import aiohttp
import attrs
import pytest
from aioresponses import aioresponses
from yarl import URL

from common import (
    AsyncPager,
    CallEvent,
    Download,
    FileSource,
    Filters,
    Hooks,
    InvalidRequestError,
    Model,
    NotFoundError,
    PageNumberPaging,
    Resource,
    Unpaged,
    Upload,
    deprecated_alias,
    filter_names,
    filtered,
    rendered_by,
    replaced_by,
)
from common.models import wire, wire_names

from .support import BASE, FAST_RETRIES, DemoClient


@attrs.frozen
class Note(Model):
    id: int
    title: str


@attrs.frozen
class NoteInput:
    title: str


@wire_names("camel")
@attrs.frozen(kw_only=True)
class NoteFilters(Filters):
    client_id: int | None = None
    start_date: date | None = None
    created_after: datetime | date | None = None
    order: Literal["asc", "desc"] | None = None
    from_day: date | None = attrs.field(default=None, metadata=wire("from"))
    tags: list[str] | None = None
    custom: dict[str, str] | None = attrs.field(
        default=None, metadata=rendered_by(lambda v: {f"custom.{k}": x for k, x in v.items()})
    )
    old_start: date | None = attrs.field(default=None, metadata=replaced_by("start_date"))


@attrs.frozen(kw_only=True)
class SpacedFilters(NoteFilters):
    """A vendor whose moments go out as ``YYYY-MM-DD HH:MM:SS``, its days as ``DD/MM/YYYY``."""

    @staticmethod
    def format_datetime(value: datetime) -> str:
        return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")

    @staticmethod
    def format_date(value: date) -> str:
        return value.strftime("%d/%m/%Y")


class Notes(Resource):
    @filtered(NoteFilters)
    def list(self, filters: NoteFilters) -> AsyncPager[Note]:
        return self._list("/notes", model=Note, params=filters, paging=Unpaged())

    @filtered(NoteFilters)
    async def count(self, filters: NoteFilters) -> int:
        answer: dict[str, int] = await self._get(
            "/notes/count", model=dict[str, int], params=filters
        )
        return answer["count"]

    async def get(self, note_id: int | str) -> Note:
        return await self._get("/notes/{id}", {"id": note_id}, model=Note)

    async def create(self, note: NoteInput) -> Note:
        return await self._create("/notes", model=Note, body=note, envelope="note")

    async def update(self, note_id: int, note: NoteInput) -> Note:
        return await self._update(
            "/notes/{id}", {"id": note_id}, model=Note, body=note, method="PATCH"
        )

    async def delete(self, note_id: int) -> None:
        await self._delete("/notes/{id}", {"id": note_id})

    def download(self, note_id: int) -> Download:
        return self._download("/notes/{id}/pdf", {"id": note_id}, accept="application/pdf")

    async def upload(self, note_id: int, file: Upload | FileSource) -> None:
        await self._upload("/notes/{id}/files", {"id": note_id}, file=file, filename="scan.pdf")

    @deprecated_alias(list)
    def query(self) -> None:
        """Deprecated: the old name of list()."""

    @deprecated_alias(get)
    def fetch(self) -> None:
        """Deprecated: the old name of get()."""


class NotesClient(DemoClient):
    paging = PageNumberPaging(items_key=None, size_param=None, fixed_page_size=100)

    @property
    def notes(self) -> Notes:
        return Notes(self)


NOTE = {"id": 7, "title": "Intake"}


@pytest.fixture
async def demo() -> AsyncIterator[NotesClient]:
    async with NotesClient(base_url=BASE, retry=FAST_RETRIES) as client:
        yield client


def sent(mock: aioresponses) -> list[tuple[str, URL, dict[str, Any]]]:
    return [(m, u, c.kwargs) for (m, u), calls in mock.requests.items() for c in calls]


def body_of(kwargs: dict[str, Any]) -> Any:
    data = kwargs["data"]
    return json.loads(data if isinstance(data, bytes) else b"".join([data]))


# -- the verbs --------------------------------------------------------------------------------


async def test_get_fills_the_path_and_structures_the_answer(
    mocked: aioresponses, demo: NotesClient
) -> None:
    mocked.get(f"{BASE}/notes/7", payload=NOTE)
    mocked.get(f"{BASE}/notes/a%2Fb", payload=NOTE)
    assert await demo.notes.get(7) == Note(id=7, title="Intake")
    await demo.notes.get("a/b")  # one segment, percent-encoded
    assert [(m, str(u)) for m, u, _ in sent(mocked)] == [
        ("GET", f"{BASE}/notes/7"),
        ("GET", f"{BASE}/notes/a%2Fb"),
    ]


@pytest.mark.parametrize("bad", [0, -1, True, " ", None, 1.5])
async def test_a_path_value_that_names_no_resource_fails_before_sending(
    mocked: aioresponses, demo: NotesClient, bad: Any
) -> None:
    with pytest.raises(InvalidRequestError, match=r"^id must"):
        await demo.notes.get(bad)
    assert sent(mocked) == []


async def test_create_update_and_delete_send_their_method_and_body(
    mocked: aioresponses, demo: NotesClient
) -> None:
    mocked.post(f"{BASE}/notes", payload=NOTE)
    mocked.patch(f"{BASE}/notes/7", payload=NOTE)
    mocked.delete(f"{BASE}/notes/7", status=204)
    assert await demo.notes.create(NoteInput(title="Intake")) == Note(id=7, title="Intake")
    assert await demo.notes.update(7, NoteInput(title="New")) == Note(id=7, title="Intake")
    await demo.notes.delete(7)
    (post, patch, delete) = sent(mocked)
    assert (post[0], body_of(post[2])) == ("POST", {"note": {"title": "Intake"}})
    assert (patch[0], body_of(patch[2])) == ("PATCH", {"title": "New"})
    assert (delete[0], delete[2]["data"]) == ("DELETE", None)


async def test_a_wrong_answer_shape_is_a_decode_error_naming_the_exchange(
    mocked: aioresponses, demo: NotesClient
) -> None:
    from common import DecodeError

    mocked.get(f"{BASE}/notes/7", payload={"id": "x"})
    with pytest.raises(DecodeError) as caught:
        await demo.notes.get(7)
    assert caught.value.status == 200
    assert caught.value.method == "GET"


async def test_errors_come_through_the_verbs_typed(mocked: aioresponses, demo: NotesClient) -> None:
    mocked.get(f"{BASE}/notes/9", status=404, payload={"message": "no such note"})
    with pytest.raises(NotFoundError, match="no such note"):
        await demo.notes.get(9)


async def test_download_asks_for_its_media_type_and_upload_streams_multipart(
    mocked: aioresponses, demo: NotesClient
) -> None:
    mocked.get(f"{BASE}/notes/7/pdf", body=b"%PDF-1.4", content_type="application/pdf")
    mocked.post(f"{BASE}/notes/7/files", status=204)
    async with demo.notes.download(7) as stream:
        assert await stream.read() == b"%PDF-1.4"
    await demo.notes.upload(7, b"%PDF-1.4 scan")
    (download, upload) = sent(mocked)
    assert download[2]["headers"]["Accept"] == "application/pdf"
    form = upload[2]["data"]
    assert isinstance(form, aiohttp.FormData)
    assert form.is_multipart
    writer = form()
    assert isinstance(writer, aiohttp.MultipartWriter)
    ((part, *_),) = list(writer)
    disposition = part.headers["Content-Disposition"]
    assert 'name="file"' in disposition
    assert 'filename="scan.pdf"' in disposition


async def test_a_listing_is_lazy_and_pages_with_the_filters(
    mocked: aioresponses, demo: NotesClient
) -> None:
    pager = demo.notes.list(client_id=3, start_date=datetime(2024, 5, 1, 23, 30))
    assert sent(mocked) == []  # no I/O until iterated
    mocked.get(f"{BASE}/notes?clientId=3&startDate=2024-05-01", payload=[NOTE])
    assert await pager.collect() == [Note(id=7, title="Intake")]


async def test_every_verb_runs_as_the_methods_operation(
    mocked: aioresponses, demo: NotesClient
) -> None:
    seen: list[str | None] = []

    def on_request(event: CallEvent) -> None:
        seen.append(event.operation)

    mocked.get(f"{BASE}/notes/7", payload=NOTE)
    mocked.get(f"{BASE}/notes/count?clientId=1", payload={"count": 4})
    mocked.get(f"{BASE}/notes", payload=[NOTE])
    hooked = demo.with_options(hooks=Hooks(on_request=on_request))
    await hooked.notes.get(7)
    assert await hooked.notes.count(client_id=1) == 4
    await hooked.notes.list().collect()
    assert seen == ["notes.get", "notes.count", "notes.list"]


# -- declared filters -------------------------------------------------------------------------


def test_filters_render_by_their_declared_names_and_types() -> None:
    moment = datetime(2024, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    filters = NoteFilters(
        client_id=3,
        start_date=date(2024, 1, 2),
        created_after=moment,
        order="desc",
        from_day=datetime(2024, 2, 3, 4, 5),
        tags=["a", "b"],
        custom={"rfsr": "Google"},
    )
    assert filters.to_params() == {
        "clientId": 3,
        "startDate": "2024-01-02",
        "createdAfter": "2024-05-01T10:00:00Z",
        "order": "desc",
        "from": "2024-02-03",
        "tags": ["a", "b"],
        "custom.rfsr": "Google",
    }
    assert NoteFilters().to_params() == {}


def test_a_vendor_formats_its_moments_and_days_in_one_place() -> None:
    spaced = SpacedFilters(
        created_after=datetime(2024, 5, 1, 9, tzinfo=timezone.utc), start_date=date(2024, 1, 2)
    )
    assert spaced.to_params() == {"createdAfter": "2024-05-01 09:00:00", "startDate": "02/01/2024"}


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"start_date": "2024-01-01"}, "start_date must be a date, not '2024-01-01'"),
        ({"order": "up"}, "order must be one of 'asc', 'desc', not 'up'"),
        ({"client": 3}, "client: not a filter of this listing (it takes client_id, created_after"),
    ],
)
def test_a_bad_filter_fails_at_the_call_before_sending(
    mocked: aioresponses, given: dict[str, Any], message: str
) -> None:
    demo = NotesClient(base_url=BASE)
    with pytest.raises(InvalidRequestError) as caught:
        demo.notes.list(**given)
    assert str(caught.value).startswith(message)
    assert sent(mocked) == []


def test_filters_are_keywords_only_and_the_signature_says_which() -> None:
    demo = NotesClient(base_url=BASE)
    with pytest.raises(TypeError, match="keywords only"):
        demo.notes.list(3)  # type: ignore[call-arg]
    parameters = inspect.signature(demo.notes.list).parameters
    assert list(parameters)[:3] == ["client_id", "start_date", "created_after"]
    assert {p.kind for p in parameters.values()} == {inspect.Parameter.KEYWORD_ONLY}


def test_a_replaced_keyword_warns_at_the_callers_line_and_goes_out_under_its_new_name() -> None:
    demo = NotesClient(base_url=BASE)
    with pytest.warns(DeprecationWarning, match=r"old_start= is deprecated; use start_date=") as w:
        pager = demo.notes.list(old_start=date(2024, 1, 1))
    assert w[0].filename == __file__
    assert isinstance(pager, AsyncPager)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        both = NoteFilters(old_start=date(2024, 1, 1), start_date=date(2025, 1, 1))
        alone = NoteFilters(old_start=date(2024, 1, 1))
    assert both.to_params() == {"startDate": "2025-01-01"}  # the current name wins
    assert alone.to_params() == {"startDate": "2024-01-01"}
    assert filter_names(NoteFilters)["old_start"] == "startDate"


def test_filter_names_list_every_keyword_and_its_key_inherited_ones_included() -> None:
    names = filter_names(SpacedFilters)
    assert names["client_id"] == "clientId"
    assert names["from_day"] == "from"
    assert len(names) == len(attrs.fields(NoteFilters))


def test_filtered_refuses_what_is_not_a_keyword_only_filters_class() -> None:
    @attrs.frozen
    class Positional(Filters):
        a: int | None = None

    with pytest.raises(TypeError, match="keyword-only"):
        filtered(Positional)
    with pytest.raises(TypeError, match="Filters class"):
        filtered(dict)


# -- deprecated aliases ----------------------------------------------------------------------


async def test_an_old_method_name_warns_and_runs_the_new_one(
    mocked: aioresponses, demo: NotesClient
) -> None:
    mocked.get(f"{BASE}/notes/7", payload=NOTE)
    mocked.get(f"{BASE}/notes?clientId=2", payload=[NOTE])
    with pytest.warns(
        DeprecationWarning, match=r"^notes\.fetch\(\) is deprecated; use notes\.get\(\)$"
    ) as w:
        note = await demo.notes.fetch(7)
    assert w[0].filename == __file__
    assert note == Note(id=7, title="Intake")
    with pytest.warns(
        DeprecationWarning, match=r"notes\.query\(\) is deprecated; use notes\.list\(\)"
    ):
        pager = demo.notes.query(client_id=2)
    assert await pager.collect() == [Note(id=7, title="Intake")]
    assert "old name" in (Notes.query.__doc__ or "")
