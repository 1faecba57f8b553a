"""Results of pure steps kept under build/, keyed by a digest of their inputs and of the code.

A build re-derives only what changed: a note whose file, folder and the build code are
unchanged is not read, checked or rendered again; unchanged content/ is not parsed again.
Entries are pickles written by this code into the project's own build/ folder (as trusted as
the virtualenv beside it); a missing, unreadable or foreign entry is simply recomputed.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sqlite3
from pathlib import Path

from .state import code_digest, keep_file

FORMAT = 1
MAX_KEPT = 20_000  # entries of one kind held in memory from one file (beyond, a Shelf: memory stays flat)


@functools.cache
def code_version() -> str:
    """The build code, its templates and the installed libraries (fixed for a process)."""
    return code_digest()


def key(*parts: bytes | str) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{code_version()}".encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


class Memo:
    """One kind of entry (``build/<kind>/``); ``folder`` None keeps nothing."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def _path(self, digest: str) -> Path:
        return self.folder / digest[:2] / f"{digest[2:]}.pickle"

    def get(self, digest: str):
        if self.folder is None:
            return None
        try:
            with open(self._path(digest), "rb") as file:
                found = pickle.load(file)
        except Exception:  # noqa: BLE001 - missing, truncated, or from other code: recompute it
            return None
        return found[1] if isinstance(found, tuple) and len(found) == 2 and found[0] == digest else None

    def put(self, digest: str, value) -> None:
        if self.folder is None:
            return
        keep_file(self._path(digest), pickle.dumps((digest, value), protocol=pickle.HIGHEST_PROTOCOL))

    def touch(self, digest: str) -> None:
        """Entries need no marking: each is a file of its own."""

    def save(self) -> None:
        """Entries are written as they are put."""


NO_MEMO = Memo(None)


