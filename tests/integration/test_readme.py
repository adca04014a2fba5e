"""The README is the front page: its python blocks run, and it leads to the documentation.

The blocks are checked as every page's are (see ``test_docs.py``): each is a complete program
run in a fresh interpreter against the bundled emulators, unless a marker says otherwise, and
each is ruff clean.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.integration.test_docs import DOCS, ROOT, Block, blocks_of, check_block, ruff_problems
from tests.integration.test_docs import redis_url as redis_url  # for a block that needs Redis

README = ROOT / "README.md"
BLOCKS = blocks_of(README)
TEXT = README.read_text(encoding="utf-8")


def test_the_readme_has_python_blocks() -> None:
    """At least one README block runs (so the checks below cannot pass vacuously)."""
    assert [block for block in BLOCKS if block.kind is None]


@pytest.mark.parametrize("block", BLOCKS, ids=[block.id for block in BLOCKS])
def test_readme_block_runs(block: Block, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """The block runs to completion in a fresh interpreter, against loopback emulators only."""
    check_block(block, tmp_path, request)


def test_readme_blocks_are_ruff_clean(tmp_path: Path) -> None:
    """Every block is formatted and linted as the code base is."""
    assert ruff_problems(BLOCKS, tmp_path) == []


def _relative_links(text: str) -> list[str]:
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    return [target for target in targets if not re.match(r"[a-z]+:|#", target)]


def test_every_relative_link_leads_to_a_file() -> None:
    """Links are relative paths to files of the repository, so they work on GitHub and in a
    clone alike (an anchor after the path is allowed)."""
    links = _relative_links(TEXT)
    assert links
    missing = [link for link in links if not (ROOT / link.split("#")[0]).is_file()]
    assert missing == []


def test_the_readme_leads_to_every_page_of_the_documentation() -> None:
    """Every guide, vendor page and reference page is one click away from the front page."""
    linked = {link.split("#")[0] for link in _relative_links(TEXT)}
    pages = {
        str(page.relative_to(ROOT))
        for folder in ("guides", "vendors", "reference")
        for page in (DOCS / folder).glob("*.md")
    }
    assert pages - linked == set()


def test_the_front_page_says_the_two_commands_their_time_and_what_is_optional() -> None:
    """A newcomer learns from the README alone how to see the library work and test it."""
    commands = TEXT[TEXT.index("## The two commands") : TEXT.index("## A short tour")]
    assert "bash .ci/demo" in commands
    assert "bash .ci/test" in commands
    assert re.search(r"\d+ (seconds|minutes)", commands)
    assert "redis-server" in commands
    assert "../shared" in commands


def test_the_package_table_names_every_package() -> None:
    """The table at the top lists the five packages, each with its guide and its reference."""
    for package, page in {
        "amiqus_async": "amiqus",
        "intakeq_async": "intakeq",
        "amilia_async": "amilia",
        "caseupdates_async": "trackops",
        "common": "common",
    }.items():
        row = next(line for line in TEXT.splitlines() if line.startswith(f"| `{package}` |"))
        assert f"(docs/reference/{page}.md)" in row
