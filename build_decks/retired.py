"""Ids that never move: the lock of every published id, and retired questions.

``content/ids.lock`` lists every question id ever published, one per line. An id may
leave content/questions/ only by being recorded in ``content/retired.yaml`` (removed, or
merged into another question), and a retired id is never handed to a new question.
Retired questions stay in the package, tagged ``status::retired`` in a ``Retired`` deck:
an .apkg import never deletes notes, so users need a way to find and delete them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import ID_PATTERN, Content
from .errors import Problems
from .yamlio import line_of, read_text, read_yaml, write_atomic

LOCK_HEADER = (
    "# Every question id ever published, one per line. `build-decks build` adds new ids.\n"
    "# Never delete a line: to remove a question, record its id in content/retired.yaml.\n"
)


@dataclass(frozen=True)
class Retired:
    id: str
    text: str
    section: str
    category: str
    reason: str
    merged_into: str | None
    path: str
    line: int


def lock_path(root: Path) -> Path:
    return root / "content" / "ids.lock"


def load_lock(root: Path, problems: Problems) -> dict[str, int]:
    """id -> line number in ids.lock (empty when there is no lock yet)."""
    path = lock_path(root)
    if not path.exists():
        return {}
    ids: dict[str, int] = {}
    for number, line in enumerate((read_text(path, problems) or "").split("\n"), start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if not ID_PATTERN.match(entry):
            problems.add(path, number, f"{entry!r} is not a question id")
        ids.setdefault(entry, number)
    return ids


def load_retired(root: Path, problems: Problems) -> list[Retired]:
    path = root / "content" / "retired.yaml"
    entries = read_yaml(path, problems, [])
    if not isinstance(entries, list):
        problems.add(path, 1, "expected a list of retired questions")
        return []
    return [item for entry in entries if (item := _retired(entry, path, problems))]


def _retired(entry, path: Path, problems: Problems) -> Retired | None:
    line = line_of(entry)
    if not isinstance(entry, dict) or not ID_PATTERN.match(str(entry.get("id", ""))):
        problems.add(path, line, "each retired question needs its kebab-case 'id'")
        return None
    missing = [key for key in ("text", "section", "category", "reason") if not str(entry.get(key) or "").strip()]
    if missing:
        problems.add(path, line, f"retired '{entry['id']}' needs {', '.join(missing)}")
    return Retired(
        id=str(entry["id"]), text=str(entry.get("text", "")), section=str(entry.get("section", "")),
        category=str(entry.get("category", "")), reason=str(entry.get("reason", "")),
        merged_into=entry.get("merged_into"), path=str(path), line=line,
    )


def check_ids(root: Path, content: Content, retired: list[Retired], problems: Problems) -> None:
    """Published ids must stay (as questions or retired); retired ids are never reused."""
    current = {q.id: q for q in content.questions}
    seen: dict[str, Retired] = {}
    for item in retired:
        if item.id in seen:
            problems.add(item.path, item.line, f"'{item.id}' is retired twice")
        seen[item.id] = item
        if item.id in current:
            q = current[item.id]
            where = f"{item.path}:{item.line}"
            problems.add(q.path, q.line, f"id '{q.id}' is retired ({where}); give this question a new id")
        if item.merged_into and item.merged_into not in current:
            target = item.merged_into
            problems.add(item.path, item.line, f"'{item.id}' is merged into '{target}', which is not a question")
    lock = load_lock(root, problems)
    for qid, number in sorted(lock.items(), key=lambda kv: kv[1]):
        if qid not in current and qid not in seen:
            problems.add(
                lock_path(root), number,
                f"published id '{qid}' is gone; restore the question or record it in content/retired.yaml",
            )


def update_lock(root: Path, ids: list[str]) -> bool:
    """Add ids to the lock (kept sorted, lines never removed); True when the file changed."""
    path = lock_path(root)
    problems = Problems()
    known = set(load_lock(root, problems))
    problems.raise_if_any()
    wanted = sorted(known | set(ids))
    text = LOCK_HEADER + "".join(f"{qid}\n" for qid in wanted)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    write_atomic(path, text)
    return True
