"""Merge questions with answers into cards: fields, tags, deck path, GUID and mod time."""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from .answers import Answer
from .clock import Clock, content_hash
from .content import Content, Question, default_type
from .identity import ROOT_DECK, TAG_ROOT, note_guid
from .render import escape, link
from .retired import Retired
from .text import slugify

FIELDS = (
    "ID", "Question", "Variants", "Summary", "Answer", "Section", "Category", "Type",
    "Companies", "Signals", "Sources", "Yield", "Status",
)


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    guid: str
    deck: str
    fields: dict[str, str]
    tags: tuple[str, ...]
    mod: int
    question: Question
    answer: Answer | None
    due: int = 0  # new-card position: most-reported questions first

    @property
    def retired(self) -> bool:
        return self.fields["Status"] == "retired"

    @property
    def status(self) -> str:
        """answered, unanswered or retired (the Status field also shows the date)."""
        return self.fields["Status"].split(" · ")[0]


def section_deck(content: Content, section: str) -> str:
    """``1 Technical Questions``: a number in curriculum order, so Anki's name-sorted deck list
    (and its default gather order, deck by deck) runs fundamentals before design before behavioral."""
    number = content.sections.index(section) + 1 if section in content.sections else 9
    return f"{ROOT_DECK}::{number} {section}"


def deck_name(content: Content, section: str, category: str) -> str:
    """``...::1 Technical Questions::01 LLM Fundamentals``, numbered in content order."""
    names = content.categories.get(section, [])
    number = names.index(category) + 1 if category in names else 99
    return f"{section_deck(content, section)}::{number:02d} {category}"


def source_weight(question: Question) -> int:
    """How often the question was reported: its number of distinct sources."""
    return len(set(question.sources))


def companies_of(question: Question, content: Content) -> list[str]:
    """Attributed companies plus the one named by each source's title, in a stable order."""
    ids = list(question.companies)
    for sid in question.sources:
        company = content.sources[sid].company if sid in content.sources else None
        if company and company not in ids:
            ids.append(company)
    return ids


def yield_bucket(sources: int) -> str:
    """Tag value for how often a question was reported: 1, 2, 3 or 4-plus sources."""
    return "4-plus" if sources >= 4 else str(sources)


def tags_for(question: Question, companies: list[str], answered: bool) -> tuple[str, ...]:
    tags = {f"{TAG_ROOT}::type::{question.type}", f"{TAG_ROOT}::level::{question.level}"}
    for section, category in question.places:
        tags.add(f"{TAG_ROOT}::section::{slugify(section)}")
        tags.add(f"{TAG_ROOT}::category::{slugify(category)}")
    tags.update(f"{TAG_ROOT}::source::{sid}" for sid in question.sources)
    tags.update(f"{TAG_ROOT}::company::{cid}" for cid in companies)
    tags.update(f"{TAG_ROOT}::signal::{sig}" for sig in question.signals)
    tags.add(f"{TAG_ROOT}::status::{'answered' if answered else 'unanswered'}")
    tags.add(f"{TAG_ROOT}::yield::{yield_bucket(source_weight(question))}")
    return tuple(sys.intern(tag) for tag in sorted(tags))  # one copy of each tag, however many cards


def fields_for(question: Question, answer: Answer | None, content: Content, companies: list[str]) -> dict[str, str]:
    sources = [content.sources[s] for s in question.sources if s in content.sources]
    items = "".join(f"<li>{link(s.url, s.title)}</li>" for s in sources)
    variants = "".join(f"<li>{escape(v)}</li>" for v in question.variants)
    fields = {
        "ID": question.id,
        "Question": escape(question.text),
        "Variants": f"<ul>{variants}</ul>" if variants else "",
        "Summary": answer.summary_html if answer else "",
        "Answer": answer.html if answer else "",
        "Section": escape(question.section),
        "Category": escape(" · ".join(c for _, c in question.places)),
        "Type": f"{question.type} · {question.level}",
        "Companies": escape(", ".join(content.companies.get(c, c) for c in companies)),
        "Signals": escape(", ".join(content.signals.get(s, s) for s in question.signals)),
        "Sources": f"<ol>{items}</ol>" if items else "",
        "Yield": str(source_weight(question)),
        "Status": "answered" if answer else "unanswered",
    }
    for name in SHARED_FIELDS:  # the same few values on many cards: keep one copy of each
        fields[name] = sys.intern(fields[name])
    return fields


SHARED_FIELDS = ("Section", "Category", "Type", "Companies", "Signals", "Yield")


RETIRED_DECK = f"{ROOT_DECK}::Retired"


