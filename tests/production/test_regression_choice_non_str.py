"""Enum fields of request bodies refuse values of another kind, not only unknown strings."""

import pytest

from amiqus_async.models import RecordInput, RecordStepInput
from common import InvalidRequestError


def test_notification_true_is_refused_and_false_accepted() -> None:
    # The spec (RecordSettings.notification): oneOf [string enum ["email"], boolean enum [false]].
    step = RecordStepInput(type="check.photo_id")
    with pytest.raises(InvalidRequestError, match="notification"):
        RecordInput(client=1, steps=[step], notification=True)  # type: ignore[arg-type]
    assert RecordInput(client=1, steps=[step], notification=False).notification is False


def test_a_step_type_that_is_not_a_string_is_refused() -> None:
    with pytest.raises(InvalidRequestError, match="type"):
        RecordStepInput(type=5)  # type: ignore[arg-type]
