"""Code shared by the tests (imported as ``helpers.*``: ``tests/`` is on the path, see ``pythonpath`` in
pyproject.toml). Nothing here is collected as a test."""
