"""Benchmarks for cowork-desktop: a realistic fictional database, and timings against same-run baselines.

``python -m benchmarks`` (``make bench``: 1,000, 10,000 and 40,000 cases) prints one JSON line per figure and
size, then a table; see docs/performance.md. Modules: ``generate`` (the database), ``run`` (the runner and the
in-process figures), ``fresh`` (start-up, memory and commands in fresh processes), ``probe`` (what runs in
those processes), ``baselines`` (the plain SQL), ``core`` (targets, lines, interleaving), ``report`` (the
table). Not part of ``make test`` (a small test runs the code on a tiny database: tests/unit/test_benchmarks.py).
"""
