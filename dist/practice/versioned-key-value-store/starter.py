import bisect
_TOMBSTONE = object()

class VersionedStore:
    """Key-value store that keeps every version, readable as of any timestamp."""

    def __init__(self):
        """Create an empty store."""
        raise NotImplementedError('your solution here')

    def set(self, key, value, t) -> None:
        """Record value for key at timestamp t, in any order; an equal (key, t) is overwritten."""
        raise NotImplementedError('your solution here')

    def delete(self, key, t) -> None:
        """Delete key from timestamp t on; versions before t stay readable."""
        raise NotImplementedError('your solution here')

    def get(self, key, t=None, default=None):
        """Return key's latest value at or before t (t=None: newest), or default if none or deleted."""
        raise NotImplementedError('your solution here')
