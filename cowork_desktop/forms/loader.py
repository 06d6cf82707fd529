"""Read and check form files (TOML, standard library ``tomllib``).

Unknown keys, unknown kinds, duplicate ids and conditions on questions that do not exist are rejected at load
time with a :class:`FormError` naming the file and the question at fault.

A form file is data a team may edit, copy from a colleague or receive by e-mail, so reading one is guarded: a
file that is too large, not UTF-8, nested too deeply or with absurd counts (see the limits below) is refused
with one :class:`FormError` line naming it, never a ``RecursionError`` or a frozen window. The limits apply to
files (:func:`load_form`, :func:`read_toml`); :func:`definition_from_dict` does not apply them, so a form
version already stored in a database stays readable whatever it holds.
"""

from __future__ import annotations

import math
import re
import stat
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cowork_desktop.domain.dates import parse_rrule_safe
from cowork_desktop.domain.errors import FormError
from cowork_desktop.domain.forms import (
    CONTEXT_FLAGS,
    Condition,
    FollowUp,
    FormDefinition,
    Question,
    QuestionKind,
    Section,
)
from cowork_desktop.domain.models import RecordKind

_ID_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_FORM_KEYS = {"id", "version", "title", "record_kind", "description", "mdr_title", "sections"}
_SECTION_KEYS = {"id", "title", "guidance", "questions", "show_if"}
_QUESTION_KEYS = {
    "id",
    "prompt",
    "kind",
    "guidance",
    "required",
    "choices",
    "tasks",
    "show_if",
    "follow_ups",
    "not_before_meeting",
    "default",
    "role",
}
_CONDITION_KEYS = {"question", "context", "values"}
_FOLLOW_UP_KEYS = {"when", "form", "message", "urgent", "prefill"}
ROLES = {
    "",
    "next_review_date",
    "discussion_frequency",
    "supervision_frequency",
    "partnership_ladder",
    "participants",
    "decision",
    "learning",
    "actions",
    "action_review",
    "responsibilities",
}

# Limits on a form file. The shipped forms are at most 12 KB, 8 sections, 25 questions, nesting 8 deep (a
# follow-up's prefill table), a prompt of 92 characters, guidance of 596 and 9 choices: each limit is 20 times
# that or more (the nesting limit twice the deepest form), so no real form comes near one, and each is low enough
# that a wrong or hostile file (a script's runaway output, a binary renamed .toml) is refused at once, by name,
# instead of crashing or freezing the app.
#: the largest form (or data) file read, in KB
MAX_FILE_KB = 256
MAX_FILE_BYTES = MAX_FILE_KB * 1024
#: tables and lists inside one another, the file itself being level 1 (the shipped forms use 8)
MAX_DEPTH = 16
MAX_SECTIONS = 100
#: questions in the whole form
MAX_QUESTIONS = 500
#: a prompt, a title, a choice, a task, a follow-up message: any text that is not guidance or a description
MAX_TEXT_CHARS = 2_000
#: guidance and descriptions (shown as paragraphs)
MAX_LONG_TEXT_CHARS = 20_000
LONG_TEXT_KEYS = frozenset({"guidance", "description"})
#: any other list (choices, tasks, follow-ups, a condition's values) and any table (a prefill)
MAX_ITEMS = 100
#: a key (a name before '='): the form's keys are short words
MAX_KEY_CHARS = 64
MAX_FORM_BYTES = MAX_FILE_BYTES  # the name used before the limits above


class _Ctx:
    def __init__(self, file: str) -> None:
        self.file = file
        self.question: str | None = None

    def fail(self, message: str) -> FormError:
        return FormError(self.file, message, self.question)


