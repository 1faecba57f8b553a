"""Answer coverage by section and category."""

from __future__ import annotations

from .cards import Card, yield_key


def coverage_rows(cards: list[Card]) -> list[tuple[str, int, int]]:
    """(label, answered, total) per section and per category, in content order."""
    rows: dict[tuple[str, str | None], list[int]] = {}
    for card in cards:
        q = card.question
        for key in ((q.section, None), (q.section, q.category)):
            row = rows.setdefault(key, [0, 0])
            row[0] += card.answer is not None
            row[1] += 1
    return [(section if category is None else f"  {category}", answered, total)
            for (section, category), (answered, total) in rows.items()]


def format_status(cards: list[Card]) -> str:
    cards = [c for c in cards if not c.retired]
    rows = coverage_rows(cards)
    width = max(len(label) for label, _, _ in rows) + 2
    lines = [f"{'Section / category':<{width}}{'answered':>10}{'total':>7}{'':>7}"]
    for label, answered, total in rows:
        lines.append(f"{label:<{width}}{answered:>10}{total:>7}{answered / total:>7.0%}")
    answered = sum(c.answer is not None for c in cards)
    lines.append(f"{'All questions':<{width}}{answered:>10}{len(cards):>7}{answered / len(cards):>7.0%}")
    return "\n".join(lines)


def format_unanswered(cards: list[Card]) -> str:
    """Unanswered questions, most reported first: what a contributor should write next."""
    todo = sorted((c for c in cards if c.answer is None and not c.retired), key=yield_key)
    if not todo:
        return "Every question has an answer note."
    lines = [f"{len(todo)} questions without an answer note, most reported first "
             "(start one with `build-decks new ID`):", f"{'sources':>7}  {'id':<40} question"]
    for card in todo:
        q = card.question
        lines.append(f"{len(set(q.sources)):>7}  {q.id:<40} {q.text}")
    return "\n".join(lines)
