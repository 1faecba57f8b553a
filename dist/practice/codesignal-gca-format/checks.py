"""The examples and edge cases of the answer note for codesignal-gca-format: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

assert max_pair_and([4, 8, 12, 16]) == 8                 # 8 & 12 = 0b1000
assert max_pair_and([5, 5]) == 5 and max_pair_and([0, 0]) == 0 and max_pair_and([1, 2]) == 0
try:
    max_pair_and([7])
    raise AssertionError("one number has no pair")
except ValueError:
    pass
rng = random.Random(8)
for _ in range(500):                                     # independent check: all pairs
    xs = [rng.randrange(64) for _ in range(rng.randint(2, 8))]
    best = max(xs[i] & xs[j] for i in range(len(xs)) for j in range(i + 1, len(xs)))
    assert max_pair_and(xs) == best
