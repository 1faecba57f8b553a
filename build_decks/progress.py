"""A progress line for long builds: shown only on a terminal, and only once a build has run
for about two seconds (short builds stay quiet, logs and CI stay clean)."""

from __future__ import annotations

import os
import sys
import time

DELAY = 2.0


class Progress:
    def __init__(self, stream=None, delay: float = DELAY, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.start = time.monotonic()
        self.timed = [] if os.environ.get("BUILD_DECKS_TIMES") else None  # (stage, start) for `make bench`
        self.details: list[str] = []
        self.delay = delay
        self.shown = False
        self.stage, self.done, self.total = "", 0, 0

    def begin(self, stage: str, total: int = 0) -> None:
        if self.timed is not None:
            self.timed.append((stage, time.monotonic()))
        self.stage, self.done, self.total = stage, 0, total
        self._draw()

    def note(self, text: str) -> None:
        """A detail for the BUILD_DECKS_TIMES line (e.g. one output's time)."""
        if self.timed is not None:
            self.details.append(text)

    def tick(self, count: int = 1) -> None:
        self.done += count
        self._draw()

    def _draw(self) -> None:
        if not self.enabled or time.monotonic() - self.start < self.delay:
            return
        if self.total:
            width = 30
            filled = width * self.done // self.total
            bar = f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}"
        else:
            bar = ""
        self.stream.write(f"\r{self.stage:<22} {bar}\x1b[K")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.timed:
            marks = [*self.timed, ("end", time.monotonic())]
            spans = [f"{stage} {end - start:.3f}" for (stage, start), (_, end) in zip(marks, marks[1:], strict=False)]
            self.stream.write(f"times: start {marks[0][1] - self.start:.3f}, " + ", ".join(spans) + "\n")
            if self.details:
                self.stream.write("  " + ", ".join(self.details) + "\n")
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


QUIET = Progress(enabled=False)
