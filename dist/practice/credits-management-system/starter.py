import heapq

class CreditLedger:
    """Credit grants with start and expiry times plus spends, queried as of any timestamp.

    Calls may arrive out of time order: every answer replays all events in time order, grants
    before spends at the same timestamp, ties in call order. So a late, earlier grant can make
    a previously rejected spend succeed.
    """

    def __init__(self):
        """Create an empty ledger."""
        raise NotImplementedError('your solution here')

    def grant(self, grant_id, amount: int, t: int, expires_at: int) -> bool:
        """Add amount credits usable in [t, expires_at); True, or False (ignored) if grant_id was seen.

        ValueError if amount <= 0 or expires_at <= t.
        """
        raise NotImplementedError('your solution here')

    def spend(self, amount: int, t: int) -> bool:
        """Spend amount at t from the earliest-expiring credits, all-or-nothing.

        True if accepted when replayed up to t, else False (nothing spent). ValueError if amount <= 0.
        """
        raise NotImplementedError('your solution here')

    def balance(self, t: int) -> int:
        """Credits usable at time t, after every accepted spend at or before t."""
        raise NotImplementedError('your solution here')
