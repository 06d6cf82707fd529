"""`make platforms`: do the runtime pins install, as wheels, on every platform we name?

For each platform and Python version: resolve the project's runtime dependencies (their environment markers
evaluated for that platform, which ``pip download --platform`` cannot do: it evaluates markers on this machine)
with ``uv pip compile --only-binary :all:``, then ask pip for each resolved pin's wheel with that platform's tags
(``pip install --dry-run --no-deps --only-binary=:all: --platform ...``). A missing wheel fails the run.

Needs the package index (not part of ``make test``). Prints one line per platform and a summary table for the
README. Exit 0 when every platform resolves, 1 otherwise.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Target:
    name: str
    uv_platform: str  # uv's --python-platform
    pip_platforms: tuple[str, ...]  # pip's --platform tags (the newest first; pip also accepts older ones)
    pythons: tuple[str, ...]
    macos: str = ""  # MACOSX_DEPLOYMENT_TARGET for uv


def _manylinux(glibc_minor: int) -> tuple[str, ...]:
    """Every manylinux tag a glibc 2.``glibc_minor`` x86_64 system installs (pip does not widen Linux tags)."""
    tags = [f"manylinux_2_{m}_x86_64" for m in range(glibc_minor, 16, -1)]
    return (*tags, "manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64")


TARGETS = (
    Target("Windows 10/11 x64", "x86_64-pc-windows-msvc", ("win_amd64",), ("3.11", "3.12", "3.13")),
    Target(
        "macOS 13 Apple silicon",
        "aarch64-apple-darwin",
        ("macosx_13_0_arm64", "macosx_13_0_universal2"),
        ("3.11", "3.12"),
        "13.0",
    ),
    Target(
        "macOS 14+ Apple silicon",
        "aarch64-apple-darwin",
        ("macosx_14_0_arm64", "macosx_14_0_universal2"),
        ("3.11", "3.12", "3.13"),
        "14.0",
    ),
    Target(
        "macOS 13+ Intel",
        "x86_64-apple-darwin",
        ("macosx_13_0_x86_64", "macosx_13_0_universal2"),
        ("3.11", "3.12", "3.13"),
        "13.0",
    ),
    Target("Debian 12 x86_64", "x86_64-manylinux_2_36", _manylinux(36), ("3.11",)),
    Target("Ubuntu 24.04 x86_64", "x86_64-manylinux_2_39", _manylinux(39), ("3.12",)),
)


def runtime_requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["dependencies"])


def resolve(target: Target, python: str, requirements: Path) -> tuple[list[str], str]:
    env = dict(os.environ)
    if target.macos:
        env["MACOSX_DEPLOYMENT_TARGET"] = target.macos
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "uv",
            "pip",
            "compile",
            "--quiet",
            "--no-header",
            "--no-annotate",
            "--python-platform",
            target.uv_platform,
            "--python-version",
            python,
            "--only-binary",
            ":all:",
            str(requirements),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if run.returncode != 0:
        return [], " ".join(run.stderr.split())[:400]
    pins = [line.strip() for line in run.stdout.splitlines() if "==" in line and not line.startswith("#")]
    return pins, ""


def wheels_missing(target: Target, python: str, pins: list[str]) -> list[str]:
    """The pins pip finds no wheel for on ``target`` (one dry run for them all; pip stops at the first missing)."""
    platform_args = [arg for tag in target.pip_platforms for arg in ("--platform", tag)]
    missing: list[str] = []
    remaining = list(pins)
    with tempfile.TemporaryDirectory() as scratch:
        while remaining:
            run = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--dry-run",
                    "--no-deps",
                    "--ignore-installed",
                    "--only-binary=:all:",
                    "--target",
                    scratch,
                    *platform_args,
                    "--python-version",
                    python,
                    "--implementation",
                    "cp",
                    *remaining,
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if run.returncode == 0:
                break
            found = re.search(r"No matching distribution found for (\S+)", run.stderr)
            if found is None or found.group(1) not in remaining:
                missing.append(" ".join(run.stderr.split())[-300:])
                break
            missing.append(found.group(1))
            remaining.remove(found.group(1))
    return missing


def main() -> int:
    failed = 0
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        requirements = Path(scratch) / "runtime.in"
        requirements.write_text("\n".join(runtime_requirements()) + "\n", encoding="utf-8")
        for target in TARGETS:
            for python in target.pythons:
                pins, problem = resolve(target, python, requirements)
                if not problem:
                    missing = wheels_missing(target, python, pins)
                    if missing:
                        problem = "no wheel for " + ", ".join(missing)
                key = {p.split("==")[0].lower(): p.split("==")[1] for p in pins}
                chosen = ", ".join(f"{n} {key[n]}" for n in ("cryptography", "pikepdf") if n in key)
                status = "resolved" if not problem else "FAILED"
                failed += bool(problem)
                print(f"{target.name:26} Python {python}: {status}" + (f" ({chosen})" if chosen else ""))
                if problem:
                    print(f"    {problem}")
                rows.append((target.name, python, status, chosen))
    print()
    print("| Platform | Python | Wheels for every pin | Versions that differ |")
    print("|---|---|---|---|")
    for name, python, status, chosen in rows:
        print(f"| {name} | {python} | {status} | {chosen} |")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
