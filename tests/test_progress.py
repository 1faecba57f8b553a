"""The progress line: on a terminal and after the delay only; never in logs or pipes."""

from __future__ import annotations

import io

from build_decks.build import build
from build_decks.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_build_on_a_terminal_shows_its_stages_then_clears_the_line(project):
    screen = Terminal()
    build(project, project / "dist", progress=Progress(stream=screen, delay=0))
    text = screen.getvalue()
    assert "reading answers" in text and "[" in text and "1/1" in text
    assert "rendering answers" in text and "writing outputs" in text
    assert text.endswith("\r\x1b[K")


def test_nothing_is_printed_when_output_is_not_a_terminal_or_the_build_is_quick(project):
    pipe = io.StringIO()  # isatty() is False
    build(project, project / "dist", progress=Progress(stream=pipe, delay=0))
    assert pipe.getvalue() == ""
    screen = Terminal()
    build(project, project / "dist", progress=Progress(stream=screen, delay=3600))  # finishes before the delay
    assert screen.getvalue() == ""
