"""Bad form files are rejected with a FormError naming the file and the question at fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from cowork_desktop.domain.errors import FormError
from cowork_desktop.forms import load_form, load_forms

HEADER = """\
id = "review"
version = 1
title = "Review"
record_kind = "review"

[[sections]]
id = "main"
title = "Main"
"""

GOOD_QUESTION = """
[[sections.questions]]
id = "notes"
prompt = "Notes?"
kind = "text"
"""


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def load_bad(tmp_path: Path, questions: str) -> FormError:
    path = write(tmp_path, "bad.toml", HEADER + questions)
    with pytest.raises(FormError) as info:
        load_form(path)
    assert str(path) in str(info.value)
    assert info.value.file == str(path)
    return info.value


def test_a_good_form_loads(tmp_path: Path) -> None:
    form = load_form(write(tmp_path, "good.toml", HEADER + GOOD_QUESTION))
    assert [q.id for q in form.questions] == ["notes"]


def test_unknown_kind(tmp_path: Path) -> None:
    err = load_bad(
        tmp_path,
        """
[[sections.questions]]
id = "mood"
prompt = "Mood?"
kind = "slider"
""",
    )
    assert err.question == "mood"
    assert "'mood'" in str(err)
    assert "unknown kind 'slider'" in str(err)


def test_duplicate_question_id(tmp_path: Path) -> None:
    err = load_bad(tmp_path, GOOD_QUESTION + GOOD_QUESTION)
    assert err.question == "notes"
    assert "'notes'" in str(err)
    assert "duplicate question id" in str(err)


def test_condition_on_a_question_that_does_not_exist(tmp_path: Path) -> None:
    err = load_bad(
        tmp_path,
        """
[[sections.questions]]
id = "detail"
prompt = "Detail?"
kind = "text"
show_if = { question = "missing", values = ["yes"] }
""",
    )
    assert err.question == "detail"
    assert "'detail'" in str(err)
    assert "'missing', which does not exist" in str(err)


def test_unknown_key(tmp_path: Path) -> None:
    err = load_bad(
        tmp_path,
        """
[[sections.questions]]
id = "notes"
prompt = "Notes?"
kind = "text"
colour = "red"
""",
    )
    assert err.question == "notes"
    assert "'notes'" in str(err)
    assert "unknown key colour" in str(err)


def test_invalid_toml(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.toml", HEADER + "[[sections.questions]\nid = \n")
    with pytest.raises(FormError) as info:
        load_form(path)
    assert str(path) in str(info.value)
    assert "not valid TOML" in str(info.value)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes((HEADER + GOOD_QUESTION).replace("Notes?", "Caf\xe9?").encode("latin-1"))
    with pytest.raises(FormError) as info:
        load_form(path)
    assert str(path) in str(info.value)
    assert "not UTF-8" in str(info.value)


def test_follow_up_naming_a_form_that_does_not_exist(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "review.toml",
        HEADER
        + """
[[sections.questions]]
id = "delays"
prompt = "Any delays?"
kind = "yes_no"

[[sections.questions.follow_ups]]
when = ["yes"]
form = "issue_resolution"
urgent = true
message = "Resolve it."
""",
    )
    with pytest.raises(FormError) as info:
        load_forms(tmp_path)
    assert info.value.file == str(path)
    assert info.value.question == "delays"
    assert "'delays'" in str(info.value)
    assert "'issue_resolution', which does not exist" in str(info.value)


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(FormError) as info:
        load_forms(tmp_path)
    assert str(tmp_path) in str(info.value)
    assert "no form files" in str(info.value)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FormError) as info:
        load_forms(tmp_path / "nowhere")
    assert "not a folder of forms" in str(info.value)


def test_choice_with_one_choice(tmp_path: Path) -> None:
    err = load_bad(
        tmp_path,
        """
[[sections.questions]]
id = "decision"
prompt = "Decision?"
kind = "choice"
choices = ["Continue"]
""",
    )
    assert err.question == "decision"
    assert "'decision'" in str(err)
    assert "at least two 'choices'" in str(err)


def test_two_forms_for_one_record_kind(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", HEADER + GOOD_QUESTION)
    second = write(tmp_path, "b.toml", HEADER.replace('id = "review"', 'id = "review_two"') + GOOD_QUESTION)
    with pytest.raises(FormError) as info:
        load_forms(tmp_path)
    assert info.value.file == str(second)
    assert "second form for record kind 'review'" in str(info.value)


def test_files_starting_with_underscore_are_not_forms(tmp_path: Path) -> None:
    write(tmp_path, "review.toml", HEADER + GOOD_QUESTION)
    write(tmp_path, "_data.toml", "anything = 1\n")
    assert [f.id for f in load_forms(tmp_path)] == ["review"]
