"""Answer coverage by section and category."""

from __future__ import annotations

from .cards import Card


def coverage_rows(cards: list[Card]) -> list[tuple[str, int, int]]:
    """(label, answered, total) per section and per category, in content order."""
    rows: dict[str, list[int]] = {}
    for card in cards:
        q = card.question
        for label in (q.section, f"  {q.category}"):
            key = label if not label.startswith("  ") else f"{q.section}\0{label}"
            row = rows.setdefault(key, [0, 0])
            row[0] += card.answer is not None
            row[1] += 1
    ordered = []
    for key, (answered, total) in rows.items():
        ordered.append((key.split("\0")[-1], answered, total))
    return ordered


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
