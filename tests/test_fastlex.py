"""The joined-regex lexer loop gives exactly Pygments' tokens, for every code block we ship
and for the languages contributors are likely to use."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pygments.lexer import RegexLexer
from pygments.lexers import get_lexer_by_name

from build_decks import fastlex

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
TRICKY = {
    "python": 'f"{x!r:>{width}}" + rb"\\d" + """doc\n""" # comment\nclass A(B, metaclass=M):\n    @d\n'
              "    async def f(self, *a, **k) -> 'T': return 0x1F + 1_000.5e-3j\n",
    "javascript": "const re = /a[/]b/g; let s = `x${y}z`; // c\nclass A extends B { #p = 1 }\n",
    "bash": 'for f in "$@"; do echo "${f%%.*}" | grep -E \'^a+$\' >&2; done <<EOF\nx\nEOF\n',
    "sql": "SELECT a, COUNT(*) FROM t WHERE b LIKE 'x%' GROUP BY a HAVING COUNT(*) > 1; -- c\n",
    "yaml": "key: &a [1, 'two', \"three\"]\nother: *a\n# c\nblock: |\n  text\n",
    "json": '{"a": [1, 2.5e3, true, null], "b": {"c": "d\\u00e9"}}\n',
    "text": "plain text\n\twith a tab\n",
}


def blocks() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "answers").rglob("*.md")):
        found += [(m.group(1) or "text", m.group(2)) for m in FENCE.finditer(path.read_text(encoding="utf-8"))]
    return found


def tokens(lexer, text: str, loop) -> list:
    original = RegexLexer.get_tokens_unprocessed
    RegexLexer.get_tokens_unprocessed = loop
    try:
        return list(lexer.get_tokens(text))
    finally:
        RegexLexer.get_tokens_unprocessed = original


def test_every_shipped_code_block_lexes_to_the_same_tokens():
    shipped = blocks()
    assert len(shipped) > 100
    for language, code in shipped:
        lexer = get_lexer_by_name(language)
        assert tokens(lexer, code, fastlex.get_tokens_unprocessed) == tokens(lexer, code, fastlex.ORIGINAL), language


@pytest.mark.parametrize("language", sorted(TRICKY) + ["go", "rust", "c", "typescript", "html", "css", "toml", "diff"])
def test_other_languages_lex_to_the_same_tokens(language):
    lexer = get_lexer_by_name(language)
    samples = [TRICKY.get(language, ""), *(code for _, code in blocks()[:30]), "", "\n\n", "\x00 odd \ufffd input"]
    for code in samples:
        assert tokens(lexer, code, fastlex.get_tokens_unprocessed) == tokens(lexer, code, fastlex.ORIGINAL)


def test_first_characters_are_read_off_each_rule():
    starts = {pattern: fastlex._starts(re.compile(pattern, flags).match) for pattern, flags in [
        ("abc", 0), ("[a-c]x", 0), ("[^a-c]", 0), (r"\d+", 0), ("(?<!\\.)def\\b", 0), ("(?:x|y)z", 0),
        ("a?b", 0), ("ABC", re.IGNORECASE), (r"\s*\n", 0), ("a*", 0), (".x", 0), ("(?=q)q", 0)]}
    assert starts["abc"]("a") and not starts["abc"]("b")
    assert starts["[a-c]x"]("b") and not starts["[a-c]x"]("d")
    assert starts["[^a-c]"]("d") and not starts["[^a-c]"]("a")
    assert starts[r"\d+"]("7") and not starts[r"\d+"]("x")
    assert starts["(?<!\\.)def\\b"]("d") and not starts["(?<!\\.)def\\b"]("e")  # a lookbehind is no character
    assert starts["(?:x|y)z"]("y") and not starts["(?:x|y)z"]("z")
    assert starts["a?b"]("a") and starts["a?b"]("b") and not starts["a?b"]("c")  # an optional first part
    assert starts["ABC"]("a") and starts["ABC"]("A") and not starts["ABC"]("b")
    folded = fastlex._starts(re.compile("(?i)i").match)
    assert folded("\u0130") == bool(re.fullmatch("(?i)i", "\u0130"))  # the engine's own case folding
    klass = fastlex._starts(re.compile("(?i)[^a-z]").match)
    assert all(klass(c) == bool(re.fullmatch("(?i)[^a-z]", c)) for c in "aZ0\u0130\u212a\u017f")
    assert starts[r"\s*\n"]("\n") and starts[r"\s*\n"](" ")
    assert starts["a*"] is None and starts[".x"] is None  # can match nothing / any character: tried everywhere
    assert starts["(?=q)q"]("q")


def test_the_dispatch_narrows_python_tokens_to_a_few_rules():
    lexer = get_lexer_by_name("python")
    root = fastlex.Dispatch(lexer._tokens["root"])
    assert len(root.rules_for("x", 0)) < len(root.rules) / 2
    assert len(root.rules_for(" ", 0)) < len(root.rules) / 4
    assert root.rules_for("", 0) == root.rules  # at the end of the text: every rule


FUZZ = [*"abcxyzIKS019_ \t\n\"'`#$%&()*+,-./:;<=>?@[\\]^{|}~", "\u0130", "\u0131", "\u017f", "\u212a", "\u00e9",
        "\U0001f600", "\x00", "\ufffd", "def ", "class ", "0x1F", "1e-3", "r'", 'f"', "//", "RB'", "Fr\""]


@pytest.mark.parametrize("language", ["python", "javascript", "bash", "sql", "yaml", "json", "go", "rust", "c",
                                      "html", "css", "toml", "diff", "typescript"])
def test_random_text_lexes_to_the_same_tokens(language):
    import random

    rng = random.Random(language)
    lexer = get_lexer_by_name(language)
    for _ in range(200):
        code = "".join(rng.choice(FUZZ) for _ in range(rng.randint(0, 60)))
        assert tokens(lexer, code, fastlex.get_tokens_unprocessed) == tokens(lexer, code, fastlex.ORIGINAL), code
