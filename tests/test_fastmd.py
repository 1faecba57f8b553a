"""The markdown fast path (build_decks/fastmd.py) against Python-Markdown itself: for every
shipped note, and for thousands of generated documents full of the constructs it must either
render the same or leave alone, its HTML is Python-Markdown's, byte for byte."""

from __future__ import annotations

import html
import random
from pathlib import Path

import markdown
import pytest

from build_decks import render
from build_decks.answers import note_paths, split_front_matter
from build_decks.errors import Problems
from build_decks.fastmd import FastMarkdown
from build_decks.highlight import CODEHILITE

REPO = Path(__file__).resolve().parents[1]


def reference(text: str) -> str:
    """A note's HTML the long way: Python-Markdown, then the sanitizer over all of it."""
    protected, math = render._protect_math(text)
    converter = render._converter()
    converter.reset()
    rendered = converter.convert(protected)
    for index, formula in enumerate(math):
        rendered = rendered.replace(render._placeholder(index), html.escape(formula, quote=False))
    return render.sanitize(rendered)


def both(text: str) -> tuple[str, str | None]:
    """(Python-Markdown's HTML, the fast path's or None) for one note body, as the build renders it."""
    protected, _ = render._protect_math(text)
    converter = render._converter()
    converter.reset()
    slow = converter.convert(protected)
    return slow, render._fast().render(protected)


def bodies() -> list[tuple[str, str]]:
    found = []
    for path in note_paths(REPO):
        _, body, _ = split_front_matter(path.read_text(encoding="utf-8"), path, Problems())
        found.append((str(path.relative_to(REPO)), body))
    return found


def test_every_shipped_note_renders_the_same_and_most_take_the_fast_path():
    notes = bodies()
    fast = 0
    for name, body in notes:
        slow, quick = both(body)
        if quick is not None:
            fast += 1
            assert quick == slow, name
        assert render.render_markdown(body) == reference(body), name
    # The fast path is the point: if a change to it (or to Python-Markdown) quietly sent most
    # notes down the slow path, the build would still be right but no longer fast.
    assert fast >= 0.9 * len(notes), f"only {fast} of {len(notes)} notes took the fast path"


WORDS = ["model", "cache", "token", "p99", "GPU", "x", "snake_case", "a_b_c", "2x", "C#", "AT&T", "5 < 7",
         "a > b", "[1]", "list[int]", "(see)", "100%", "$5", "e.g.", "—", "naïve", "\u00e9t\u00e9", "50-60"]
INLINE = ["**bold**", "*em*", "**two words**", "*a b*", "`code`", "``a ` b``", "`a|b`", "`<tag>`", "`&amp;`",
          "[link](https://example.com/a_b)", "![alt](pic.png)", "**[l](https://x.io)**", "[**b**](https://x.io)",
          "**`c`**", "a*b*c", "a**b**c", "* lone", "lone *", "2 * 3", "** x **", "**a *b* c**", "***both***",
          "*unclosed", "unclosed**", "_em_", "__init__", "x_y", "(_a_)", "\\*esc\\*", "<b>raw</b>", "&copy;",
          "&", "<https://auto.link>", "<a@b.c>", "[a][b]", "[ref]", "[a [b](https://c.d)]", "[t](https://u \"t\")",
          "[t](<https://u>)", "x  \ny", "`unmatched", "```", "**a**b**c**", "*a**b*", "**a*", "*a**", "a *b*",
          "\\(x^2\\)", "AEIMATHPLACEHOLDER0X", "<200 ms", "&nbsp;", "**", "*", "_", "[x](y)(z)", "![a *b*](p.png)",
          "[a](b) and [c](d)", "`a``b`", "  lead", "trail ", "**\u00e9**", "*(a)*", "**(b)**", "a**(b)**c"]


PLAIN = [piece for piece in INLINE if not any(mark in piece for mark in ("\\", "<", "&", "  \n", "_", "***"))]


def phrase(rng: random.Random, nasty: float) -> str:
    """Words and inline pieces; ``nasty``: the share drawn from every construct, not the plainer ones."""
    pool = lambda: INLINE if rng.random() < nasty else PLAIN  # noqa: E731
    parts = [rng.choice(WORDS if rng.random() < 0.6 else pool()) for _ in range(rng.randint(1, 6))]
    return " ".join(parts)


