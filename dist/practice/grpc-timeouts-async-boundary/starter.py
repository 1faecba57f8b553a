import random
import threading
import time
from collections import deque
from typing import Callable

class TransientError(Exception):
    """A retryable failure, like gRPC UNAVAILABLE or DEADLINE_EXCEEDED from the downstream."""

class JobQueue:
    """Async boundary: submit() returns a job id at once; work_once() runs a job with retries or dead-letters it."""

    def __init__(self, handler: Callable[[str, dict], object], max_attempts: int=4, base: float=0.1, cap: float=5.0, capacity: int=1000, sleep=time.sleep, rng=random.random):
        """handler(key, payload) calls the slow service; capacity bounds the queued jobs; sleep and rng are injectable."""
        raise NotImplementedError('your solution here')

    def submit(self, key: str, payload: dict) -> str:
        """Queue a job; the same key returns the same job id without queueing again. OverflowError when full."""
        raise NotImplementedError('your solution here')

    def status(self, job_id: str) -> str | None:
        """Return "queued", "running", "done" or "dead"; None for an unknown id."""
        raise NotImplementedError('your solution here')

    def result(self, job_id: str):
        """The handler's return value for a done job, else None."""
        raise NotImplementedError('your solution here')

    def dead_letters(self) -> list[str]:
        """Ids of jobs that exhausted retries or failed permanently."""
        raise NotImplementedError('your solution here')

    def redrive(self, job_id: str) -> bool:
        """Move a dead job back onto the queue (after the cause is fixed); False if it isn't dead."""
        raise NotImplementedError('your solution here')

    def work_once(self) -> bool:
        """Take one job and run it to done or dead; False if the queue was empty.

        Up to max_attempts handler calls: after a TransientError that is not the last attempt, sleep
        rng() * min(cap, base * 2**attempt) (attempt counts from 0); any other exception is permanent:
        no retry. A job that never succeeds is marked dead and added to dead_letters().
        """
        raise NotImplementedError('your solution here')
