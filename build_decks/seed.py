"""Parse the seed document: sections, categories, question bullets and footnotes.

The seed is markdown: ``##`` sections, ``###`` categories, ``- `` bullets citing
footnotes ``[^id]``, and footnote definitions ``[^id]: [Title](url) (extra)``.
This module only reads; it decides nothing about ids or duplicates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problems
from .text import repair_mojibake

REF = re.compile(r"\[\^([A-Za-z0-9_-]+)\]")
FOOTNOTE = re.compile(r"^\[\^([A-Za-z0-9_-]+)\]:\s*\[([^\]]+)\]\(([^)\s]+)\)\s*(?:\((.*)\))?\s*$")


@dataclass
class Bullet:
    text: str  # the bullet without footnote references
    refs: list[str]
    line: int


@dataclass
class Category:
    name: str
    line: int
    bullets: list[Bullet] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # prose paragraphs under the heading


@dataclass
class Section:
    name: str
    line: int
    categories: list[Category] = field(default_factory=list)


@dataclass
class Footnote:
    id: str
    title: str
    url: str
    extra: str
    line: int


@dataclass
class SeedDoc:
    title: str
    intro: str
    sections: list[Section]
    footnotes: dict[str, Footnote]


def parse_seed(text: str, path: Path | str, problems: Problems) -> SeedDoc:
    """Read the seed document into plain data, recording malformed lines."""
    doc = SeedDoc(title="", intro="", sections=[], footnotes={})
    category: Category | None = None
    intro: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = repair_mojibake(raw.rstrip())
        if not line or line == "---":
            continue
        if line.startswith("# "):
            doc.title = line[2:].strip()
        elif line.startswith("## "):
            category = None
            if line[3:].strip() != "Sources":
                doc.sections.append(Section(line[3:].strip(), number))
        elif line.startswith("### "):
            category = _add_category(doc, line[4:].strip(), number, path, problems)
        elif line.startswith("[^"):
            _add_footnote(doc, line, number, path, problems)
        elif line.startswith("- "):
            _add_bullet(category, line[2:], number, path, problems)
        elif category is not None:
            category.notes.append(line)
        elif not doc.sections:
            intro.append(line)
    doc.intro = " ".join(intro)
    _check_refs(doc, path, problems)
    return doc


def _add_category(doc, name, number, path, problems) -> Category | None:
    if not doc.sections:
        problems.add(path, number, f"category '{name}' appears before any '## ' section")
        return None
    category = Category(name, number)
    doc.sections[-1].categories.append(category)
    return category


def _add_footnote(doc, line, number, path, problems) -> None:
    match = FOOTNOTE.match(line)
    if not match:
        problems.add(path, number, "footnote must look like '[^id]: [Title](https://url) (extra)'")
        return
    fid, title, url, extra = match.groups()
    if fid in doc.footnotes:
        problems.add(path, number, f"footnote '{fid}' is defined twice")
        return
    doc.footnotes[fid] = Footnote(fid, title.strip(), url, (extra or "").strip(), number)


def _add_bullet(category, body, number, path, problems) -> None:
    if category is None:
        problems.add(path, number, "question bullet outside a '### ' category")
        return
    refs = REF.findall(body)
    text = re.sub(r"\s+", " ", REF.sub(" ", body)).strip()
    if not text:
        problems.add(path, number, "question bullet has no text")
        return
    category.bullets.append(Bullet(text, refs, number))


def _check_refs(doc: SeedDoc, path, problems) -> None:
    for section in doc.sections:
        for category in section.categories:
            for bullet in category.bullets:
                for ref in bullet.refs:
                    if ref not in doc.footnotes:
                        problems.add(path, bullet.line, f"footnote '[^{ref}]' is never defined")
