"""YAML in and out: reading keeps line numbers, writing is stable and readable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import Problems

LINE = "__line__"


def _construct_mapping_with_line(loader, node, deep=False):
    mapping = yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records the 1-based line of every mapping under ``__line__``."""

    construct_mapping = _construct_mapping_with_line


class _FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same on libyaml's C parser (several times faster). Its error messages are vaguer, so
    a file it cannot parse is parsed again by the pure loader for the message and line."""

    construct_mapping = _construct_mapping_with_line


def line_of(value: Any, default: int = 1) -> int:
    return value.get(LINE, default) if isinstance(value, dict) else default


def load_text(text: str, path: Path, problems: Problems, first_line: int = 1) -> Any:
    """Parse YAML text; on a syntax error record ``path:line`` and return None."""
    try:
        return yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError:
        pass
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc)
        context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and start is not None:
            problem += f" ({context} at line {first_line + start.line})"
        problems.add(path, line, f"invalid YAML: {problem}")
        problems.unreadable.add(str(path))
        return None


def read_yaml(path: Path, problems: Problems, default: Any = None) -> Any:
    """Parse a YAML file (``default`` when it is missing or broken; problems are recorded)."""
    if not path.exists():
        return default
    text = read_text(path, problems)
    data = None if text is None else load_text(text, path, problems)
    return default if data is None else data


def strip_lines(value: Any) -> Any:
    """The same data without the ``__line__`` bookkeeping, ready to be written back."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != LINE}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file and a rename, so a reader never sees half a file."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def read_text(path: Path, problems: Problems) -> str | None:
    """Read a UTF-8 text file; report undecodable bytes with their line."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.add(path, line, "not valid UTF-8 (save the file as UTF-8)")
        return None
    if text.startswith("\ufeff"):
        problems.add(path, 1, "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
        text = text[1:]
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        problems.add(path, line, "Windows (CRLF) or CR line endings; save the file with LF line endings")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _str_presenter(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


def dump(data: Any) -> str:
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
