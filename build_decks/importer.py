"""Import the seed document into content/: ids, sources, companies, signals, duplicates.

Run once, then content/ is the source of truth. Re-running on a newer edition keeps
every existing id (matched by wording or kept variant) and only adds what is new.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import vocab
from .errors import Problems
from .retired import load_lock
from .seed import Bullet, Category, SeedDoc, parse_seed
from .text import normalize, slugify, words
from .yamlio import dump, read_text, read_yaml, strip_lines, write_atomic

ID_WORDS = 4
NEAR_DUPLICATE = 0.6
STATEMENT_CATEGORIES = ("Red Flags",)


@dataclass
class Record:
    """A question on its way into content/."""

    text: str
    section: str
    category: str
    sources: list[str]
    line: int
    companies: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    also_in: list[str] = field(default_factory=list)
    id: str = ""


@dataclass
class ImportResult:
    records: list[Record]
    near_duplicates: list[tuple[Record, Record, float]]
    merged: list[dict]
    new_ids: list[str]


def split_annotations(text: str) -> tuple[str, list[str], list[str], list[str]]:
    """Peel trailing '(...)' notes and 'Company: X.' off a bullet: text, companies, roles, signals."""
    companies: list[str] = []
    roles: list[str] = []
    signals: list[str] = []
    match = re.search(r"\s*Company:\s*([^.]+(?:\.[a-z]+)?)\.?\s*$", text)
    if match and vocab.parse_company_annotation(match.group(1).strip()):
        companies += vocab.parse_company_annotation(match.group(1).strip())[0]
        text = text[: match.start()].rstrip()
    while match := re.search(r"\s*\(([^()]*)\)\s*$", text):
        note = match.group(1).strip()
        company = vocab.parse_company_annotation(note)
        if note.lower() in vocab.SIGNALS:
            signals.insert(0, vocab.SIGNALS[note.lower()])
        elif company:
            companies[:0], roles[:0] = company
        else:
            break
        text = text[: match.start()].rstrip()
    return text, companies, roles, signals


def to_record(bullet: Bullet, section: str, category: Category) -> Record:
    text, companies, roles, signals = split_annotations(bullet.text)
    for company in vocab.companies_in(category.name):
        if company not in companies:
            companies.append(company)
    return Record(text, section, category.name, list(dict.fromkeys(bullet.refs)), bullet.line,
                  companies, roles, signals)


def absorb(keep: Record, other: Record, as_variant: bool) -> None:
    """Merge a duplicate into the record that stays: every source and wording is kept."""
    if as_variant and normalize(other.text) != normalize(keep.text):
        keep.variants.append(other.text)
    place = f"{other.section} / {other.category}"
    if (other.section, other.category) != (keep.section, keep.category) and place not in keep.also_in:
        keep.also_in.append(place)
    for attr in ("sources", "companies", "roles", "signals"):
        merged = getattr(keep, attr) + [v for v in getattr(other, attr) if v not in getattr(keep, attr)]
        setattr(keep, attr, merged)


def similarity(a: str, b: str) -> float:
    wa, wb = set(words(a)), set(words(b))
    if not wa or not wb:
        return 0.0
    jaccard = len(wa & wb) / len(wa | wb)
    if min(len(wa), len(wb)) < 3:
        return jaccard
    return max(jaccard, len(wa & wb) / min(len(wa), len(wb)) * 0.75)


def make_id(text: str, taken: set[str]) -> str:
    """A short kebab-case slug from the first clause of the wording, unique among ``taken``."""
    clause = re.split(r"[?:]|\.\s|\.$| -- | — ", text, maxsplit=1)[0]
    tokens = words(clause) or words(text) or ["question"]
    for size in range(min(ID_WORDS, len(tokens)), len(tokens) + 1):
        candidate = slugify("-".join(tokens[:size]))[:48].strip("-")
        if candidate and candidate not in taken:
            return candidate
    base = slugify("-".join(tokens[:ID_WORDS]))
    return next(f"{base}-{n}" for n in itertools.count(2) if f"{base}-{n}" not in taken)


def collect(doc: SeedDoc, decisions: dict, known: dict[str, str], reserved: set[str]) -> ImportResult:
    """Seed -> records, with exact and decided duplicates merged and ids assigned."""
    merges = {normalize(m["merge"]): m for m in decisions.get("merges", [])}
    records: list[Record] = []
    by_text: dict[str, Record] = {}
    merged_log: list[dict] = []
    pending: list[tuple[Record, dict]] = []
    for section in doc.sections:
        for category in section.categories:
            if category.name.startswith(STATEMENT_CATEGORIES):
                continue
            for bullet in category.bullets:
                record = to_record(bullet, section.name, category)
                key = normalize(record.text)
                if key in by_text:
                    absorb(by_text[key], record, as_variant=False)
                    merged_log.append({"keep": by_text[key].text, "merge": record.text,
                                       "reason": "exact duplicate"})
                elif key in merges:
                    pending.append((record, merges[key]))
                else:
                    by_text[key] = record
                    records.append(record)
    for record, decision in pending:
        keep = by_text.get(normalize(decision["keep"]))
        if keep is None:
            records.append(record)
            continue
        absorb(keep, record, as_variant=True)
    taken = set(reserved) | set(known.values())
    new_ids = []
    for record in records:
        keys = [normalize(t) for t in [record.text, *record.variants]]
        record.id = next((known[k] for k in keys if k in known), "")
        if not record.id:
            record.id = make_id(record.text, taken)
            new_ids.append(record.id)
        taken.add(record.id)
    decided = {frozenset(map(normalize, (d["a"], d["b"]))) for d in decisions.get("distinct", [])}
    near = [
        (a, b, round(s, 2))
        for a, b in itertools.combinations(records, 2)
        if (s := similarity(a.text, b.text)) >= NEAR_DUPLICATE
        and frozenset((normalize(a.text), normalize(b.text))) not in decided
    ]
    return ImportResult(records, near, merged_log, new_ids)


# ---------------------------------------------------------------- writing content/


def provisional_level(section: str) -> str:
    """A first guess from the section alone; whoever writes the answer note confirms or changes it."""
    return "advanced" if slugify(section) == "system-design-questions" else "intermediate"


def question_entry(record: Record) -> dict:
    entry: dict = {"id": record.id, "text": record.text}
    for attr in ("variants", "sources", "companies", "roles", "signals", "also_in"):
        if getattr(record, attr):
            entry[attr] = list(getattr(record, attr))
    entry["level"] = provisional_level(record.section)
    entry["level_provisional"] = True
    return entry


def section_files(doc: SeedDoc, result: ImportResult) -> dict[str, dict]:
    by_place: dict[tuple[str, str], list[Record]] = {}
    for record in result.records:
        by_place.setdefault((record.section, record.category), []).append(record)
    files = {}
    for section in doc.sections:
        categories = []
        for category in section.categories:
            entry: dict = {"name": category.name}
            if category.notes and not category.name.startswith(STATEMENT_CATEGORIES):
                entry["description"] = " ".join(category.notes)
            if category.name.startswith(STATEMENT_CATEGORIES):
                entry["description"] = " ".join(category.notes)
                entry["statements"] = [{"text": b.text, "sources": b.refs} for b in category.bullets]
            else:
                entry["questions"] = [question_entry(r) for r in by_place.get((section.name, category.name), [])]
            categories.append(entry)
        files[slugify(section.name)] = {"section": section.name, "categories": categories}
    return files


def sources_entries(doc: SeedDoc) -> list[dict]:
    entries = []
    for note in doc.footnotes.values():
        entry = {"id": note.id, "title": note.title, "url": note.url,
                 "kind": vocab.source_kind(note.url, note.title)}
        named = vocab.companies_in(note.title)
        if len(named) == 1:
            entry["company"] = named[0]
        if note.extra:
            entry["note"] = note.extra
        entries.append(entry)
    return entries


def companies_entries() -> list[dict]:
    return [{"id": cid, "name": name} for name, cid in sorted(vocab.COMPANIES.items(), key=lambda kv: kv[1])]


def signals_entries() -> list[dict]:
    return [{"id": sid, "label": label} for sid, label in vocab.SIGNAL_LABELS.items()]


# ---------------------------------------------------------------- the command


def existing_ids(content_dir: Path, problems: Problems) -> tuple[dict[str, str], set[str]]:
    """Wording (normalized) -> id for what content/ already holds, and every id ever used."""
    known: dict[str, str] = {}
    reserved: set[str] = set()
    for path in sorted((content_dir / "questions").glob("*.yaml")):
        for category in read_yaml(path, problems, {}).get("categories", []):
            for q in category.get("questions", []):
                for text in [q.get("text", ""), *q.get("variants", [])]:
                    known[normalize(text)] = q["id"]
                reserved.add(q["id"])
    reserved.update(entry["id"] for entry in read_yaml(content_dir / "retired.yaml", problems, []))
    reserved.update(load_lock(content_dir.parent, problems))
    return known, reserved


def load_decisions(content_dir: Path, problems: Problems) -> dict:
    return strip_lines(read_yaml(content_dir / "duplicates.yaml", problems, {}))


def read_edition(seed_path: Path, content_dir: Path, problems: Problems):
    """The parsed edition and what content/ already holds: (doc, known wordings, reserved ids,
    duplicate decisions). Stops on any problem."""
    text = read_text(seed_path, problems)
    problems.raise_if_any()
    doc = parse_seed(text, seed_path, problems)
    known, reserved = existing_ids(content_dir, problems)
    decisions = load_decisions(content_dir, problems)
    return doc, known, reserved, decisions


def import_seed(seed_path: Path, content_dir: Path) -> ImportResult:
    """Parse the seed, merge it with content/, and write content/ (YAML)."""
    problems = Problems()
    doc, known, reserved, decisions = read_edition(seed_path, content_dir, problems)
    problems.raise_if_any()
    result = collect(doc, decisions, known, reserved)
    write_content(content_dir, doc, result, decisions)
    return result


def write_content(content_dir: Path, doc: SeedDoc, result: ImportResult, decisions: dict) -> None:
    """Write content/; where files exist, keep them as edited by hand and only add what is new."""
    (content_dir / "questions").mkdir(parents=True, exist_ok=True)
    new_ids = set(result.new_ids)
    for slug, data in section_files(doc, result).items():
        path = content_dir / "questions" / f"{slug}.yaml"
        _write(path, merge_section(_existing(path, {}), data, new_ids) if path.exists() else data)
    known_sources = _existing(content_dir / "sources.yaml", [])
    fresh = [s for s in sources_entries(doc) if s["id"] not in {k["id"] for k in known_sources}]
    _write(content_dir / "sources.yaml", known_sources + fresh)
    deck = {"title": doc.title, "description": doc.intro, "sections": [slugify(s.name) for s in doc.sections]}
    for name, data in (("companies", companies_entries()), ("signals", signals_entries()), ("deck", deck)):
        if not (content_dir / f"{name}.yaml").exists():
            _write(content_dir / f"{name}.yaml", data)
    exact = [m for m in result.merged if m not in decisions.get("exact", [])]
    if exact or not (content_dir / "duplicates.yaml").exists():
        decisions = {**decisions, "exact": decisions.get("exact", []) + exact}
        _write(content_dir / "duplicates.yaml", decisions, header=DUPLICATES_HEADER)


def merge_section(existing: dict, fresh: dict, new_ids: set[str]) -> dict:
    """Append new questions (and new categories) to a hand-edited section file."""
    categories = existing.setdefault("categories", [])
    for category in fresh["categories"]:
        added = [q for q in category.get("questions", []) if q["id"] in new_ids]
        target = next((c for c in categories if c.get("name") == category["name"]), None)
        if target is None:
            if added or "statements" in category:
                categories.append({**category, "questions": added} if "questions" in category else category)
        elif added:
            target.setdefault("questions", []).extend(added)
    return existing


DUPLICATES_HEADER = """\
# Duplicate decisions for the seed importer (build-decks import-seed).
# merges: the `merge` wording becomes a variant of the `keep` question (one card, every source kept).
# distinct: near-duplicates the importer flags that we decided to keep as separate cards.
# exact: byte-for-byte duplicates, merged automatically and recorded by the importer.
"""


def _existing(path: Path, default):
    """What a content file holds now, ready to be extended and written back."""
    problems = Problems()
    data = read_yaml(path, problems, default)
    problems.raise_if_any()
    return strip_lines(data)


def _write(path: Path, data, header: str = "") -> None:
    """Write YAML only when it differs, so an import that adds nothing changes nothing."""
    text = header + dump(data)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        write_atomic(path, text)
