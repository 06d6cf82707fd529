"""A demo case note (marked as demo data) for previews, manual checks and tests of the export layer."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from PIL import Image, ImageDraw

from cowork_desktop.export import model

MANAGER = "Zoë Ó Súilleabháin"
PRACTITIONER = "Łukasz Wiśniewski"
ASYE = "عائشة خان"
STUDENT = "Γιώργος Παπαδόπουλος"
SOCIAL_WORKER = "Ольга Иванова"

_TASKS = (
    "Statutory visits to the child",
    "Direct work with the child",
    "Work with parents and carers",
    "Chronology and case recording",
    "Liaison with school and health",
    "Reports for conferences and reviews",
    "Core group and network meetings",
)


def drawn_signature_png(width: int = 600, height: int = 200) -> bytes:
    """A squiggle on a transparent background, like the signature pad produces."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    points = [(20, 150), (110, 40), (190, 160), (290, 55), (400, 145), (560, 50)]
    pen.line(points, fill=(10, 20, 90, 255), width=6, joint="curve")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def sample_case_note(
    *,
    status: model.NoteStatus = "signed",
    demo: bool = True,
    responsibility_rows: int = len(_TASKS),
    case_reference: str = "CR-1234",
) -> model.CaseNote:
    """An initial co-working meeting with every kind of item and names in several scripts.

    ``responsibility_rows`` above the 7 standard tasks repeats them (numbered) to make a table span pages.
    """
    rows = tuple(
        model.ResponsibilityRow(
            _TASKS[n % len(_TASKS)] + (f" ({n // len(_TASKS) + 1})" if n >= len(_TASKS) else ""),
            PRACTITIONER if n % 2 == 0 else ASYE,
            joint=n % 3 == 0,
        )
        for n in range(responsibility_rows)
    )
    signed = datetime(2026, 11, 23, 10, 15, tzinfo=UTC)
    return model.CaseNote(
        organisation="Northshire County Council - Children's Services",
        case_reference=case_reference,
        record_kind="Initial co-working meeting (MDR)",
        meeting_date=date(2026, 11, 23),
        record_id=42,
        version=2,
        status=status,
        demo=demo,
        present=(
            model.Attendee(MANAGER, "Team manager"),
            model.Attendee(PRACTITIONER, "Senior practitioner"),
            model.Attendee(ASYE, "ASYE (newly qualified)"),
            model.Attendee(STUDENT, "Student social worker"),
            model.Attendee(SOCIAL_WORKER, "Social worker"),
        ),
        sections=(
            model.NoteSection(
                "Reasons for co-working",
                (
                    model.QuestionAnswer(
                        "Why is this case co-allocated?",
                        "High level of complexity.\nDevelopment of a less experienced worker.",
                    ),
                    model.QuestionAnswer("Is there a risk to workers' safety?", "No"),
                    model.QuestionAnswer("Anything else the co-workers should know?", ""),
                    model.QuestionAnswer(
                        "Language the family prefers", "Urdu (اردو); an interpreter is booked."
                    ),
                ),
            ),
            model.NoteSection(
                "Roles and responsibilities",
                (model.ResponsibilitiesTable(rows, "Who leads each task, and is it joint or sole?"),),
            ),
            model.NoteSection(
                "Supervision and review",
                (
                    model.QuestionAnswer("How often will the co-workers meet?", "Every 2 weeks"),
                    model.QuestionAnswer("Date of the first review", "8 January 2027"),
                ),
            ),
            model.NoteSection(
                "Actions",
                (
                    model.ActionsTable(
                        (
                            model.ActionRow("Arrange a joint home visit", PRACTITIONER, date(2026, 12, 1)),
                            model.ActionRow("Update the chronology", ASYE, date(2026, 12, 5), done=True),
                            model.ActionRow(
                                "Book the interpreter for visits", SOCIAL_WORKER, date(2026, 11, 30)
                            ),
                        ),
                        "Actions agreed",
                    ),
                ),
            ),
        ),
        signatures=(
            model.SignatureBlock(
                MANAGER,
                "Team manager",
                "drawn",
                signed,
                "I confirm this record is accurate.",
                drawn_signature_png(),
            ),
            model.SignatureBlock(
                ASYE,
                "ASYE (newly qualified)",
                "typed",
                signed.replace(minute=20),
                "I agree with this record.",
            ),
        ),
        content_hash="3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855a",
        amendment=model.Amendment(1, "Corrected the due date of an action."),
        generated_at=datetime(2026, 11, 23, 11, 0, tzinfo=UTC),
    )
