"""``cowork cert new|add|list`` (the manager's signing certificate and the ones a database knows) and ``cowork
trust add|list|remove`` (the certificates ``verify`` trusts without a database).

The signing stack is imported inside the commands that need it (``cert new``), never at start-up.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from cowork_desktop.cli import common
from cowork_desktop.cli.output import print_json
from cowork_desktop.domain import names
from cowork_desktop.domain.certificates import CertificateFacts, format_fingerprint
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.services import evidence, files, sessions

#: what ``cowork cert new`` writes: a PKCS#12 file (its public part goes beside it as .crt)
_CERTIFICATE_SUFFIXES = (".p12", ".pfx")


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``cert new|add|list`` and ``trust add|list|remove`` to the ``cowork`` command."""
    cert_sub = common.add_group(sub, "cert", "the manager's signing certificate")
    new = common.add_command(
        cert_sub,
        "new",
        "create a self-signed signing certificate (PKCS#12, protected by a passphrase)",
        cmd_cert_new,
    )
    new.add_argument("--name", required=True, metavar="NAME", help="the manager's name, as it will sign")
    new.add_argument("--org", default="", metavar="ORG", help="the organisation")
    new.add_argument(
        "--out",
        type=Path,
        metavar="FILE.p12",
        help="where to save it (default: manager-signing.p12 in the user's data folder)",
    )
    common.add_passphrase_env(new)
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="also record the certificate as known to this database (else it is recorded when it first signs)",
    )
    common.add_db_passphrase(new, "--db-passphrase-env")
    add = common.add_command(
        cert_sub,
        "add",
        "record a signing certificate (.crt/.pem/.cer) as known to the database, e.g. a renewed one",
        cmd_cert_add,
    )
    add.add_argument("file", type=Path, metavar="FILE.crt", help="the public certificate")
    common.add_db(add)
    listing = common.add_command(
        cert_sub, "list", "the signing certificates the database knows", cmd_cert_list
    )
    common.add_db(listing)
    common.add_json(listing)

    trust_sub = common.add_group(
        sub, "trust", "the certificates verify trusts without a database (your trust list)"
    )
    t = common.add_command(
        trust_sub,
        "add",
        "trust a colleague's certificate or an organisation's CA (.crt/.pem/.cer)",
        cmd_trust_add,
    )
    t.add_argument("file", type=Path, metavar="FILE", help="the certificate file")
    t = common.add_command(trust_sub, "list", "the trusted certificates", cmd_trust_list)
    common.add_json(t)
    t = common.add_command(trust_sub, "remove", "stop trusting a certificate", cmd_trust_remove)
    t.add_argument(
        "fingerprint", metavar="FINGERPRINT", help="its SHA-256 fingerprint (at least 8 hex digits)"
    )


