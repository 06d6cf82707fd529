"""``python -m benchmarks [--cases N] [--runs 5] [--only NAME]``: one JSON line per figure (see benchmarks.run)."""

from __future__ import annotations

from benchmarks.run import main

raise SystemExit(main())