def block(rng: random.Random, nasty: float) -> str:
    kind = rng.randrange(14)
    if kind == 0:
        hashes, gap, close = "#" * rng.randint(1, 7), rng.choice([" ", "", "  "]), rng.choice(["", " ##", " #"])
        return f"{hashes}{gap}{phrase(rng, nasty)}{close}"
    if kind in (1, 2):
        marker = rng.choice(["-", "*", "+", "1.", "3.", "01."])
        lines = []
        for i in range(rng.randint(1, 4)):
            step = marker if not marker[0].isdigit() else f"{i + int(marker[:-1])}."
            lines.append(f"{step}{rng.choice([' ', '  '])}{phrase(rng, nasty)}")
            if rng.random() < 0.1:
                lines.append(rng.choice([phrase(rng, nasty), "    nested", "  - sub", "- other", "1. other", "# h",
                                         "---"]))
        return "\n".join(lines)
    if kind == 3:
        cols = rng.randint(1, 4)
        seps = [rng.choice(["---", ":---", "---:", ":---:", "-"]) for _ in range(cols)]
        edge = rng.choice([("| ", " |"), ("", ""), ("|", "|"), ("| ", "")])
        def row(cells):
            return edge[0] + " | ".join(cells) + edge[1]
        rows = [row([phrase(rng, nasty) for _ in range(cols)]), row(seps)]
        for _ in range(rng.randint(0, 3)):
            rows.append(row([phrase(rng, nasty) for _ in range(rng.choice([cols, cols, cols - 1, cols + 1]))]))
        return "\n".join(rows)
    if kind == 4:
        lang = rng.choice(["python", "", "bash", "json", "text", "html"])
        odd = rng.choice(["", "'quote'", '"dq"', "a < b & c > d", "\u00a0nbsp", "\x01ctl", "\x85nel", "\ufffe",
                          "<script>alert(1)</script>", "&amp; &lt;", "caf\u00e9 \u2014 \U0001f600"])
        return f"```{lang}\ndef f(x):\n    return x * 2  # **not bold** {odd}\n```"
    if kind == 5:
        return rng.choice(["> quoted " + phrase(rng, nasty), "---", "***", "Title\n=====", "Sub\n---",
                           "    indented code", "[id]: https://example.com", "<div>raw</div>", " one space", "\tTab"])
    lines = [phrase(rng, nasty) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.15:
        lines.insert(rng.randint(1, len(lines)), rng.choice(["- item", "## heading", "| a | b |", "1. item", "---"]))
    return "\n".join(lines)


def document(rng: random.Random, nasty: float) -> str:
    parts = [block(rng, nasty) for _ in range(rng.randint(1, 6))]
    joints = [rng.choice(["\n\n", "\n\n", "\n", "\n\n\n", "\n  \n"]) for _ in parts]
    return "".join(p + j for p, j in zip(parts, joints, strict=True)).rstrip("\n") + rng.choice(["", "\n"])


@pytest.mark.parametrize(("nasty", "floor"), [(0.5, 400), (0.05, 700)])
def test_generated_documents_render_the_same(nasty, floor):
    """Mostly hostile documents (every construct, half the time) and mostly plain ones (where
    the fast path does most of its work); a floor keeps the test exercising the fast path."""
    rng = random.Random(20261202)
    fast = 0
    for _ in range(4000):
        text = document(rng, nasty)
        slow, quick = both(text)
        if quick is not None:
            fast += 1
            assert quick == slow, repr(text)
        assert render.render_markdown(text) == reference(text), repr(text)
    assert fast > floor, f"only {fast} generated documents took the fast path: the test no longer exercises it"


@pytest.mark.parametrize("extensions", [["tables"], ["fenced_code", "tables", "sane_lists", "codehilite", "toc"],
                                        ["fenced_code", "tables", "codehilite"]])
def test_other_configurations_are_left_to_python_markdown(extensions):
    converter = markdown.Markdown(extensions=extensions, extension_configs=CODEHILITE, output_format="html")
    assert FastMarkdown(converter).render("plain **text**") is None
