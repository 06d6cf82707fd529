"""What ``cowork forms check`` checks: a folder's forms, its PCF domains file and its other data files.

Apart from :mod:`.loader` (which reads one form, or a folder of them) because it also reads the PCF file with
:mod:`.pcf`, which itself reads through the loader's guards: here both are used, and neither imports the other
back.
"""

from __future__ import annotations

from pathlib import Path

from cowork_desktop.forms.loader import FormSet, load_forms, read_toml
from cowork_desktop.forms.pcf import PCF_FILENAME, load_pcf_domains


def check_forms_folder(folder: Path) -> FormSet:
    """What ``cowork forms check`` checks: every form in ``folder`` (:func:`load_forms`), its PCF domains file
    (``_pcf_domains.toml``, if the folder has one) and every other data file (``_*.toml``: readable TOML within
    the limits). Returns the forms; FormError naming the first file at fault."""
    found = load_forms(folder)
    for path in sorted(folder.glob("_*.toml")):
        if path.name == PCF_FILENAME:
            load_pcf_domains(path)
        else:
            read_toml(path)
    return found
