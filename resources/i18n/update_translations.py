"""Refresh the translations: ``python resources/i18n/update_translations.py`` (from the repository root).

1. ``pyside6-lupdate`` (shipped with PySide6-Essentials) collects every ``self.tr(...)``,
   ``QCoreApplication.translate(...)`` and ``QApplication.translate(...)`` string under ``cowork_desktop/ui`` and
   ``cowork_desktop/app.py`` into ``resources/i18n/cowork_en_GB.ts`` (existing translations are kept).
2. British English is the source language, so each still-empty translation is filled with its source text and
   marked finished (a translator for another language starts from ``pyside6-lupdate -ts cowork_<xx>.ts``).
3. ``pyside6-lrelease`` compiles it to ``cowork_en_GB.qm``, which the app loads at start (``ui.help``).

Open ``cowork_en_GB.ts`` in ``pyside6-linguist`` to review or edit the strings.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "cowork_en_GB.ts"
QM = HERE / "cowork_en_GB.qm"


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install the project's virtual environment (make run)")
    return found


def sources() -> list[str]:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "cowork_desktop" / "ui").rglob("*.py"))
    return [*files, "cowork_desktop/app.py"]


def fill_british_english(ts: Path) -> int:
    """Empty translations take their source text (the source is British English). Returns how many."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.find("source")
        translation = message.find("translation")
        if source is None or translation is None:
            continue
        if translation.get("type") == "obsolete" or translation.get("type") == "vanished":
            continue
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            if all(not (f.text or "") for f in forms):
                for f in forms or [ET.SubElement(translation, "numerusform")]:
                    f.text = source.text
                if len(translation.findall("numerusform")) < 2:
                    ET.SubElement(translation, "numerusform").text = source.text
                filled += 1
        elif not (translation.text or ""):
            translation.text = source.text
            filled += 1
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def main() -> int:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-source-language",
            "en_GB",
            "-target-language",
            "en_GB",
            "-ts",
            str(TS),
        ],
        cwd=ROOT,
        check=True,
    )
    filled = fill_british_english(TS)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True)
    print(f"{TS.name}: {filled} new string(s) filled in; compiled {QM.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
