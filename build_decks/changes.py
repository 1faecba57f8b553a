"""What changed in the deck since a git ref (or a previous .apkg), and releases built on it.

`build-decks changes REF` compares the cards built from REF's content/ and answers/ with the
cards built from the working tree: added, newly answered, changed, moved and retired notes by id
and question, plus the change in coverage. `build-decks release VERSION` writes that report
as CHANGELOG.md's new entry, stamps the version into pyproject.toml and the package (the deck
descriptions and the study page show it), rebuilds dist/, and prints the git commands to run;
it tags nothing itself.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import sqlite3
import subprocess
import tarfile
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .changelog import CHANGELOG
from .clock import source_date_epoch
from .errors import DeckError

FIELD_SEP = "\x1f"
VERSION_PATTERN = re.compile(r"^\d+\.\d+\.\d+$")


@dataclass(frozen=True)
class Seen:
    """One note as a learner sees it, reduced to what a changelog talks about."""

    id: str
    question: str
    place: str  # section / category
    status: str  # answered, unanswered, retired
    content: str  # everything else the note shows


@dataclass
class Changes:
    since: str
    added: list[Seen] = field(default_factory=list)
    answered: list[Seen] = field(default_factory=list)
    changed: list[Seen] = field(default_factory=list)
    moved: list[tuple[Seen, Seen]] = field(default_factory=list)
    retired: list[Seen] = field(default_factory=list)
    coverage: tuple[tuple[int, int], tuple[int, int]] = ((0, 0), (0, 0))  # (answered, total) before, after

    def headline(self) -> str:
        (a0, t0), (a1, t1) = self.coverage
        parts = [f"{a1} of {t1} questions answered ({a1 - a0:+d})"]
        for label, items in (("added", self.added), ("newly answered", self.answered), ("changed", self.changed),
                             ("moved", self.moved), ("retired", self.retired)):
            if items:
                parts.append(f"{len(items)} {label}")
        return "; ".join(parts) + "."

    def markdown(self) -> str:
        lines = [self.headline(), ""]
        (a0, t0), (a1, t1) = self.coverage
        lines.append(f"Coverage: {a0} of {t0} answered before, {a1} of {t1} now (changes since `{self.since}`).")
        sections = (("Added", self.added), ("Newly answered", self.answered), ("Changed", self.changed),
                    ("Retired", self.retired))
        for title, items in sections:
            if items:
                lines += ["", f"### {title} ({len(items)})", ""]
                lines += [f"- `{s.id}`: {s.question}" for s in items]
        if self.moved:
            lines += ["", f"### Moved ({len(self.moved)})", ""]
            lines += [f"- `{new.id}`: {old.place} -> {new.place}" for old, new in self.moved]
        return "\n".join(lines) + "\n"


def seen_from_cards(cards) -> dict[str, Seen]:
    result = {}
    for card in cards:
        f = card.fields
        status = card.status
        place = f"{f['Section']} / {f['Category']}"
        result[card.id] = Seen(card.id, card.question.text, place, status, _shown(f))
    return result


def seen_from_apkg(path: Path) -> dict[str, Seen]:
    """The notes of a package we built (any version): fields by name from its notetype."""
    with zipfile.ZipFile(path) as package, tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "collection.anki2"
        db.write_bytes(package.read("collection.anki2"))
        with sqlite3.connect(db) as con:
            models = json.loads(con.execute("select models from col").fetchone()[0])
            names = {int(mid): [f["name"] for f in m["flds"]] for mid, m in models.items()}
            rows = con.execute("select mid, flds from notes").fetchall()
    result = {}
    for mid, flds in rows:
        f = dict(zip(names[mid], flds.split(FIELD_SEP), strict=False))
        status = f.get("Status", "").split(" · ")[0]
        result[f["ID"]] = Seen(f["ID"], _text(f.get("Question", "")), f"{f.get('Section')} / {f.get('Category')}",
                               status, _shown(f))
    return result


def _shown(fields: dict[str, str]) -> str:
    """Every field but those a Seen keeps apart (question, place, status), in a fixed order."""
    return FIELD_SEP.join(fields[k] for k in sorted(fields) if k not in ("Question", "Status", "Section", "Category"))


def _text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def seen_at(root: Path, ref: str) -> dict[str, Seen]:
    """The notes the tree at git ``ref`` builds (with this code)."""
    from .build import gather

    archive = subprocess.run(["git", "-C", str(root), "archive", ref, "content", "answers"], capture_output=True)
    if archive.returncode != 0:
        raise DeckError(f"git archive {ref}: {archive.stderr.decode().strip() or 'failed'}")
    with tempfile.TemporaryDirectory(prefix="aei-changes-") as scratch:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(scratch, filter="data")
        previous = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = previous or "1"  # dates do not matter here
        try:
            return seen_from_cards(gather(Path(scratch)).cards)
        finally:
            if previous is None:
                del os.environ["SOURCE_DATE_EPOCH"]


def compare(before: dict[str, Seen], after: dict[str, Seen], since: str) -> Changes:
    changes = Changes(since)
    for qid, new in sorted(after.items(), key=lambda kv: kv[0]):
        old = before.get(qid)
        if new.status == "retired":
            if old is not None and old.status != "retired":
                changes.retired.append(new)
            continue
        if old is None or old.status == "retired":
            changes.added.append(new)
            continue
        if old.place != new.place:
            changes.moved.append((old, new))
        if old.status == "unanswered" and new.status == "answered":
            changes.answered.append(new)
        elif (old.question, old.content) != (new.question, new.content):
            changes.changed.append(new)
    for qid, old in before.items():
        if qid not in after and old.status != "retired":
            changes.retired.append(old)

    def cover(notes: dict[str, Seen]) -> tuple[int, int]:
        live = [s for s in notes.values() if s.status != "retired"]
        return sum(s.status == "answered" for s in live), len(live)

    changes.coverage = (cover(before), cover(after))
    return changes


def changes_since(root: Path, since: str) -> Changes:
    from .build import gather

    before = seen_from_apkg(Path(since)) if since.endswith(".apkg") else seen_at(root, since)
    return compare(before, seen_from_cards(gather(root).cards), since)


# ---------------------------------------------------------------- releases

def last_release_ref(root: Path) -> str:
    """The newest tag, else the first commit."""
    tag = subprocess.run(["git", "-C", str(root), "describe", "--tags", "--abbrev=0"], capture_output=True, text=True)
    if tag.returncode == 0 and tag.stdout.strip():
        return tag.stdout.strip()
    first = subprocess.run(["git", "-C", str(root), "rev-list", "--max-parents=0", "HEAD"], capture_output=True,
                           text=True)
    if first.returncode != 0 or not first.stdout.strip():
        raise DeckError("no git history to compare with: pass --since REF or an .apkg")
    return first.stdout.split()[0]


def stamp_version(root: Path, version: str) -> None:
    for path, pattern, replacement in (
        (root / "pyproject.toml", r'(?m)^version = "[^"]*"', f'version = "{version}"'),
        (root / "build_decks" / "__init__.py", r'(?m)^__version__ = "[^"]*"', f'__version__ = "{version}"'),
    ):
        text = path.read_text(encoding="utf-8")
        new, count = re.subn(pattern, replacement, text, count=1)
        if count != 1:
            raise DeckError(f"{path}: no version line to stamp")
        path.write_text(new, encoding="utf-8")


def changelog_entry(version: str, changes: Changes, day: str) -> str:
    return f"## {version} ({day})\n\n{changes.markdown()}"


def write_changelog(root: Path, entry: str) -> None:
    path = root / CHANGELOG
    text = path.read_text(encoding="utf-8") if path.exists() else "# Changelog\n"
    head, _, rest = text.partition("\n## ")
    body = entry + ("\n## " + rest if rest else "")
    path.write_text(head.rstrip("\n") + "\n\n" + body.rstrip("\n") + "\n", encoding="utf-8")


def release(root: Path, version: str, since: str | None = None) -> tuple[Changes, list[str]]:
    from . import __version__

    if not VERSION_PATTERN.match(version):
        raise DeckError(f"version {version!r} must look like 1.2.3")
    if tuple(map(int, version.split("."))) <= tuple(map(int, __version__.split("."))):
        raise DeckError(f"version {version} must be newer than the current {__version__}")
    ref = since or last_release_ref(root)
    changes = changes_since(root, ref)
    epoch = source_date_epoch()
    day = time.strftime("%Y-%m-%d", time.gmtime(epoch if epoch is not None else time.time()))
    write_changelog(root, changelog_entry(version, changes, day))
    stamp_version(root, version)
    commands = [
        "build-decks build   # make release already did this",
        "git add CHANGELOG.md pyproject.toml build_decks/__init__.py dist content/ids.lock content/notes.lock",
        f'git commit -m "Release {version}"',
        f'git tag -a v{version} -m "Release {version}"',
        "git push --follow-tags",
    ]
    return changes, commands
