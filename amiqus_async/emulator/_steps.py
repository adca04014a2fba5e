"""Record steps as written (POST /records, POST /steps, record template presets): validation
and cost.

Spec: RecordStepsWrite (``type`` from StepTypes; ``document.request`` needs preferences
``{title, instructions}`` or ``{template}``; ``form`` needs ``preferences.form``, a form
template reference; ``check.criminal_record`` needs ``preferences.region``).
"""

from __future__ import annotations

from typing import Any

from amiqus_async.emulator._store import AmiqusData

__all__ = ["STEP_TYPES", "step_cost", "step_errors"]

STEP_TYPES = (
    "check.credit",
    "check.criminal_record",
    "check.dummy",
    "check.hscni_access_ni",
    "check.identity",
    "check.nhs_esr",
    "check.banking_information",
    "check.photo_id",
    "check.employment_referencing",
    "check.reference",
    "check.thorntons_onboarding",
    "check.video",
    "check.watchlist",
    "document.request",
    "document.transfer",
    "form",
)


def step_cost(data: AmiqusData, step_type: str) -> int:
    """The first of the available step's ``costs``; else 1 for a check, 0 otherwise."""
    for available in data.available_steps:
        if available["type"] == step_type:
            return int(available["costs"][0])
    return 1 if step_type.startswith("check.") else 0


def step_errors(data: AmiqusData, steps: Any, prefix: str = "steps") -> dict[str, list[str]]:
    """Field errors (keys ``steps.N.field``) for a written list of steps; ``{}`` when valid."""
    if not isinstance(steps, list) or not steps:
        return {prefix: ["At least one step is required."]}
    errors: dict[str, list[str]] = {}
    for index, step in enumerate(steps):
        here = f"{prefix}.{index}"
        if not isinstance(step, dict):
            errors[here] = ["Each step must be an object."]
            continue
        kind = step.get("type")
        if kind not in STEP_TYPES:
            errors[f"{here}.type"] = [f"The selected {here}.type is invalid."]
            continue
        preferences = step.get("preferences", {})
        if not isinstance(preferences, dict):
            errors[f"{here}.preferences"] = ["The preferences must be an object."]
            continue
        if kind == "form" and str(preferences.get("form")) not in data.form_templates:
            errors[f"{here}.preferences.form"] = [
                f"The selected {here}.preferences.form is invalid."
            ]
        elif kind == "document.request":
            template = preferences.get("template")
            if template is not None:
                if not _is_id(template) or template not in data.document_templates:
                    errors[f"{here}.preferences.template"] = ["The selected template is invalid."]
            else:
                for field in ("title", "instructions"):
                    if not isinstance(preferences.get(field), str) or not preferences[field]:
                        errors[f"{here}.preferences.{field}"] = [
                            f"The {here}.preferences.{field} field is required."
                        ]
        elif kind == "check.criminal_record" and preferences.get("region") not in (
            "scotland",
            "england",
        ):
            errors[f"{here}.preferences.region"] = [
                f"The {here}.preferences.region field is required."
            ]
    return errors


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
