"""Note modification times that change exactly when what a user sees changes.

Anki's importer updates an existing note only when the incoming note is newer ("If newer",
the default), and a notetype only when its time is newer (or, with "Always", different).
So a note's ``mod`` must advance when its fields, tags, deck or images change, and must
stay put otherwise: a refactor of the build code or a dependency bump that leaves the
output alone must not re-date anything (it would overwrite every note a user edited).

``content/notes.lock`` records, for every published note and for the notetype, a hash of
what the user sees and the mod it was published under. A build keeps the recorded mod when
the hash is unchanged; when it changed (or the note is new) the build stamps a new time:
``SOURCE_DATE_EPOCH`` when set, else the commit time of ``HEAD``, and always later than the
recorded mod. Because the lock is committed, any copy of the repository (a clone, a shallow
clone, a ``git archive`` or ZIP download) rebuilds the same times: the bytes of dist/ depend
on the files, not on how they were obtained. A copy without git history and with a stale
lock cannot date its changes; the build then stops and says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problems
from .yamlio import read_text, write_atomic

NOTETYPE_KEY = "@notetype"
HEADER = (
    "# Note modification times, written by `build-decks build`: commit it with dist/.\n"
    "# <id> <hash of what the user sees> <mod, unix seconds>; the notetype is @notetype.\n"
    "# A note keeps its mod while its hash is unchanged, so re-imports update only changed notes.\n"
)


def lock_path(root: Path) -> Path:
    return root / "content" / "notes.lock"


def content_hash(payload: object) -> str:
    """A short, stable hash of JSON-able data (fields, tags, deck, media digests...)."""
    data = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Entry:
    hash: str
    mod: int


def load_lock(root: Path, problems: Problems) -> dict[str, Entry]:
    """key -> (hash, mod) from content/notes.lock; empty when there is no lock yet."""
    path = lock_path(root)
    if not path.exists():
        return {}
    text = read_text(path, problems)
    entries: dict[str, Entry] = {}
    for number, line in enumerate((text or "").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 3 or not parts[2].isdigit():
            problems.add(path, number, "expected '<id> <hash> <mod>' (rebuild with `build-decks build`)")
            continue
        if parts[0] in entries:
            problems.add(path, number, f"'{parts[0]}' is listed twice")
        entries[parts[0]] = Entry(parts[1], int(parts[2]))
    return entries


def write_lock(root: Path, entries: dict[str, Entry]) -> bool:
    """Write the lock (sorted, notetype first); True when the file changed."""
    path = lock_path(root)
    keys = sorted(entries, key=lambda k: (k != NOTETYPE_KEY, k))
    text = HEADER + "".join(f"{k} {entries[k].hash} {entries[k].mod}\n" for k in keys)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    write_atomic(path, text)
    return True


def head_commit_time(root: Path) -> int | None:
    """The commit time of HEAD, when ``root`` is a git work tree with at least one commit."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True,
            check=True, env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    value = result.stdout.strip()
    return int(value) if value.isdigit() else None


@dataclass
class Clock:
    """Assigns mods: recorded ones for unchanged hashes, a new time for changed ones."""

    recorded: dict[str, Entry]
    now: int | None  # the time a changed note gets; None when the copy cannot date changes
    assigned: dict[str, Entry] = field(default_factory=dict)
    undated: list[str] = field(default_factory=list)

    def mod(self, key: str, digest: str) -> int:
        old = self.recorded.get(key)
        if old and old.hash == digest:
            mod = old.mod
        elif self.now is None:
            self.undated.append(key)
            mod = old.mod + 1 if old else 0
        else:
            mod = max(self.now, old.mod + 1) if old else self.now
        self.assigned[key] = Entry(digest, mod)
        return mod

    def entries(self) -> dict[str, Entry]:
        """Everything to record: what this build assigned, plus notes no longer built (kept)."""
        return {**self.recorded, **self.assigned}

    def check_dated(self, root: Path, problems: Problems) -> None:
        if self.undated:
            count = len(self.undated)
            sample = ", ".join(self.undated[:5]) + (" ..." if count > 5 else "")
            problems.add(
                lock_path(root), 1,
                f"{count} note{'s' if count != 1 else ''} changed since the lock was written ({sample}) and this "
                "copy has no git history to date them: build from a git clone, or set SOURCE_DATE_EPOCH",
            )


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as an int, or None when unset or not a number."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(epoch) if epoch.isdigit() else None


def clock_for(root: Path, problems: Problems) -> Clock:
    epoch = source_date_epoch()
    return Clock(load_lock(root, problems), epoch if epoch is not None else head_commit_time(root))
