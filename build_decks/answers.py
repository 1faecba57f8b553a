"""Load answer notes: answers/**/<id>.md, YAML front matter then markdown."""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from .content import Content
from .errors import Problems
from .memo import NO_MEMO, Kept, Memo, Shelf, key
from .parallel import Started, map_forked
from .progress import QUIET, Progress
from .render import BLOCKS, RenderCache, drain_blocks, markdown_to_html, render_markdown
from .safety import IMAGE, check_markdown
from .state import FileDigests
from .yamlio import LINE, load_text, read_text

FRONT_MATTER_KEYS = {"id"}
# `id: kv-cache` alone, which YAML reads as that very string (YAML's words for booleans and null aside)
SIMPLE_FRONT_MATTER = re.compile(r"id: (?!(?:yes|no|on|off|true|false|null)\s*$)([a-z][a-z0-9-]*)\s*$")
MAX_BYTES = 64 * 1024
FENCE = re.compile(r"^(```|~~~)")
# Length targets of docs/answer-style.md, in words outside code blocks; `check` warns above +20%.
WORD_TARGETS = {"concept": 250, "design": 450, "coding": 275, "behavioral": 250, "take-home": 450}
OVER_TARGET = 1.2
OPENING_WORDS = 60
PLACEHOLDER = re.compile(r"^\s*(?:[-*]\s+)?TODO\b|^# runs under the tests: show examples as asserts$")


def word_limit(kind: str) -> int:
    """The most words a note of this type may have before `check` warns."""
    return int(WORD_TARGETS[kind] * OVER_TARGET)


@dataclass(frozen=True, slots=True)
class Answer:
    id: str
    path: str
    markdown: str  # the body, front matter removed
    summary: str  # the opening paragraph, markdown
    html: str  # the whole body, sanitized HTML
    words: int
    media: tuple[tuple[str, Path], ...] = ()  # (name inside the package, file on disk)
    body_line: int = 1  # line of the file where the body starts
    summary_html: str = ""  # the opening paragraph, rendered


NOT_NOTES = {"readme.md", "license.md"}  # markdown files in answers/ that are not answer notes


def note_paths(root: Path) -> list[Path]:
    """Every answer note under root/answers, sorted."""
    return [p for p in sorted((root / "answers").rglob("*.md")) if p.name.lower() not in NOT_NOTES]


def load_answers(
    root: Path, content: Content, problems: Problems, retired: dict[str, str] | None = None,
    progress: Progress = QUIET, memo: Memo | Kept | Shelf = NO_MEMO, renders: Memo | Kept | Shelf = NO_MEMO,
    files: FileDigests | None = None, paths: list[Path] | None = None, early: Started | None = None,
) -> dict[str, Answer]:
    """Read every answer note; check ids against content/ (and retired ids) and each other.
    ``early``: read_and_render already under way for each of ``paths`` (start_reading)."""
    retired = retired or {}
    answers: dict[str, Answer] = {}
    ids = {q.id for q in content.questions}
    paths = note_paths(root) if paths is None else paths
    for path, answer in zip(paths, read_answers(paths, problems, progress, memo, renders, files, early), strict=True):
        if answer is None:
            continue
        if answer.id in retired:
            problems.add(path, 2, f"'{answer.id}' is a retired question ({retired[answer.id]}); delete this note")
        elif answer.id not in ids:
            problems.add(path, 2, unknown_id_message(answer.id, ids))
        elif path.stem != answer.id:
            problems.add(path, 2, f"file name must match its id: rename to {answer.id}.md")
        elif answer.id in answers:
            problems.add(path, 2, f"duplicate answer for '{answer.id}' (also {answers[answer.id].path})")
        else:
            answers[answer.id] = answer
    for answer in answers.values():
        check_length(answer, content.question(answer.id).type, problems)
    return answers


def check_length(answer: Answer, kind: str, problems: Problems) -> None:
    """Warn (never fail) when a note runs well past its type's target or its opening is long."""
    if answer.words > word_limit(kind):
        problems.warn(answer.path, 1, f"{answer.words} words; a {kind} note should stay near {WORD_TARGETS[kind]} "
                      f"(at most {word_limit(kind)}): cut what the card does not need")
    opening = count_words(answer.summary)
    if opening > OPENING_WORDS:
        problems.warn(answer.path, answer.body_line, f"opening paragraph has {opening} words; the 30-second answer "
                      f"should be at most {OPENING_WORDS}")


