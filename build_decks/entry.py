"""The `build-decks` command. A rebuild with nothing to do is answered here, from the record
of the last build (build_decks/state.py), before click and the build's libraries load: it is
the command contributors run most. Everything else goes to the click CLI (build_decks/cli.py)."""

from __future__ import annotations

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


def main() -> None:
    paths = build_paths(sys.argv[1:])
    if paths is not None:
        from .state import Inputs, remember, unchanged

        inputs = Inputs(*paths)
        state = unchanged(inputs)
        remember(inputs)
        if state is not None:
            for warning in state["warnings"]:
                print(warning, file=sys.stderr)
            print(noop_report(state))
            return
    from .cli import main as cli

    cli()


if __name__ == "__main__":
    main()
