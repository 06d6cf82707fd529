"""Hostile or broken data files: each is refused with one FormError line naming the file, never a crash.

Deep nesting (which makes ``tomllib`` itself recurse), huge files, bytes that are not UTF-8, absurd counts and
lengths, a broken ``_pcf_domains.toml`` that ``forms check`` must catch, and files that are not files at all.
Real files in a temporary folder, read through the loaders the app and the ``cowork`` command use.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from helpers.forms import HEADER, QUESTION

from cowork_desktop.cli import main
from cowork_desktop.domain.errors import FormError
from cowork_desktop.forms import load_form, load_forms
from cowork_desktop.forms.checks import check_forms_folder
from cowork_desktop.forms.loader import (
    MAX_DEPTH,
    MAX_FILE_KB,
    MAX_QUESTIONS,
    MAX_TEXT_CHARS,
    nesting_depth,
    read_toml,
)
from cowork_desktop.forms.pcf import MAX_KEYWORDS, PCF_FILENAME, load_pcf_domains

SHIPPED = Path(__file__).resolve().parents[2] / "forms"


GOOD_PCF = """\
version = 1

[[domains]]
id = "values"
title = "Values and ethics"
keywords = ["ethics"]
"""

DEEP = 1_000
DEEP_BODIES = {
    "arrays": "a = " + "[" * DEEP + "]" * DEEP + "\n",
    "inline tables": "a = " + "{ b = " * DEEP + "1" + " }" * DEEP + "\n",
    "mixed": "a = " + "[{ b = " * (DEEP // 2) + "1" + " }]" * (DEEP // 2) + "\n",
    "dotted table header": "[" + ".".join(["t"] * DEEP) + "]\nx = 1\n",  # parses without recursing
}


def write(folder: Path, name: str, body: str | bytes) -> Path:
    path = folder / name
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8")
    return path


def form(n_questions: int = 1, prompt: str = "Notes?") -> str:
    return HEADER + "".join(QUESTION.format(qid=f"q{n}", prompt=prompt) for n in range(n_questions))


def refused(path: Path, *words: str) -> FormError:
    with pytest.raises(FormError) as info:
        load_form(path)
    assert info.value.file == str(path)
    text = str(info.value)
    assert text.startswith(str(path)) and "\n" not in text
    for word in words:
        assert word in text, text
    return info.value


# ------------------------------------------------------------------------------------------- deep nesting


@pytest.mark.parametrize("shape", sorted(DEEP_BODIES))
def test_deep_nesting_is_one_error_naming_the_file(tmp_path: Path, shape: str) -> None:
    path = write(tmp_path, "deep.toml", DEEP_BODIES[shape])
    refused(path, "nested too deeply", f"more than {MAX_DEPTH} levels")


@pytest.mark.parametrize("shape", sorted(DEEP_BODIES))
def test_a_deep_file_in_the_folder_names_that_file(tmp_path: Path, shape: str) -> None:
    write(tmp_path, "review.toml", form())
    deep = write(tmp_path, "zz_deep.toml", DEEP_BODIES[shape])
    with pytest.raises(FormError) as info:
        load_forms(tmp_path)
    assert info.value.file == str(deep)
    assert "nested too deeply" in str(info.value)


def test_forms_check_reports_a_deep_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "review.toml", form())
    deep = write(tmp_path, "deep.toml", DEEP_BODIES["arrays"])
    code = main(["forms", "check", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.count("\n") == 1, err
    assert str(deep) in err and "nested too deeply" in err
    assert "RecursionError" not in err and "unexpected" not in err


def test_nesting_a_little_deeper_than_the_shipped_forms_is_fine(tmp_path: Path) -> None:
    body = "a = " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"  # the file's table is level 1
    assert nesting_depth(read_toml(write(tmp_path, "ok.toml", body))) == MAX_DEPTH
    too_deep = "a = " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"
    with pytest.raises(FormError, match="nested too deeply"):
        read_toml(write(tmp_path, "deep.toml", too_deep))


def test_the_shipped_files_are_far_inside_every_limit() -> None:
    for path in sorted(SHIPPED.glob("*.toml")):
        assert path.stat().st_size < MAX_FILE_KB * 1024 // 10, path
        assert nesting_depth(read_toml(path)) <= MAX_DEPTH // 2, path
    assert [f.id for f in check_forms_folder(SHIPPED)] == [f.id for f in load_forms(SHIPPED)]


def test_nesting_depth_is_measured_without_recursion() -> None:
    deep: list[object] = []
    current = deep
    for _ in range(100_000):  # far beyond the recursion limit
        inner: list[object] = []
        current.append(inner)
        current = inner
    assert nesting_depth(deep, stop_after=100_000) == 100_001
    assert nesting_depth(deep) == MAX_DEPTH + 1  # stops at the first level beyond the limit
    assert nesting_depth({"a": "text"}) == 1 and nesting_depth("text") == 0


# ---------------------------------------------------------------------------------------- size and bytes


def test_a_huge_file_is_refused_by_its_size(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.toml", ("# " + "x" * 1_021 + "\n") * 300 + form())  # 300 KB and a form
    refused(path, "too large: 301 KB", f"the limit is {MAX_FILE_KB} KB")


def test_a_sparse_file_of_64_mb_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "sparse.toml"
    with path.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)
    refused(path, "too large: 65536 KB")


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "latin1.toml", form(prompt="Caf\xe9?").encode("latin-1"))
    refused(path, "not UTF-8 text", "save the file as UTF-8")


@pytest.mark.parametrize(
    "body",
    [b"\xff\xfe\x00i\x00d", b"\x00\x01\x02\x03", b'id = "\xed\xa0\x80"', bytes(range(256))],
    ids=["utf16", "binary", "surrogate", "every-byte"],
)
def test_binary_junk_is_one_clear_error(tmp_path: Path, body: bytes) -> None:
    path = write(tmp_path, "junk.toml", body)
    err = refused(path)
    assert "not UTF-8" in str(err) or "not valid TOML" in str(err)


def test_a_number_of_thousands_of_digits_is_not_valid_toml(tmp_path: Path) -> None:
    path = write(tmp_path, "digits.toml", form() + "\n[extra]\nn = " + "9" * 5_000 + "\n")
    refused(path, "not valid TOML")


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.toml", b"\xef\xbb\xbf" + form().encode("utf-8"))
    assert [q.id for q in load_form(path).questions] == ["q0"]


def test_a_folder_named_like_a_form_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder.toml").mkdir()
    refused(tmp_path / "folder.toml", "not a file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    refused(path, "not a regular file")


# --------------------------------------------------------------------------------------- absurd counts


def test_too_many_questions(tmp_path: Path) -> None:
    path = write(tmp_path, "many.toml", form(MAX_QUESTIONS + 1))
    refused(path, "too many", str(MAX_QUESTIONS))


def test_as_many_questions_as_the_limit_is_fine(tmp_path: Path) -> None:
    assert len(load_form(write(tmp_path, "many.toml", form(MAX_QUESTIONS))).questions) == MAX_QUESTIONS


def test_too_many_questions_across_sections(tmp_path: Path) -> None:
    sections = "".join(
        f'\n[[sections]]\nid = "s{n}"\ntitle = "S"\n'
        + "".join(QUESTION.format(qid=f"q{n}_{m}", prompt="P?") for m in range(60))
        for n in range(9)
    )
    body = HEADER.split("[[sections]]")[0] + sections  # 540 questions, 60 a section
    refused(write(tmp_path, "spread.toml", body), "too many questions")


def test_a_prompt_too_long_names_the_question(tmp_path: Path) -> None:
    path = write(tmp_path, "long.toml", form(prompt="x" * (MAX_TEXT_CHARS + 1)))
    err = refused(path, "'prompt' is too long", f"{MAX_TEXT_CHARS:,}")
    assert err.question == "q0"


def test_too_many_choices(tmp_path: Path) -> None:
    choices = ", ".join(f'"c{n}"' for n in range(500))
    body = (
        HEADER
        + f'\n[[sections.questions]]\nid = "pick"\nprompt = "P?"\nkind = "choice"\nchoices = [{choices}]\n'
    )
    err = refused(write(tmp_path, "choices.toml", body), "'choices' has too many entries: 500")
    assert err.question == "pick"


def test_a_key_too_long_is_not_echoed(tmp_path: Path) -> None:
    path = write(tmp_path, "key.toml", HEADER + "\n" + "k" * 100_000 + " = 1\n")
    err = refused(path, "a key is too long")
    assert len(str(err)) < 300


def test_a_stored_form_version_is_not_held_to_the_file_limits() -> None:
    """Limits guard files; a version already in a database stays readable whatever it holds."""
    from cowork_desktop.forms import definition_from_dict

    data = {
        "id": "review",
        "version": 1,
        "title": "Review",
        "record_kind": "review",
        "sections": [
            {"id": "main", "title": "Main", "questions": [{"id": "q", "prompt": "x" * 5_000, "kind": "text"}]}
        ],
    }
    assert definition_from_dict(data).questions[0].prompt == "x" * 5_000


# -------------------------------------------------------------------------------------- the PCF domains


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (DEEP_BODIES["arrays"], "nested too deeply"),
        (DEEP_BODIES["inline tables"], "nested too deeply"),
        (GOOD_PCF + ("# " + "x" * 98 + "\n") * 3_000, "too large"),
        (GOOD_PCF.encode("utf-8").replace(b"ethics", b"\xe9thics"), "not UTF-8"),
        (
            GOOD_PCF.replace('["ethics"]', "[" + ", ".join(f'"k{n}"' for n in range(MAX_KEYWORDS + 1)) + "]"),
            "too many",
        ),
        (GOOD_PCF.replace('["ethics"]', '["' + "k" * 200 + '"]'), "too long"),
    ],
    ids=["deep-arrays", "deep-tables", "huge", "latin1", "keywords", "keyword-length"],
)
def test_a_hostile_pcf_file_names_the_file(tmp_path: Path, body: str | bytes, words: str) -> None:
    path = write(tmp_path, PCF_FILENAME, body)
    with pytest.raises(FormError) as info:
        load_pcf_domains(path)
    assert str(info.value).startswith(str(path)) and words in str(info.value)
    assert "\n" not in str(info.value)


def test_the_folder_check_catches_a_broken_pcf_file(tmp_path: Path) -> None:
    write(tmp_path, "review.toml", form())
    pcf = write(tmp_path, PCF_FILENAME, "version = 1\n[[domains]]\nid = 'Bad Id'\ntitle = 'X'\n")
    assert [f.id for f in load_forms(tmp_path)] == ["review"]  # the forms themselves load
    with pytest.raises(FormError) as info:
        check_forms_folder(tmp_path)
    assert info.value.file == str(pcf)
    assert "lower_case" in str(info.value)


def test_the_folder_check_catches_a_deep_pcf_file(tmp_path: Path) -> None:
    write(tmp_path, "review.toml", form())
    pcf = write(tmp_path, PCF_FILENAME, DEEP_BODIES["arrays"])
    with pytest.raises(FormError) as info:
        check_forms_folder(tmp_path)
    assert info.value.file == str(pcf) and "nested too deeply" in str(info.value)


def test_the_folder_check_reads_other_data_files_safely(tmp_path: Path) -> None:
    write(tmp_path, "review.toml", form())
    write(tmp_path, "_notes.toml", "anything = 1\n")
    assert [f.id for f in check_forms_folder(tmp_path)] == ["review"]
    broken = write(tmp_path, "_notes.toml", "anything = [\n")
    with pytest.raises(FormError) as info:
        check_forms_folder(tmp_path)
    assert info.value.file == str(broken) and "not valid TOML" in str(info.value)


def test_the_folder_check_of_a_copy_of_the_shipped_forms(tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    shutil.copytree(SHIPPED, folder)
    assert len(list(check_forms_folder(folder))) == len(list(load_forms(SHIPPED)))
    (folder / PCF_FILENAME).write_text(DEEP_BODIES["inline tables"], encoding="utf-8")
    with pytest.raises(FormError, match="nested too deeply"):
        check_forms_folder(folder)
    (folder / PCF_FILENAME).unlink()  # no PCF file of its own: the forms alone are checked
    assert len(list(check_forms_folder(folder))) == len(list(load_forms(SHIPPED)))
