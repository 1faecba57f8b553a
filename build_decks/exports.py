"""Files for other spaced-repetition tools, each in the shape that tool imports as it is.

Every export comes from the same merged cards as the .apkg. A card without a curated answer
gets the same back as in Anki: "No curated answer yet", then its sources, never an empty side.

- Obsidian Spaced Repetition: one markdown file per section, `#flashcards/<section>/<category>`
  deck tags, multi-line cards (question, a line `?`, answer). The plugin ends a card at a blank
  line by default, so answers carry no blank lines (tables become lists; code keeps its lines).
- Logseq: `- <question> #card` blocks with the answer as child blocks.
- SuperMemo: Q&A text (`Q:` / `A:` lines, a blank line between items).
- Mnemosyne: tab-separated question and answer in HTML, newlines as `<br>`.
- Quizlet: `term<TAB>definition`, one card per line, plain text within Quizlet's limits.
- Mochi: a `.mochi` zip holding `data.edn` (version 2; decks nested by `:parent-id`; each card's
  markdown has its two sides separated by a line `---`) and the images, referenced as `@media/`.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .cards import Card
from .content import Content
from .pieces import NONE, Pieces
from .render import escape
from .text import slugify
from .zipwrite import ZIP_EPOCH_MIN, write_zip

NO_ANSWER = "No curated answer yet: study this question from the sources below."
FENCE = re.compile(r"^(```|~~~)")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
QUIZLET_MAX = 2000  # characters per side we allow ourselves (see README: Quizlet's limits)


# ---------------------------------------------------------------- shared pieces

def media_names(card: Card) -> dict[str, str]:
    """Image file name in the note -> unique name in the export (the package's media name)."""
    return {Path(source).name: name for name, source in (card.answer.media if card.answer else ())}


def answer_markdown(card: Card, content: Content) -> str:
    """The answer's markdown (images renamed to their export names), or the no-answer text;
    then the sources as links."""
    if card.answer:
        body = card.answer.markdown.strip()
        for original, export in media_names(card).items():
            body = body.replace(f"]({original})", f"]({export})")
    else:
        body = NO_ANSWER
    sources = [content.sources[s] for s in card.question.sources if s in content.sources]
    if sources:
        body += "\n\nReported by: " + ", ".join(f"[{s.title}]({s.url})" for s in sources)
    return body


def sources_line(card: Card, content: Content) -> str:
    sources = [content.sources[s] for s in card.question.sources if s in content.sources]
    return "Reported by: " + "; ".join(f"{s.title} {s.url}" for s in sources) if sources else ""


def question_text(card: Card) -> str:
    q = card.question
    return q.text + ("".join(f" / {v}" for v in q.variants) if q.variants else "")


def live(cards: list[Card]) -> list[Card]:
    return [c for c in cards if not c.retired]


def joined(chunks: Iterable[bytes], separator: bytes, end: bytes = b"") -> Iterator[bytes]:
    """``separator.join(chunks) + end``, a chunk at a time (big files are written as made)."""
    for index, chunk in enumerate(chunks):
        if index:
            yield separator
        yield chunk
    yield end


def by_category(cards: list[Card]) -> dict[tuple[str, str], list[Card]]:
    """Live cards grouped by (section, category), each group in study order (one pass)."""
    groups: dict[tuple[str, str], list[Card]] = {}
    for card in live(cards):
        groups.setdefault((card.question.section, card.question.category), []).append(card)
    return {key: sorted(group, key=lambda c: c.due) for key, group in groups.items()}


def media_files(cards: list[Card]) -> dict[str, bytes]:
    return {name: Path(source).read_bytes() for c in live(cards) if c.answer for name, source in c.answer.media}


def table_to_list(lines: list[str]) -> list[str]:
    """A markdown table as one bullet per row: `- **Head**: cell; **Head**: cell`."""
    cells = [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines]
    head, rows = cells[0], [r for r in cells[1:] if not TABLE_RULE.match("|".join(r))]
    return ["- " + "; ".join(f"**{h}**: {v}" if h else v for h, v in zip(head, row, strict=False)) for row in rows]


@functools.lru_cache(maxsize=1024)  # Obsidian and Logseq both want it, card by card
def without_blank_lines(markdown: str) -> str:
    """Markdown that renders alike with no blank line outside code (tables turned into lists).

    Code blocks keep theirs: the plugin reads a fenced block whole, blank lines included."""
    out: list[str] = []
    lines = markdown.split("\n")
    i, inside = 0, False
    while i < len(lines):
        line = lines[i]
        if FENCE.match(line.strip()):
            inside = not inside
        if not inside and line.lstrip().startswith("|") and i + 1 < len(lines) and TABLE_RULE.match(lines[i + 1]):
            block = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                block.append(lines[i])
                i += 1
            out += table_to_list(block)
            continue
        if line.strip() or inside:
            out.append(line.rstrip())
        i += 1
    return "\n".join(out)


# ---------------------------------------------------------------- Obsidian Spaced Repetition

def _osr_safe(line: str) -> str:
    """Keep the plugin from reading answer lines as separators: `::` starts a single-line card,
    a lone `?` or `??` a multi-line one. A zero-width space breaks them up invisibly."""
    if line.strip() in ("?", "??"):
        return line.replace("?", "?\u200b")
    return re.sub(r"(?<!`)::+", lambda m: "\u200b".join(m.group(0)), line) if "::" in line else line


def obsidian(cards: list[Card], content: Content, pieces: Pieces = NONE) -> dict[str, Iterable[bytes]]:
    groups = by_category(cards)

    def parts(section: str):
        yield f"# {content.title}: {section}\n".encode()
        for category in content.categories.get(section, []):
            mine = groups.get((section, category))
            if not mine:
                continue
            yield f"## {category}\n\n#flashcards/{slugify(section)}/{slugify(category)}\n".encode()
            for card in mine:
                yield pieces.get(card.id, lambda card=card: obsidian_card(card, content).encode("utf-8"))

    return {f"obsidian/{slugify(section)}.md": joined(parts(section), b"\n") for section in content.sections}


def obsidian_card(card: Card, content: Content) -> str:
    answer = without_blank_lines(answer_markdown(card, content))
    answer = "\n".join(_osr_safe(line) for line in answer.split("\n"))
    return f"{_osr_safe(question_text(card))}\n?\n{answer}\n"


# ---------------------------------------------------------------- Logseq

def logseq(cards: list[Card], content: Content, pieces: Pieces = NONE) -> dict[str, Iterable[bytes]]:
    groups = by_category(cards)

    def lines(section: str):
        yield f"title:: {content.title}/{section}".encode()
        yield b""
        for card in (c for category in content.categories[section] for c in groups.get((section, category), [])):
            yield pieces.get(card.id, lambda card=card: logseq_card(card, content).encode("utf-8"))

    def page(section: str) -> str:
        return "logseq/pages/" + f"{content.title}___{section}".replace("/", "_") + ".md"

    return {page(section): joined(lines(section), b"\n", b"\n") for section in content.sections}


def logseq_card(card: Card, content: Content) -> str:
    tag = f"[[ai-interview/{slugify(card.question.section)}/{slugify(card.question.category)}]]"
    lines = [f"- {question_text(card)} #card #{tag}"]
    answer = without_blank_lines(answer_markdown(card, content)).replace("](aei-", "](../assets/aei-")
    for number, line in enumerate(answer.split("\n")):
        prefix = "  - " if number == 0 else "    "
        lines.append((prefix + line).rstrip())
    return "\n".join(lines)


# ---------------------------------------------------------------- SuperMemo Q&A, Mnemosyne

def supermemo(cards: list[Card], content: Content, pieces: Pieces = NONE) -> dict[str, Iterable[bytes]]:
    items = (pieces.get(card.id, lambda card=card: supermemo_card(card, content).encode("utf-8"))
             for card in live(cards))
    return {"supermemo/ai-engineering-interview-qa.txt": joined(items, b"\n\n", b"\n")}


def supermemo_card(card: Card, content: Content) -> str:
    answer = plain_text(answer_markdown(card, content)).split("\n")
    return "\n".join([f"Q: {question_text(card)}", *(f"A: {line}" for line in answer if line.strip())])


def mnemosyne(cards: list[Card], content: Content, pieces: Pieces = NONE) -> dict[str, Iterable[bytes]]:
    rows = (pieces.get(card.id, lambda card=card: mnemosyne_card(card, content).encode("utf-8"))
            for card in live(cards))
    return {"mnemosyne/ai-engineering-interview.tsv": joined(rows, b"\n", b"\n")}


def mnemosyne_card(card: Card, content: Content) -> str:
    front = escape(question_text(card))
    back = card.fields["Answer"] or f"<p>{escape(NO_ANSWER)}</p>"
    sources = sources_line(card, content)
    back += f"<p>{escape(sources)}</p>" if sources else ""
    return f"{_tsv(front)}\t{_tsv(back)}"


def _tsv(html: str) -> str:
    return html.replace("\t", " ").replace("\r", "").replace("\n", "<br>")


# ---------------------------------------------------------------- Quizlet

IMAGE_LINK = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
HEADING = re.compile(r"^#+\s*")
EMPHASIS = re.compile(r"(\*\*|__|`)")
BULLET = re.compile(r"^\s*[-*]\s+")


@functools.lru_cache(maxsize=1024)  # SuperMemo and Quizlet both want it, card by card
def plain_text(markdown: str) -> str:
    """Markdown as plain text: no markup, code blocks and tables summarised with a pointer."""
    out, inside, table = [], False, False
    for line in markdown.split("\n"):
        if FENCE.match(line.strip()):
            if not inside:
                out.append("[code: see the Anki deck or the study page]")
            inside = not inside
            continue
        if inside:
            continue
        if line.lstrip().startswith("|"):
            if not table:
                out.append("[table: see the Anki deck or the study page]")
            table = True
            continue
        table = False
        if "](" in line:
            line = IMAGE_LINK.sub("[diagram: see the Anki deck or the study page]", line)
            line = LINK.sub(r"\1 (\2)", line)
        line = HEADING.sub("", line)
        line = EMPHASIS.sub("", line)
        line = BULLET.sub("- ", line)
        out.append(line.rstrip())
    return "\n".join(out).strip()


def quizlet_side(text: str) -> str:
    flat = " ".join(part.strip() for part in text.replace("\t", " ").split("\n") if part.strip())
    if len(flat) > QUIZLET_MAX:
        flat = flat[: QUIZLET_MAX - 60].rsplit(" ", 1)[0] + " ... [continued in the Anki deck or the study page]"
    return flat


def quizlet(cards: list[Card], content: Content, pieces: Pieces = NONE) -> dict[str, Iterable[bytes]]:
    rows = (pieces.get(card.id, lambda card=card: quizlet_card(card, content).encode("utf-8")) for card in live(cards))
    return {"quizlet/ai-engineering-interview.txt": joined(rows, b"\n", b"\n")}


def quizlet_card(card: Card, content: Content) -> str:
    answer = plain_text(answer_markdown(card, content))
    return f"{quizlet_side(question_text(card))}\t{quizlet_side(answer)}"


# ---------------------------------------------------------------- Mochi

def edn(value) -> str:
    """EDN for the few shapes the .mochi format uses: maps with keyword keys, vectors, strings,
    numbers and keywords (a Keyword instance)."""
    if isinstance(value, Keyword):
        return ":" + value.name
    if isinstance(value, Edn):
        return value.text
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + " ".join(edn(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + " ".join(f":{k} {edn(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no EDN for {type(value).__name__}")


class Keyword:
    def __init__(self, name: str):
        self.name = name


class Edn:
    """EDN text made already (a kept piece), written as it is."""

    def __init__(self, text: str):
        self.text = text


def mochi_id(text: str) -> Keyword:
    """A stable deck id: 10 characters of [0-9A-Za-z] from a hash of the deck's name."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    number = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")
    chars = []
    for _ in range(10):
        number, r = divmod(number, 62)
        chars.append(alphabet[r])
    return Keyword("aei" + "".join(chars))


def mochi_data(cards: list[Card], content: Content, pieces: Pieces = NONE) -> str:
    root = content.title
    decks = [{"id": mochi_id(root), "name": root}]
    groups = by_category(cards)
    for section in content.sections:
        decks.append({"id": mochi_id(f"{root}/{section}"), "name": section, "parent-id": mochi_id(root)})
        for category in content.categories.get(section, []):
            mine = groups.get((section, category))
            if not mine:
                continue
            decks.append({
                "id": mochi_id(f"{root}/{section}/{category}"), "name": category,
                "parent-id": mochi_id(f"{root}/{section}"),
                "cards": [Edn(pieces.get(card.id, lambda card=card: edn({"content": mochi_content(card, content)})))
                          for card in mine],
            })
    return edn({"version": 2, "decks": decks}) + "\n"


def mochi_content(card: Card, content: Content) -> str:
    """Markdown with the two sides separated by a line `---`; images as @media/ references."""
    answer = answer_markdown(card, content).replace("](aei-", "](@media/aei-")
    answer = re.sub(r"^---\s*$", "***", answer, flags=re.M)  # a rule inside the answer is not a side break
    return f"## {question_text(card)}\n\n---\n\n{answer}"


def mochi(cards: list[Card], content: Content, pieces: Pieces = NONE) -> dict[str, bytes]:
    buffer = io.BytesIO()
    images = media_files(cards)
    write_zip(buffer, {"data.edn": mochi_data(cards, content, pieces).encode("utf-8"), **images}, ZIP_EPOCH_MIN,
              remember=set(images))
    return {"mochi/ai-engineering-interview.mochi": buffer.getvalue()}


def images(cards: list[Card], content: Content, pieces: Pieces = NONE) -> dict[str, bytes]:
    """The images beside the Obsidian, Logseq and Mnemosyne files (Mochi packs its own)."""
    files = media_files(cards)
    return {f"{folder}/{name}": data for folder in MEDIA_FOLDERS for name, data in files.items()}


MEDIA_FOLDERS = ("obsidian", "logseq/assets", "mnemosyne")
EXPORTERS = (obsidian, logseq, supermemo, mnemosyne, quizlet, mochi)
