"""Form definitions written as a user's TOML file would be: a header and text questions to add to it."""

from __future__ import annotations

#: A review form's header with one section, "main", for questions to follow.
HEADER = """\
id = "review"
version = 1
title = "Review"
record_kind = "review"

[[sections]]
id = "main"
title = "Main"
"""

#: A text question in the last section: ``QUESTION.format(qid=..., prompt=...)``.
QUESTION = """
[[sections.questions]]
id = "{qid}"
prompt = "{prompt}"
kind = "text"
"""

#: The tasks the shipped initial meeting shares out, in order (written out here, not read from the forms).
SHIPPED_TASKS = (
    "Visits",
    "Completing reports",
    "Assessments",
    "Plans",
    "Recording",
    "Chronology",
    "Chairing meetings",
    "Presenting information to meetings",
    "Presenting to court",
)
