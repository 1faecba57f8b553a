import random
import unicodedata
from collections import Counter

def normalize(s: str) -> str:
    """Canonical form for comparison: caseless, NFC-composed, whitespace removed."""
    raise NotImplementedError('your solution here')

def is_anagram(a: str, b: str) -> bool:
    """True if a and b have the same multiset of characters after normalize()."""
    raise NotImplementedError('your solution here')
