"""Each output's per-card pieces, kept from one build to the next.

Most outputs are a frame around one piece per card (a CSV row, a Quizlet line, a study-page
record). A piece depends only on its card and on the build's common inputs (content/, the
code, the build time), so a rebuild after one edit recomputes one piece per output and
reuses the rest: ``build/pieces/<output>.pickle`` maps card digests to pieces, for the
common inputs it was made with. Banks above ``MAX_CARDS`` keep no pieces (they would hold
every card in memory twice); their pieces are recomputed, which at that size is the
smaller cost.
"""

from __future__ import annotations

import os
import pickle
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
MAX_CARDS = 20_000


class Pieces:
    """Pieces of one output: ``get(card_id, make)`` returns the kept piece or makes it.

    The pieces live in ``<output>.pickle``; a build that made only a few new ones adds them to a
    small ``<output>.more.pickle`` beside it instead of rewriting every piece (after one edit,
    one piece per output is new), until there are enough of them to fold back in."""

    def __init__(self, path: Path | None = None, base: str = "", digests: dict[str, str] | None = None):
        self.path, self.base, self.digests = path, base, digests or {}
        self.main: dict[str, object] = {}
        self.more: dict[str, object] = {}
        self.new: dict[str, object] = {}
        self.used: set[str] = set()
        if path is not None:
            self.main = self._load(path)
            self.more = self._load(self._more_path()) if self.main else {}

    def _more_path(self) -> Path:
        return self.path.with_name(self.path.stem + ".more.pickle")

    def _load(self, path: Path) -> dict:
        try:
            with open(path, "rb") as file:
                saved = pickle.load(file)
            if isinstance(saved, tuple) and len(saved) == 2 and saved[0] == self.base and isinstance(saved[1], dict):
                return saved[1]
        except Exception:  # noqa: BLE001 - missing or unreadable: make these pieces again
            pass
        return {}

    def get(self, card_id: str, make: Callable[[], T]) -> T:
        digest = self.digests.get(card_id)
        if digest is None:
            return make()
        if digest in self.more:
            piece = self.more[digest]
        elif digest in self.main:
            piece = self.main[digest]
        else:
            piece = self.new[digest] = make()
        self.used.add(digest)
        return piece

    def save(self) -> None:
        """Keep this build's new pieces: beside the others while they are few, else all the
        pieces this build used, in one file."""
        if self.path is None or not self.new:
            return
        more = {**self.more, **self.new}
        if self.main and len(more) <= max(FEW, len(self.used) // 10):
            self._write(self._more_path(), more)
            return
        everything = {**self.main, **more}
        self._write(self.path, {digest: everything[digest] for digest in self.used})
        self._more_path().unlink(missing_ok=True)

    def _write(self, path: Path, pieces: dict) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            with open(temporary, "wb") as file:
                pickle.dump((self.base, pieces), file, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(path)
        except OSError:
            pass


FEW = 32  # new pieces kept beside the others before they are folded back in


NONE = Pieces()  # keeps nothing: every piece is made


def pieces_for(folder: Path, output: str, base: str, digests: dict[str, str]) -> Pieces:
    if len(digests) > MAX_CARDS:
        return Pieces(None, base, {})
    return Pieces(folder / (re.sub(r"[^A-Za-z0-9_.-]+", "-", output) + ".pickle"), base, digests)
