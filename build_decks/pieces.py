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
    """Pieces of one output: ``get(card_id, make)`` returns the kept piece or makes it."""

    def __init__(self, path: Path | None = None, base: str = "", digests: dict[str, str] | None = None):
        self.path, self.base, self.digests = path, base, digests or {}
        self.old: dict[str, object] = {}
        self.new: dict[str, object] = {}
        if path is not None:
            try:
                with open(path, "rb") as file:
                    saved = pickle.load(file)
                if isinstance(saved, tuple) and len(saved) == 2 and saved[0] == base and isinstance(saved[1], dict):
                    self.old = saved[1]
            except Exception:  # noqa: BLE001 - missing or unreadable: make every piece
                self.old = {}

    def get(self, card_id: str, make: Callable[[], T]) -> T:
        digest = self.digests.get(card_id)
        if digest is None:
            return make()
        piece = self.old[digest] if digest in self.old else make()
        self.new[digest] = piece
        return piece

    def save(self) -> None:
        """Keep this build's pieces (only those it used), if they differ from what was kept."""
        if self.path is None or self.new.keys() == self.old.keys():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            with open(temporary, "wb") as file:
                pickle.dump((self.base, self.new), file, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(self.path)
        except OSError:
            pass


NONE = Pieces()  # keeps nothing: every piece is made


def pieces_for(folder: Path, output: str, base: str, digests: dict[str, str]) -> Pieces:
    if len(digests) > MAX_CARDS:
        return Pieces(None, base, {})
    return Pieces(folder / (re.sub(r"[^A-Za-z0-9_.-]+", "-", output) + ".pickle"), base, digests)
