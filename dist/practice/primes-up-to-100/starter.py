import math

def primes_up_to(n: int) -> list[int]:
    """Return all primes p with 2 <= p <= n, in increasing order (empty list if n < 2)."""
    raise NotImplementedError('your solution here')
