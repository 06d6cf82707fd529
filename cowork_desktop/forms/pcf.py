"""Read and check the Professional Capabilities Framework data file (``forms/_pcf_domains.toml``).

The file lists the nine PCF domains with the keywords that suggest each one for a learning entry (see
:func:`cowork_desktop.domain.insights.suggest_domains`). A bad file is refused with a :class:`FormError` naming the
file and the domain at fault, like a bad form, and it is read with the same guards as a form file (size,
UTF-8, nesting: :func:`cowork_desktop.forms.loader.read_toml`) and the limits below.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from cowork_desktop import paths
from cowork_desktop.domain.errors import FormError
from cowork_desktop.domain.insights import PcfDomain
from cowork_desktop.forms.loader import MAX_FILE_BYTES, check_limits, read_toml

PCF_FILENAME = "_pcf_domains.toml"
_ID_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_FILE_KEYS = {"version", "domains"}
_DOMAIN_KEYS = {"id", "title", "description", "keywords"}
MAX_BYTES = MAX_FILE_BYTES
# The shipped file: 9 domains of at most 18 keywords (24 characters), descriptions under 120 characters.
MAX_DOMAINS = 50
MAX_KEYWORDS = 500
#: a title or a description
MAX_TEXT_CHARS = 2_000
MAX_KEYWORD_CHARS = 100


def default_pcf_file(forms_folder: Path | None = None) -> Path:
    """The data file beside the forms in use, else the one shipped with the app."""
    if forms_folder is not None and (forms_folder / PCF_FILENAME).is_file():
        return forms_folder / PCF_FILENAME
    return paths.forms_dir() / PCF_FILENAME


def domains_from_dict(data: Any, file: str = "<pcf>") -> tuple[PcfDomain, ...]:
    """Check parsed TOML and build the domains, in file order."""
    if not isinstance(data, dict):
        raise FormError(file, "not a PCF domains file (expected a table)")
    unknown = sorted(set(data) - _FILE_KEYS)
    if unknown:
        raise FormError(file, f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FormError(file, "'version' must be a whole number of 1 or more")
    raw = data.get("domains")
    if not isinstance(raw, list) or not raw:
        raise FormError(file, "needs at least one [[domains]]")
    found: list[PcfDomain] = []
    seen_ids: set[str] = set()
    seen_titles: set[str] = set()
    for n, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise FormError(file, f"domain {n} must be a table")
        did = item.get("id")
        if not isinstance(did, str) or not _ID_RE.match(did):
            raise FormError(file, f"domain {n}: id {did!r} must be lower_case_with_underscores")
        where = f"domain '{did}'"
        extra = sorted(set(item) - _DOMAIN_KEYS)
        if extra:
            raise FormError(file, f"{where}: unknown key{'s' if len(extra) > 1 else ''} {', '.join(extra)}")
        if did in seen_ids:
            raise FormError(file, f"{where}: duplicate id")
        seen_ids.add(did)
        title = item.get("title")
        if not isinstance(title, str) or not title.strip():
            raise FormError(file, f"{where}: 'title' must be non-empty text")
        if title.strip().lower() in seen_titles:
            raise FormError(file, f"{where}: duplicate title '{title.strip()}'")
        seen_titles.add(title.strip().lower())
        description = item.get("description", "")
        if not isinstance(description, str):
            raise FormError(file, f"{where}: 'description' must be text")
        keywords = item.get("keywords", [])
        if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
            raise FormError(file, f"{where}: 'keywords' must be a list of non-empty text")
        too_long = [k for k in keywords if len(k) > MAX_KEYWORD_CHARS]
        if too_long:
            raise FormError(
                file,
                f"{where}: a keyword is too long: {len(too_long[0]):,} characters, the limit is {MAX_KEYWORD_CHARS}",
            )
        lowered = [k.strip().lower() for k in keywords]
        if len(set(lowered)) != len(lowered):
            raise FormError(file, f"{where}: 'keywords' lists the same keyword twice")
        found.append(PcfDomain(did, title.strip(), description.strip(), tuple(lowered)))
    return tuple(found)


def load_pcf_domains(path: Path | None = None) -> tuple[PcfDomain, ...]:
    """The PCF domains from ``path`` (default: :func:`default_pcf_file`); FormError for a bad file."""
    target = path if path is not None else default_pcf_file()
    name = str(target)
    data = read_toml(target, max_bytes=MAX_BYTES)
    check_limits(
        data,
        name,
        max_text=MAX_TEXT_CHARS,
        long_text_keys=frozenset(),
        max_items=MAX_DOMAINS,
        list_limits={"domains": MAX_DOMAINS, "keywords": MAX_KEYWORDS},
    )
    return domains_from_dict(data, name)
