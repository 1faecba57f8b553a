"""The `build-decks` command. `build-decks build`, the command contributors run most, runs
here without click; a rebuild with nothing to do is answered from the record of the last
build (build_decks/state.py) before any library loads. Everything else goes to the click CLI
(build_decks/cli.py), whose `build` calls the same `build_command`."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path


def build_paths(args: list[str]) -> tuple[Path, Path] | None:
    """(root, dist) when ``args`` is a plain `build [--root R] [--dist D]`; None otherwise."""
    if not args or args[0] != "build":
        return None
    options = {"--root": ".", "--dist": None}
    rest = args[1:]
    while rest:
        name, _, value = rest[0].partition("=")
        if name not in options:
            return None
        if not value:
            if len(rest) < 2 or rest[1].startswith("-"):
                return None
            value, rest = rest[1], rest[2:]
        else:
            rest = rest[1:]
        options[name] = value
    root = Path(options["--root"])
    return root, Path(options["--dist"]) if options["--dist"] else root / "dist"


def noop_report(state: dict) -> str:
    return f"{state['report']} (nothing changed since the last build)"


def build_command(root: Path, dist: Path, force: bool = False) -> None:
    """`build-decks build`: say so when nothing changed, else build and report (no click needed)."""
    from .state import Inputs, record, unchanged

    inputs = Inputs(root, dist)
    if not force and (state := unchanged(inputs)) is not None:
        for warning in state["warnings"]:
            print(warning, file=sys.stderr)
        print(noop_report(state))
        return
    from .build import build, forget_kept
    from .progress import Progress

    if force:
        forget_kept(root)
        inputs = Inputs(root, dist)  # and every input is read again, not recognised by its stat
    digest = inputs.digest  # taken before the build reads anything: an edit while it runs is seen next time
    # A build is a short batch whose garbage reference counting frees: the cyclic collector
    # would only rescan a heap that keeps growing (at 100,000 notes, 60% of loading content/).
    gc.disable()
    try:
        project, files, changed = build(root, dist, progress=Progress(), inputs=inputs)
    finally:
        gc.enable()
    warnings = project.problems.warning_lines()
    for warning in warnings:
        print(warning, file=sys.stderr)
    answered = sum(c.answer is not None for c in project.cards)
    report = f"{len(project.cards)} cards ({answered} answered) -> {len(files)} files"
    print(f"{report}, {len(changed)} changed")
    for rel in changed:
        print(f"  wrote dist/{rel.as_posix()}")
    record(root, dist, digest, f"{report}, 0 changed", warnings, inputs.files)


def main() -> None:
    paths = build_paths(sys.argv[1:])
    if paths is None:
        from .cli import main as cli

        cli()
        return
    from .errors import DeckError

    try:
        build_command(*paths)
    except DeckError as error:
        error.show()
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print("Aborted!", file=sys.stderr)
        sys.exit(1)
    except BrokenPipeError:  # e.g. `build-decks build | head`: stop quietly, as click does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


if __name__ == "__main__":
    main()
