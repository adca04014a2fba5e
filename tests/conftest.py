"""Fixtures shared by the whole test tree: the emulator kit's, and pytester for plugin tests."""

pytest_plugins = ["common.testing.pytest_plugin", "pytester"]
