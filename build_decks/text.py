"""Small text helpers shared by the importer, the loaders and the writers."""

from __future__ import annotations

import re
import unicodedata

_MOJIBAKE = re.compile(r"[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u2122]{1,3}")

STOPWORDS = frozenset(
    """a about an and any are as at be between by can could describe did do does explain for from
    has have how i if in into is it its me my of on or our should so some tell that the their there
    this time to use using versus via vs was we what whats when where which while who why will with
    would you your youre""".split()
)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Windows-1252 (e.g. 'â€”' -> '—')."""

    def fix(match: re.Match[str]) -> str:
        chunk = match.group(0)
        try:
            return chunk.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return chunk

    return _MOJIBAKE.sub(fix, text)


def slugify(text: str) -> str:
    """Lowercase kebab-case ASCII: 'Cost and Latency Optimization' -> 'cost-and-latency-optimization'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def words(text: str) -> list[str]:
    """Meaningful lowercase words of a question, stopwords removed."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    tokens = re.findall(r"[a-z0-9]+(?:[.+#][a-z0-9]+)*", ascii_text.replace("'", ""))
    return [t for t in tokens if t not in STOPWORDS]


def normalize(text: str) -> str:
    """A comparison key: case, punctuation and spacing do not matter."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))
