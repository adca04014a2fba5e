"""Start-up: the shared converter (and cattrs) is built by the first conversion, not at import.

Each test runs a fresh interpreter (this checkout first on its path) and prints what it saw:
behaviour, not time (``bench/run.py`` times the imports).
"""

from __future__ import annotations

from .support import run_fresh


def run(code: str) -> list[str]:
    """The lines *code* prints in a fresh interpreter."""
    return run_fresh(code)


def test_importing_the_models_loads_no_cattrs_until_the_first_conversion() -> None:
    """Every vendor package and its models import without cattrs; the first structure()
    builds the converter, and the answer is the same as ever."""
    seen = run(
        """
        import sys
        import amiqus_async, intakeq_async, amilia_async, caseupdates_async
        import amiqus_async.models, intakeq_async.models, amilia_async.models
        from common.models import structure
        print("cattrs" in sys.modules)
        data = {"object": "client", "id": 7, "status": "approved"}
        client = structure(data, amiqus_async.models.Client)
        print("cattrs" in sys.modules, client.id, client.status)
        """
    )
    assert seen == ["False", "True 7 approved"]


def test_a_vendors_hooks_given_before_the_converter_exists_are_applied_when_it_is_built() -> None:
    """caseupdates_async registers its Trackops time forms at import (``extend``), before any
    converter exists: they are in force from the first conversion."""
    seen = run(
        """
        import sys
        from caseupdates_async.models import Case
        from common.models import structure
        print("cattrs" in sys.modules)
        case = structure({"id": 1, "created_at": "2024-05-01 14:30:00"}, Case)
        print(case.created_at.isoformat())
        """
    )
    assert seen == ["False", "2024-05-01T14:30:00+00:00"]


def test_the_shared_converter_is_built_once_on_first_read_and_extend_applies_at_once_after() -> (
    None
):
    """``common.models.converter`` is one object, built when first read; ``extend`` before that
    waits for it, after that applies at once, and never twice for one function."""
    seen = run(
        """
        import sys
        import common.models as models
        applied = []

        def register(conv):
            applied.append(conv)

        models.extend(register)
        models.extend(register)
        print("cattrs" in sys.modules, len(applied))
        conv = models.converter
        print(conv is models.converter, applied == [conv], type(conv).__name__)

        def later(conv):
            applied.append("later")

        models.extend(later)
        print(applied[1:])
        """
    )
    assert seen == ["False 0", "True True Converter", "['later']"]
