"""The examples and edge cases of the answer note for kv-store-serialize-deserialize: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

import random

assert serialize({"a": "bc"}) == "1:a2:bc" and serialize({"b": "1", "a": "22"}) == "1:a2:221:b1:1"
assert serialize({}) == "" and deserialize("") == {}
edge = {"": "", "k:3": "1:x", "line\nbreak": "tab\t", "ключ": "値🙂", "12": "", "\\": ":"}
assert deserialize(serialize(edge)) == edge

rng = random.Random(0)
alphabet = "ab:1\n\\é🙂 "
for _ in range(300):
    store = {"".join(rng.choices(alphabet, k=rng.randint(0, 6))): "".join(rng.choices(alphabet, k=rng.randint(0, 6)))
             for _ in range(rng.randint(0, 5))}
    assert deserialize(serialize(store)) == store


def rejects(text):
    try:
        deserialize(text)
    except ValueError:
        return True
    return False


for bad in ["3:ab", "x:a1:b", "1:a", "1:a5:bc", "1a", "1:a1:b1:a1:c", "-1:a1:b", "١:a1:b"]:
    assert rejects(bad), bad