def _check_keys(ctx: _Ctx, data: dict[str, Any], allowed: set[str], what: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ctx.fail(f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} in {what}")


def _str(ctx: _Ctx, data: dict[str, Any], key: str, required: bool = False, default: str = "") -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise ctx.fail(f"'{key}' is missing")
        return default
    if not isinstance(value, str):
        raise ctx.fail(f"'{key}' must be text")
    if required and not value.strip():
        raise ctx.fail(f"'{key}' is empty")
    return value


def _bool(ctx: _Ctx, data: dict[str, Any], key: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise ctx.fail(f"'{key}' must be true or false")
    return value


def _str_list(ctx: _Ctx, data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ctx.fail(f"'{key}' must be a list of text")
    if len(set(value)) != len(value):
        raise ctx.fail(f"'{key}' lists the same entry twice")
    return tuple(value)


def _condition(ctx: _Ctx, data: Any) -> Condition | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ctx.fail('\'show_if\' must be a table such as { question = "x", values = ["yes"] }')
    _check_keys(ctx, data, _CONDITION_KEYS, "show_if")
    question = data.get("question")
    context = data.get("context")
    if (question is None) == (context is None):
        raise ctx.fail("'show_if' needs exactly one of 'question' or 'context'")
    if context is not None and context not in CONTEXT_FLAGS:
        raise ctx.fail(
            f"'show_if' names unknown context '{context}' (known: {', '.join(sorted(CONTEXT_FLAGS))})"
        )
    if question is not None and not isinstance(question, str):
        raise ctx.fail("'show_if.question' must be a question id")
    values = _str_list(ctx, data, "values") if "values" in data else ("yes",)
    return Condition(question=question, context=context, values=values)


def _follow_ups(ctx: _Ctx, data: Any) -> tuple[FollowUp, ...]:
    if data is None:
        return ()
    if not isinstance(data, list):
        raise ctx.fail("'follow_ups' must be a list of tables")
    found = []
    for item in data:
        if not isinstance(item, dict):
            raise ctx.fail("each follow-up must be a table")
        _check_keys(ctx, item, _FOLLOW_UP_KEYS, "follow_ups")
        found.append(
            FollowUp(
                when=_str_list(ctx, item, "when") or ("yes",),
                form=_str(ctx, item, "form", required=True),
                message=_str(ctx, item, "message", required=True),
                urgent=_bool(ctx, item, "urgent"),
                prefill=_prefill(ctx, item.get("prefill")),
            )
        )
    return tuple(found)


def _prefill(ctx: _Ctx, data: Any) -> dict[str, str]:
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ctx.fail(
            "'prefill' must be a table of question ids to text (or '@question' for an answer here)"
        )
    return dict(data)


def _question(ctx: _Ctx, data: Any) -> Question:
    if not isinstance(data, dict):
        raise ctx.fail("each question must be a table")
    qid = data.get("id")
    if not isinstance(qid, str) or not _ID_RE.match(qid):
        raise ctx.fail(f"question id {qid!r} must be lower_case_with_underscores")
    ctx.question = qid
    _check_keys(ctx, data, _QUESTION_KEYS, "question")
    kind_text = _str(ctx, data, "kind", required=True)
    try:
        kind = QuestionKind(kind_text)
    except ValueError:
        known = ", ".join(k.value for k in QuestionKind)
        raise ctx.fail(f"unknown kind '{kind_text}' (known: {known})") from None
    choices = _str_list(ctx, data, "choices")
    tasks = _str_list(ctx, data, "tasks")
    if kind == QuestionKind.CHOICE and len(choices) < 2:
        raise ctx.fail("a choice question needs at least two 'choices'")
    if kind != QuestionKind.CHOICE and choices:
        raise ctx.fail("'choices' only applies to kind 'choice'")
    if kind == QuestionKind.RESPONSIBILITIES and not tasks:
        raise ctx.fail("a responsibilities question needs its 'tasks'")
    if kind != QuestionKind.RESPONSIBILITIES and tasks:
        raise ctx.fail("'tasks' only applies to kind 'responsibilities'")
    default = _str(ctx, data, "default")
    if default and kind == QuestionKind.RECURRENCE and parse_rrule_safe(default) is None:
        raise ctx.fail(f"default '{default}' is not a valid RRULE")
    role = _str(ctx, data, "role")
    if role not in ROLES:
        raise ctx.fail(f"unknown role '{role}'")
    question = Question(
        id=qid,
        prompt=_str(ctx, data, "prompt", required=True),
        kind=kind,
        guidance=_str(ctx, data, "guidance"),
        required=_bool(ctx, data, "required"),
        choices=choices,
        tasks=tasks,
        show_if=_condition(ctx, data.get("show_if")),
        follow_ups=_follow_ups(ctx, data.get("follow_ups")),
        not_before_meeting=_bool(ctx, data, "not_before_meeting"),
        default=default,
        role=role,
    )
    if question.follow_ups and kind not in (QuestionKind.YES_NO, QuestionKind.CHOICE):
        raise ctx.fail("'follow_ups' only apply to yes_no and choice questions")
    ctx.question = None
    return question


def definition_from_dict(data: dict[str, Any], file: str = "<form>") -> FormDefinition:
    """Build and check a form definition from parsed TOML (or a stored JSON snapshot)."""
    ctx = _Ctx(file)
    if not isinstance(data, dict):
        raise ctx.fail("not a form (expected a table)")
    _check_keys(ctx, data, _FORM_KEYS, "the form")
    form_id = _str(ctx, data, "id", required=True)
    if not _ID_RE.match(form_id):
        raise ctx.fail(f"form id '{form_id}' must be lower_case_with_underscores")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ctx.fail("'version' must be a whole number of 1 or more")
    record_kind = _str(ctx, data, "record_kind", required=True)
    if record_kind not in {k.value for k in RecordKind}:
        raise ctx.fail(f"unknown record_kind '{record_kind}'")
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise ctx.fail("a form needs at least one [[sections]]")
    sections: list[Section] = []
    seen_sections: set[str] = set()
    seen_questions: dict[str, Question] = {}
    for raw in raw_sections:
        if not isinstance(raw, dict):
            raise ctx.fail("each section must be a table")
        sid = raw.get("id")
        if not isinstance(sid, str) or not _ID_RE.match(sid):
            raise ctx.fail(f"section id {sid!r} must be lower_case_with_underscores")
        _check_keys(ctx, raw, _SECTION_KEYS, f"section '{sid}'")
        if sid in seen_sections:
            raise ctx.fail(f"duplicate section id '{sid}'")
        seen_sections.add(sid)
        raw_questions = raw.get("questions", [])
        if not isinstance(raw_questions, list) or not raw_questions:
            raise ctx.fail(f"section '{sid}' has no questions")
        questions = []
        for rq in raw_questions:
            q = _question(ctx, rq)
            if q.id in seen_questions:
                ctx.question = q.id
                raise ctx.fail("duplicate question id")
            seen_questions[q.id] = q
            questions.append(q)
        sections.append(
            Section(
                id=sid,
                title=_str(ctx, raw, "title", required=True),
                guidance=_str(ctx, raw, "guidance"),
                questions=tuple(questions),
                show_if=_condition(ctx, raw.get("show_if")),
            )
        )
    _check_conditions(ctx, sections, seen_questions)
    return FormDefinition(
        id=form_id,
        version=version,
        title=_str(ctx, data, "title", required=True),
        record_kind=record_kind,
        sections=tuple(sections),
        description=_str(ctx, data, "description"),
        mdr_title=_str(ctx, data, "mdr_title"),
        source_file=file,
    )


def _check_conditions(ctx: _Ctx, sections: list[Section], questions: dict[str, Question]) -> None:
    def check(cond: Condition | None, owner: str | None) -> None:
        if cond is None or cond.question is None:
            return
        ctx.question = owner
        target = questions.get(cond.question)
        if target is None:
            raise ctx.fail(f"condition on question '{cond.question}', which does not exist")
        if cond.question == owner:
            raise ctx.fail("a question cannot depend on itself")
        if target.kind == QuestionKind.YES_NO:
            allowed = {"yes", "no"}
        elif target.kind == QuestionKind.CHOICE:
            allowed = set(target.choices)
        else:
            raise ctx.fail(f"condition on question '{cond.question}', which is not yes_no or choice")
        bad = [v for v in cond.values if v not in allowed]
        if bad:
            raise ctx.fail(f"condition value '{bad[0]}' is not an answer '{cond.question}' can have")

    for section in sections:
        check(section.show_if, None)
        for q in section.questions:
            check(q.show_if, q.id)
    ctx.question = None


def definition_to_dict(form: FormDefinition) -> dict[str, Any]:
    """The inverse of :func:`definition_from_dict`: what the store snapshots for each form version."""

    def cond(c: Condition | None) -> dict[str, Any] | None:
        if c is None:
            return None
        d: dict[str, Any] = {"values": list(c.values)}
        if c.question is not None:
            d["question"] = c.question
        if c.context is not None:
            d["context"] = c.context
        return d

    def question(q: Question) -> dict[str, Any]:
        d: dict[str, Any] = {"id": q.id, "prompt": q.prompt, "kind": q.kind.value}
        for key in ("guidance", "default", "role"):
            if getattr(q, key):
                d[key] = getattr(q, key)
        for key in ("required", "not_before_meeting"):
            if getattr(q, key):
                d[key] = True
        if q.choices:
            d["choices"] = list(q.choices)
        if q.tasks:
            d["tasks"] = list(q.tasks)
        if q.show_if:
            d["show_if"] = cond(q.show_if)
        if q.follow_ups:
            d["follow_ups"] = [
                {"when": list(f.when), "form": f.form, "message": f.message, "urgent": f.urgent}
                | ({"prefill": dict(f.prefill)} if f.prefill else {})
                for f in q.follow_ups
            ]
        return d

    sections = []
    for s in form.sections:
        sd: dict[str, Any] = {"id": s.id, "title": s.title, "questions": [question(q) for q in s.questions]}
        if s.guidance:
            sd["guidance"] = s.guidance
        if s.show_if:
            sd["show_if"] = cond(s.show_if)
        sections.append(sd)
    out: dict[str, Any] = {
        "id": form.id,
        "version": form.version,
        "title": form.title,
        "record_kind": form.record_kind,
        "sections": sections,
    }
    if form.description:
        out["description"] = form.description
    if form.mdr_title:
        out["mdr_title"] = form.mdr_title
    return out


def _kb(size: int) -> int:
    return max(1, math.ceil(size / 1024))


def nesting_depth(data: Any, stop_after: int = MAX_DEPTH) -> int:
    """How many tables and lists sit inside one another in parsed data (a table holding only text is 1).

    Iterative, so any depth is measured without recursion; it stops at the first level beyond ``stop_after``.
    """
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        if depth > stop_after:
            return depth
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _too_deep(file: str, max_depth: int) -> FormError:
    return FormError(file, f"nested too deeply: more than {max_depth} levels of tables and lists")


def read_toml(path: Path, *, max_bytes: int = MAX_FILE_BYTES, max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    """Parse one TOML data file, refusing with a FormError naming it: a missing or unreadable file, one that is
    not a regular file, larger than ``max_bytes``, not UTF-8, not TOML, or nested deeper than ``max_depth``
    (measured on the parsed data, and a ``RecursionError`` inside ``tomllib`` itself is caught)."""
    name = str(path)
    limit = f"the limit is {max_bytes // 1024} KB"
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise FormError(name, "not a file" if stat.S_ISDIR(info.st_mode) else "not a regular file")
        if info.st_size > max_bytes:
            raise FormError(name, f"too large: {_kb(info.st_size)} KB, {limit}")
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
        if len(raw) > max_bytes:  # it grew after the size was read
            raise FormError(name, f"too large: more than {max_bytes // 1024} KB, {limit}")
        text = raw.decode("utf-8-sig")  # a byte order mark (Windows Notepad) is not an error
        data = tomllib.loads(text)
    except FormError:
        raise
    except UnicodeDecodeError as exc:
        raise FormError(
            name, f"not UTF-8 text (byte {exc.start + 1} cannot be read): save the file as UTF-8"
        ) from None
    except RecursionError:
        raise _too_deep(name, max_depth) from None
    except tomllib.TOMLDecodeError as exc:
        raise FormError(name, f"not valid TOML: {' '.join(str(exc).split())[:200]}") from None
    except ValueError:  # e.g. a number of thousands of digits (int() refuses it inside tomllib)
        raise FormError(name, "not valid TOML: a value cannot be read (a number far too long?)") from None
    except OSError as exc:
        raise FormError(name, f"cannot read: {exc.strerror or type(exc).__name__}") from None
    if nesting_depth(data, max_depth) > max_depth:
        raise _too_deep(name, max_depth)
    return data


def check_limits(
    data: Any,
    file: str,
    *,
    max_text: int = MAX_TEXT_CHARS,
    long_text_keys: frozenset[str] = LONG_TEXT_KEYS,
    max_long_text: int = MAX_LONG_TEXT_CHARS,
    max_items: int = MAX_ITEMS,
    list_limits: Mapping[str, int] | None = None,
    max_questions: int = MAX_QUESTIONS,
) -> None:
    """Refuse absurd counts and lengths in parsed form data, naming the file and, where there is one, the
    question: text longer than ``max_text`` (``max_long_text`` under ``long_text_keys``), a list or table of more
    than ``max_items`` (``list_limits`` per key; by default ``sections`` up to :data:`MAX_SECTIONS`), more than
    ``max_questions`` questions in all. Iterative; the shape itself is checked later."""
    limits = {"sections": MAX_SECTIONS, "questions": max_questions} if list_limits is None else list_limits
    questions = 0
    # (value, the key it is under, whether it is an entry of a list, the question it belongs to)
    stack: list[tuple[Any, str, bool, str | None]] = [(data, "", False, None)]
    while stack:
        value, key, in_list, question = stack.pop()
        if isinstance(value, str):
            most = max_long_text if key in long_text_keys else max_text
            if len(value) > most:
                what = (f"an entry of '{key}'" if in_list else f"'{key}'") if key else "a text"
                raise FormError(
                    file, f"{what} is too long: {len(value):,} characters, the limit is {most:,}", question
                )
            continue
        if isinstance(value, dict):
            items: list[tuple[str, Any, bool]] = []
            for child_key, child in value.items():
                if len(child_key) > MAX_KEY_CHARS:
                    raise FormError(file, f"a key is too long: {len(child_key):,} characters", question)
                items.append((child_key, child, False))
            most = max_items
        elif isinstance(value, list):
            items = [(key, child, True) for child in value]
            most = limits.get(key, max_items)
        else:
            continue
        if len(items) > most:
            what = f"'{key}'" if key else ("a list" if isinstance(value, list) else "the file")
            raise FormError(
                file, f"{what} has too many entries: {len(items):,}, the limit is {most:,}", question
            )
        if key == "questions" and isinstance(value, list):
            questions += len(value)
            if questions > max_questions:
                raise FormError(file, f"too many questions: more than {max_questions:,} in one form")
        for child_key, child, child_in_list in items:
            owner = question
            if key == "questions" and child_in_list and isinstance(child, dict):
                qid = child.get("id")
                owner = qid if isinstance(qid, str) and _ID_RE.match(qid) else None
            stack.append((child, child_key, child_in_list, owner))


def load_form(path: Path) -> FormDefinition:
    """One form file, checked (see the module's limits); FormError naming the file at fault."""
    name = str(path)
    data = read_toml(path)
    check_limits(data, name)
    return definition_from_dict(data, name)


@dataclass
class FormSet:
    """The forms of one folder, one per record kind, checked together (follow-ups name forms that exist)."""

    folder: Path
    forms: dict[str, FormDefinition] = field(default_factory=dict)

    def __iter__(self) -> Iterator[FormDefinition]:
        return iter(self.forms.values())

    def get(self, form_id: str) -> FormDefinition:
        return self.forms[form_id]

    def for_kind(self, kind: str) -> FormDefinition:
        for form in self.forms.values():
            if form.record_kind == kind:
                return form
        raise KeyError(kind)


def load_forms(folder: Path) -> FormSet:
    """Load every ``*.toml`` form in ``folder``; raise FormError for the first file or question at fault."""
    if not folder.is_dir():
        raise FormError(str(folder), "not a folder of forms")
    found = FormSet(folder)
    kinds: dict[str, str] = {}
    files = sorted(folder.glob("*.toml"))
    for path in files:
        if path.name.startswith("_"):
            continue  # data files that are not forms (e.g. _pcf_domains.toml)
        form = load_form(path)
        if form.id in found.forms:
            raise FormError(
                str(path), f"form id '{form.id}' is also used by {found.forms[form.id].source_file}"
            )
        if form.record_kind in kinds:
            raise FormError(
                str(path), f"a second form for record kind '{form.record_kind}' ({kinds[form.record_kind]})"
            )
        kinds[form.record_kind] = str(path)
        found.forms[form.id] = form
    if not found.forms:
        raise FormError(str(folder), "no form files (*.toml) in this folder")
    for form in found.forms.values():
        for q in form.questions:
            for fu in q.follow_ups:
                if fu.form not in found.forms:
                    raise FormError(
                        form.source_file, f"follow-up names form '{fu.form}', which does not exist", q.id
                    )
                target = {x.id for x in found.forms[fu.form].questions}
                here = {x.id for x in form.questions}
                for key, value in fu.prefill.items():
                    if key not in target:
                        raise FormError(
                            form.source_file,
                            f"follow-up prefills '{key}', not a question of '{fu.form}'",
                            q.id,
                        )
                    if value.startswith("@") and value[1:] not in here:
                        raise FormError(
                            form.source_file,
                            f"follow-up prefill '{value}' names no question of this form",
                            q.id,
                        )
    return found
