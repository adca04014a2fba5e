"""Every python block of the documentation runs, and reads as the code base does.

The pages are ``README.md`` (its blocks run in ``test_readme.py``) and ``docs/**/*.md`` (here).
A python block is a complete program: it runs to completion in a fresh interpreter, against the
bundled emulators on loopback, with nothing but the project on its path. Two markers, an HTML
comment on the line before the block, change that:

* ``<!-- needs: redis-server -->`` or ``<!-- needs: fastapi -->``: it runs once the thing is
  there (a throw-away ``redis-server`` on a free port, its URL in ``REDIS_URL``), and is
  skipped with the command that installs it otherwise;
* ``<!-- run: pytest -->``: it is a test module, and pytest runs it (the emulator fixtures come
  from the package's pytest plugin, as they do in any project that installs it);
* ``<!-- fragment: <why it cannot run> -->``: it is not run (a part of a larger program); it
  must still compile, and the reason must be given.

A block with no marker that cannot run fails its test, and so does an unknown marker. Every
block (fragments too) is ``ruff format`` clean and passes ``ruff check`` under the project's
configuration.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

#: The fence languages that mean Python.
PYTHON = frozenset({"python", "py", "python3"})
#: What a ``needs:`` marker may name, and the command that provides it.
NEEDS = {
    "redis-server": "apt-get install redis-server (bash .ci/run does)",
    "fastapi": "pip install fastapi",
}
#: What a block's run must never print: a resource it left open, or an error it swallowed.
LEAK_SIGNS = ("ResourceWarning", "Unclosed", "Exception ignored", "Task was destroyed")
#: A block's run time limit; each is meant to take a few seconds.
RUN_TIMEOUT = 60

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")
_COMMENT = re.compile(r"^<!--\s*(?P<text>.*?)\s*-->$")
_MARKER = re.compile(r"^(?P<kind>needs|run|fragment):\s*(?P<detail>.*)$")


@dataclass(frozen=True)
class Block:
    """One python block of a page."""

    page: Path
    line: int  # of the opening fence, 1-based
    code: str
    marker: str | None  # the HTML comment on the line before the fence, if any

    @property
    def id(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"

    @property
    def kind(self) -> str | None:
        """``"needs"``, ``"run"``, ``"fragment"``, or ``None`` (a complete program)."""
        found = _MARKER.match(self.marker or "")
        return found["kind"] if found else None

    @property
    def detail(self) -> str:
        found = _MARKER.match(self.marker or "")
        return found["detail"].strip() if found else ""


def blocks_of(page: Path) -> list[Block]:
    """The python blocks of *page*, in order (indented fences in lists included)."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        language = (opening["info"].split() or [""])[0].lower()
        end = index + 1
        while end < len(lines):
            closing = _FENCE.match(lines[end])
            if (
                closing is not None
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and not closing["info"].strip()
            ):
                break
            end += 1
        if language in PYTHON:
            body = [
                line[len(indent) :] if line.startswith(indent) else line.lstrip()
                for line in lines[index + 1 : end]
            ]
            before = next((line.strip() for line in reversed(lines[:index]) if line.strip()), "")
            comment = _COMMENT.match(before)
            found.append(
                Block(
                    page=page,
                    line=index + 1,
                    code="\n".join(body) + "\n",
                    marker=comment["text"] if comment else None,
                )
            )
        index = end + 1
    return found


def doc_pages() -> list[Path]:
    """The documentation site's pages."""
    return sorted(DOCS.rglob("*.md"))


def marker_problem(block: Block) -> str | None:
    """Why *block*'s marker is not one this test knows, or ``None``."""
    if block.marker is None:
        return None
    found = _MARKER.match(block.marker)
    if found is None:
        return (
            f"unknown marker <!-- {block.marker} --> "
            "(known: needs: ..., run: pytest, fragment: ...)"
        )
    detail = found["detail"].strip()
    if found["kind"] == "needs" and detail not in NEEDS:
        return f"'needs: {detail}': not one of {sorted(NEEDS)}"
    if found["kind"] == "run" and detail != "pytest":
        return f"'run: {detail}': only 'run: pytest' is known"
    if found["kind"] == "fragment" and len(detail.split()) < 3:
        return "a fragment must say why it cannot run (a few words after 'fragment:')"
    return None


# -- running a block --------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throw-away redis-server on 127.0.0.1 (no persistence), stopped after the module.

    Skipped (with the command that installs it) when redis-server is missing, except in CI."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail(f"redis-server is required in CI: {NEEDS['redis-server']}")
        pytest.skip(f"redis-server is not installed: {NEEDS['redis-server']}")
    port = _free_port()
    workdir = tmp_path_factory.mktemp("redis")
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--dir", str(workdir)]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            assert process.poll() is None, f"redis-server exited with {process.returncode}"
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(64).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "redis-server did not answer PING within 10 s"
            time.sleep(0.02)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - a wedged server
            process.kill()
            process.wait()