class Kept:
    """Values by key in one file (``<name>.pickle``), for one ``base`` (the inputs they share).

    Reading it is one file, not one per entry. A build that adds only a few entries writes them
    to a small ``<name>.more.pickle`` beside it instead of rewriting everything (after one
    edit, one entry is new), until there are enough to fold back in; folding keeps only the
    entries this build used."""

    def __init__(self, path: Path | None, base: str = ""):
        self.path, self.base = path, base
        self.main: dict = self._load(path) if path is not None else {}
        self.more: dict = self._load(self._more_path()) if self.main else {}
        self.new: dict = {}
        self.used: set = set()

    def _more_path(self) -> Path:
        return self.path.with_name(self.path.stem + ".more.pickle")

    def _load(self, path: Path) -> dict:
        try:
            with open(path, "rb") as file:
                saved = pickle.load(file)
            if isinstance(saved, tuple) and len(saved) == 2 and saved[0] == self.base and isinstance(saved[1], dict):
                return saved[1]
        except Exception:  # noqa: BLE001 - missing or unreadable: these entries are made again
            pass
        return {}

    def get(self, key_):
        """The kept value, or None (and the key counts as used either way)."""
        self.used.add(key_)
        if key_ in self.new:
            return self.new[key_]
        if key_ in self.more:
            return self.more[key_]
        return self.main.get(key_)

    def put(self, key_, value) -> None:
        self.used.add(key_)
        self.new[key_] = value

    def touch(self, key_) -> None:
        """Count an entry as used (a worker found it), so folding the store keeps it."""
        self.used.add(key_)

    def empty(self) -> bool:
        """Nothing kept for this base (none saved yet, or for other code or inputs)."""
        return not self.main and not self.more and not self.new

    def save(self) -> None:
        if self.path is None or not self.new:
            return
        more = {**self.more, **self.new}
        if self.main and len(more) <= max(FEW, len(self.used) // 10):
            self._write(self._more_path(), more)
            return
        everything = {**self.main, **more}
        self._write(self.path, {k: everything[k] for k in self.used if k in everything})
        self._more_path().unlink(missing_ok=True)

    def _write(self, path: Path, values: dict) -> None:
        keep_file(path, pickle.dumps((self.base, values), protocol=pickle.HIGHEST_PROTOCOL))


FEW = 32  # new entries written beside the others before they are folded back in


class Shelf:
    """Values by key in one SQLite file, read one at a time: for banks too big to hold every
    entry in memory (Kept) and with too many entries for a file each (a cold build of 100,000
    notes would write over 200,000 small files). New entries are written in batches. Each process
    opens its own connection (forked workers never use their parent's); any SQLite error is a
    miss, and an unreadable file is started afresh. Each kind has its own table, and the first
    save for a new base (other code, other inputs) drops that kind's old entries, so the file
    holds one generation of each."""

    BATCH = 2_000

    def __init__(self, path: Path | None, base: str = "", kind: str = "kept"):
        self.path, self.base = path, base
        self.table = "kept_" + "".join(c if c.isalnum() else "_" for c in kind)  # a name of ours, never input
        self.pending: dict[str, bytes] = {}
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._checked = False  # whether this kind's entries were made for this base (else dropped)

    def _connect(self) -> sqlite3.Connection | None:
        if self.path is None:
            return None
        if self._db is None or self._pid != os.getpid():
            self._db, self._pid = None, os.getpid()
            for attempt in range(2):
                try:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    db = sqlite3.connect(self.path, timeout=5, isolation_level=None, check_same_thread=False)
                    db.execute("PRAGMA synchronous=OFF")
                    db.execute(f"CREATE TABLE IF NOT EXISTS {self.table} "
                               "(key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID")
                    db.execute("CREATE TABLE IF NOT EXISTS bases (kind TEXT PRIMARY KEY, base TEXT)")
                    self._db = db
                    break
                except sqlite3.Error:
                    if attempt == 0:
                        self.path.unlink(missing_ok=True)  # not a database any more: start afresh
        return self._db

    def _key(self, key_: str) -> str:
        return f"{self.base}\0{key_}"

    def get(self, key_: str):
        found = self.pending.get(key_)
        if found is None:
            db = self._connect()
            try:
                row = db.execute(f"SELECT value FROM {self.table} WHERE key = ?",
                                 (self._key(key_),)).fetchone() if db else None
            except sqlite3.Error:
                row = None
            if row is None:
                return None
            found = row[0]
        try:
            return pickle.loads(found)
        except Exception:  # noqa: BLE001 - from other code, or damaged: recompute it
            return None

    def put(self, key_: str, value) -> None:
        if self.path is None:
            return
        self.pending[key_] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if len(self.pending) >= self.BATCH:
            self.save()

    def touch(self, key_: str) -> None:
        """Nothing to count: a shelf is never folded."""

    def empty(self) -> bool:
        """Nothing kept for this base (none saved yet, or for other code or inputs)."""
        if self.pending:
            return False
        db = self._connect()
        try:
            if db is None:
                return True
            if not self._holds_base(db):
                return True
            return db.execute(f"SELECT 1 FROM {self.table} LIMIT 1").fetchone() is None
        except sqlite3.Error:
            return True

    def _holds_base(self, db: sqlite3.Connection) -> bool:
        """Whether this kind's entries were made for this base (else they are another generation's)."""
        row = db.execute("SELECT base FROM bases WHERE kind = ?", (self.table,)).fetchone()
        return row is not None and row[0] == self.base

    def save(self) -> None:
        db = self._connect() if self.pending else None
        if db is None:
            self.pending.clear()
            return
        try:
            db.execute("BEGIN")
            if not self._checked:  # entries made for other inputs or code are never read again: drop them
                if not self._holds_base(db):
                    db.execute(f"DELETE FROM {self.table}")
                    db.execute("INSERT OR REPLACE INTO bases VALUES (?, ?)", (self.table, self.base))
            db.executemany(f"INSERT OR REPLACE INTO {self.table} VALUES (?, ?)",
                           ((self._key(k), v) for k, v in self.pending.items()))
            db.execute("COMMIT")
            self._checked = True
        except sqlite3.Error:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        self.pending.clear()
