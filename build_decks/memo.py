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
from pathlib import Path

from .state import code_digest

FORMAT = 1
_MADE: set[str] = set()  # folders known to exist (a mkdir per entry is a syscall per entry)


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
        path = self._path(digest)
        try:
            folder = str(path.parent)
            if folder not in _MADE:
                os.makedirs(folder, exist_ok=True)
                _MADE.add(folder)
            temporary = f"{path}.{os.getpid()}.tmp"
            with open(temporary, "wb") as file:
                pickle.dump((digest, value), file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError:
            pass  # a memo we cannot write only costs time


NO_MEMO = Memo(None)
