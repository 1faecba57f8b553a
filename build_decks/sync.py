"""Sync content/ with a newer edition of the upstream question list.

Every question of the new edition is matched to a question already in content/:
1. exactly (its wording, or a kept variant, normalized);
2. else by wording similarity (``wording_score``), first within its own section and category,
   then anywhere; a match needs a score of at least MATCH and a clear lead over the runner-up.
Matched questions keep their id (so every learner keeps their reviews): a changed wording is
taken over, a changed section or category moves the question. Questions with no match get
new ids; questions of content/ that the edition no longer has are retired, never deleted.
A score between REVIEW and MATCH, or two candidates too close together, is not decided
silently: the sync stops and writes content/upstream/review.yaml, where a maintainer writes
`id: <question-id>` or `id: new` for each; the next run applies those decisions.
Hand edits in content/ (type, level, merged variants, renamed ids) stay: only wording,
place, sources and new questions come from upstream. The synced edition replaces the copy in
content/upstream/, so the next sync diffs against it.
"""

from __future__ import annotations

import difflib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DeckError, Problems
from .importer import (
    STATEMENT_CATEGORIES,
    Record,
    collect,
    make_id,
    provisional_level,
    read_edition,
    similarity,
    sources_entries,
)
from .seed import SeedDoc
from .text import normalize, slugify
from .yamlio import dump, read_yaml, strip_lines, write_atomic

MATCH = 0.6  # at least this similar: the same question, reworded
REVIEW = 0.45  # between REVIEW and MATCH: a maintainer decides
MARGIN = 0.08  # the best candidate must lead the runner-up by this much
UPSTREAM = "upstream"
EDITION = "ai-engineering-interview-questions.md"
REVIEW_FILE = "review.yaml"


@dataclass
class Decision:
    kind: str  # same, reworded, moved, new, retired, ambiguous
    text: str
    id: str = ""
    score: float = 1.0
    before: str = ""  # old wording or place
    after: str = ""
    candidates: list[tuple[str, float]] = field(default_factory=list)

    def line(self) -> str:
        detail = {
            "same": "",
            "reworded": f"  was: {self.before!r}",
            "moved": f"  {self.before} -> {self.after}",
            "new": "",
            "retired": "  (no longer in the list)",
            "ambiguous": "  candidates: " + ", ".join(f"{i} {s:.2f}" for i, s in self.candidates),
        }[self.kind]
        score = f" {self.score:.2f}" if self.kind in ("reworded", "moved", "ambiguous") else ""
        return f"{self.kind:<9}{score:>5}  {self.id or '?':<40} {self.text[:70]}{detail}"


@dataclass
class Existing:
    id: str
    texts: list[str]  # wording and variants
    section: str
    category: str
    entry: dict


def _existing_questions(content_dir: Path, problems: Problems) -> list[Existing]:
    found = []
    for path in sorted((content_dir / "questions").glob("*.yaml")):
        data = strip_lines(read_yaml(path, problems, {}))
        for category in data.get("categories", []):
            for q in category.get("questions", []) or []:
                found.append(Existing(q["id"], [q.get("text", ""), *q.get("variants", [])], data["section"],
                                      category["name"], q))
    return found


def wording_score(a: str, b: str) -> float:
    """How alike two wordings are, 0..1: the mean of character-level similarity (catches
    'tradeoff' vs 'trade-off') and word overlap (catches reordered clauses). Rewordings of one
    question score about 0.55-0.75; different questions that share 'What is ... how does it'
    about 0.25-0.45."""
    chars = difflib.SequenceMatcher(None, normalize(a), normalize(b)).ratio()
    return round((chars + similarity(a, b)) / 2, 3)


def _score(record: Record, old: Existing) -> float:
    return max(wording_score(record.text, text) for text in old.texts)


