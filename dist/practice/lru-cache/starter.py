class LRUCache:
    """A fixed-capacity cache that evicts the least recently used key; get and put in O(1)."""

    def __init__(self, capacity: int):
        """An empty cache holding at most capacity keys; ValueError if capacity <= 0."""
        raise NotImplementedError('your solution here')

    def get(self, key, default=-1):
        """The value for key (marking it most recently used), or default if absent."""
        raise NotImplementedError('your solution here')

    def put(self, key, val):
        """Insert or update key (most recently used); evict the least recently used key when full."""
        raise NotImplementedError('your solution here')
