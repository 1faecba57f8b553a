"""Each output's per-card pieces, kept from one build to the next.

Most outputs are a frame around one piece per card (a CSV row, a Quizlet line, a study-page
record). A piece depends only on its card and on the build's common inputs (content/ and the
code; never the build's timestamp), so a rebuild after one edit recomputes one piece per output and
reuses the rest: ``build/pieces/<output>.pickle`` maps card digests to pieces, for the
common inputs it was made with. Banks above ``MAX_KEPT`` cards keep no pieces (they would hold
every card in memory twice); their pieces are recomputed, which at that size is the
smaller cost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .memo import MAX_KEPT, Kept

T = TypeVar("T")


class Pieces:
    """Pieces of one output: ``get(card_id, make)`` returns the kept piece or makes it."""

    def __init__(self, path: Path | None = None, base: str = "", digests: dict[str, str] | None = None):
        self.kept = Kept(path, base)
        self.digests = digests or {}

    def get(self, card_id: str, make: Callable[[], T]) -> T:
        digest = self.digests.get(card_id)
        if digest is None:
            return make()
        piece = self.kept.get(digest)
        if piece is None:
            piece = make()
            self.kept.put(digest, piece)
        return piece

    def save(self) -> None:
        self.kept.save()


NONE = Pieces()  # keeps nothing: every piece is made


def pieces_for(folder: Path, output: str, base: str, digests: dict[str, str]) -> Pieces:
    if len(digests) > MAX_KEPT:
        return Pieces(None, base, {})
    return Pieces(folder / (re.sub(r"[^A-Za-z0-9_.-]+", "-", output) + ".pickle"), base, digests)
