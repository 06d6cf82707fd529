"""The ``cowork`` command: demo data, what is due, the case and worker lists, form checks, signed case-note
exports and their verification, without a window. Passphrases are never taken from the command line.

Imports no Qt, so it starts fast and runs headless. Every error the user can act on is printed to stderr as one
line starting ``cowork: error:`` (exit 2 for a usage error, 1 otherwise), never as a traceback. Only ``demo`` and
``init`` create a database; every other command refuses a path with no database.

One module per command group, each adding its commands to the parser (``register``) and running them
(``cmd_*``): :mod:`.database` (demo, init, backup, restore, passphrase), :mod:`.retention`, :mod:`.settings`,
:mod:`.team` (cases, due, workers), :mod:`.forms`, :mod:`.certs` (cert, trust), :mod:`.check`, :mod:`.records`
(export, verify) and :mod:`.reports` (devlog, calendar, drift, promises). What they share is public in
:mod:`.common` (options, the database, passphrases) and :mod:`.output` (JSON, tables); :mod:`.run` builds the
parser, dispatches and turns errors into one line. The use cases themselves are in ``services/``.

The PDF and signing stack (reportlab, pyHanko, fontTools, pikepdf, aiohttp: about half a second) is imported
only by the commands that sign, export or verify (cert, export, verify, devlog), never at start-up:
tests/unit/test_cli_imports.py runs every other command and checks it is not loaded.
"""

from cowork_desktop.cli.run import build_parser, main

__all__ = ["build_parser", "main"]
