"""Bad form files are rejected with a FormError naming the file and the question at fault."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.forms import HEADER, QUESTION

from cowork_desktop.domain.errors import FormError
from cowork_desktop.forms import load_form, load_forms

GOOD_QUESTION = QUESTION.format(qid="notes", prompt="Notes?")


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


BAD_QUESTIONS = [
    pytest.param(
        """
[[sections.questions]]
id = "mood"
prompt = "Mood?"
kind = "slider"
""",
        "mood",
        "unknown kind 'slider'",
        id="unknown_kind",
    ),
    pytest.param(
        GOOD_QUESTION + GOOD_QUESTION,
        "notes",
        "duplicate question id",
        id="duplicate_question_id",
    ),
    pytest.param(
        QUESTION.format(qid="detail", prompt="Detail?")
        + 'show_if = { question = "missing", values = ["yes"] }\n',
        "detail",
        "'missing', which does not exist",
        id="condition_on_a_question_that_does_not_exist",
    ),
    pytest.param(
        GOOD_QUESTION + 'colour = "red"\n',
        "notes",
        "unknown key colour",
        id="unknown_key",
    ),
    pytest.param(
        """
[[sections.questions]]
id = "decision"
prompt = "Decision?"
kind = "choice"
choices = ["Continue"]
""",
        "decision",
        "at least two 'choices'",
        id="choice_with_one_choice",
    ),
]


@pytest.mark.parametrize(("questions", "question", "words"), BAD_QUESTIONS)
def test_a_bad_question_is_named(tmp_path: Path, questions: str, question: str, words: str) -> None:
    err = load_bad(tmp_path, questions)
    assert err.question == question
    assert f"'{question}'" in str(err)
    assert words in str(err)


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
