"""Deck descriptions: what is inside, coverage, how to study, version, where to contribute."""

from __future__ import annotations

import time

from . import __version__
from .cards import Card, deck_name, section_deck
from .content import Content
from .identity import ROOT_DECK
from .render import escape, link

HOW_TO_STUDY = (
    "Say your answer out loud before you turn the card. The first paragraph of each answer is "
    "the 30-second version; the rest is what interviewers probe next. New cards come most-reported "
    "first within each deck; to get that order across the whole deck, set Deck options &gt; New cards "
    "&gt; Gather order to <i>Ascending position</i> (or import with <i>Import any deck presets</i>)."
)
LICENSE = (
    f"Answer notes: {link('https://creativecommons.org/licenses/by-sa/4.0/', 'CC BY-SA 4.0')}, by the deck's "
    "contributors; code: MIT. The questions were reported by the public sources each card links, as "
    "collected in the upstream list <i>AI Engineering Interview Questions</i>."
)
CONTRIBUTE = (
    "Missing or wrong answer? Answer notes are plain markdown files in the project's "
    "<code>answers/</code> folder; run <code>build-decks new ID</code> to start one."
)


def coverage(cards: list[Card]) -> str:
    live = [card for card in cards if not card.retired]
    answered = sum(card.answer is not None for card in live)
    return f"{len(live)} questions, {answered} with a curated answer"


def source_links(content: Content, ids) -> str:
    return ", ".join(link(content.sources[i].url, content.sources[i].title) for i in ids if i in content.sources)


def root_description(content: Content, cards: list[Card], timestamp: int, news: tuple[str, str] | None = None) -> str:
    built = time.strftime("%Y-%m-%d", time.gmtime(timestamp))
    flags = "".join(f"<li>{escape(s.text)} ({source_links(content, s.sources)})</li>" for s in content.statements)
    cited = {sid for card in cards for sid in card.question.sources}
    cited |= {sid for statement in content.statements for sid in statement.sources}
    uncited = [s for s in sorted(content.sources) if s not in cited]
    parts = [
        f"<p>{escape(content.description)}</p>",
        f"<p><b>{coverage(cards)}</b> in {len(content.sections)} sections. {HOW_TO_STUDY}</p>",
        "<p>Find cards by tag: <code>tag:ai-interview::company::openai</code>, "
        "<code>tag:ai-interview::signal::*</code>, <code>tag:ai-interview::status::unanswered</code>.</p>",
    ]
    if flags:
        parts.append(f"<p>Red flags in take-home assignments, reported by candidates:</p><ul>{flags}</ul>")
    if uncited:
        parts.append(f"<p>Also consulted: {source_links(content, uncited)}.</p>")
    if news:
        parts.append(f"<p><b>New in {escape(news[0])}:</b> {escape(news[1])}</p>")
    parts.append(f"<p>{CONTRIBUTE}</p><p>{LICENSE}</p><p>Version {__version__}, built {built}.</p>")
    return "\n".join(parts)


def section_description(section: str, cards: list[Card], timestamp: int) -> str:
    mine = [c for c in cards if c.question.section == section]
    built = time.strftime("%Y-%m-%d", time.gmtime(timestamp))
    return (
        f"<p><b>{escape(section)}</b>: {coverage(mine)}. {HOW_TO_STUDY}</p>"
        f"<p>{CONTRIBUTE}</p><p>Version {__version__}, built {built}.</p>"
    )


def descriptions(content: Content, cards: list[Card], timestamp: int,
                 news: tuple[str, str] | None = None) -> dict[str, str]:
    """Root, section and category deck descriptions; ``news`` is (version, headline) of the last release."""
    result = {ROOT_DECK: root_description(content, cards, timestamp, news)}
    for section in content.sections:
        result[section_deck(content, section)] = section_description(section, cards, timestamp)
    for (section, category), note in content.category_notes.items():
        name = deck_name(content, section, category)
        if any(c.deck == name for c in cards):
            result[name] = f"<p>{escape(note)}</p>"
    return result
