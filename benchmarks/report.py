"""The plain-text table printed after every size has run: a row per figure, a column per size."""

from __future__ import annotations

from collections.abc import Sequence

from benchmarks.core import AT_MOST, NAMES, STARTUP_MAX_RATIO, TARGET_STALL_MS, Line

MISSED = "!"


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if value >= 10_000:
        return f"{value / 1000:,.1f} s" if unit == "ms" else f"{value:,.0f}"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def cell(line: Line) -> str:
    """``median (baseline, ratio)``, marked when the target is missed."""
    memory = "peak_rss_mb" in line
    value = line.get("peak_rss_mb") if memory else line.get("median_ms")
    if value is None:
        return "-"
    base = line.get("baseline_mb") if memory else line.get("baseline_ms")
    unit = "MB" if memory else "ms"
    text = _number(value, unit)
    text += f" ({_number(base, unit)}, {line['ratio']}x)" if base is not None and line.get("ratio") else ""
    missed = line.get("meets_target") is False or line.get("stall_meets_target") is False
    return text + (f" {MISSED}" if missed else "")


def target_text(name: str, lines: Sequence[Line]) -> str:
    if name == "startup":
        return f"<= {STARTUP_MAX_RATIO}x bare"
    if name == "peak_rss":
        return f"< {_number(lines[0].get('target_mb'))} MB"
    target = lines[0].get("target_ms")
    if target is None:
        return "-"
    shown = f"{target / 1000:,.0f} s" if target >= 10_000 else f"{target:,.0f} ms"
    text = f"{'<=' if name in AT_MOST else '<'} {shown}"
    if name == "startup_interactive":
        text += f", stalls <= {TARGET_STALL_MS:.0f}"
    if name == "export_100_cases":
        text += " at 10k"
    return text


def table(lines: Sequence[Line]) -> str:
    """Figures (rows, in the order of NAMES) by sizes (columns)."""
    sizes: list[int | None] = []
    for line in lines:
        if line.get("cases") not in sizes:
            sizes.append(line.get("cases"))
    names = [n for n in NAMES if any(line["name"] == n for line in lines)]
    by = {(line["name"], line.get("cases")): line for line in lines}
    header = ["figure", *(f"{s:,} cases" if s is not None else "cases ?" for s in sizes), "target"]
    rows = [header]
    for name in names:
        mine = [by[(name, s)] for s in sizes if (name, s) in by]
        rows.append(
            [name, *(cell(by[(name, s)]) if (name, s) in by else "" for s in sizes), target_text(name, mine)]
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    out = []
    for n, row in enumerate(rows):
        out.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    out.append(
        f"cells: median (baseline, ratio); ms unless said (peak_rss in MB); {MISSED} = target missed "
        "(startup_interactive: also a GUI-thread stall over 100 ms in the first 5 s)"
    )
    return "\n".join(out)
