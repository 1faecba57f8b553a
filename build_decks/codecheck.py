"""Run every ```python block of the answer notes, as `check` and the tests do.

Each block runs alone (``python -c``) in a subprocess with a time limit, in a scratch folder.
A failure is reported as ``path:line: python block failed: <last line of the error>``, with the
line of the block's opening fence. Blocks that passed are remembered by a hash of their code and
the interpreter version under ``build/``, so an unchanged note is not run again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import Problems

PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
TIME_LIMIT = 60  # seconds per block


@dataclass(frozen=True)
class Block:
    path: str
    line: int  # line of the opening fence in the file
    code: str

    @property
    def key(self) -> str:
        return hashlib.sha256(f"{sys.version}\n{self.code}".encode()).hexdigest()


def python_blocks(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    return [Block(str(path), text[: m.start()].count("\n") + 1, m.group(1)) for m in PYTHON_BLOCK.finditer(text)]


def run_block(block: Block) -> str | None:
    """None when the block runs cleanly; otherwise the last line of what went wrong."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="aei-block-") as scratch:
        try:
            result = subprocess.run([sys.executable, "-c", block.code], capture_output=True, text=True,
                                    timeout=TIME_LIMIT, cwd=scratch)
        except subprocess.TimeoutExpired:
            return f"timed out after {TIME_LIMIT} s"
    if result.returncode == 0:
        return None
    lines = [line for line in result.stderr.strip().split("\n") if line.strip()]
    return lines[-1].strip() if lines else f"exit status {result.returncode}"


def check_code(paths: list[Path], problems: Problems, cache: Path | None = None) -> int:
    """Run every block of ``paths`` (in parallel); record failures. Returns the number run."""
    blocks = [block for path in paths for block in python_blocks(path)]
    passed = _load(cache)
    todo = [b for b in blocks if b.key not in passed]
    if not todo:
        return 0  # every block passed before: nothing to run, nothing to record
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        outcomes = list(pool.map(run_block, todo))
    for block, failure in zip(todo, outcomes, strict=True):
        if failure is None:
            passed.add(block.key)
        else:
            problems.add(block.path, block.line, f"python block failed: {failure}")
    _save(cache, passed)
    return len(todo)


def _load(cache: Path | None) -> set[str]:
    if cache is None or not cache.exists():
        return set()
    try:
        return set(json.loads(cache.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return set()


def _save(cache: Path | None, keys: set[str]) -> None:
    if cache is None:
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(sorted(keys)), encoding="utf-8")
    except OSError:
        pass  # a cache we cannot write only costs time
