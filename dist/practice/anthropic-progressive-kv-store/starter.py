import heapq
import zlib

class Store:
    """Key-value store: set/get/delete, prefix scans, timestamps with TTL, zlib compression within a byte capacity.

    Every method takes an optional ts: None means the latest ts seen so far (0 at first); a smaller ts
    raises ValueError. A value counts len(value.encode()) bytes, or its zlib size while compressed.
    """

    def __init__(self, capacity: int=2 ** 62):
        """Create an empty store holding at most capacity bytes of live values."""
        raise NotImplementedError('your solution here')

    def set(self, key: str, value: str, ts=None, ttl=None) -> bool:
        """Store value (replacing any old value and TTL), live on [ts, ts + ttl), or forever if ttl is None.

        True, or False with no change if the live bytes would then exceed capacity.
        """
        raise NotImplementedError('your solution here')

    def get(self, key: str, ts=None):
        """Value of key at ts, or None if missing or expired."""
        raise NotImplementedError('your solution here')

    def delete(self, key: str, ts=None) -> bool:
        """Remove key; True if it was live."""
        raise NotImplementedError('your solution here')

    def scan(self, ts=None) -> list[tuple[str, str]]:
        """All live (key, value) pairs, sorted by key."""
        raise NotImplementedError('your solution here')

    def scan_by_prefix(self, prefix: str, ts=None) -> list[tuple[str, str]]:
        """Live (key, value) pairs whose key starts with prefix, sorted by key."""
        raise NotImplementedError('your solution here')

    def used(self, ts=None) -> int:
        """Bytes held by live values at ts (compressed size where compressed)."""
        raise NotImplementedError('your solution here')

    def compress(self, key: str, ts=None):
        """Replace key's value by its zlib form if smaller; bytes freed (0 if not smaller or already compressed), None if missing."""
        raise NotImplementedError('your solution here')

    def decompress(self, key: str, ts=None) -> bool:
        """Restore key's raw value; True, or False (no change) if missing, not compressed, or over capacity."""
        raise NotImplementedError('your solution here')