def plan(content_dir: Path, edition: Path) -> tuple[list[Decision], list[Record], list[Existing], SeedDoc]:
    """Match the new edition to content/; nothing is written."""
    problems = Problems()
    doc, known, reserved, decisions = read_edition(edition, content_dir, problems)
    reviewed = read_yaml(content_dir / UPSTREAM / REVIEW_FILE, problems, []) or []
    problems.raise_if_any()
    chosen = {normalize(r["text"]): str(r["id"]) for r in reviewed if isinstance(r, dict) and r.get("id")}
    records = collect(doc, decisions, {}, set()).records
    olds = _existing_questions(content_dir, problems)
    by_id = {o.id: o for o in olds}
    taken: set[str] = set()
    result: list[Decision] = []
    pending: list[Record] = []
    for record in records:  # exact wording first, so fuzzy matching never steals an exact one
        keys = {normalize(t) for t in [record.text, *record.variants]}
        qid = next((known[k] for k in keys if k in known and known[k] not in taken), None)
        if qid:
            taken.add(qid)
            record.id = qid
            old = by_id[qid]
            moved = (old.section, old.category) != (record.section, record.category)
            result.append(Decision("moved" if moved else "same", record.text, qid, before=f"{old.section} / "
                                   f"{old.category}", after=f"{record.section} / {record.category}"))
        else:
            pending.append(record)
    for record in pending:
        choice = chosen.get(normalize(record.text))
        if choice:
            if choice == "new":
                result.append(Decision("new", record.text))
                continue
            if choice not in by_id or choice in taken:
                raise DeckError(f"{content_dir / UPSTREAM / REVIEW_FILE}: '{choice}' is not an unmatched question id")
            taken.add(choice)
            record.id = choice
            result.append(_matched(record, by_id[choice], _score(record, by_id[choice])))
            continue
        free = [o for o in olds if o.id not in taken]
        scored = sorted(((_score(record, o), o) for o in free), key=lambda so: -so[0])
        here = [so for so in scored if (so[1].section, so[1].category) == (record.section, record.category)]
        best = here[0] if here and here[0][0] >= MATCH else (scored[0] if scored else (0.0, None))
        runner = next((s for s, o in scored if o is not best[1]), 0.0)
        if best[1] is not None and best[0] >= MATCH and best[0] - runner >= MARGIN:
            taken.add(best[1].id)
            record.id = best[1].id
            result.append(_matched(record, best[1], best[0]))
        elif best[1] is not None and best[0] >= REVIEW:
            result.append(Decision("ambiguous", record.text, score=best[0],
                                   candidates=[(o.id, s) for s, o in scored[:3]]))
        else:
            result.append(Decision("new", record.text, score=best[0]))
    taken_ids = set(taken) | set(reserved)
    by_text = {normalize(r.text): r for r in records}
    for decision in result:
        if decision.kind == "new":
            record = by_text[normalize(decision.text)]
            record.id = make_id(record.text, taken_ids)
            taken_ids.add(record.id)
            decision.id = record.id
    for old in olds:
        if old.id not in taken and not any(d.kind == "ambiguous" and old.id in dict(d.candidates) for d in result):
            result.append(Decision("retired", old.texts[0], old.id))
    return result, records, olds, doc


def _matched(record: Record, old: Existing, score: float) -> Decision:
    if (old.section, old.category) != (record.section, record.category):
        return Decision("moved", record.text, old.id, score, f"{old.section} / {old.category}",
                        f"{record.section} / {record.category}")
    return Decision("reworded", record.text, old.id, score, before=old.texts[0])


def sync(content_dir: Path, edition: Path, dry_run: bool = False) -> list[Decision]:
    """Plan, then (unless ``dry_run`` or anything is ambiguous) write content/."""
    decisions, records, olds, doc = plan(content_dir, edition)
    ambiguous = [d for d in decisions if d.kind == "ambiguous"]
    if dry_run:
        return decisions
    review = content_dir / UPSTREAM / REVIEW_FILE
    if ambiguous:
        review.parent.mkdir(parents=True, exist_ok=True)
        entries = [{"text": d.text, "id": "", "candidates": [f"{i} ({s:.2f})" for i, s in d.candidates]}
                   for d in ambiguous]
        write_atomic(review, "# For each question, write `id: <question-id>` (the same question) or `id: new`,\n"
                             "# then run the sync again.\n" + dump(entries))
        raise DeckError(f"{len(ambiguous)} ambiguous matches: decide them in {review}, then sync again")
    _write(content_dir, decisions, records, olds, doc)
    keep_edition(content_dir, edition)
    review.unlink(missing_ok=True)
    return decisions


