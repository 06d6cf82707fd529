"""Change a signed record's rows as anyone with the file (and sqlite3) can: the trigger that locks it dropped, the
row changed, the trigger put back exactly as it was. For the tests of what notices (``cowork check``, export,
publish)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from helpers.files import rows

CHANGED_ANSWER = "No further action: the case is closed."


def sql(path: Path, *statements: str, params: tuple[object, ...] = ()) -> None:
    """Plain SQL on the file, as anyone with the file (and sqlite3) can run."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            for statement in statements:
                conn.execute(statement, params if "?" in statement else ())
    finally:
        conn.close()


def trigger_sql(path: Path, name: str) -> str:
    return str(rows(path, "SELECT sql FROM sqlite_master WHERE name = ?", [name])[0][0])


def change_signed_answer(path: Path, record_id: int) -> str:
    """Drop the trigger that locks signed records, change a signed answer, and put the trigger back exactly."""
    again = trigger_sql(path, "records_signed_no_update")
    conn = sqlite3.connect(path)
    try:
        answers = json.loads(
            conn.execute("SELECT answers FROM records WHERE id = ?", [record_id]).fetchone()[0]
        )
    finally:
        conn.close()
    key: str = next(k for k, v in answers.items() if isinstance(v, str) and len(v) > 20)
    answers[key] = CHANGED_ANSWER
    sql(path, "DROP TRIGGER records_signed_no_update")
    sql(path, "UPDATE records SET answers = ? WHERE id = ?", params=(json.dumps(answers), record_id))
    sql(path, again)
    assert trigger_sql(path, "records_signed_no_update") == again
    return key
