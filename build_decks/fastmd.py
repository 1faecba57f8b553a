"""A fast path for Python-Markdown: the same HTML, byte for byte, for the plain notes most of
the deck is made of, built as a string instead of an element tree.

Python-Markdown walks an element tree and tries each of its fourteen inline patterns on every
piece of text; for a note of headings, flat lists, tables, paragraphs and fenced code that is
most of a cold build's time. ``render`` handles exactly that subset and returns None for
anything else (nested or loose lists, quotes, raw HTML, escapes, entities, hard breaks,
nested or ambiguous emphasis, links with titles...), and the caller falls back to
Python-Markdown. It leans on the converter's own parts wherever they decide something: its
preprocessors (whitespace, HTML blocks, fenced code and its highlighting), its block
processors' tests, list splitting and table cell splitting, its code-span scanner and
emphasis boundaries, its serializer's escaping, and its postprocessors. The tests render every
shipped note and thousands of generated ones both ways and require the same bytes; a build
never trusts this module further than that.
"""

from __future__ import annotations

import re

from markdown import util
from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE, ENTITY_RE, HTML_RE
from markdown.serializers import _escape_attrib_html, _escape_cdata

BLOCKS = ["empty", "indent", "code", "table", "hashheader", "setextheader", "hr", "olist", "ulist", "quote",
          "reference", "paragraph"]
INLINE = ["backtick", "escape", "reference", "link", "image_link", "image_reference", "short_reference",
          "short_image_ref", "autolink", "automail", "linebreak", "html", "entity", "em_strong"]
PREPROCESSORS = ["normalize_whitespace", "html_block", "fenced_code_block"]
TREE = ["hilite", "inline", "prettify", "unescape"]
POST = ["raw_html", "amp_substitute"]

# Inline text the fast path leaves to Python-Markdown: escapes, raw HTML, autolinks, entities, hard breaks.
UNSUPPORTED = re.compile("|".join(f"(?:{p})" for p in (r"\\", HTML_RE, AUTOLINK_RE, AUTOMAIL_RE, ENTITY_RE,
                                                       r"  \n")))
GATE = re.compile(r"[\\<&]|  \n")  # every UNSUPPORTED match has one of these
# What a line's first character must be to start something other than a paragraph (a heading,
# rule, list, quote or reference definition), for a line without leading spaces.
ONE_LINE_BLOCKS = frozenset("#-_*+>[0123456789")
LINK = re.compile(r"(!?)\[([^\[\]\x02\x03]*)\]\(([^\s()<>\"'\\\x02\x03]+)\)")
STARS = re.compile(r"\*+")
UNDERSCORE_OPENS = re.compile(r"(?<!\w)_")  # could open smart emphasis: not handled here
REFERENCE_DEF = re.compile(r"^[ ]{0,3}\[([^\[\]]*)\]:", re.M)
PLACEHOLDER = "\x02fastmd:%d\x03"
PLACEHOLDERS = re.compile("\x02fastmd:(\\d+)\x03")


class Unsupported(Exception):
    """The text uses something the fast path does not handle: Python-Markdown renders it."""


