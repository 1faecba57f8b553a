import asyncio
import re
from dataclasses import dataclass
from decimal import Decimal
PERIOD = re.compile('\\d{4}-(0[1-9]|1[0-2])')
ACCOUNT = re.compile('ACC-\\w{1,32}')

class NotFoundError(Exception):
    """No data for this account and period (NOT_FOUND)."""

class TransientError(Exception):
    """A retryable backend failure (UNAVAILABLE once retries run out)."""

@dataclass(frozen=True)
class ReportRequest:
    """The RPC input: an account id and a YYYY-MM period."""
    account_id: str
    period: str

@dataclass
class ReportReply:
    """One outcome: a gRPC status name, the report when OK, otherwise an error safe to show the client."""
    account_id: str
    code: str
    report: str | None = None
    error: str | None = None

def summarize(transactions):
    """Exact totals of (category, amount string) pairs: income, expenses, net and per category, as strings."""
    raise NotImplementedError('your solution here')

class ReportService:
    """Async core of the servicer: validate, fetch with retries, render off the event loop, bounded batches."""

    def __init__(self, fetch, render, executor, max_concurrency=4, max_attempts=3, base_delay=0.1, timeout=5.0, sleep=asyncio.sleep):
        """fetch(account, period) -> awaitable [(category, amount)]; render(summary) -> str runs in executor."""
        raise NotImplementedError('your solution here')

    async def generate(self, req):
        """One report as a ReportReply; never raises. Ids not matching ACCOUNT / PERIOD (fullmatch): INVALID_ARGUMENT,
        no fetch. fetch runs under the semaphore; a TransientError is retried up to max_attempts attempts in all,
        with sleep(base_delay * 2**i) after failed attempt i (0-based), then UNAVAILABLE. NotFoundError: NOT_FOUND.
        render(summarize(transactions)) runs in the executor; everything over `timeout` s: DEADLINE_EXCEEDED;
        any other exception: INTERNAL, with a generic error text (no exception details)."""
        raise NotImplementedError('your solution here')

    async def generate_batch(self, requests):
        """generate() for every request concurrently; replies in request order, each with its own status."""
        raise NotImplementedError('your solution here')