def unknown_id_message(qid: str, ids: set[str]) -> str:
    close = difflib.get_close_matches(qid, sorted(ids), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else "; see `build-decks status --unanswered` for open ids"
    return f"id '{qid}' is not a question in content/{hint}"


def read_draft(path: Path, problems: Problems) -> Answer | None:
    """The note with everything but its HTML: ``html`` holds the markdown to render."""
    if path.stat().st_size > MAX_BYTES:
        problems.add(path, 1, f"answer note is larger than {MAX_BYTES // 1024} KiB; keep notes short")
        return None
    text = read_text(path, problems)
    if text is None:
        return None
    meta, body, body_line = split_front_matter(text, path, problems)
    if meta is None:
        return None
    qid = meta.get("id")
    if not isinstance(qid, str) or not qid:
        problems.add(path, 2, "front matter needs 'id: <question-id>'")
        return None
    unknown = sorted(set(meta) - FRONT_MATTER_KEYS - {LINE})
    if unknown:
        problems.add(path, 2, f"unknown front matter key(s): {', '.join(unknown)}")
    summary = opening_paragraph(body)
    if not body.strip():
        problems.add(path, body_line, "answer body is empty; write at least the opening paragraph")
        return None
    if not summary:
        problems.add(
            path, body_line, "the note must open with a short paragraph (the summary), not a heading, list or code"
        )
    for number, line in enumerate(body.split("\n")):
        if PLACEHOLDER.match(line):
            problems.add(path, body_line + number, "scaffold placeholder left in the note: replace the TODO with "
                         "the answer (or delete the line)")
    images = check_markdown(body, path, body_line, problems)
    media = {image.src: f"aei-{qid}-{Path(image.src).name}" for image in images}
    source = IMAGE.sub(lambda m: m.group(0).replace(m.group(1), media.get(m.group(1), "")), body)
    files = tuple(sorted({(media[image.src], image.path) for image in images}))
    return Answer(qid, str(path), body, summary, source, count_words(body), files, body_line)


def finish(draft: Answer, rendered: str) -> Answer:
    return replace(draft, html=rendered, summary_html=summary_html(draft.summary, rendered))


def load_answer(path: Path, problems: Problems) -> Answer | None:
    draft = read_draft(path, problems)
    return finish(draft, markdown_to_html(draft.html)) if draft else None


PARALLEL_RENDERS = 16  # fewer notes to read than this: forking workers costs more than it saves


def read_answers(
    paths: list[Path], problems: Problems, progress: Progress = QUIET, memo: Memo | Kept | Shelf = NO_MEMO,
    renders: Memo | Kept | Shelf = NO_MEMO, files: FileDigests | None = None, early: Started | None = None,
) -> list[Answer | None]:
    """Every note, in order. A note unchanged since the last build (same bytes, same images,
    same code) comes from ``memo``; the others are read, checked and rendered across the cores
    (rendered HTML is looked up, and kept, in ``renders``), or taken from ``early``, where
    read_and_render began for every path."""
    progress.begin("reading answers", len(paths))
    found: list[tuple[Answer | None, Problems | tuple, str | None]] = []
    missing: list[int] = []
    for path in paths:
        digest = note_key(path, files)
        hit = memo.get(digest) if digest else None
        if hit is None:
            if digest:
                missing.append(len(found))
                found.append((None, Problems(), digest))
            else:  # too large or unreadable: read here, for its problem
                sub = Problems()
                found.append((read_draft(path, sub), sub, None))
        else:
            found.append((*hit, None))  # (answer, its warnings)
        progress.tick()
    progress.begin("rendering answers", len(missing))
    if early is not None:
        wanted = set(missing)
        done = (result for index, result in enumerate(early) if index in wanted)
    else:
        work = functools.partial(read_and_render, renders=renders)
        chosen = [paths[index] for index in missing]
        done = map_forked(work, chosen, chunksize=4) if len(chosen) >= PARALLEL_RENDERS else map(work, chosen)
    for index, (answer, sub, text, html, blocks, seen) in zip(missing, done, strict=True):
        if html is not None:  # rendered now (a worker's writes to the stores would be lost with it)
            renders.put(text, html)
            learn_blocks(blocks, seen)
        elif text is not None:
            renders.touch(text)  # found kept by a worker: counts as used here
        found[index] = (answer, sub, found[index][2])
        progress.tick()
    answers = []
    for answer, sub, digest in found:
        if isinstance(sub, tuple):  # kept: a note without errors, and its warnings
            problems.warnings.extend(sub)
        else:
            if digest and not sub:  # a note with errors is read again next time
                memo.put(digest, (answer, tuple(sub.warnings)))
            problems.extend(sub)
            problems.unreadable |= sub.unreadable
        answers.append(answer)
    return answers


def start_reading(paths: list[Path], renders: Memo | Kept | Shelf = NO_MEMO) -> Started | None:
    """read_and_render for every path, begun now in forked workers (None for a few notes:
    forking would cost more than it saves)."""
    if len(paths) < PARALLEL_RENDERS:
        return None
    return Started(functools.partial(read_and_render, renders=renders), paths, chunksize=4)


def read_and_render(path: Path, renders: Memo | Kept | Shelf = NO_MEMO):
    """Read and check one note, and render it unless ``renders`` holds its HTML (in a worker,
    maybe): (answer, problems, key of its HTML, HTML if rendered here, code blocks highlighted
    and found), for the parent to keep."""
    sub = Problems()
    draft = read_draft(path, sub)
    if draft is None:
        return None, sub, None, None, {}, set()
    text = text_key(draft.html)
    kept = renders.get(text)
    if kept is not None:
        return finish(draft, kept), sub, text, None, {}, set()
    html, blocks, seen = render_and_report(draft.html)
    return finish(draft, html), sub, text, html, blocks, seen


def image_sources(data: bytes) -> list[str]:
    return IMAGE.findall(data.decode("utf-8", "replace")) if b"![" in data else []


def note_key(path: Path, files: FileDigests | None = None) -> str | None:
    """What a note's reading depends on: its path, its bytes and the images it names (the
    bytes' digest and image names from ``files`` when given: unchanged notes are not read)."""
    try:
        if files is None:
            if path.stat().st_size > MAX_BYTES:
                return None
            raw = path.read_bytes()
            digest, sources = hashlib.sha256(raw).hexdigest(), image_sources(raw)  # as FileDigests gives them
        else:
            size, digest, sources = files.of(path, image_sources)
            if size > MAX_BYTES:
                return None
    except OSError:
        return None
    images = ""
    for src in sources:
        try:
            stat = (path.parent / src).stat()
            images += f"{src}\0{stat.st_size}\0{stat.st_mtime_ns}\n"
        except (OSError, ValueError):
            images += f"{src}\0missing\n"
    return key("note", str(path), digest, images)


def text_key(text: str) -> str:
    """The key of a note's rendered HTML: its markdown and the renderer's version."""
    return hashlib.sha256(f"{RenderCache.version()}\0{text}".encode()).hexdigest()


def render_and_report(text: str) -> tuple[str, dict, set]:
    """Render (in a worker, maybe): the HTML, and the code blocks it highlighted or found, for
    the parent to keep (a worker's own writes would be lost with it)."""
    html = render_markdown(text)
    return (html, *drain_blocks())


def learn_blocks(blocks: dict, seen: set) -> None:
    store = BLOCKS[0]
    if store is not None:
        for digest in seen:
            store.touch(digest)  # counts it as used, so folding the store keeps it
        for digest, value in blocks.items():
            store.put(digest, value)


def split_front_matter(text: str, path: Path, problems: Problems) -> tuple[dict | None, str, int]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.add(path, 1, "missing front matter: the file must start with '---', 'id: ...', '---'")
        return None, "", 1
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        problems.add(path, 1, "front matter is not closed with a '---' line")
        return None, "", 1
    simple = SIMPLE_FRONT_MATTER.match(lines[1]) if end == 2 else None
    meta = {"id": simple.group(1)} if simple else load_text("\n".join(lines[1:end]), path, problems, first_line=2)
    if meta is None:
        if "\n".join(lines[1:end]).strip() == "":
            problems.add(path, 2, "front matter is empty; add 'id: <question-id>'")
        return None, "", 1
    if not isinstance(meta, dict):
        problems.add(path, 2, "front matter must be a mapping such as 'id: kv-cache'")
        return None, "", 1
    rest = lines[end + 1 :]
    blank = next((i for i, line in enumerate(rest) if line.strip()), 0)
    return meta, "\n".join(rest).strip() + "\n", end + 2 + blank


def summary_html(summary: str, rendered: str) -> str:
    """The opening paragraph as HTML: the body's first <p>, rendered once with the rest (a plain
    paragraph renders the same alone or in context); rendered alone only if that is not so."""
    if rendered.startswith("<p>") and "</p>" in rendered:
        first = rendered[: rendered.index("</p>") + 4]
        if "\n\n" not in summary and first.count("<p>") == 1:
            return first
    return markdown_to_html(summary) if summary else ""


def opening_paragraph(body: str) -> str:
    """The first block of the note if it is plain prose; '' otherwise."""
    block = body.strip().split("\n\n", 1)[0].strip()
    if not block or block.startswith(("#", "-", "*", "|", ">", "```", "~~~")) or re.match(r"\d+\.", block):
        return ""
    return block


WORD = re.compile(r"\S*[^\W_]\S*")  # a whitespace-separated token holding a letter or digit (str.isalnum)


def count_words(body: str) -> int:
    """Words outside fenced code blocks: whitespace-separated tokens with a letter or digit
    (headings and inline code count; `p(y|x)` is one word, a lone '-' or '|' is none)."""
    prose = []
    in_code = False
    for line in body.split("\n"):
        if FENCE.match(line.strip()):
            in_code = not in_code
        elif not in_code:
            prose.append(line)
    return len(WORD.findall("\n".join(prose)))
