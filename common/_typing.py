"""Typing names newer than Python 3.10, in one place.

``Unpack`` types ``**options`` with a TypedDict. Only annotations use it (every module has
``from __future__ import annotations``), so on 3.10 a run-time stand-in is enough and
``typing_extensions`` is needed by type checkers alone. Public as ``common.Unpack``: vendor
packages import it from there, never from this module.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

__all__ = ["Unpack"]

if sys.version_info >= (3, 11):
    from typing import Unpack
elif TYPE_CHECKING:
    from typing_extensions import Unpack
else:

    class Unpack:
        """Stand-in: never evaluated at run time, only named in annotations."""

        def __class_getitem__(cls, item: Any) -> Any:
            return item