class FastMarkdown:
    """Renders with ``md``'s own parts; ``supported`` is False when its configuration is not the
    one this module was written against (then ``render`` always returns None)."""

    def __init__(self, md):
        self.md = md
        names = lambda registry: [item.name for item in sorted(registry._priority, key=lambda i: -i.priority)]  # noqa: E731
        self.supported = (
            names(md.parser.blockprocessors) == BLOCKS and names(md.inlinePatterns) == INLINE
            and sorted(names(md.preprocessors)) == sorted(PREPROCESSORS) and sorted(names(md.treeprocessors)) == TREE
            and names(md.postprocessors) == POST and md.output_format == "html" and md.tab_length == 4
            and md.stripTopLevelTags
        )
        if not self.supported:
            return
        blocks = md.parser.blockprocessors
        if [type(blocks[name]).__name__ for name in ("olist", "ulist")] != ["SaneOListProcessor", "SaneUListProcessor"]:
            self.supported = False  # plain lists mix ol and ul items: not handled here
            return
        self.table = blocks["table"]
        if self.table.config.get("use_align_attribute"):
            self.supported = False
            return
        self.tests = [blocks[name] for name in ("setextheader", "hr")]
        self.hashheader = blocks["hashheader"]
        self.lists = [(blocks["olist"], "ol"), (blocks["ulist"], "ul")]
        self.quote = blocks["quote"]
        self.backtick = md.inlinePatterns["backtick"]
        delimiters = md.inlinePatterns["em_strong"].delimiters
        self.supported = sorted(delimiters) == ["*", "_"] and not delimiters["*"].smart
        self.star = delimiters["*"].boundary

    # ------------------------------------------------------------------ document

    def render(self, source: str) -> str | None:
        """What ``md.convert(source)`` returns, or None when the source is outside the subset."""
        if not self.supported or not source.strip():
            return None
        md = self.md
        md.reset()
        lines = source.split("\n")
        for processor in md.preprocessors:
            lines = processor.run(lines)
        try:
            self.out: list[str] = []
            self.last = None
            self.blocks("\n".join(lines).split("\n\n"))
        except Unsupported:
            return None
        output = "\n".join(self.out).strip()
        for processor in md.postprocessors:
            output = processor.run(output)
        return output.strip()

    def blocks(self, blocks: list[str]) -> None:
        while blocks:
            block = blocks.pop(0)
            if not block or block.startswith("\n"):  # EmptyBlockProcessor
                if block[1:]:
                    blocks.insert(0, block[1:])
                continue
            if block.startswith(" ") or "\n " in block:
                raise Unsupported  # indented code, nested lists, lazy indents
            if self.is_table(block):
                self.emit("table", self.table_html(block))
                continue
            if self.hashheader.test(None, block):
                match = self.hashheader.RE.search(block)
                before, after = block[:match.start()], block[match.end():]
                if before:
                    self.blocks([before])
                level = len(match.group("level"))
                self.emit("h", f"<h{level}>{self.inline(match.group('header').strip())}</h{level}>")
                if after:
                    blocks.insert(0, after)
                continue
            if any(test.test(None, block) for test in self.tests):
                raise Unsupported  # setext headings, rules
            for processor, tag in self.lists:
                if processor.test(None, block):
                    self.emit(tag, self.list_html(processor, tag, block))
                    break
            else:
                if self.quote.test(None, block) or REFERENCE_DEF.search(block):
                    raise Unsupported
                if block.strip():
                    self.emit("p", f"<p>{self.inline(block.lstrip())}</p>")

    def is_table(self, block: str) -> bool:
        """The table processor's test, skipped when its answer is no: a table needs a second
        line and a pipe in its first (without one, the header splits into a single cell)."""
        first, newline, _ = block.partition("\n")
        return bool(newline) and "|" in first and self.table.test(None, block)

    def emit(self, tag: str, html: str) -> None:
        self.out.append(html)
        self.last = tag

    def plain(self, text: str) -> bool:
        """Would Python-Markdown read ``text`` (a list item) as a single plain paragraph?"""
        if "\n" not in text and text[:1] not in ONE_LINE_BLOCKS:  # one line: only its first character
            return bool(text.strip())                                 # could start another block
        return bool(text.strip()) and not (
            self.is_table(text) or self.hashheader.test(None, text)
            or any(test.test(None, text) for test in self.tests)
            or any(processor.test(None, text) for processor, _ in self.lists)
            or self.quote.test(None, text) or REFERENCE_DEF.search(text)
        )

    def list_html(self, processor, tag: str, block: str) -> str:
        if self.last == tag:
            raise Unsupported  # a loose list: items wrapped in paragraphs
        items = processor.get_items(block)
        start = processor.STARTSWITH if tag == "ol" else "1"
        if any(not self.plain(item) for item in items):
            raise Unsupported
        opening = f'<{tag} start="{_escape_attrib_html(start)}">' if start != "1" else f"<{tag}>"
        return "\n".join([opening, *(f"<li>{self.inline(item.lstrip())}</li>" for item in items), f"</{tag}>"])

    def table_html(self, block: str) -> str:
        table = self.table
        rows = block.split("\n")
        header, body = rows[0].strip(" "), rows[2:]
        if not body:
            raise Unsupported
        align = []
        for cell in table.separator:
            cell = cell.strip(" ")
            align.append("center" if cell.startswith(":") and cell.endswith(":") else "left"
                         if cell.startswith(":") else "right" if cell.endswith(":") else None)
        out = ["<table>", "<thead>", *self.row(header, "th", align), "</thead>", "<tbody>"]
        for row in body:
            out += self.row(row.strip(" "), "td", align)
        return "\n".join([*out, "</tbody>", "</table>"])

    def row(self, row: str, tag: str, align: list) -> list[str]:
        cells = self.table._split_row(row)
        out = ["<tr>"]
        for index, side in enumerate(align):
            text = cells[index].strip(" ") if index < len(cells) else ""
            style = f' style="text-align: {side};"' if side else ""
            out.append(f"<{tag}{style}>{self.inline(text)}</{tag}>")
        out.append("</tr>")
        return out

    # ------------------------------------------------------------------ inline

    def inline(self, text: str) -> str:
        parts: list[str] = []
        text = self.code_spans(text, parts)
        if (GATE.search(text) and UNSUPPORTED.search(text)) or ("_" in text and UNDERSCORE_OPENS.search(text)):
            raise Unsupported

        def link(match: re.Match[str]) -> str:
            bang, label, url = match.groups()
            if bang:
                if "*" in label or "\x02" in label:
                    raise Unsupported
                html = f'<img alt="{_escape_attrib_html(label)}" src="{_escape_attrib_html(url)}">'
            else:
                html = f'<a href="{_escape_attrib_html(url)}">{self.emphasis(label, parts)}</a>'
            parts.append(html)
            return PLACEHOLDER % (len(parts) - 1)

        if "](" in text:
            text = LINK.sub(link, text)
            if "](" in text:
                raise Unsupported
        html = self.emphasis(text, parts)
        while "\x02fastmd:" in html:
            html = PLACEHOLDERS.sub(lambda m: parts[int(m.group(1))], html)
        return html

    def code_spans(self, text: str, parts: list[str]) -> str:
        if "`" not in text:
            return text
        out, index = [], 0
        while (begin := text.find("`", index)) >= 0:
            start, end = self.backtick.find_code_spans(begin, text)
            if end is None:
                out.append(text[index:start])
                index = start
                continue
            parts.append(f"<code>{util.code_escape(text[start:end].strip())}</code>")
            out.append(text[index:begin] + PLACEHOLDER % (len(parts) - 1))
            index = end + (start - begin)
        out.append(text[index:])
        return "".join(out)

    def emphasis(self, text: str, parts: list[str]) -> str:
        """``text`` escaped, with simple ``*em*`` and ``**strong**`` pairs (no nesting, runs of one
        or two, each opener closed by the next active run of its length)."""
        if "*" not in text:
            return _escape_cdata(text)
        out, index, opened = [], 0, None
        for run in STARS.finditer(text):
            kind = self.star.match(text, run.start())
            if kind is None:
                continue  # a run between spaces: literal
            kind, size = kind.lastgroup, run.end() - run.start()
            if kind is None or size > 2:
                raise Unsupported
            if opened is None:
                if kind == "end":
                    continue  # a closer with nothing open: literal
                opened = run
            elif kind == "start" or size != opened.end() - opened.start():
                raise Unsupported
            else:
                tag = "strong" if size == 2 else "em"
                out.append(_escape_cdata(text[index:opened.start()]))
                out.append(f"<{tag}>{_escape_cdata(text[opened.end():run.start()])}</{tag}>")
                index, opened = run.end(), None
        if opened is not None:
            raise Unsupported
        out.append(_escape_cdata(text[index:]))
        return "".join(out)
