"""What every ``cowork`` command's ``--help`` ends with: an example, the exit status and the environment it reads.

The examples live here, one per command (keyed by its full name, as ``--help`` shows it), so that a command
without one is a test failure (``tests/unit/test_cli_help.py``), not a silent gap.
"""

from __future__ import annotations

#: one example per command, by its full name
EXAMPLES = {
    "cowork demo": "cowork demo --db demo.db --today 2026-11-23",
    "cowork init": "COWORK_PASS='…' cowork init --db team.db --encrypt --passphrase-env COWORK_PASS",
    "cowork backup": "cowork backup --db team.db --out /media/usb/team-backup.db",
    "cowork restore": "cowork restore --db team.db --from team.db.backups/team-2026-12-01.db",
    "cowork passphrase change": "cowork passphrase change --db team.db --passphrase-env OLD --new-passphrase-env NEW",
    "cowork retention": "cowork retention --db team.db --json",
    "cowork settings": "cowork settings --db team.db --set coming_up_days=21",
    "cowork cases": "cowork cases --db team.db --search Okafor --json",
    "cowork due": "cowork due --db team.db --on 2026-12-02 --json",
    "cowork search": "cowork search --db team.db housing officer --json",
    "cowork workers": "cowork workers --db team.db --json",
    "cowork forms check": "cowork forms check ./our-forms",
    "cowork cert new": "cowork cert new --name 'Amara Okafor' --org \"Children's Services\" --out manager.p12",
    "cowork cert add": "cowork cert add --db team.db manager.pem",
    "cowork cert list": "cowork cert list --db team.db --json",
    "cowork trust add": "cowork trust add council-ca.pem",
    "cowork trust list": "cowork trust list --json",
    "cowork trust remove": "cowork trust remove 3F2A…",
    "cowork check": "cowork check --db team.db --repair",
    "cowork export": "cowork export --db team.db --case CR-2026-0101 --out ./notes --cert manager.p12",
    "cowork verify": "cowork verify --db team.db CR-2026-0101-review-2026-11-20.pdf",
    "cowork devlog": "cowork devlog --db team.db --worker 'Łukasz Wiśniewski' --out log.pdf --cert manager.p12",
    "cowork calendar": "cowork calendar --db team.db --case CR-2026-0101 --out CR-2026-0101.ics",
    "cowork drift": "cowork drift --db team.db --on 2026-12-02 --json",
    "cowork promises": "cowork promises --db team.db --case CR-2026-0101 --json",
    "cowork service init": "cowork service init --url postgresql://admin@db.council.example/cowork",
    "cowork service user add": "COWORK_PG_PASSWORD='…' cowork service user add --team 'Assessment Team 2' "
    "--password-env COWORK_PG_PASSWORD --url postgresql://admin@db.council.example/cowork a.okafor",
    "cowork publish": "cowork publish --db team.db --url postgresql://a.okafor@db.council.example/cowork",
    "cowork service handover": "cowork service handover --case CR-2026-0101 --to b.mensah "
    "--url postgresql://hos@db.council.example/cowork",
    "cowork pull": "cowork pull --db team.db --case CR-2026-0101 --url postgresql://b.mensah@db.council.example/cowork",
    "cowork service report": "cowork service report --url postgresql://hos@db.council.example/cowork "
    "--on 2026-12-02 --html service-2026-12-02.html",
}

EXIT_STATUS = """exit status:
  0  done (check, verify: everything checks)
  1  refused: one line on stderr starting "cowork: error:"; or (check, verify, publish) a problem found
  2  a mistake in the command line"""

#: exit statuses a command has beyond those
MORE_STATUS = {
    "cowork verify": "  3  the signature holds, but nothing here knows the signer\n"
    "  4  valid, but a later signed version of the record replaces it",
}

ENVIRONMENT = """environment:
  COWORK_DATA_DIR   the folder of the default database, its backups and the logs (default: the user's data folder)
  COWORK_DEBUG      1: show the traceback of an unexpected error (for a bug report)
  (--passphrase-env VAR, --password-env VAR: a passphrase or password is read from the variable named, never
  from the command line)"""


def json_note(prog: str) -> str:
    command = prog.removeprefix("cowork ")
    return (
        f'json:\n  --json prints one object, {{"schema": 1, "command": "{command}", ...}}: its lists named,\n'
        "  its people as objects with their id and name"
    )


#: what a command reads beyond that
MORE_ENVIRONMENT = dict.fromkeys(
    (
        "cowork service init",
        "cowork service user add",
        "cowork service handover",
        "cowork publish",
        "cowork pull",
        "cowork service report",
    ),
    "  PGPASSWORD, PGSSLMODE, PGSSLROOTCERT...  read by libpq for what --url leaves out",
)


def general() -> str:
    """The end of ``cowork --help``."""
    return "\n\n".join(
        [
            "every command's --help ends with an example; --json prints one object with a schema version",
            EXIT_STATUS,
            ENVIRONMENT,
        ]
    )


def epilog(prog: str, has_json: bool) -> str:
    """The end of ``prog``'s ``--help``: its example, the JSON shape when it prints JSON, exit status, environment."""
    parts = [f"example:\n  {EXAMPLES[prog]}"]
    if has_json:
        parts.append(json_note(prog))
    status = EXIT_STATUS + ("\n" + MORE_STATUS[prog] if prog in MORE_STATUS else "")
    environment = ENVIRONMENT + ("\n" + MORE_ENVIRONMENT[prog] if prog in MORE_ENVIRONMENT else "")
    parts += [status, environment]
    return "\n\n".join(parts)
