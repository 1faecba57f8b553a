"""The examples and edge cases of the answer note for versioned-key-value-store: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

import random

s = VersionedStore()
s.set("foo", "bar", 1)
assert s.get("foo", 1) == "bar" and s.get("foo", 3) == "bar"
s.set("foo", "bar2", 4)
assert s.get("foo", 4) == "bar2" and s.get("foo", 5) == "bar2" and s.get("foo", 3) == "bar"
assert s.get("foo", 0) is None and s.get("foo", 0, "-") == "-" and s.get("missing", 9) is None and s.get("missing") is None
s.set("foo", "mid", 2)                       # out-of-order write
assert s.get("foo", 3) == "mid" and s.get("foo") == "bar2"
s.set("foo", "mid!", 2)                      # same timestamp: overwrite
assert s.get("foo", 2) == "mid!"
s.delete("foo", 10)
assert s.get("foo", 10) is None and s.get("foo", 9) == "bar2" and s.get("foo", 11, "gone") == "gone"
s.set("foo", "back", 12)
assert s.get("foo") == "back"

# Against a brute-force log scan, with random out-of-order writes.
rng = random.Random(1)
store, log = VersionedStore(), []
for n in range(2000):
    key, t = rng.choice("abc"), rng.randint(0, 50)
    if rng.random() < 0.6:
        store.set(key, n, t)
        log.append((key, t, n))
    else:
        hits = [(ts, i, v) for i, (k, ts, v) in enumerate(log) if k == key and ts <= t]
        assert store.get(key, t) == (max(hits)[2] if hits else None)
