"""``python -m benchmarks [--cases N,N...] [--runs 5] [--only NAME] [--db FILE] [--fresh]`` (see benchmarks.run)."""

from __future__ import annotations

from benchmarks.run import main

raise SystemExit(main())
