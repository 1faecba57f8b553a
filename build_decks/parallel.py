"""Spread independent work over the machine's cores.

Workers are forked, so they start in milliseconds and inherit everything already loaded
(the project, the caches): only the items and the results cross between processes. Where
fork is not available (Windows), or with one core, or BUILD_DECKS_JOBS=1, the work runs in
this process, in the same order; the results are the same either way.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_FUNCTIONS: dict[int, Callable] = {}  # what forked workers call, by pool (inherited, never pickled)
_TOKENS = iter(range(1, 1 << 62))


def workers() -> int:
    """How many processes to use: BUILD_DECKS_JOBS, else the cores this process may run on."""
    wanted = os.environ.get("BUILD_DECKS_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _call(task):
    token, item = task
    return _FUNCTIONS[token](item)


class Started:
    """``function(item)`` for every item, begun at once across forked workers when there are
    several cores and several items (else in this process, as the results are asked for);
    iterating gives the results in order. ``close()`` stops the workers (at the end, or early
    when the caller gives up)."""

    def __init__(self, function: Callable[[T], R], items: Iterable[T], chunksize: int = 1):
        items = list(items)
        self.pool = None
        count = min(workers(), len(items))
        if count <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            self.results: Iterator[R] = map(function, items)
            return
        self.token = next(_TOKENS)
        _FUNCTIONS[self.token] = function  # before the fork: every worker has it
        self.pool = multiprocessing.get_context("fork").Pool(count)
        self.results = self.pool.imap(_call, [(self.token, item) for item in items], chunksize=chunksize)

    def __iter__(self) -> Iterator[R]:
        return self.results

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool = None
            del _FUNCTIONS[self.token]


def map_forked(function: Callable[[T], R], items: Iterable[T], chunksize: int = 1) -> Iterator[R]:
    """``function(item)`` for every item, in order, across forked workers when there are
    several cores and several items (started when the first result is asked for)."""
    started = Started(function, items, chunksize)
    try:
        yield from started
    finally:
        started.close()
