"""Regenerate (or, with ``--check``, verify) the Amiqus models and resources from the spec.

::

    python -m amiqus_async._codegen [--spec path/to/amiqus-openapi.json] [--check]

``--check`` writes nothing and exits 1 when a generated file differs from what the spec
gives, or when a file that says it is generated is one the generator no longer makes (the
test suite runs the same comparison). Without it, such orphans are deleted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .generate import DEFAULT_SPEC, PACKAGE, generate, orphans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m amiqus_async._codegen")
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args(argv)
    files = generate(args.spec)
    stale = [rel for rel, text in files.items() if _read(PACKAGE / rel) != text]
    gone = orphans(files)
    if args.check:
        for rel in stale:
            print(f"out of date: amiqus_async/{rel}", file=sys.stderr)
        for rel in gone:
            print(f"no longer generated: amiqus_async/{rel}", file=sys.stderr)
        return 1 if stale or gone else 0
    for rel in stale:
        (PACKAGE / rel).parent.mkdir(parents=True, exist_ok=True)
        (PACKAGE / rel).write_text(files[rel])
        print(f"wrote amiqus_async/{rel}")
    for rel in gone:
        (PACKAGE / rel).unlink()
        print(f"deleted amiqus_async/{rel}")
    return 0


def _read(path: Path) -> str | None:
    return path.read_text() if path.exists() else None


if __name__ == "__main__":
    raise SystemExit(main())
