"""Cards -> CSV: a generic RFC 4180 file for other tools and spreadsheets."""

from __future__ import annotations

import csv
import io

from .cards import Card, companies_of
from .content import Content
from .pieces import NONE, Pieces
from .safety import neutral_markdown

GENERIC_COLUMNS = (
    "id", "guid", "deck", "section", "category", "type", "level", "question", "variants", "summary",
    "answer", "status", "tags", "source_titles", "source_urls", "companies", "signals", "yield",
    "position",
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize(cell: str) -> str:
    """Stop spreadsheets from evaluating a cell: prefix formula-like text with an apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def generic_row(card: Card, content: Content) -> dict[str, str]:
    q = card.question
    cited = [content.sources[s] for s in q.sources if s in content.sources]
    row = {
        "id": q.id,
        "guid": card.guid,
        "deck": card.deck,
        "section": neutral_markdown(q.section),
        "category": neutral_markdown(" | ".join(c for _, c in q.places)),
        "type": q.type,
        "question": neutral_markdown(q.text),
        "variants": "\n".join(neutral_markdown(v) for v in q.variants),
        "summary": neutral_markdown(card.answer.summary) if card.answer else "",
        "answer": neutral_markdown(card.answer.markdown.strip()) if card.answer else "",
        "status": card.status,
        "level": q.level,
        "tags": " ".join(card.tags),
        "source_titles": "\n".join(neutral_markdown(s.title) for s in cited),
        "source_urls": "\n".join(s.url for s in cited),
        "companies": neutral_markdown(", ".join(content.companies.get(c, c) for c in companies_of(q, content))),
        "signals": ", ".join(q.signals),
        "yield": card.fields["Yield"],
        "position": str(card.due),
    }
    return {key: neutralize(value) for key, value in row.items()}


def csv_line(values) -> str:
    """One RFC 4180 record (CRLF-terminated)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(values)
    return out.getvalue()


def ordered(row: dict[str, str]) -> list[str]:
    return [row[column] for column in GENERIC_COLUMNS]


def generic_csv(cards: list[Card], content: Content, pieces: Pieces = NONE) -> bytes:
    """The CSV, UTF-8."""
    return b"".join(csv_chunks(cards, content, pieces))


def csv_chunks(cards: list[Card], content: Content, pieces: Pieces = NONE):
    """The CSV as UTF-8 chunks: the header, then a row per card (kept as bytes between builds)."""
    yield csv_line(GENERIC_COLUMNS).encode("utf-8")
    for card in cards:
        yield pieces.get(card.id, lambda card=card: csv_line(ordered(generic_row(card, content))).encode("utf-8"))
