"""Phase one: the spec -> the intermediate model (:class:`~..ir.Api`).

* :mod:`.schemas` reads JSON Schemas into shapes (``allOf`` merged, ``oneOf`` of objects as
  one class, which components are classes);
* :mod:`.operations` reads every operation: parameters (style, explode, deprecation), body,
  answer, the name :data:`~..names.OPERATIONS` gives it;
* :mod:`.models` names the classes and enums those shapes need and types their fields.

Every special case comes from :mod:`..names`, through :class:`.tables.Uses`, which records
the entries used. Nothing here writes Python source.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from .. import ir
from ..names import ANSWER_NAMES, HAND_WRITTEN_MODELS, INPUT_ONLY, MODEL_MODULES
from .models import Namer, enum_members
from .operations import finish, read_operations
from .schemas import Obj, Spec, pascal
from .tables import Uses

__all__ = ["parse", "parse_document"]


def parse(spec_path: Path) -> ir.Api:
    """The intermediate model of the spec at *spec_path*."""
    return parse_document(json.loads(spec_path.read_text()))


def parse_document(document: dict[str, Any]) -> ir.Api:
    """The intermediate model of a spec already read (it is not modified)."""
    uses = Uses()
    spec = Spec(document)
    readings = read_operations(spec, uses)

    answers = Namer(spec, uses, input_mode=False)
    models: dict[str, ir.Type] = {}
    for o in readings:
        if o.model is not None:
            wanted = uses.get(ANSWER_NAMES, o.op_id) or pascal(o.op_id)
            models[o.op_id] = answers.type_of(o.model, wanted, "")
    for component in spec.components:  # every class the spec defines as a value
        shape = spec.component_shape(component)
        is_class = spec.is_class(component) and isinstance(shape, Obj)
        if is_class and not uses.has(INPUT_ONLY, component):
            answers.ref_name(component)
    answers.drain()

    inputs = Namer(spec, uses, input_mode=True, reserved=frozenset(answers.taken))
    inputs.share_enums(answers)
    bodies: dict[str, ir.Type] = {}
    for o in readings:
        if o.body_kind != "json" or not o.body:
            continue
        shape = spec.shape(o.body, o.input_name or "Body")
        bodies[o.op_id] = inputs.type_of_input(shape, o.input_name or "Body")
    inputs.drain()

    by_resource: dict[str, list[ir.Operation]] = defaultdict(list)
    for o in readings:
        op = finish(o, models.get(o.op_id), bodies.get(o.op_id), o.body, uses)
        by_resource[o.resource].append(op)
    resources = tuple(
        ir.Resource(
            attr=attr,
            class_name=pascal(attr),
            tags=tuple(sorted({op.tag for op in ops})),
            operations=tuple(ops),
        )
        for attr, ops in by_resource.items()
    )
    modules = tuple(
        ir.ModelModule(
            name=module,
            doc=doc,
            classes=tuple(c.name for c in answers.classes if c.module == module),
        )
        for module, (doc, _classes) in MODEL_MODULES.items()
    )
    enums = tuple(
        ir.EnumDef(name, enum_members(answers.enums[name])) for name in sorted(answers.enums)
    )
    hand_written = tuple(
        (name, module)
        for name, module in HAND_WRITTEN_MODELS.items()
        if ("HAND_WRITTEN_MODELS", name) in uses.seen
    )
    return ir.Api(
        enums=enums,
        answers=tuple(answers.classes),
        answer_modules=modules,
        inputs=tuple(inputs.classes),
        resources=resources,
        hand_written=hand_written,
        uses=frozenset(uses.seen),
    )
