"""The ``cowork`` conventions (issue 15): every command's ``--help`` ends with an example that parses, its exit
statuses and the environment it reads; every ``--json`` output is one object with a schema version, its lists
named and its people objects with their id and name."""

from __future__ import annotations

import argparse
import json
import shlex
import sqlite3
from pathlib import Path

import pytest
from helpers.cli import run
from helpers.demo import copy_database

from cowork_desktop.cli import help as epilogs
from cowork_desktop.cli.output import SCHEMA
from cowork_desktop.cli.run import build_parser


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Every command that runs (not a group), by its full name."""
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                groups = [a for a in command._actions if isinstance(a, argparse._SubParsersAction)]
                found.update(_commands(command) if groups else {command.prog: command})
    return found


COMMANDS = _commands(build_parser())


def test_every_command_has_one_example_and_no_example_is_left_over() -> None:
    assert set(epilogs.EXAMPLES) == set(COMMANDS)


@pytest.mark.parametrize("prog", sorted(COMMANDS))
def test_help_ends_with_an_example_that_parses_the_exit_status_and_the_environment(prog: str) -> None:
    command = COMMANDS[prog]
    text = command.format_help()
    example = epilogs.EXAMPLES[prog]
    assert f"example:\n  {example}\n" in text
    assert "exit status:\n  0  " in text and "\n  2  a mistake in the command line" in text
    assert "environment:\n  COWORK_DATA_DIR" in text and "COWORK_DEBUG" in text
    has_json = any("--json" in a.option_strings for a in command._actions)
    assert (f'"command": "{prog.removeprefix("cowork ")}"' in text) == has_json
    # the example is a command line this very parser takes (variables set before it left out)
    words = shlex.split(example)
    words = words[words.index("cowork") :]
    args = build_parser().parse_args(words[1:])
    assert args.func is command.get_default("func")


def test_the_top_level_help_says_the_conventions() -> None:
    text = build_parser().format_help()
    assert "exit status:" in text and "environment:" in text and "schema version" in text


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    return copy_database(demo_template, tmp_path / "demo.db")


@pytest.mark.parametrize(
    ("argv", "command", "lists"),
    [
        (["cases"], "cases", ["cases"]),
        (["due", "--on", "2026-11-23"], "due", ["items"]),
        (["workers"], "workers", ["workers"]),
        (["drift", "--on", "2026-11-23"], "drift", ["coallocations"]),
        (["promises", "--on", "2026-11-23"], "promises", ["cases", "workers"]),
        (["retention"], "retention", ["candidates"]),
        (["cert", "list"], "cert list", ["certificates"]),
        (["check"], "check", ["findings"]),
        (["search", "colleague"], "search", ["records"]),
    ],
)
def test_every_json_output_is_one_object_with_a_schema_and_named_lists(
    capsys: pytest.CaptureFixture[str], demo_db: Path, argv: list[str], command: str, lists: list[str]
) -> None:
    code, out, err = run(capsys, *argv, "--db", demo_db, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert isinstance(data, dict) and (data["schema"], data["command"]) == (SCHEMA, command)
    for name in lists:
        assert isinstance(data[name], list), name


def test_people_are_objects_with_their_id_never_keys(
    capsys: pytest.CaptureFixture[str], demo_db: Path
) -> None:
    """Two workers with one name stay two workers in every output."""
    conn = sqlite3.connect(demo_db)
    with conn:
        first, second = (r[0] for r in conn.execute("SELECT id FROM workers ORDER BY id LIMIT 2"))
        conn.execute("UPDATE workers SET name = 'Sam Lee' WHERE id IN (?, ?)", [first, second])
    conn.close()
    _code, out, _err = run(capsys, "promises", "--db", demo_db, "--on", "2026-11-23", "--json")
    workers = json.loads(out)["workers"]
    assert all(set(w) >= {"id", "name"} for w in workers)
    same = [w for w in workers if w["name"] == "Sam Lee"]
    assert len({w["id"] for w in same}) == len(same)
    _code, out, _err = run(capsys, "workers", "--db", demo_db, "--json")
    assert sorted(w["id"] for w in json.loads(out)["workers"] if w["name"] == "Sam Lee") == [first, second]
