"""Benchmarks for cowork-desktop: a realistic fictional database, and timings against same-run baselines.

``python -m benchmarks`` (``make bench``) prints one JSON line per figure; see docs/performance.md.
Not part of ``make test`` (a small test runs the code on a tiny database: tests/unit/test_benchmarks.py).
"""
