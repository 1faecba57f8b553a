import hashlib
import json
import math
import re
import unicodedata
from collections import Counter
PII = [(re.compile('\\b\\d{3}-\\d{2}-\\d{4}\\b'), '[SSN]'), (re.compile('\\b(?:\\d[ -]?){12,15}\\d\\b'), '[CARD]'), (re.compile('[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+'), '[EMAIL]'), (re.compile('(?<!\\w)(?:\\+1[ .-]?)?(?:\\(\\d{3}\\)|\\d{3})[ .-]?\\d{3}[ .-]?\\d{4}\\b'), '[PHONE]')]

def scrub_pii(text):
    """Replace emails, US-style phone numbers, card-like digit runs and SSNs with placeholders (incomplete)."""
    raise NotImplementedError('your solution here')

def normalize(text):
    """Dedup key text: NFKC, casefold, punctuation removed, whitespace collapsed."""
    raise NotImplementedError('your solution here')

def approx_tokens(text):
    """Rough token count: ceil(characters / 4)."""
    raise NotImplementedError('your solution here')

def in_validation(key, val_fraction):
    """Stable split: True if sha256(key) falls in the first val_fraction of the hash space."""
    raise NotImplementedError('your solution here')

def prepare(rows, system=None, max_tokens=1024, val_fraction=0.1):
    """Rows {"prompt", "response"} -> (train JSONL lines, validation JSONL lines, Counter of outcomes).
    A row needs both fields as non-blank str ("invalid" otherwise); both are stripped and scrub_pii'd.
    A pair seen before counts as "duplicate_exact", one equal after normalize() as "duplicate_normalized".
    Messages: [system if given, user, assistant]; a sum of approx_tokens over their contents above
    max_tokens counts as "too_long". Each kept row ("kept") is json.dumps({"messages": ...},
    ensure_ascii=False), in validation when in_validation(normalize(prompt), val_fraction)."""
    raise NotImplementedError('your solution here')