def check_block(block: Block, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """Run *block* as its marker says; fail with its output when it does not succeed."""
    problem = marker_problem(block)
    assert problem is None, f"{block.id}: {problem}"
    env = {"PYTHONPATH": str(ROOT), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    if block.kind == "fragment":
        compile(block.code, block.id, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        return
    if block.kind == "needs":
        if block.detail == "redis-server":
            env["REDIS_URL"] = request.getfixturevalue("redis_url")
        elif importlib.util.find_spec(block.detail) is None:
            pytest.skip(f"{block.id} needs {block.detail}: {NEEDS[block.detail]}")
    script = tmp_path / "test_block.py"
    script.write_text(block.code, encoding="utf-8")
    command = [sys.executable, str(script)]
    if block.kind == "run":  # a test module: pytest, as a user's project would run it
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", script.name]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert result.returncode == 0, f"{block.id} failed:\n{result.stdout}\n{result.stderr}"
    leaks = [sign for sign in LEAK_SIGNS if sign in result.stderr]
    assert not leaks, f"{block.id} printed {leaks}:\n{result.stderr}"


def ruff_problems(blocks: Sequence[Block], tmp_path: Path) -> list[str]:
    """What ``ruff format --check`` and ``ruff check`` say of *blocks* (empty: clean)."""
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed: pip install -e '.[test]'")
    names: dict[str, Block] = {}
    for number, block in enumerate(blocks):
        name = f"block_{number}.py"
        names[name] = block
        (tmp_path / name).write_text(block.code, encoding="utf-8")
    config = ["--config", str(ROOT / "pyproject.toml"), "--no-cache"]
    problems: list[str] = []
    for command in (["format", "--check", "--diff"], ["check", "--output-format", "concise"]):
        result = subprocess.run(
            [ruff, *command, *config, *sorted(names)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
            check=False,
        )
        if result.returncode != 0:
            output = result.stdout + result.stderr
            for name, block in names.items():
                output = output.replace(name, block.id)
            problems.append(f"ruff {command[0]}:\n{output}")
    return problems


# -- the docs/ pages ----------------------------------------------------------------------------

DOC_BLOCKS = [block for page in doc_pages() for block in blocks_of(page)]


def test_the_docs_have_python_blocks() -> None:
    """The pages hold python blocks (so the tests below cannot pass vacuously), and markers
    that do not run a block stay rare."""
    assert len(DOC_BLOCKS) >= 20
    fragments = [block.id for block in DOC_BLOCKS if block.kind == "fragment"]
    assert len(fragments) <= 2, fragments


@pytest.mark.parametrize("block", DOC_BLOCKS, ids=[block.id for block in DOC_BLOCKS])
def test_docs_block_runs(block: Block, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """The block runs to completion in a fresh interpreter, leaving nothing open."""
    check_block(block, tmp_path, request)


def test_docs_blocks_are_ruff_clean(tmp_path: Path) -> None:
    """Every block is formatted and linted as the code base is."""
    assert ruff_problems(DOC_BLOCKS, tmp_path) == []


def test_a_block_without_a_marker_must_run(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """The checks above have teeth: an unmarked block that cannot run fails, and so does an
    unknown marker or a fragment that gives no reason."""
    page = tmp_path / "page.md"
    page.write_text(
        "Intro.\n\n```python\nprint(undefined_name)\n```\n\n"
        "<!-- runnable -->\n```python\nprint(1)\n```\n\n"
        "<!-- fragment: -->\n```python\nx = 1\n```\n\n"
        "- a list item:\n\n  <!-- fragment: a method body, shown alone -->\n"
        "  ```python\n  await client.aclose()\n  ```\n",
        encoding="utf-8",
    )
    unmarked, unknown, no_reason, fragment = blocks_of(page)
    with pytest.raises(AssertionError, match="NameError"):
        check_block(_relocated(unmarked), tmp_path, request)
    assert "unknown marker" in (marker_problem(unknown) or "")
    assert "must say why" in (marker_problem(no_reason) or "")
    assert fragment.kind == "fragment"
    assert fragment.code == "await client.aclose()\n"
    check_block(_relocated(fragment), tmp_path, request)  # compiles: not run


def _relocated(block: Block) -> Block:
    """*block* as if it were on a page of the project (ids are relative to the root)."""
    return Block(page=ROOT / "page.md", line=block.line, code=block.code, marker=block.marker)


REFERENCE = {
    "common": "common",
    "amiqus": "amiqus_async",
    "intakeq": "intakeq_async",
    "amilia": "amilia_async",
    "trackops": "caseupdates_async",
}


@pytest.mark.parametrize(("page", "package"), REFERENCE.items())
def test_every_package_has_an_api_reference(page: str, package: str) -> None:
    """Each package's reference page renders it, its models and its emulator (or kit) from the
    docstrings."""
    text = (DOCS / "reference" / f"{page}.md").read_text(encoding="utf-8")
    directives = set(re.findall(r"^::: ([\w.]+)$", text, flags=re.M))
    assert package in directives
    assert f"{package}.models" in directives
    assert f"{package}.{'testing' if package == 'common' else 'emulator'}" in directives


def test_every_page_is_in_the_site_navigation() -> None:
    """mkdocs.yml's nav lists every page (``mkdocs build --strict`` also refuses an omitted
    page; this says which one without building)."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = set(re.findall(r"([\w/.-]+\.md)\s*$", nav, flags=re.M))
    pages = {str(page.relative_to(DOCS)) for page in doc_pages()}
    assert pages - listed == set()
    assert listed - pages == set()
