import random
from bisect import bisect_right
from collections import defaultdict

class TimeMap:
    """Key-value store that answers "value of key as of time t"."""

    def __init__(self):
        """Create an empty store."""
        raise NotImplementedError('your solution here')

    def set(self, key: str, value: str, timestamp: int) -> None:
        """Record value for key at timestamp (timestamps arrive in increasing order)."""
        raise NotImplementedError('your solution here')

    def get(self, key: str, timestamp: int) -> str:
        """Return the value with the largest stored timestamp <= timestamp, or "" if none."""
        raise NotImplementedError('your solution here')
