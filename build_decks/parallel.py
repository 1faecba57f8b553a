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

_FUNCTION: Callable | None = None  # what the forked workers call (inherited, never pickled)


def workers() -> int:
    """How many processes to use: BUILD_DECKS_JOBS, else the cores this process may run on."""
    wanted = os.environ.get("BUILD_DECKS_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _call(item):
    return _FUNCTION(item)


def map_forked(function: Callable[[T], R], items: Iterable[T], chunksize: int = 1) -> Iterator[R]:
    """``function(item)`` for every item, in order, across forked workers when there are
    several cores and several items."""
    global _FUNCTION
    items = list(items)
    count = min(workers(), len(items))
    if count <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(function, items)
        return
    _FUNCTION = function
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            yield from pool.imap(_call, items, chunksize=chunksize)
    finally:
        _FUNCTION = None
