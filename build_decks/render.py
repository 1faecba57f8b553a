"""Markdown -> safe HTML for card fields. Everything passes an allow-list sanitizer."""

from __future__ import annotations

import html
import re

import markdown
import nh3

from .highlight import CODEHILITE

EXTENSIONS = ["fenced_code", "tables", "sane_lists", "codehilite"]
# Anki's MathJax delimiters: \( inline \) and \[ display \]. Markdown would eat the backslashes.
MATH = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)
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


def markdown_to_html(text: str) -> str:
    """Render a contributor's markdown to sanitized HTML (deterministic for the same input).

    Code is highlighted into Pygments classes; math keeps Anki's delimiters intact.
    """
    protected, math = _protect_math(text)
    rendered = markdown.markdown(protected, extensions=EXTENSIONS, extension_configs=CODEHILITE, output_format="html")
    for index, formula in enumerate(math):
        rendered = rendered.replace(_placeholder(index), html.escape(formula, quote=False))
    return sanitize(rendered)


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


def link(url: str, title: str) -> str:
    return sanitize(f'<a href="{escape(url)}">{escape(title)}</a>')