def retired_card(item: Retired) -> Card:
    """A retired question keeps its note (imports never delete), marked so users can remove it."""
    question = Question(
        id=item.id, text=item.text, section=item.section, category=item.category,
        type=default_type(item.section, item.text), position=10**6, path=item.path, line=item.line,
    )
    where = f"merged into <code>{escape(item.merged_into)}</code>" if item.merged_into else "removed"
    note = (
        f"<p><strong>This question was retired from the deck</strong> ({where}): {escape(item.reason)}</p>"
        "<p>You can delete this card: search <code>tag:ai-interview::status::retired</code> in the browser.</p>"
    )
    fields = {name: "" for name in FIELDS}
    fields.update(ID=item.id, Question=escape(item.text), Answer=note, Section=escape(item.section),
                  Category=escape(item.category), Type=question.type, Yield="0", Status="retired")
    tags = (f"{TAG_ROOT}::status::retired",)
    return Card(item.id, note_guid(item.id), RETIRED_DECK, fields, tags, 0, question, None)


PRIORITY_SIGNALS = ("multiple-companies", "very-common-2026", "wish-prepared")


def yield_key(card: Card) -> tuple:
    """Answered first, then high-yield: more sources, then the signals, then seed order."""
    question = card.question
    signals = tuple(sig not in question.signals for sig in PRIORITY_SIGNALS)
    return (card.answer is None, -source_weight(question), *signals, question.position)


def media_digest(source: Path | str) -> str:
    """sha256 of an image file, read once per build however many cards and outputs use it."""
    stat = os.stat(source)
    return _media_digest(str(source), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def _media_digest(source: str, size: int, mtime: int) -> str:
    return hashlib.sha256(Path(source).read_bytes()).hexdigest()


def seen_hash(card: Card) -> str:
    """A hash of everything an import shows the user: fields, tags, deck and image bytes."""
    media = sorted((name, media_digest(source)) for name, source in (card.answer.media if card.answer else ()))
    return content_hash({"deck": card.deck, "fields": card.fields, "tags": list(card.tags), "media": media})


def build_cards(
    content: Content, answers: dict[str, Answer], clock: Clock, retired: list[Retired] = (),
    kept=None,
) -> list[Card]:
    """One card per question, in content order, then one per retired question.

    Each card's mod comes from ``clock``: the recorded one while what it shows is unchanged.
    ``kept`` (a memo.Kept) holds the cards an earlier build made from the same content/ (their
    guid, deck, fields, tags and hash, by answer) and receives this build's.
    """
    cards, seen = [], {}
    for question in content.questions:
        answer = answers.get(question.id)
        key = _card_key(question, answer)
        made = kept.get(key) if kept is not None else None
        if made is None:
            companies = companies_of(question, content)
            card = Card(
                id=question.id,
                guid=note_guid(question.id),
                deck=sys.intern(deck_name(content, question.section, question.category)),
                fields=fields_for(question, answer, content, companies),
                tags=tags_for(question, companies, answer is not None),
                mod=0,
                question=question,
                answer=answer,
            )
            made = (card.guid, card.deck, card.fields, card.tags, seen_hash(card))
            if kept is not None:
                kept.put(key, made)
        guid, deck, fields, tags, seen[question.id] = made
        cards.append(Card(question.id, guid, deck, fields, tags, 0, question, answer))
    for item in retired:
        cards.append(retired_card(item))
        seen[item.id] = seen_hash(cards[-1])
    order = sorted(cards, key=yield_key)
    rank = {card.id: position for position, card in enumerate(order, start=1)}
    return [dated(card, clock.mod(card.id, seen[card.id]), rank[card.id]) for card in cards]


def _card_key(question: Question, answer: Answer | None) -> str:
    """What a card is made of besides content/ (which the kept cards are tied to): its answer,
    and the bytes of its images (the card's hash covers them: a redrawn diagram is an update)."""
    if answer is None:
        return question.id
    images = [f"{name}={media_digest(source)}" for name, source in answer.media]
    parts = [question.id, answer.html, answer.summary_html, *images]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def month_year(mod: int) -> str:
    return time.strftime("%b %Y", time.gmtime(mod))


def dated(card: Card, mod: int, due: int) -> Card:
    """Stamp the mod and position, and show the mod on the back ("updated Nov 2026") through
    the Status field.

    The date is added after hashing: it follows from the mod and must not feed back into it.
    """
    status = card.fields["Status"]
    if status != "retired":
        status = f"{status} · updated {month_year(mod)}"
    return replace(card, mod=mod, due=due, fields={**card.fields, "Status": sys.intern(status)})
