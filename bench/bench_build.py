"""Benchmark the build: how long validation and a full build of dist/ take on this machine.

Run with `make bench`. Prints the best and median of several runs; timings are not asserted
anywhere (tests must not depend on the speed of the machine).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from build_decks.build import build, gather

ROOT = Path(__file__).resolve().parents[1]


def timed(action, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def report(name: str, times: list[float]) -> None:
    print(f"{name:<28} best {min(times) * 1000:8.1f} ms   median {statistics.median(times) * 1000:8.1f} ms")


def main(runs: int = 5) -> None:
    project = gather(ROOT)
    print(f"{len(project.cards)} cards, {len(project.answers)} answers, {runs} runs each")
    report("check (load + validate)", timed(lambda: gather(ROOT), runs))
    with tempfile.TemporaryDirectory() as folder:
        report("full build into a new dist/", timed(lambda: build(ROOT, Path(tempfile.mkdtemp(dir=folder)),
                                                                   record_ids=False), runs))
        dist = Path(folder) / "warm"
        build(ROOT, dist, record_ids=False)
        report("rebuild, nothing changed", timed(lambda: build(ROOT, dist, record_ids=False), runs))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
