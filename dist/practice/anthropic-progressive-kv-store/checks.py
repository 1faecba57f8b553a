"""The examples and edge cases of the answer note for anthropic-progressive-kv-store: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

import random

s = Store()
assert s.set("a", "1") and s.get("a") == "1" and s.get("zz") is None
assert s.delete("a") and not s.delete("a") and s.get("a") is None
for k, v in [("user:2", "bob"), ("item:1", "x"), ("user:1", "ann")]:
    s.set(k, v)
assert s.scan_by_prefix("user:") == [("user:1", "ann"), ("user:2", "bob")]
assert s.scan_by_prefix("") == s.scan() == [("item:1", "x"), ("user:1", "ann"), ("user:2", "bob")]
assert s.scan_by_prefix("nope") == []
assert s.set("tmp", "vv", ts=10, ttl=5) and s.used() == 9
assert s.get("tmp", ts=14) == "vv" and s.get("tmp", ts=15) is None   # gone at ts + ttl
assert s.used() == 7 and not s.delete("tmp")
s.set("user:1", "ann", ts=16, ttl=4)                                  # overwrite adds a TTL
assert s.get("user:1", ts=20) is None and s.get("user:2") == "bob"
try:
    s.get("a", ts=3)
    raise AssertionError("decreasing timestamps must be rejected")
except ValueError:
    pass

big = "ab" * 40                                  # 80 bytes, very compressible
d = Store(capacity=100)
assert d.set("f", big, ts=1) and not d.set("g", "x" * 30) and d.used() == 80
freed = d.compress("f")
assert freed > 50 and d.used() == 80 - freed and d.get("f") == big
assert d.compress("f") == 0 and d.compress("missing") is None
assert d.set("g", "x" * 30) and not d.decompress("f") and d.used() == 110 - freed
assert d.set("h", "q") and d.compress("h") == 0           # zlib would grow 1 byte
assert d.delete("g") and d.decompress("f") and d.used() == 81 and d.get("f") == big
assert not d.decompress("f")
e = Store()                                      # compression keeps the TTL
assert e.set("t", "ab" * 20, ts=1, ttl=3) and e.compress("t") > 0 and e.decompress("t", ts=2)
assert e.compress("t") > 0 and e.get("t", ts=3) == "ab" * 20 and e.get("t", ts=4) is None and e.used() == 0

# Against a brute force that filters by expiry at read time.
rng = random.Random(5)
store, ref, now = Store(capacity=60), {}, 0
for _ in range(1500):
    now += rng.randint(0, 2)
    key = rng.choice("abcde")
    live = {k: v for k, (v, exp) in ref.items() if exp > now}
    if rng.random() < 0.6:
        value, ttl = "z" * rng.randint(0, 25), rng.choice([None, 1, 3])
        fits = sum(len(v) for k, v in live.items() if k != key) + len(value) <= 60
        assert store.set(key, value, ts=now, ttl=ttl) == fits
        if fits:
            ref[key] = (value, now + ttl if ttl else float("inf"))
    else:
        assert store.delete(key, ts=now) == (key in live)
        ref.pop(key, None)
    live = {k: v for k, (v, exp) in ref.items() if exp > now}
    assert store.scan() == sorted(live.items()) and store.used() == sum(map(len, live.values()))
