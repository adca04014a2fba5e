"""Phase two: the intermediate model -> the source of every generated file.

Renderers are pure functions of an :class:`~..ir.Api`: they never read the spec or
:mod:`..names`, and the same model always prints the same text. The text is formatted with
ruff afterwards (:func:`..generate.generate`), as the committed files are.
"""

from __future__ import annotations

from .. import ir
from .models import (
    render_answer_module,
    render_enums,
    render_inputs,
    render_objects,
    render_package,
)
from .resources import render_resource, render_resources_package
from .text import GENERATED

__all__ = ["GENERATED", "render"]


def render(api: ir.Api) -> dict[str, str]:
    """``{path relative to amiqus_async/: source}`` for every generated file (unformatted)."""
    files = {
        "models/enums.py": render_enums(api.enums),
        "models/inputs.py": render_inputs(api),
        "models/objects.py": render_objects(api),
        "models/__init__.py": render_package(api),
    }
    for module in api.answer_modules:
        if module.classes:
            files[f"models/{module.name}.py"] = render_answer_module(api, module)
    for resource in api.resources:
        files[f"resources/{resource.attr}.py"] = render_resource(api, resource)
    files["resources/__init__.py"] = render_resources_package(api)
    return files
