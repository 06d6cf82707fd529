"""The audit log as a hash chain: each entry's hash covers the previous entry's hash and its own content.

An entry is ``(id, at, actor, action, entity, entity_id, detail)``, ``detail`` being the JSON text as stored.
Its hash is SHA-256 over the previous hash and the canonical JSON of those fields (:func:`entry_hash`); the first
entry follows :data:`GENESIS`. Editing, deleting, inserting or renumbering an entry changes a hash from that
point on; rewriting every later hash as well is caught by the chain heads the manager signs at each signed export
(:func:`head_message`), and by the heads embedded in every signed PDF.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

GENESIS = "0" * 64
#: what a signed chain head says, before its id and hash (a signature over it means only this)
HEAD_CONTEXT = "cowork-desktop audit chain head v1"


@dataclass(frozen=True)
class Entry:
    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: int | None
    detail: str  # JSON text, exactly as stored
    prev_hash: str = ""
    hash: str = ""


def entry_hash(
    prev_hash: str,
    entry_id: int,
    at: str,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: str,
) -> str:
    """SHA-256 (hex) of the previous hash and the entry's canonical content."""
    content = json.dumps(
        [entry_id, at, actor, action, entity, entity_id, detail], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()


def hash_of(entry: Entry, prev_hash: str) -> str:
    return entry_hash(
        prev_hash, entry.id, entry.at, entry.actor, entry.action, entry.entity, entry.entity_id, entry.detail
    )


@dataclass(frozen=True)
class ChainProblem:
    entry_id: int
    message: str


@dataclass
class ChainWalk:
    """What walking the chain found: the problems (in id order) and how far it got."""

    problems: list[ChainProblem]
    count: int = 0
    last_id: int = 0
    last_hash: str = GENESIS


def walk_chain(entries: Iterable[Entry], start_id: int = 0, start_hash: str = GENESIS) -> ChainWalk:
    """Check entries in id order (from just after ``start_id``, whose hash is ``start_hash``).

    Names each entry whose hash does not match its content, each place the chain does not follow on (an entry
    removed, inserted or renumbered), and each gap in the ids (entries are numbered 1, 2, 3, ... and never
    deleted). Problems are not repeated down the chain: after a break the walk goes on from the stored hash.
    """
    walk = ChainWalk([], 0, start_id, start_hash)
    expected_id = start_id + 1
    prev = start_hash
    for entry in entries:
        walk.count += 1
        if entry.id > expected_id:
            missing = (
                f"entry {expected_id}"
                if entry.id == expected_id + 1
                else f"entries {expected_id}-{entry.id - 1}"
            )
            walk.problems.append(ChainProblem(expected_id, f"audit {missing} missing (deleted)"))
        if entry.prev_hash != prev:
            walk.problems.append(
                ChainProblem(
                    entry.id,
                    f"audit entry {entry.id} does not follow entry {walk.last_id}: "
                    "an entry was removed, inserted or changed before it",
                )
            )
        recomputed = hash_of(entry, entry.prev_hash)
        if recomputed != entry.hash:
            walk.problems.append(
                ChainProblem(
                    entry.id,
                    f"audit entry {entry.id} ({entry.action} {entry.entity}"
                    f"{'' if entry.entity_id is None else ' ' + str(entry.entity_id)}) "
                    "was changed: its content does not match its hash",
                )
            )
        prev = entry.hash
        walk.last_id = entry.id
        walk.last_hash = entry.hash
        expected_id = entry.id + 1
    return walk


def head_message(audit_id: int, head_hash: str) -> bytes:
    """The bytes the manager's key signs to vouch for the chain up to ``audit_id``."""
    return f"{HEAD_CONTEXT}\n{audit_id}\n{head_hash}\n".encode("ascii")
