"""The examples and edge cases of the answer note for primes-up-to-100: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

def is_prime_slow(k):  # independent check: trial division
    return k >= 2 and all(k % d for d in range(2, math.isqrt(k) + 1))


p100 = primes_up_to(100)
assert len(p100) == 25 and p100[:5] == [2, 3, 5, 7, 11] and p100[-1] == 97
assert sum(p100) == 1060
assert primes_up_to(97)[-1] == 97          # n itself included when prime
assert primes_up_to(1) == [] and primes_up_to(0) == [] and primes_up_to(-5) == []
assert primes_up_to(2) == [2] and primes_up_to(4) == [2, 3]
assert primes_up_to(49)[-1] == 47          # 49 = 7*7 removed: the p*p start matters
for n in range(0, 500):
    assert primes_up_to(n) == [k for k in range(n + 1) if is_prime_slow(k)]