def keep_edition(content_dir: Path, edition: Path) -> None:
    """The edition content/ now comes from becomes the in-repo copy the next sync diffs against."""
    copy = content_dir / UPSTREAM / EDITION
    if edition.resolve() != copy.resolve():
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(edition, copy)


def _write(content_dir: Path, decisions: list[Decision], records: list[Record], olds: list[Existing], doc) -> None:
    by_id = {o.id: o for o in olds}
    paths = sorted((content_dir / "questions").glob("*.yaml"))
    files = {p.stem: strip_lines(read_yaml(p, Problems(), {})) for p in paths}
    retired = {d.id for d in decisions if d.kind == "retired"}
    reworded = {d.id for d in decisions if d.kind == "reworded" or (d.kind == "moved" and d.score < 1.0)}
    # 1. take every question out of its category; keep the entries (hand edits live there)
    entries: dict[str, dict] = {}
    for data in files.values():
        for category in data.get("categories", []):
            if "questions" in category:
                for q in category["questions"] or []:
                    entries[q["id"]] = q
                category["questions"] = []
    # 2. put them back in the new edition's order and places, updated from upstream
    for section in doc.sections:
        stem = slugify(section.name)
        data = files.setdefault(stem, {"section": section.name, "categories": []})
        for category in section.categories:
            if category.name.startswith(STATEMENT_CATEGORIES):
                continue
            target = next((c for c in data["categories"] if c.get("name") == category.name), None)
            if target is None:
                target = {"name": category.name, "questions": []}
                data["categories"].append(target)
    for record in records:
        data = files[slugify(record.section)]
        target = next(c for c in data["categories"] if c.get("name") == record.category)
        entry = entries.get(record.id) or {"id": record.id, "text": record.text,
                                            "level": provisional_level(record.section), "level_provisional": True}
        if record.id in reworded:  # an exact match keeps content/'s wording (it may be a hand edit)
            entry["text"] = record.text
        for attr in ("variants", "sources", "companies", "roles", "signals"):
            merged = list(dict.fromkeys([*entry.get(attr, []), *getattr(record, attr)]))
            if attr == "variants":
                merged = [v for v in merged if normalize(v) != normalize(entry["text"])]
            if merged:
                entry[attr] = merged
        if record.also_in:
            entry["also_in"] = list(dict.fromkeys([*entry.get("also_in", []), *record.also_in]))
        rest = {k: v for k, v in entry.items() if k not in ("id", "text")}
        ordered = {"id": entry["id"], "text": entry["text"], **rest}
        target["questions"].append(ordered)
    for data in files.values():
        data["categories"] = [c for c in data["categories"] if c.get("questions") or c.get("statements")]
    for stem, data in files.items():
        path = content_dir / "questions" / f"{stem}.yaml"
        text = dump(data)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)
    # 3. retire what the edition dropped
    if retired:
        path = content_dir / "retired.yaml"
        existing = strip_lines(read_yaml(path, Problems(), [])) or []
        for qid in sorted(retired):
            old = by_id[qid]
            existing.append({"id": qid, "text": old.texts[0], "section": old.section, "category": old.category,
                             "reason": "No longer in the upstream question list."})
        write_atomic(path, dump(existing))
    # 4. sources: new ones added, changed titles and URLs taken over
    path = content_dir / "sources.yaml"
    known = strip_lines(read_yaml(path, Problems(), [])) or []
    fresh = {s["id"]: s for s in sources_entries(doc)}
    for source in known:
        if source["id"] in fresh:
            source["title"], source["url"] = fresh[source["id"]]["title"], fresh[source["id"]]["url"]
    known += [s for sid, s in fresh.items() if sid not in {k["id"] for k in known}]
    text = dump(known)
    if path.read_text(encoding="utf-8") != text:
        write_atomic(path, text)
