"""Loads the protocol's forms (the top-level ``forms/`` data files) into domain objects."""

from cowork_desktop.forms.loader import (
    FormSet,
    definition_from_dict,
    definition_to_dict,
    load_form,
    load_forms,
)

__all__ = ["FormSet", "definition_from_dict", "definition_to_dict", "load_form", "load_forms"]
