"""One exception root that the CLI knows how to print, and the problem list behind it."""

from __future__ import annotations

import sys
from dataclasses import dataclass


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class DeckError(Exception):
    """Root of every error the pipeline raises on purpose: the command prints it, as click
    prints its own errors, and exits with ``exit_code`` (the pipeline itself needs no click)."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def format_message(self) -> str:
        return self.message

    def __str__(self) -> str:
        return self.message

    def show(self, file=None) -> None:
        print(f"Error: {self.format_message()}", file=file or sys.stderr)


class ContentError(DeckError):
    """Every content problem of a run, reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def format_message(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return f"{self.message}\n{count} {noun} found."

    def show(self, file=None) -> None:
        print(self.format_message(), file=file or sys.stderr)


class Problems:
    """Collects problems during a stage; raises them all at the end."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.warnings: list[Problem] = []  # worth fixing, never fatal (e.g. a note over its length target)
        self.unreadable: set[str] = set()  # files that could not be parsed at all (YAML syntax)

    def add(self, path: object, line: int, message: str) -> None:
        self.items.append(Problem(str(path), line, message))

    def warn(self, path: object, line: int, message: str) -> None:
        self.warnings.append(Problem(str(path), line, f"warning: {message}"))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)
        self.warnings.extend(other.warnings)

    def warning_lines(self) -> list[str]:
        """The warnings as printed: sorted, each once."""
        return [str(warning) for warning in sorted(set(self.warnings))]

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(self.items)

    def raise_if_unreadable(self) -> None:
        """Stop before checks that depend on a file we could not parse: its syntax error, alone.

        (A YAML typo in a questions file otherwise hides every question in it, and each answer
        note and locked id would report it missing: hundreds of problems, the cause among them.)
        """
        first = [p for p in self.items if p.path in self.unreadable]
        if first:
            raise ContentError(first)

    def __bool__(self) -> bool:
        return bool(self.items)
