"""Benchmarks of the library against raw aiohttp: ``python bench/run.py`` (see README.md)."""
