"""``cowork service init``, ``cowork service user add``, ``cowork service handover``, ``cowork publish`` and
``cowork pull`` (and ``cowork service report``, in :mod:`cowork_desktop.cli.service_report`): a service's signed
records in PostgreSQL (see docs/decisions.md, "Issue 17").

The URL is libpq's (``postgresql://user@host:5432/dbname?sslmode=verify-full``) and never holds a password: the
password comes from ``PGPASSWORD``, ``~/.pgpass`` or a service file, as for ``psql``. psycopg is imported only when
one of these commands runs.
"""

from __future__ import annotations

import argparse
import os
from typing import Any, TextIO

from cowork_desktop.cli import common, service_report
from cowork_desktop.cli.output import print_json

URL_HELP = (
    "the service's PostgreSQL URL, without a password (postgresql://LOGIN@HOST:5432/DBNAME?sslmode=verify-full); "
    "the password comes from PGPASSWORD, ~/.pgpass or a service file"
)


def _add_url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", required=True, metavar="URL", help=URL_HELP)


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``service`` (``init``, ``user add``, ``handover``), ``pull`` and ``publish`` to the ``cowork`` command."""
    p = sub.add_parser(
        "service", help="set up the service's PostgreSQL database and its logins", allow_abbrev=False
    )
    service = p.add_subparsers(dest="service_command", metavar="COMMAND")

    init = service.add_parser(
        "init",
        help="make the roles, the schema and its protections (run with an administrator's login; again: new migrations only)",
        allow_abbrev=False,
    )
    _add_url(init)
    init.set_defaults(func=cmd_service_init)

    user = service.add_parser("user", help="the service's logins", allow_abbrev=False)
    users = user.add_subparsers(dest="user_command", metavar="COMMAND")
    add = users.add_parser(
        "add",
        help="a login for a team's manager (sees and writes only the team's rows) or a head of service (--head)",
        allow_abbrev=False,
    )
    add.add_argument("name", metavar="NAME", help="the login's name (lower-case letters, digits, '_')")
    add.add_argument("--team", metavar="TEAM", help="the manager's team (made when new)")
    add.add_argument(
        "--head", action="store_true", help="a head of service: reads every team, writes nothing"
    )
    add.add_argument(
        "--password-env",
        required=True,
        metavar="VAR",
        help="the new login's password: read from this environment variable (never the command line)",
    )
    _add_url(add)
    add.set_defaults(func=cmd_service_user_add)

    handover = service.add_parser(
        "handover",
        help="pass a case, with its whole published history, to another manager (a head of service's login)",
        allow_abbrev=False,
    )
    handover.add_argument("--case", required=True, metavar="REF", help="the case's reference")
    handover.add_argument(
        "--to", required=True, metavar="MANAGER", help="the receiving manager's login on the service"
    )
    _add_url(handover)
    handover.add_argument("--json", action="store_true", help="print JSON instead of text")
    handover.set_defaults(func=cmd_service_handover)

    pull = sub.add_parser(
        "pull",
        help="bring a case handed over to you, with every signed record the service holds, into your database "
        "(read-only history)",
        allow_abbrev=False,
    )
    pull.add_argument("--case", required=True, metavar="REF", help="the case's reference")
    common.add_db(pull)
    _add_url(pull)
    pull.add_argument("--json", action="store_true", help="print JSON instead of text")
    pull.set_defaults(func=cmd_pull)
    service_report.register(service, _add_url)

    pub = sub.add_parser(
        "publish",
        help="send the signed records the service lacks, and the current cases and co-allocations (drafts stay here)",
        allow_abbrev=False,
    )
    common.add_db(pub)
    _add_url(pub)
    pub.add_argument("--json", action="store_true", help="print JSON instead of text")
    pub.set_defaults(func=cmd_publish)


def cmd_service_init(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import service_admin

    report = service_admin.init_service(args.url)
    for role in report.roles_made:
        out.write(f"made the role {role}\n")
    for name in report.applied:
        out.write(f"applied {name}\n")
    out.write(
        f"the service at {service_admin.where(args.url)} is ready ({len(report.applied)} migration(s) applied)\n"
    )
    return 0


def cmd_service_user_add(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import service_admin

    if args.head and args.team:
        raise common.UsageError("a head of service reads every team: give --head or --team, not both")
    if not args.head and not args.team:
        raise common.UsageError("give the manager's team (--team TEAM), or --head for a head of service")
    password = os.environ.get(args.password_env, "")
    if not password:
        raise common.UsageError(
            f"no password: the environment variable {args.password_env} is not set or is empty"
        )
    service_admin.add_user(args.url, args.name, args.team, head=args.head, password=password)
    what = "a head of service" if args.head else f"a manager of the team {args.team}"
    out.write(f"added the login {args.name}, {what}\n")
    return 0


def cmd_publish(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import publish

    with common.open_existing(args) as store:
        report = publish.publish(store, args.url)
    if args.json:
        print_json(
            "publish",
            {
                "ok": report.ok,
                "team": report.team,
                "sent": report.sent,
                "already_published": report.already,
                "written": report.written,
                "refused": [{"message": f.message, "record_id": f.record_id} for f in report.refused],
                "handed_over": [
                    {"case_reference": ref, "to_manager": manager, "to_team": team, "on": day}
                    for ref, manager, team, day in report.handed_over
                ],
            },
            out,
        )
        return 0 if report.ok else 1
    for reference, manager, team, day in report.handed_over:
        out.write(f"not published: case {reference} was handed over to {manager} (team {team}) on {day}\n")
    for finding in report.refused:
        out.write(f"refused: {finding}\n")
    out.write(
        f"{'OK' if report.ok else 'NOT OK'}: {report.sent} signed record(s) sent to the team {report.team}, "
        f"{report.already} already there"
        + (f", {len(report.refused)} refused (run cowork check)" if report.refused else "")
        + "\n"
    )
    return 0 if report.ok else 1


def cmd_service_handover(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import handover

    done = handover.hand_over(args.url, args.case, args.to)
    if args.json:
        print_json(
            "service handover",
            {
                "handover": {
                    "id": done.id,
                    "case_reference": done.case_reference,
                    "from_manager": done.from_manager,
                    "from_team": done.from_team,
                    "to_manager": done.to_manager,
                    "to_team": done.to_team,
                    "handed_over_by": done.handed_over_by,
                    "handed_over_at": done.handed_over_at,
                }
            },
            out,
        )
        return 0
    out.write(
        f"case {done.case_reference} handed over from {done.from_manager} (team {done.from_team}) to "
        f"{done.to_manager} (team {done.to_team}) by {done.handed_over_by} (handover {done.id}); "
        f"{done.to_manager} brings its history in with: cowork pull --case {done.case_reference} --url URL\n"
    )
    return 0


def cmd_pull(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import handover

    with common.open_existing(args) as store:
        report = handover.pull(store, args.url, args.case)
    if args.json:
        print_json(
            "pull",
            {
                "case_reference": report.case_reference,
                "case_id": report.case_id,
                "case_made": report.case_made,
                "holder_team": report.holder_team,
                "on_service": report.on_service,
                "own": report.own,
                "already_pulled": report.already,
                "pulled": report.pulled,
                "added": report.added,
                "audit_entry": report.entry_id or None,
                "handovers": [
                    {
                        "id": h.id,
                        "from_manager": h.from_manager,
                        "to_manager": h.to_manager,
                        "at": h.handed_over_at,
                    }
                    for h in report.handovers
                ],
            },
            out,
        )
        return 0
    made = " (the case was added to this database)" if report.case_made else ""
    own = f", {report.own} of them this database's own" if report.own else ""
    out.write(
        f"OK: case {report.case_reference}{made}: {report.pulled} signed record(s) pulled, {report.already} "
        f"pulled before{own}, of {report.on_service} on the service; read-only history, checked by cowork check\n"
    )
    return 0
