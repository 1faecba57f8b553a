"""CHANGELOG.md: where releases are recorded, and the newest entry's headline for the decks."""

from __future__ import annotations

import re
from pathlib import Path

CHANGELOG = "CHANGELOG.md"


def last_headline(root: Path) -> tuple[str, str] | None:
    """(version, headline) of CHANGELOG.md's newest released entry, for the deck description."""
    path = root / CHANGELOG
    if not path.exists():
        return None
    match = re.search(r"^## (\d+\.\d+\.\d+) \((\d{4}-\d{2}-\d{2})\)\n\n(.+)$", path.read_text(encoding="utf-8"), re.M)
    return (match.group(1), match.group(3).strip()) if match else None
