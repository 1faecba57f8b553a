"""The examples and edge cases of the answer note for leetcode-981-time-based-kv-store: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

tm = TimeMap()
tm.set("color", "red", 1)
assert tm.get("color", 1) == "red"             # exact match counts
assert tm.get("color", 3) == "red"             # latest at or before 3
tm.set("color", "blue", 4)
assert tm.get("color", 4) == "blue" and tm.get("color", 3) == "red" and tm.get("color", 99) == "blue"
assert tm.get("color", 0) == ""                # before the first write
assert tm.get("size", 5) == ""                 # unknown key

rng = random.Random(3)
fast, log, t = TimeMap(), [], 0
for _ in range(2000):                          # independent check: linear scan of a log
    if rng.random() < 0.5:
        t += rng.randint(1, 3)
        k, v = rng.choice("abc"), str(rng.randint(0, 9))
        fast.set(k, v, t)
        log.append((k, v, t))
    else:
        k, q = rng.choice("abcd"), rng.randint(0, t + 2)
        hits = [v for key, v, ts in log if key == k and ts <= q]
        assert fast.get(k, q) == (hits[-1] if hits else "")
