import json
from typing import Callable

def walk(doc):
    """Yield (path, node) for every node of parsed JSON in document order; path is a tuple of keys/indices."""
    raise NotImplementedError('your solution here')

def select(doc, pattern: str) -> list:
    """Values at a dotted path, in document order; '*' matches any key or index, digits index lists.

    Missing keys, out-of-range indices and wrong types are skipped; the empty pattern gives [doc].
    """
    raise NotImplementedError('your solution here')

def build_prompt(items: list, max_chars: int=8000) -> str:
    """Prompt asking for a summary of items, given as one JSON array between <data> and </data>.

    The array holds the longest prefix of items that fits in max_chars, every '<' escaped as
    \\u003c so content cannot close the tag; the prompt says "k of n records shown".
    ValueError if even the first item does not fit.
    """
    raise NotImplementedError('your solution here')

def summarize(items: list, llm: Callable[[str], str], max_chars: int=8000) -> str:
    """The stripped reply of llm (prompt -> text) to build_prompt(items, max_chars).

    '' without a call if items is empty; ValueError if the reply is empty or not a string.
    """
    raise NotImplementedError('your solution here')
