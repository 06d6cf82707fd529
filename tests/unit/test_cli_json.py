"""``cowork ... --json`` prints exactly what ``json.dumps(data, ensure_ascii=False, indent=2)`` would, only faster."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from cowork_desktop.cli.output import json_text

SCALARS: list[Any] = [
    "",
    "Zoë Ó Súilleabháin",
    'quote " and \\\\ back',
    "line\nbreak",
    "},\n    {",
    "\u0000",
    0,
    -3,
    2.5,
    float("inf"),
    True,
    False,
    None,
    "العربية",
]


def _random(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(6 if depth < 3 else 1)
    if kind == 0:
        return rng.choice(SCALARS)
    if kind in (1, 2):
        return {
            rng.choice(["a", "b", "case_reference", "é", ""]) + str(i): _random(rng, depth + 1)
            for i in range(rng.randrange(4))
        }
    if kind == 3:
        return [_random(rng, depth + 1) for _ in range(rng.randrange(4))]
    if kind == 4:  # what the commands print: a list of shallow dicts
        return [
            {
                "id": i,
                "name": rng.choice(SCALARS),
                "co_workers": [rng.choice(SCALARS) for _ in range(rng.randrange(3))],
            }
            for i in range(rng.randrange(1, 5))
        ]
    return [{"id": i, "due": rng.choice(SCALARS)} for i in range(rng.randrange(1, 5))]


@pytest.mark.parametrize("seed", range(300))
def test_the_text_is_jsons_own(seed: int) -> None:
    data = _random(random.Random(seed))
    assert json_text(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_what_the_commands_print() -> None:
    cases = [
        {"reference": f"CR-{i}", "co_workers": ["Zoë", "Amara"][: i % 3], "lead": "Zoë", "end_date": None}
        for i in range(50)
    ]
    for data in (
        cases,
        {"on": "2026-11-23", "coallocations": cases},
        {"nested": {"deeper": cases}},
        [{1: "x"}],
        # promises --json: a tally per case, the text holding what the layout is mended at
        {
            "by_case": {
                f'CR-{i}}},\n  "': {"on_time": i, "late": None, "note": ': {"x', "share": 0.5, "ok": True}
                for i in range(20)
            },
            "empty": {"CR-0": {}},
        },
        {"by_case": {"CR-1": {"on_time": 1}, "CR-2": {"late": [1]}}},
    ):
        assert json_text(data) == json.dumps(data, ensure_ascii=False, indent=2)
