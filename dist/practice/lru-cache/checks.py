"""The examples and edge cases of the answer note for lru-cache: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

c = LRUCache(2)
c.put(1, 1)
c.put(2, 2)
assert c.get(1) == 1        # order now: 1, 2
c.put(3, 3)                 # evicts 2, the least recently used
assert c.get(2) == -1
c.put(1, 10)                # update counts as a use
c.put(4, 4)                 # evicts 3
assert c.get(3) == -1 and c.get(1) == 10 and c.get(4) == 4
assert len(c.map) == 2
