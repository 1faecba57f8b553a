import asyncio
import random
from dataclasses import dataclass

class RetryableError(Exception):
    """A transient failure (429, 5xx, timeout); retry_after is the server's hint in seconds, if any."""

    def __init__(self, message='', retry_after=None):
        """Store the message and the optional Retry-After hint."""
        raise NotImplementedError('your solution here')

@dataclass
class Result:
    """Outcome for the prompt at `index`: ok with text, or not ok with an error; attempts made."""
    index: int
    ok: bool
    text: str | None
    error: str | None
    attempts: int

async def process_batch(prompts, complete, max_concurrency=8, max_attempts=4, base_delay=1.0, max_delay=30.0, sleep=asyncio.sleep, jitter=random.random):
    """Await complete(prompt) once per unique prompt (duplicates reuse its outcome), at most max_concurrency
    calls in flight; return one Result per input prompt, in input order. A RetryableError is retried, up to
    max_attempts attempts in all, after sleep(exc.retry_after) if given, else
    sleep(min(max_delay, base_delay * 2 ** (attempt - 1)) * jitter()), holding no slot while asleep; then
    error "gave up after N attempts: ...". Any other exception fails at once: error "TypeName: message"."""
    raise NotImplementedError('your solution here')
