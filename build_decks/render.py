"""Markdown -> safe HTML for card fields. Everything passes an allow-list sanitizer."""

from __future__ import annotations

import functools
import hashlib
import html
import re
from pathlib import Path

import nh3

from .highlight import CODEHILITE
from .state import installed, keep_file

EXTENSIONS = ["fenced_code", "tables", "sane_lists", "codehilite"]
# Anki's MathJax delimiters: \( inline \) and \[ display \]. Markdown would eat the backslashes.
MATH = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)
RENDERING_LIBRARY = re.compile(r"(?i)(markdown|pygments|nh3)-[^-]+\.(dist|egg)-info$")
CODE = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]*`)", re.S)

ALLOWED_TAGS = {
    "p", "br", "hr", "img", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i", "code", "pre",
    "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td", "span", "div", "sub", "sup",
    "del",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "code": {"class"},
    "span": {"class"},
    "img": {"src", "alt", "title"},
    "div": {"class"},
    "th": {"align"},
    "td": {"align"},
}


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Links must be absolute http(s); images may only name a file packaged with the deck."""
    if tag == "a" and attribute == "href" and not value.lower().startswith(("https://", "http://")):
        return None
    if tag == "img" and attribute == "src" and (":" in value or "/" in value or "\\" in value):
        return None
    return value


def sanitize(fragment: str) -> str:
    """Keep only harmless tags and attributes; links become http(s) only and open safely."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        attribute_filter=_filter_attribute,
    )


class RenderCache:
    """Rendered HTML by a hash of the markdown and of everything that shapes the output (this
    module, the highlighter, the pinned markdown/pygments/nh3 versions), one small file each
    under build/. Rendering is most of a build's work; an unchanged note is never rendered twice."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    @staticmethod
    @functools.cache
    def version() -> str:
        here = Path(__file__).parent
        parts = [(here / name).read_bytes() for name in ("render.py", "highlight.py", "fastmd.py", "fastlex.py")]
        # The libraries' versions from their installed distributions' names ("pygments-2.21.0.dist-info"):
        # importlib.metadata would scan every distribution on the path first (a twentieth of a second).
        parts += [name.encode() for name in installed() if RENDERING_LIBRARY.match(name)]
        return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]

    def _path(self, text: str) -> Path | None:
        if self.folder is None:
            return None
        key = hashlib.sha256(f"{self.version()}\0{text}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key[2:]}.html"

    def cached(self, text: str) -> str | None:
        """The rendered HTML of ``text`` when the cache has it (it holds only sanitized output
        of this very renderer: the key covers the renderer's code and versions)."""
        path = self._path(text)
        try:
            return path.read_text(encoding="utf-8") if path is not None else None
        except (OSError, UnicodeDecodeError):
            return None

    def store(self, text: str, rendered: str) -> None:
        path = self._path(text)
        if path is not None:
            keep_file(path, rendered.encode("utf-8"))

    def render(self, text: str) -> str:
        rendered = self.cached(text)
        if rendered is None:
            rendered = render_markdown(text)
            self.store(text, rendered)
        return rendered


CACHE = RenderCache(None)


def use_cache(folder: Path | None) -> None:
    """Cache rendered HTML under ``folder`` (None: no cache)."""
    CACHE.folder = folder


def markdown_to_html(text: str) -> str:
    """Render a contributor's markdown to sanitized HTML (deterministic for the same input).

    Code is highlighted into Pygments classes; math keeps Anki's delimiters intact.
    """
    return CACHE.render(text)


@functools.cache
def _converter():
    """One Markdown converter, reset between documents (building one per note costs more
    than converting it). Markdown loads on first use: cached builds never import it."""
    import markdown
    from markdown.extensions import codehilite

    from .fastlex import install

    install()
    codehilite.CodeHilite.hilite = _remembered(codehilite.CodeHilite.hilite)
    # One lexer and one formatter per language and options, not one each per code block (their
    # set-up, a stylesheet per formatter, cost more than highlighting a short block).
    codehilite.get_lexer_by_name = _reused(codehilite.get_lexer_by_name)
    codehilite.get_formatter_by_name = _reused(codehilite.get_formatter_by_name)
    # Extensions given as objects: by name, Python-Markdown would first scan every installed
    # distribution's entry points for them (a tenth of a second in each process that renders).
    from markdown.extensions.fenced_code import FencedCodeExtension
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension

    made = {"fenced_code": FencedCodeExtension, "tables": TableExtension, "sane_lists": SaneListExtension,
            "codehilite": codehilite.CodeHiliteExtension}
    extensions = [made[name](**CODEHILITE.get(name, {})) for name in EXTENSIONS]
    return markdown.Markdown(extensions=extensions, output_format="html")


@functools.cache
def _fast():
    """The string-built fast path over the converter's own parts (fastmd): Python-Markdown's
    bytes for plain notes, None for anything else."""
    from .fastmd import FastMarkdown

    return FastMarkdown(_converter())


def _reused(factory):
    made: dict[str, object] = {}

    def get(name: str, **options):
        key = repr((name, sorted(options.items())))
        if key not in made:
            made[key] = factory(name, **options)
        return made[key]

    return get


BLOCKS: list = [None]  # where highlighted code blocks are remembered (a memo.Kept or memo.Shelf), if anywhere
_FRESH: dict = {}  # blocks highlighted in this process since the last drain_blocks()
_USED: set = set()  # blocks found remembered since then


def remember_blocks(store) -> None:
    """Remember highlighted code blocks in ``store`` (None: not at all)."""
    BLOCKS[0] = store
    _FRESH.clear()
    _USED.clear()


def drain_blocks() -> tuple[dict, set]:
    """(blocks highlighted, blocks found) here since the last call: a forked renderer sends
    them back, so the one store the parent keeps learns what its workers did."""
    fresh, used = dict(_FRESH), set(_USED)
    _FRESH.clear()
    _USED.clear()
    return fresh, used


def _remembered(hilite):
    """Highlighting that remembers each code block: an edit to a note's prose re-renders the
    note without loading a Pygments lexer, whose set-up costs more than the rest of the note.
    The key is the whole highlighter state."""
    def cached(self, shebang: bool = True) -> str:
        store = BLOCKS[0]
        if store is None:
            return hilite(self, shebang)
        from .memo import key

        digest = key("hilite", repr(shebang), repr(sorted(vars(self).items())))
        found = store.get(digest)
        if found is not None:
            _USED.add(digest)
            html, state = found
            vars(self).update(state)
            return html
        html = hilite(self, shebang)
        _FRESH[digest] = (html, dict(vars(self)))  # kept by the parent: answers.learn_blocks
        return html

    cached.__wrapped__ = hilite
    return cached


def render_markdown(text: str) -> str:
    """Markdown -> sanitized HTML, uncached."""
    protected, math = _protect_math(text)
    rendered = _fast().render(protected)
    fast = rendered is not None
    if not fast:
        converter = _converter()
        converter.reset()
        rendered = converter.convert(protected)
    for index, formula in enumerate(math):
        rendered = rendered.replace(_placeholder(index), html.escape(formula, quote=False))
    if fast and '<div class="highlight">' in rendered and CODE_PLACEHOLDER not in rendered:
        return _sanitize_around_code(rendered)
    return sanitize(rendered)


# Pygments' markup for one highlighted block, exactly: classed spans around escaped text. Four
# fifths of the sanitizer's work was re-reading these; a block of this shape holds nothing it
# would remove or rewrite (no control characters, no non-breaking spaces, no entity but the
# three Pygments writes), so its output is the block itself (tested).
SAFE_CODE = re.compile(
    r'(?:^|(?<=\n))<div class="highlight"><pre><span></span><code>'
    r'(?:[^<>&\x00-\x08\x0b-\x1f\x7f-\xa0\ufdd0-\ufdef\ufffe\uffff]++|&(?:amp|lt|gt);'
    r'|<span class="[\w -]*+">|</span>)*+'
    r'</code></pre></div>(?=\n|\Z)'
)
CODE_PLACEHOLDER = "AEICODEBLOCK"


def _sanitize_around_code(rendered: str) -> str:
    """sanitize(rendered) for the fast path's output, whose highlighted blocks stand alone
    between other blocks: each block of Pygments' exact shape is set aside, the rest is
    sanitized, and the block comes back as it was (which is what the sanitizer writes for it)."""
    blocks: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        blocks.append(match.group(0))
        return f"<p>{CODE_PLACEHOLDER}{len(blocks) - 1}X</p>"

    clean = sanitize(SAFE_CODE.sub(set_aside, rendered))
    for index, block in enumerate(blocks):
        clean = clean.replace(f"<p>{CODE_PLACEHOLDER}{index}X</p>", block, 1)
    return clean


def _placeholder(index: int) -> str:
    return f"AEIMATHPLACEHOLDER{index}X"


def _protect_math(text: str) -> tuple[str, list[str]]:
    """Swap math outside code for placeholders that markdown leaves alone."""
    math: list[str] = []

    def swap(match: re.Match[str]) -> str:
        math.append(match.group(0))
        return _placeholder(len(math) - 1)

    parts = CODE.split(text)
    for index in range(0, len(parts), 2):  # even parts are outside code
        parts[index] = MATH.sub(swap, parts[index])
    return "".join(parts), math


def escape(text: str) -> str:
    return html.escape(text, quote=True)


@functools.lru_cache(maxsize=4096)
def link(url: str, title: str) -> str:
    return sanitize(f'<a href="{escape(url)}">{escape(title)}</a>')
