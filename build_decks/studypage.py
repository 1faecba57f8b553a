"""The offline study page: one self-contained HTML file with every card.

Search, filters, tap-to-reveal study with a small spaced-repetition schedule kept in
localStorage, progress export and import, light and night themes: all in one file that
fetches nothing (a Content-Security-Policy forbids it), so it works opened from disk on a
phone. The cards are the same sanitized HTML as in the decks, styled by the same CSS;
images are inlined as data URIs.
"""

from __future__ import annotations

import base64
import json
import re
import time
from pathlib import Path

from . import __version__
from .anki_package import DEFAULT_TEMPLATES, template_text
from .cards import Card, companies_of
from .content import Content
from .describe import LICENSE
from .pieces import NONE, Pieces
from .render import escape

MIME = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
        ".gif": "image/gif", ".webp": "image/webp"}
NO_ANSWER = (
    '<div class="answer no-answer"><p><strong>No curated answer exists yet for this question.</strong></p>'
    "<p>Study it from the sources below.</p></div>"
)


def inline_media(html: str, card: Card) -> str:
    """Replace each packaged image name with a data URI of its bytes."""
    for name, source in card.answer.media if card.answer else ():
        data = base64.b64encode(Path(source).read_bytes()).decode("ascii")
        html = html.replace(f'src="{name}"', f'src="data:{MIME[Path(name).suffix.lower()]};base64,{data}"')
    return html


def front(card: Card) -> str:
    f = card.fields
    companies = f'<span class="badge company">{f["Companies"]}</span>' if f["Companies"] else ""
    variants = (f'<div class="variants"><div class="label">Also asked as</div>{f["Variants"]}</div>'
                if f["Variants"] else "")
    return (f'<div class="badges"><span class="badge section">{f["Section"]}</span>'
            f'<span class="badge category">{f["Category"]}</span><span class="badge level">{f["Type"]}</span>'
            f'{companies}</div><div class="question">{f["Question"]}</div>{variants}')


def back(card: Card) -> str:
    f = card.fields
    answer = f'<div class="answer">{inline_media(f["Answer"], card)}</div>' if f["Answer"] else NO_ANSWER
    sources = f'<div class="sources"><div class="label">Reported by</div>{f["Sources"]}</div>' if f["Sources"] else ""
    signals = f'<div class="signals"><span class="label">Signals</span> {f["Signals"]}</div>' if f["Signals"] else ""
    return (f'{answer}<div class="meta">{signals}{sources}'
            f'<div class="footer">{f["ID"]} · sources: {f["Yield"]} · {f["Status"]}</div></div>')


def card_record(card: Card, content: Content) -> dict:
    q = card.question
    text = " ".join([q.text, *q.variants, card.answer.markdown if card.answer else ""]).lower()
    return {
        "id": q.id, "section": q.section, "category": q.category,
        "categories": [c for _, c in q.places], "type": q.type, "level": q.level,
        "companies": [content.companies.get(c, c) for c in sorted(companies_of(q, content))],
        "status": card.status, "position": card.due, "question": card.fields["Question"],
        "front": front(card), "back": back(card), "text": text,
    }


def script_json(value) -> str:
    """JSON that is safe inside a <script> element (no "</" to end it early)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def study_page_chunks(cards: list[Card], content: Content, timestamp: int, pieces: Pieces = NONE):
    """The page as UTF-8 chunks, a card's record at a time (kept as bytes between builds)."""
    live = sorted((c for c in cards if not c.retired), key=lambda c: (
        content.sections.index(c.question.section),
        content.categories[c.question.section].index(c.question.category), c.due))
    sections = script_json(content.sections).encode("utf-8")

    def payload():
        yield b'{"sections":' + sections + b',"cards":['
        for index, c in enumerate(live):
            record = pieces.get(c.id, lambda c=c: script_json(card_record(c, content)).encode("utf-8"))
            yield b"," + record if index else record
        yield b"]}"

    css = template_text(DEFAULT_TEMPLATES, "style.css") + template_text(DEFAULT_TEMPLATES, "highlight.css")
    page = template_text(DEFAULT_TEMPLATES, "study.html")
    values = {
        "title": escape(content.title), "count": str(len(live)),  # small values first, every occurrence
        "answered": str(sum(c.answer is not None for c in live)), "version": __version__,
        "built": time.strftime("%Y-%m-%d", time.gmtime(timestamp)), "license": LICENSE,
        "card_css": css, "page_css": template_text(DEFAULT_TEMPLATES, "study.css"),
        "data": "", "script": template_text(DEFAULT_TEMPLATES, "study.js"),
    }
    # Plain replacement, not str.format: CSS and script are full of braces. The large, generated
    # parts go in last, each once, by splitting the template around them: nothing inside them is
    # ever mistaken for a placeholder, and the big page is never scanned or copied again.
    for key, value in values.items():
        if key not in BULK:
            page = page.replace("{" + key + "}", value)
    for index, part in enumerate(BULK_PLACEHOLDER.split(page, maxsplit=len(BULK))):
        if index % 2 and part == "data":
            yield from payload()
        else:
            yield (values[part] if index % 2 else part).encode("utf-8")


BULK = ("card_css", "page_css", "data", "script")
BULK_PLACEHOLDER = re.compile("{(" + "|".join(BULK) + ")}")
