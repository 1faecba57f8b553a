"""When did the files behind a note last change? The basis of note modification times.

Anki's importer updates an existing note only when the incoming note is newer, so a
note's ``mod`` must advance whenever what it shows changes. We take it from version
control: the last commit that touched any file behind the note (its question file, its
answer note, the shared registries, and the build code that renders it). Files with
uncommitted changes use their modification time, which is later than any commit.
The same commit therefore always gives the same times: builds stay reproducible.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class FileClock:
    """Maps a path (relative to the repository root) to the time it last changed."""

    def __init__(self, root: Path, committed: dict[str, int], dirty: set[str], fallback: int):
        self.root = root
        self.committed = committed
        self.dirty = dirty
        self.fallback = fallback

    def time_of(self, path: Path | str) -> int:
        try:
            rel = Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:  # outside the project (e.g. an installed package): not ours to date
            return 0
        if rel in self.dirty or rel not in self.committed:
            try:
                return max(int(os.stat(self.root / rel).st_mtime), self.fallback)
            except FileNotFoundError:
                return self.fallback
        return self.committed[rel]

    def latest(self, paths) -> int:
        return max((self.time_of(p) for p in paths), default=self.fallback)


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=True,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout


def file_clock(root: Path) -> FileClock:
    """Read commit times for every tracked file in one pass over ``git log``."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    log = _git(root, "log", "--format=@%ct", "--name-only", "--no-renames", "--", ".")
    committed: dict[str, int] = {}
    current = epoch
    for line in (log or "").splitlines():
        if line.startswith("@"):
            current = int(line[1:])
        elif line.strip() and line not in committed:
            committed[line] = current
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", ".") or ""
    dirty = {line[3:].split(" -> ")[-1].strip('"') for line in status.splitlines() if len(line) > 3}
    fallback = epoch or max(committed.values(), default=0)
    return FileClock(root, committed, dirty, fallback)
