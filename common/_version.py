"""The version of the distribution ``vendor-clients-async``: its one place in the code.

``common.__version__`` and each vendor package's ``__version__`` are this value. It must equal
``version`` in ``pyproject.toml`` (``tests/common/test_version.py`` checks both and the
installed metadata). A literal rather than ``importlib.metadata``: free at import time, and
right in a copy that was never installed (a zip, a frozen application, a vendored tree).
"""

__version__ = "0.1.0.dev0"