def cmd_cert_new(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import export
    from cowork_desktop.services.signing_keys import create_certificate, load_signer, public_certificate_path

    path = args.out if args.out is not None else export.default_certificate_path()
    if path.is_dir():
        raise CoworkError(f"{path} is a folder: give the certificate file's name (e.g. manager.p12)")
    if path.suffix.lower() not in _CERTIFICATE_SUFFIXES:
        raise common.UsageError(
            f"--out {path}: give a .p12 (or .pfx) file name; its public part goes beside it as .crt"
        )
    public = public_certificate_path(path)
    # --force replaces a certificate, never a database or a backup, nor anything over the public .crt
    for target, certificates in ((path, False), (public, True)):
        problem = files.protected_file(target, certificates=certificates)
        if problem is not None:
            raise CoworkError(f"{problem}: a certificate is never written over it; choose another file")
    if path.exists() and not args.force:
        raise CoworkError(f"{path} already exists; choose another file or add --force to replace it")
    name_problem = names.name_problem(args.name, "The name on the certificate")
    if name_problem:
        raise CoworkError(name_problem)
    store = common.open_db(args, args.db) if args.db is not None else None
    try:
        passphrase = common.ask_passphrase(
            args, f"Passphrase to protect {path}: ", confirm=True, refused="no certificate was created"
        )
        try:
            create_certificate(args.name, args.org, path, passphrase, overwrite=args.force)
        except OSError as exc:
            raise CoworkError(f"cannot write to {path.parent}: {exc.strerror or exc}") from None
        signer = load_signer(path, passphrase)
        org = f" ({args.org.strip()})" if args.org.strip() else ""
        out.write(f"Created a self-signed signing certificate for {signer.common_name}{org} in {path}\n")
        out.write(
            f"Its public certificate is {public}: give it to colleagues who check your "
            "case notes (cowork trust add FILE)\n"
        )
        out.write(f"SHA-256 fingerprint: {format_fingerprint(signer.fingerprint)}\n")
        if store is not None:
            evidence.register_certificate(sessions.Workspace.open(store), signer.certificate_der, "created")
            out.write(f"Recorded as known to {store.path}\n")
    finally:
        if store is not None:
            store.close()
    return 0


def cmd_cert_add(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import trust

    der, facts = trust.read_certificate_file(args.file)
    with common.open_existing(args) as store:
        _, added = evidence.register_certificate(sessions.Workspace.open(store), der, "imported")
    what = "Recorded" if added else "Already known:"
    out.write(
        f"{what} the certificate of {facts.common_name or facts.subject} "
        f"(SHA-256 {format_fingerprint(facts.fingerprint)}) in {store.path}\n"
    )
    return 0


def cmd_cert_list(args: argparse.Namespace, out: TextIO) -> int:
    with common.open_existing(args) as store:
        known = store.list_certificates()
    if args.json:
        print_json(
            "cert list",
            {
                "certificates": [
                    {
                        "fingerprint": c.fingerprint,
                        "subject": c.subject,
                        "issuer": c.issuer,
                        "serial": c.serial,
                        "valid_from": c.not_before,
                        "valid_to": c.not_after,
                        "source": c.source,
                        "added_at": c.added_at,
                    }
                    for c in known
                ]
            },
            out,
        )
        return 0
    if not known:
        out.write("This database knows no signing certificate yet (one is recorded when it first signs).\n")
        return 0
    for c in known:
        out.write(
            f"{c.common_name or c.subject}: SHA-256 {format_fingerprint(c.fingerprint)}, valid "
            f"{c.not_before[:10]} to {c.not_after[:10]}, {c.source} on {c.added_at[:10]}\n"
        )
    return 0


def _trust_line(facts: CertificateFacts) -> str:
    kind = "CA" if facts.is_ca else ("self-signed" if facts.self_signed else f"issued by {facts.issuer}")
    return (
        f"{facts.common_name or facts.subject} ({kind}): SHA-256 {format_fingerprint(facts.fingerprint)}, "
        f"valid to {facts.not_after:%d %b %Y}"
    )


def cmd_trust_add(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import trust

    found, added = trust.add(args.file)
    out.write(f"{'Trusted' if added else 'Already trusted'}: {_trust_line(found.facts)}\n")
    return 0


def cmd_trust_list(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import trust

    found = trust.trusted()
    if args.json:
        print_json(
            "trust list",
            {
                "certificates": [
                    {
                        "fingerprint": t.facts.fingerprint,
                        "subject": t.facts.subject,
                        "issuer": t.facts.issuer,
                        "ca": t.facts.is_ca,
                        "valid_to": t.facts.not_after.isoformat(),
                        "file": str(t.path),
                    }
                    for t in found
                ]
            },
            out,
        )
        return 0
    if not found:
        out.write(
            f"Your trust list is empty ({trust.folder()}): add a certificate with 'cowork trust add FILE'.\n"
        )
    for t in found:
        out.write(_trust_line(t.facts) + "\n")
    return 0


def cmd_trust_remove(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import trust

    removed = trust.remove(args.fingerprint)
    out.write(f"No longer trusted: {_trust_line(removed.facts)}\n")
    return 0
