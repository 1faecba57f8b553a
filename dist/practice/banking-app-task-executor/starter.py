from bisect import bisect_right
from collections import deque
from collections.abc import Iterator

class Bank:
    """Accounts with integer balances, transfers and balance history (timestamps non-decreasing)."""

    def __init__(self):
        """Create a bank with no accounts."""
        raise NotImplementedError('your solution here')

    def create_account(self, t: int, acc: str) -> bool:
        """Open acc with balance 0 at time t; False if it exists."""
        raise NotImplementedError('your solution here')

    def balance(self, acc: str) -> int | None:
        """Current balance, or None for an unknown account."""
        raise NotImplementedError('your solution here')

    def deposit(self, t: int, acc: str, amount: int) -> int | None:
        """Add a positive amount; return the new balance or None if the account is unknown or amount <= 0."""
        raise NotImplementedError('your solution here')

    def transfer(self, t: int, src: str, dst: str, amount: int) -> int | None:
        """Move amount from src to dst; return src's new balance, or None (nothing changes) if invalid."""
        raise NotImplementedError('your solution here')

    def balance_at(self, acc: str, t: int) -> int | None:
        """Balance of acc just after all operations at times <= t; None if unknown or not yet open."""
        raise NotImplementedError('your solution here')

    def top_spenders(self, n: int) -> list[str]:
        """The n accounts with the most money transferred out, ties broken by id."""
        raise NotImplementedError('your solution here')

class TaskExecutor:
    """Round-robin runner of generator tasks that can be paused and resumed between steps."""

    def __init__(self):
        """Create an executor with no tasks."""
        raise NotImplementedError('your solution here')

    def submit(self, task_id: str, task: Iterator) -> None:
        """Store a task (an iterator; each next() is one step) and queue it; ValueError on a duplicate id."""
        raise NotImplementedError('your solution here')

    def pause(self, task_id: str) -> bool:
        """Stop scheduling a ready task; False if it is unknown, paused or done."""
        raise NotImplementedError('your solution here')

    def resume(self, task_id: str) -> bool:
        """Re-queue a paused task where it left off; False if it is not paused."""
        raise NotImplementedError('your solution here')

    def status(self, task_id: str) -> str | None:
        """Return "ready", "paused" or "done"; None for an unknown id."""
        raise NotImplementedError('your solution here')

    def tick(self) -> str | None:
        """Run one step of the next ready task and return its id; None if nothing is ready."""
        raise NotImplementedError('your solution here')
