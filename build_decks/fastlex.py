"""Pygments' RegexLexer loop with one regex call where it made dozens: the same tokens, faster.

At each position RegexLexer tries its state's rules in order, one regex call each, until one
matches (about 40 tries per token in Python code). Here each state's rules are also joined
into one alternation, each rule wrapped in its own group: Python's regex engine tries the
alternatives in order too and stops at the first that matches, so the wrapper that closes
the match (``lastindex``) names exactly the rule the loop would have picked. That rule's own
regex then runs once, so its groups, its callback and its state change are the original
ones (a rule that yields a plain token needs no second call: the joined match has its text).
A state whose rules cannot be joined safely (different flags, back-references, conditionals,
clashing group names) keeps the original loop, as does any position where
the two disagree. Highlighting is most of a cold build's time; this takes most of it away.
tests/test_fastlex.py compares the tokens with stock Pygments.
"""

from __future__ import annotations

import re

from pygments.lexer import RegexLexer
from pygments.token import Error, Whitespace, _TokenType

ORIGINAL = RegexLexer.get_tokens_unprocessed
UNSAFE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(|\\g<")  # back-references and conditionals
_JOINED: dict[tuple[type, str], tuple | None] = {}


SCOPED = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"))
LEADING_FLAGS = re.compile(r"^\(\?[imsxu]+\)")  # a pattern's own global flags, already in .flags


def _join(statetokens: list) -> tuple | None:
    """(match, {wrapper group: rule index}) for one state's rules, or None when unsafe.

    Each rule keeps its own flags as scoped flags on its wrapper: ``(?im:...)``."""
    parts, owner, group = [], {}, 1
    for index, (rexmatch, _action, _new_state) in enumerate(statetokens):
        pattern = getattr(rexmatch, "__self__", None)
        if not isinstance(pattern, re.Pattern) or not isinstance(pattern.pattern, str):
            return None
        if pattern.flags & (re.ASCII | re.LOCALE) or UNSAFE.search(pattern.pattern):
            return None
        letters = "".join(letter for flag, letter in SCOPED if pattern.flags & flag)
        owner[group] = index
        parts.append(f"(?{letters}:{LEADING_FLAGS.sub('', pattern.pattern)})" if letters else f"(?:{pattern.pattern})")
        parts[-1] = f"({parts[-1]})"
        group += 1 + pattern.groups
    try:
        joined = re.compile("|".join(parts))
    except (re.error, RecursionError, OverflowError):
        return None
    return (joined.match, owner) if joined.groups == group - 1 else None


def _joined(lexer_class: type, state: str, statetokens: list) -> tuple | None:
    key = (lexer_class, state)
    if key not in _JOINED:
        _JOINED[key] = _join(statetokens)
    return _JOINED[key]


def get_tokens_unprocessed(self, text, stack=("root",)):
    """RegexLexer.get_tokens_unprocessed (Pygments 2.x), choosing each rule with one call."""
    pos = 0
    tokendefs = self._tokens
    cls = type(self)
    statestack = list(stack)
    statetokens = tokendefs[statestack[-1]]
    joined = _joined(cls, statestack[-1], statetokens)
    while 1:
        m = chosen = None
        if joined is not None:
            found = joined[0](text, pos)
            if found is not None:
                chosen = statetokens[joined[1][found.lastindex]]
                action = chosen[1]
                # A plain token needs only the match's text and end, which the joined match has
                # (the rule was its first alternative to match here); a callback needs the
                # rule's own groups, so the rule runs again.
                m = found if action is None or type(action) is _TokenType else chosen[0](text, pos)
        if m is None:  # nothing matched, or a state kept the original loop: try rule by rule
            for rule in statetokens:
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
                joined = _joined(cls, statestack[-1], statetokens)
            continue
        try:
            if text[pos] == "\n":
                statestack = ["root"]
                statetokens = tokendefs["root"]
                joined = _joined(cls, "root", statetokens)
                yield pos, Whitespace, "\n"
                pos += 1
                continue
            yield pos, Error, text[pos]
            pos += 1
        except IndexError:
            break


def install() -> None:
    """Use the joined loop for every RegexLexer that does not bring its own."""
    RegexLexer.get_tokens_unprocessed = get_tokens_unprocessed
