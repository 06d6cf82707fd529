"""A form version as the store keeps it: its definition as JSON text (the snapshot every record of that version
reads for ever) and that text's SHA-256. The one place the store (de)serialises a form (``forms/loader.py``)."""

from __future__ import annotations

import hashlib
import json

from cowork_desktop.domain.forms import FormDefinition
from cowork_desktop.forms.loader import definition_from_dict, definition_to_dict


def snapshot(form: FormDefinition) -> tuple[str, str]:
    """The definition's JSON text as stored, and its SHA-256."""
    text = json.dumps(definition_to_dict(form), sort_keys=True, ensure_ascii=False)
    return text, digest(text)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def definition(text: str, form_id: str, version: int) -> FormDefinition:
    """A stored snapshot read back as a form definition."""
    return definition_from_dict(json.loads(text), f"{form_id} v{version} (stored)")
