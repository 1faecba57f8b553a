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


def test_most_python_states_are_joined_and_unsafe_ones_keep_the_original_loop():
    lexer = get_lexer_by_name("python")
    joined = {state: fastlex._join(rules) is not None for state, rules in lexer._tokens.items()}
    assert sum(joined.values()) >= len(joined) * 0.8
    assert fastlex._join([(re.compile(r"(a)\1").match, None, None)]) is None  # a back-reference
    assert fastlex._join([(re.compile(r"(?P<q>')x(?P=q)").match, None, None)]) is None
    assert fastlex._join([(re.compile(r"(?i)abc").match, None, None), (re.compile("d").match, None, None)]) is not None
