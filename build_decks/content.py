"""Load and validate content/: questions, sources, companies, signals and deck text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from .errors import Problems
from .text import slugify
from .yamlio import LINE, line_of, read_yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_KINDS = {"youtube", "reddit", "hn", "medium", "x", "github", "blog"}
QUESTION_TYPES = {"concept", "design", "coding", "behavioral", "take-home"}
SECTION_TYPES = {
    "system-design-questions": "design",
    "coding-problems": "coding",
    "behavioral-questions": "behavioral",
    "take-home-assignments": "take-home",
}
DESIGN_OPENERS = re.compile(
    r"^(design|how would you design|describe how you would architect|create a system|build an agent)\b",
    re.IGNORECASE,
)
QUESTION_KEYS = {
    "id", "text", "variants", "sources", "companies", "roles", "signals", "also_in", "type",
    "level", "level_provisional",
}
# What a strong candidate at that level is expected to answer (docs/answer-style.md, "Levels").
LEVELS = ("foundational", "intermediate", "advanced")


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str
    kind: str
    company: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    section: str
    category: str
    type: str
    position: int  # order in content/, the seed's order
    path: str
    line: int
    sources: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    also_in: tuple[tuple[str, str], ...] = ()
    level: str = "intermediate"
    level_provisional: bool = False  # set from the question alone; its answer note confirms it

    @property
    def places(self) -> tuple[tuple[str, str], ...]:
        return ((self.section, self.category), *self.also_in)


@dataclass(frozen=True)
class Statement:
    """A seed bullet that is not a question (the take-home red flags)."""

    text: str
    section: str
    category: str
    sources: tuple[str, ...]


@dataclass
class Content:
    title: str
    description: str
    questions: list[Question]
    sources: dict[str, Source]
    companies: dict[str, str]  # id -> display name
    signals: dict[str, str]  # id -> label
    statements: list[Statement] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    categories: dict[str, list[str]] = field(default_factory=dict)  # section -> categories, in file order
    category_notes: dict[tuple[str, str], str] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    def question(self, qid: str) -> Question | None:
        """The question with this id (the first, if an id is duplicated); an index, not a scan,
        since every answer note looks up its question."""
        index = self.__dict__.get("_by_id")
        if index is None or index[0] != len(self.questions):
            by_id: dict[str, Question] = {}
            for q in self.questions:
                by_id.setdefault(q.id, q)
            index = self.__dict__["_by_id"] = (len(self.questions), by_id)
        return index[1].get(qid)


def load_content(root: Path, problems: Problems) -> Content:
    """Read content/ under ``root``; record every problem, never stop at the first."""
    base = root / "content"
    deck = _load(base / "deck.yaml", problems, dict) or {}
    companies = _load_named(base / "companies.yaml", "name", problems)
    signals = _load_named(base / "signals.yaml", "label", problems)
    sources = _load_sources(base / "sources.yaml", companies, problems)
    content = Content(
        title=str(deck.get("title", "AI Engineering Interview Questions")),
        description=str(deck.get("description", "")),
        questions=[], sources=sources, companies=companies, signals=signals,
    )
    section_paths = _section_paths(base, deck, problems)
    for path in section_paths:
        _load_section(path, content, problems)
    content.files = [base / n for n in ("deck.yaml", "companies.yaml", "signals.yaml", "sources.yaml")]
    content.files += section_paths
    _check_questions(content, problems)
    return content


def _section_paths(base: Path, deck: dict, problems: Problems) -> list[Path]:
    """Section files in the order deck.yaml lists them (the seed's order)."""
    found = {p.stem: p for p in sorted((base / "questions").glob("*.yaml"))}
    if not found:
        problems.add(base / "questions", 1, "no question files found (content/questions/*.yaml)")
    order = [str(s) for s in deck.get("sections") or []]
    for stem in sorted(set(found) - set(order)):
        problems.add(found[stem], 1, f"section file '{stem}' is not listed under 'sections:' in content/deck.yaml")
    for stem in order:
        if stem not in found:
            problems.add(base / "deck.yaml", line_of(deck), f"sections: no file content/questions/{stem}.yaml")
    return [found[stem] for stem in order if stem in found]


def _load(path: Path, problems: Problems, kind: type):
    if not path.exists():
        problems.add(path, 1, "file is missing")
        return None
    data = read_yaml(path, problems)
    if data is not None and not isinstance(data, kind):
        expected = "a mapping" if kind is dict else "a list"
        problems.add(path, 1, f"expected {expected} at the top level")
        return None
    return data


def _load_named(path: Path, key: str, problems: Problems) -> dict[str, str]:
    named: dict[str, str] = {}
    for entry in _load(path, problems, list) or []:
        line = line_of(entry)
        if not isinstance(entry, dict) or not ID_PATTERN.match(str(entry.get("id", ""))):
            problems.add(path, line, "each entry needs a kebab-case 'id'")
            continue
        if entry["id"] in named:
            problems.add(path, line, f"duplicate id '{entry['id']}'")
        if not str(entry.get(key) or "").strip():
            problems.add(path, line, f"'{entry['id']}' needs a '{key}'")
        named[entry["id"]] = str(entry.get(key) or "")
    return named


def _load_sources(path: Path, companies: dict[str, str], problems: Problems) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for entry in _load(path, problems, list) or []:
        line = line_of(entry)
        sid = str(entry.get("id", "")) if isinstance(entry, dict) else ""
        if not ID_PATTERN.match(sid):
            problems.add(path, line, "each source needs a kebab-case 'id'")
            continue
        if sid in sources:
            problems.add(path, line, f"duplicate source id '{sid}'")
        url, title, kind = str(entry.get("url", "")), str(entry.get("title", "")), entry.get("kind")
        if not is_web_url(url):
            problems.add(path, line, f"source '{sid}' needs an http(s) 'url', got {url!r}")
        if not title.strip():
            problems.add(path, line, f"source '{sid}' needs a 'title'")
        if kind not in SOURCE_KINDS:
            problems.add(path, line, f"source '{sid}' kind must be one of {sorted(SOURCE_KINDS)}")
        company = entry.get("company")
        if company is not None and company not in companies:
            problems.add(path, line, f"source '{sid}' names unknown company '{company}'")
        sources[sid] = Source(sid, title, url, str(kind), company, str(entry.get("note", "")))
    return sources


def is_web_url(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc) and not any(
        c.isspace() or c in "\"'<>`" for c in url
    )


def _load_section(path: Path, content: Content, problems: Problems) -> None:
    data = _load(path, problems, dict)
    if not data:
        return
    section = str(data.get("section") or "").strip()
    if not section:
        problems.add(path, line_of(data), "missing 'section' name")
        return
    content.sections.append(section)
    content.categories[section] = []
    for category in data.get("categories") or []:
        if not isinstance(category, dict) or not str(category.get("name") or "").strip():
            problems.add(path, line_of(category), "each category needs a 'name'")
            continue
        name = str(category["name"]).strip()
        content.categories[section].append(name)
        if category.get("description"):
            content.category_notes[(section, name)] = str(category["description"])
        for statement in category.get("statements") or []:
            content.statements.append(
                Statement(str(statement.get("text", "")), section, name, tuple(statement.get("sources") or ()))
            )
        for entry in category.get("questions") or []:
            question = _question(entry, section, name, path, len(content.questions), problems)
            if question:
                content.questions.append(question)


def _question(entry, section: str, category: str, path: Path, position: int, problems: Problems):
    line = line_of(entry)
    if not isinstance(entry, dict):
        problems.add(path, line, "each question must be a mapping with 'id' and 'text'")
        return None
    unknown = sorted(set(entry) - QUESTION_KEYS - {LINE})
    if unknown:
        problems.add(path, line, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(QUESTION_KEYS))}")
    qid = str(entry.get("id") or "")
    if not ID_PATTERN.match(qid):
        problems.add(path, line, f"question id {qid!r} must be lowercase kebab-case, e.g. 'kv-cache'")
        return None
    text = str(entry.get("text") or "").strip()
    if not text:
        problems.add(path, line, f"question '{qid}' has no text")
    qtype = entry.get("type") or default_type(section, text)
    if qtype not in QUESTION_TYPES:
        problems.add(path, line, f"question '{qid}' type must be one of {sorted(QUESTION_TYPES)}")
    level = entry.get("level")  # none yet (a question added by hand): provisional intermediate
    if level is not None and level not in LEVELS:
        problems.add(path, line, f"question '{qid}' level {level!r} must be one of {', '.join(LEVELS)}")
    provisional = entry.get("level_provisional", False)
    if not isinstance(provisional, bool):
        problems.add(path, line, f"question '{qid}' level_provisional must be true or false")
    also_in = []
    for place in entry.get("also_in") or []:
        parts = [p.strip() for p in str(place).split(" / ", 1)]
        if len(parts) != 2:
            problems.add(path, line, f"also_in {place!r} must read 'Section / Category'")
        else:
            also_in.append((parts[0], parts[1]))
    return Question(
        id=qid, text=text, section=section, category=category, type=str(qtype), position=position,
        path=str(path), line=line,
        **{key: tuple(_strings(entry.get(key))) for key in ("sources", "companies", "roles", "signals", "variants")},
        also_in=tuple(also_in),
        level=str(level) if level in LEVELS else "intermediate",
        level_provisional=provisional is True or level is None,
    )


def _strings(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in (value if isinstance(value, list) else [value])]


def default_type(section: str, text: str) -> str:
    slug = slugify(section)
    if slug in SECTION_TYPES:
        return SECTION_TYPES[slug]
    if re.match(r"implement\b", text, re.IGNORECASE):
        return "coding"
    return "design" if DESIGN_OPENERS.match(text) else "concept"


def _check_questions(content: Content, problems: Problems) -> None:
    seen: dict[str, Question] = {}
    places = {(q.section, q.category) for q in content.questions}
    for q in content.questions:
        if q.id in seen:
            other = seen[q.id]
            problems.add(q.path, q.line, f"duplicate question id '{q.id}' (also at {other.path}:{other.line})")
        seen[q.id] = q
        for attr, known, what in (
            ("sources", content.sources, "source"),
            ("companies", content.companies, "company"),
            ("signals", content.signals, "signal"),
        ):
            for value in getattr(q, attr):
                if value not in known:
                    problems.add(q.path, q.line, f"question '{q.id}' cites unknown {what} '{value}'")
        for place in q.also_in:
            if place not in places:
                problems.add(q.path, q.line, f"question '{q.id}': also_in '{' / '.join(place)}' is not a category")
