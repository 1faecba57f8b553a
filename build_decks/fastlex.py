"""Pygments' RegexLexer loop, trying at each position only the rules that can start with the
character there: the same tokens, about three times faster.

At each position RegexLexer tries its state's rules in order, one regex call each, until one
matches: about 40 tries per token in Python code, nearly all failing on the first character.
Here each rule's possible first characters are read off its parsed pattern (literals,
classes, categories, alternatives, optional parts; zero-width assertions skipped), and for
each character met in a state the rules that could start with it are listed once, in their
order. The first of them to match is the rule the original loop would have picked, since
every rule left out cannot match at a position holding that character. A rule whose first
characters cannot be worked out (any character, a back-reference, anything unexpected), or
that can match the empty string, is kept in every list. Highlighting is most of a cold
build's time; tests/test_fastlex.py compares the tokens with stock Pygments.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from re import _constants as _c
from re import _parser

from pygments.lexer import RegexLexer
from pygments.token import Error, Whitespace, _TokenType

ORIGINAL = RegexLexer.get_tokens_unprocessed
_DISPATCH: dict[tuple[type, str], Dispatch] = {}


def _dispatch(lexer_class: type, state: str, statetokens: list) -> Dispatch:
    key = (lexer_class, state)
    if key not in _DISPATCH:
        _DISPATCH[key] = Dispatch(statetokens)
    return _DISPATCH[key]


class Dispatch:
    """One state's rules, listed by the character they can start with."""

    def __init__(self, statetokens: list):
        self.rules = statetokens
        self.starts = [_starts(rule[0]) for rule in statetokens]
        self.by_char: dict[str, list] = {}

    def rules_for(self, text: str, pos: int) -> list:
        """The rules that can match at ``pos``, in order (all of them at the end of the text)."""
        if pos >= len(text):
            return self.rules
        char = text[pos]
        found = self.by_char.get(char)
        if found is None:
            found = self.by_char[char] = [rule for rule, test in zip(self.rules, self.starts, strict=True)
                                          if test is None or test(char)]
        return found


def _starts(rexmatch) -> Callable[[str], bool] | None:
    """A test of the characters a match of this rule can begin with; None for any character
    (unknown, or the rule can match the empty string)."""
    pattern = getattr(rexmatch, "__self__", None)
    if not isinstance(pattern, re.Pattern) or not isinstance(pattern.pattern, str):
        return None
    try:
        tests, empty = _first(list(_parser.parse(pattern.pattern, pattern.flags)), pattern.flags)
    except Exception:  # noqa: BLE001 - any surprise in the parse: try the rule everywhere
        return None
    if tests is None or empty:
        return None
    return lambda char: any(test(char) for test in tests)


def _first(items: list, flags: int) -> tuple[list | None, bool]:
    """(tests for a match's first character, or None for any; whether it can match nothing)."""
    tests: list = []
    for op, arg in items:
        found, empty = _first_of(op, arg, flags)
        if found is None:
            return None, False
        tests += found
        if not empty:
            return tests, False
    return tests, True


def _first_of(op, arg, flags: int) -> tuple[list | None, bool]:
    if op is _c.LITERAL and not flags & re.IGNORECASE:
        expected = chr(arg)
        return [lambda char: char == expected], False
    if op in (_c.LITERAL, _c.IN):
        # A class, or a letter under case folding (U+0130 matches "i"): the regex engine decides.
        source = re.escape(chr(arg)) if op is _c.LITERAL else _class_source(arg)
        if source is None:
            return None, False
        match = re.compile(source, flags & (re.IGNORECASE | re.ASCII | re.UNICODE)).fullmatch
        return [lambda char: match(char) is not None], False
    if op is _c.SUBPATTERN:
        _group, add, remove, sub = arg
        return _first(list(sub), (flags | add) & ~remove)
    if op is _c.ATOMIC_GROUP:
        return _first(list(arg), flags)
    if op is _c.BRANCH:
        tests, empty = [], False
        for alternative in arg[1]:
            found, maybe = _first(list(alternative), flags)
            if found is None:
                return None, False
            tests += found
            empty |= maybe
        return tests, empty
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, sub = arg
        found, empty = _first(list(sub), flags)
        return found, empty or low == 0
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return [], True  # zero width: the next item decides
    return None, False  # ANY, NOT_LITERAL, back-references...: any character


CATEGORY_SOURCE = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
                   _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}


def _class_source(items: list) -> str | None:
    """A parsed character class written back as a pattern (None for parts this does not know)."""
    parts = []
    for op, arg in items:
        if op is _c.NEGATE and not parts:
            parts.append("^")
        elif op is _c.LITERAL:
            parts.append(re.escape(chr(arg)))
        elif op is _c.RANGE:
            parts.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif op is _c.CATEGORY and arg in CATEGORY_SOURCE:
            parts.append(CATEGORY_SOURCE[arg])
        else:
            return None
    return f"[{''.join(parts)}]"


def get_tokens_unprocessed(self, text, stack=("root",)):
    """RegexLexer.get_tokens_unprocessed (Pygments 2.x), trying only the rules that can start here."""
    pos = 0
    tokendefs = self._tokens
    cls = type(self)
    statestack = list(stack)
    statetokens = tokendefs[statestack[-1]]
    dispatch = _dispatch(cls, statestack[-1], statetokens)
    while 1:
        m = chosen = None
        rules = dispatch.by_char.get(text[pos]) if pos < len(text) else None
        for rule in rules if rules is not None else dispatch.rules_for(text, pos):
            m = rule[0](text, pos)
            if m:
                chosen = rule
                break
        if m:
            _rexmatch, action, new_state = chosen
            if action is not None:
                if type(action) is _TokenType:
                    yield pos, action, m.group()
                else:
                    yield from action(self, m)
            pos = m.end()
            if new_state is not None:
                if isinstance(new_state, tuple):
                    for state in new_state:
                        if state == "#pop":
                            if len(statestack) > 1:
                                statestack.pop()
                        elif state == "#push":
                            statestack.append(statestack[-1])
                        else:
                            statestack.append(state)
                elif isinstance(new_state, int):
                    if abs(new_state) >= len(statestack):
                        del statestack[1:]
                    else:
                        del statestack[new_state:]
                elif new_state == "#push":
                    statestack.append(statestack[-1])
                else:
                    raise AssertionError(f"wrong state def: {new_state!r}")
                statetokens = tokendefs[statestack[-1]]
                dispatch = _dispatch(cls, statestack[-1], statetokens)
            continue
        try:
            if text[pos] == "\n":
                statestack = ["root"]
                statetokens = tokendefs["root"]
                dispatch = _dispatch(cls, "root", statetokens)
                yield pos, Whitespace, "\n"
                pos += 1
                continue
            yield pos, Error, text[pos]
            pos += 1
        except IndexError:
            break


def install() -> None:
    """Use this loop for every RegexLexer that does not bring its own."""
    RegexLexer.get_tokens_unprocessed = get_tokens_unprocessed
