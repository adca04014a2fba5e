"""The Amiqus generator: the vendor's OpenAPI spec in, ``models/`` and ``resources/`` out.

Two phases, with a frozen model between them::

    amiqus-openapi.json --parser--> ir.Api --render--> {path: source} --ruff--> files

* :mod:`.parser` reads the spec once and decides everything: which schemas are classes and
  what they are called, each field's type, default and checks, which module each answer
  class lives in, each operation's method name, parameters (style, explode, deprecation),
  body and answer. It takes every special case from :mod:`.names`, and nowhere else.
* :mod:`.ir` is the result: ``attrs`` frozen classes of tuples (an :class:`~.ir.Api`).
* :mod:`.render` prints files from an :class:`~.ir.Api` alone: it never reads the spec.
* :mod:`.generate` runs both and formats the text with ruff, as the committed files are;
  ``python -m amiqus_async._codegen`` (:mod:`.__main__`) writes or checks them.
"""
