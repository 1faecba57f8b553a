"""What counts as executable in an HTML fragment: the predicate the safety tests share."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from build_decks.render import ALLOWED_TAGS

SCHEMES = ("javascript:", "vbscript:", "data:")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def executable_parts(fragment: str) -> list[str]:
    """Everything in an HTML fragment that could run script or load remote content."""
    parser = _Collector()
    parser.feed(fragment)
    found = []
    for tag, attrs in parser.tags:
        if tag not in ALLOWED_TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            value = html.unescape(value).strip().lower().replace("\t", "").replace("\n", "")
            if name.startswith("on") or name == "style":
                found.append(f"{tag}[{name}]")
            if name == "href" and not value.startswith(("https://", "http://")) and value != "#":
                found.append(f"{tag}[href={value}]")
            if name == "src" and (":" in value or "/" in value):
                found.append(f"{tag}[src={value}]")
            if any(scheme in value for scheme in SCHEMES):
                found.append(f"{tag}[{name}={value}]")
    return found
