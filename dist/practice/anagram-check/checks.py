"""The examples and edge cases of the answer note for anagram-check: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

assert is_anagram("listen", "silent") and not is_anagram("listen", "silence")
assert is_anagram("Listen", "Silent")                      # case-insensitive
assert is_anagram("Dormitory", "dirty room")               # whitespace ignored
assert is_anagram("Straße", "Strasse") and is_anagram("ß", "ss")   # casefold, not lower()
assert is_anagram("caf\u00e9", "face\u0301")               # composed vs combining accent
assert not is_anagram("\u00e9a", "ea\u0301")                # "éa" vs "eá": the accent moved
assert is_anagram("", "") and is_anagram(" ", "")
assert not is_anagram("aab", "abb")                        # same letters, different counts

rng = random.Random(1)
for _ in range(500):
    x = "".join(rng.choice("abc") for _ in range(rng.randint(0, 6)))
    y = "".join(rng.sample(x, len(x))) if rng.random() < 0.5 else "".join(rng.choice("abc") for _ in range(len(x)))
    assert is_anagram(x, y) == (sorted(x) == sorted(y))    # independent check: sorting
