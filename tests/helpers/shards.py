"""``--shard=i/n``: run one of ``n`` parts of the selected tests, whole modules each (a module's fixtures are
made once), balanced by how long each module took last time (pytest's cache) or else by its number of tests.
``make unit`` runs two shards side by side (``tests/helpers/parallel.py``): pytest-xdist is not a dependency."""

from __future__ import annotations

from collections import defaultdict

import pytest

CACHE_KEY = "cowork/module-seconds"


def parse(value: str) -> tuple[int, int]:
    try:
        index, count = (int(part) for part in value.split("/"))
    except ValueError:
        raise pytest.UsageError(f"--shard takes i/n (1 <= i <= n), not {value!r}") from None
    if not 1 <= index <= count:
        raise pytest.UsageError(f"--shard takes i/n (1 <= i <= n), not {value!r}")
    return index, count


def module_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def select(items: list[pytest.Item], index: int, count: int, seconds: dict[str, float]) -> list[pytest.Item]:
    """The items of shard ``index`` (1-based) of ``count``: modules, heaviest first, each to the lightest shard."""
    by_module: dict[str, list[pytest.Item]] = defaultdict(list)
    for item in items:
        by_module[module_of(item.nodeid)].append(item)

    def weight(module: str) -> float:
        return seconds.get(module, 0.05 * len(by_module[module]))

    loads = [0.0] * count
    mine: set[str] = set()
    for module in sorted(by_module, key=lambda m: (-weight(m), m)):
        lightest = loads.index(min(loads))
        loads[lightest] += weight(module)
        if lightest == index - 1:
            mine.add(module)
    return [item for item in items if module_of(item.nodeid) in mine]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--shard",
        default=None,
        metavar="i/n",
        help="run part i of n of the selected tests (whole modules; tests/helpers/parallel.py runs them all)",
    )


@pytest.hookimpl(trylast=True)  # after -m and -k have deselected
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    value = config.getoption("shard")
    if not value:
        return
    index, count = parse(value)
    cache = getattr(config, "cache", None)
    seconds = cache.get(CACHE_KEY, {}) if cache is not None else {}
    kept = select(items, index, count, seconds)
    kept_ids = {id(item) for item in kept}
    dropped = [item for item in items if id(item) not in kept_ids]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
    items[:] = kept


#: Seconds per module in this run (setup, call and teardown), saved for the next run's balance.
_TALLY: dict[str, float] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    module = module_of(report.nodeid)
    _TALLY[module] = _TALLY.get(module, 0.0) + report.duration


def pytest_sessionfinish(session: pytest.Session) -> None:
    cache = getattr(session.config, "cache", None)
    if cache is None or not _TALLY:
        return
    seconds: dict[str, float] = dict(cache.get(CACHE_KEY, {}))
    seconds.update({module: round(total, 3) for module, total in _TALLY.items()})
    cache.set(CACHE_KEY, seconds)
