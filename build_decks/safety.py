"""What contributors' markdown may contain: no raw HTML, web links only, local images only.

The renderer sanitizes everything anyway (render.py); these checks make a bad note fail
`check` with its line number instead of being silently altered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .content import is_web_url
from .errors import Problems

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
RAW_HTML = re.compile(r"<(?!https?://)[A-Za-z!/?]")
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$")
IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
MAX_IMAGE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class ImageRef:
    src: str  # as written in the note
    path: Path  # the file on disk


def prose_lines(body: str):
    """(line number within body, text) for lines outside fenced code, inline code removed."""
    inside = False
    for number, line in enumerate(body.split("\n"), start=1):
        if FENCE.match(line):
            inside = not inside
            continue
        if not inside:
            yield number, CODE_SPAN.sub("", line) if "`" in line else line


def check_markdown(body: str, path: Path, first_line: int, problems: Problems) -> list[ImageRef]:
    """Report unsafe or unsupported markdown; return the images the note uses."""
    images: list[ImageRef] = []
    for number, line in prose_lines(body):
        # Each pattern needs its marker ('<', '](', ']:', '!['): a line without any is skipped.
        html, linked, named, pictured = "<" in line, "](" in line, "]:" in line, "![" in line
        if not (html or linked or named or pictured):
            continue
        where = first_line + number - 1
        if html and (raw := RAW_HTML.search(line)):
            tag = raw.group(0) + line[raw.end():].split(">")[0][:20]
            problems.add(path, where, f"raw HTML is not allowed in answer notes (found '{tag}'); write markdown, "
                         "and put a literal '<' in backticks (e.g. `List<int>`)")
        targets = ((AUTOLINK.findall(line) if html else []) + (LINK.findall(line) if linked else [])
                   + (REFERENCE.findall(line) if named else []))
        for target in targets:
            if not is_web_url(target):
                problems.add(path, where, f"link target {target!r} must be an http(s) URL")
        for src in IMAGE.findall(line) if pictured else ():
            image = _image(src, path, where, problems)
            if image:
                images.append(image)
    return images


def _image(src: str, path: Path, line: int, problems: Problems) -> ImageRef | None:
    file = path.parent / src
    if not src or ":" in src or src.startswith(("/", "\\")) or ".." in Path(src).parts:
        problems.add(path, line, f"image {src!r} must be a file next to the note, e.g. ![diagram](diagram.png)")
    elif Path(src).suffix.lower() not in IMAGE_TYPES:
        problems.add(path, line, f"image {src!r}: use one of {', '.join(sorted(IMAGE_TYPES))}")
    elif not file.is_file():
        problems.add(path, line, f"image {src!r} not found (expected {file})")
    elif file.stat().st_size > MAX_IMAGE_BYTES:
        problems.add(path, line, f"image {src!r} is larger than 1 MiB; compress it")
    else:
        return ImageRef(src, file)
    return None


def neutral_markdown(body: str) -> str:
    """Markdown that renders the same but can't carry HTML or script links (for the generic CSV).

    Outside code, '<' becomes '&lt;' (markdown renders it as '<'), and link targets that are
    not http(s) become '#'. `check` rejects such notes already; this guards the CSV anyway.
    """
    if "<" not in body and "](" not in body and "]:" not in body:
        return body  # nothing _neutral_prose would change, in code or out
    out = []
    inside = False
    for line in body.split("\n"):
        if FENCE.match(line):
            inside = not inside
        elif not inside:
            line = _outside_code_spans(line, _neutral_prose)
        out.append(line)
    return "\n".join(out)


def _outside_code_spans(line: str, transform) -> str:
    parts, last = [], 0
    for match in CODE_SPAN.finditer(line):
        parts += [transform(line[last:match.start()]), match.group(0)]
        last = match.end()
    return "".join(parts + [transform(line[last:])])


LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
REFERENCE_LINK = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*)<?(\S+?)>?(?=\s|$)")
RAW_ANGLE = re.compile(r"<(?!https?://[^>\s]*>)")


def _neutral_prose(text: str) -> str:
    def target(match: re.Match[str]) -> str:
        url = match.group(1)
        return match.group(0) if is_web_url(url) else match.group(0).replace(url, "#", 1)

    if "](" in text:
        text = LINK_TARGET.sub(target, text)
    if "]:" in text:
        text = REFERENCE_LINK.sub(lambda m: m.group(0) if is_web_url(m.group(2)) else m.group(1) + "#", text)
    return RAW_ANGLE.sub("&lt;", text) if "<" in text else text
