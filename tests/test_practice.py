"""The practice kit: every coding note with code gets a folder whose tests fail on the starter
and pass on the note's reference solution, run the way a reader runs them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT

from build_decks.answers import note_paths
from build_decks.codecheck import PYTHON_BLOCK
from build_decks.practice import split_block, starter_code

CODING = [p for p in note_paths(ROOT) if p.parts[-3] == "coding-problems"]


def pytest_in(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder)],
                          capture_output=True, text=True, timeout=300, cwd=folder)


@pytest.fixture(scope="module")
def kits(real_dist) -> dict[str, Path]:
    return {p.name: p for p in sorted((real_dist / "practice").iterdir())}


def test_every_coding_note_with_code_has_a_kit(kits):
    with_code = {p.stem for p in CODING if PYTHON_BLOCK.search(p.read_text(encoding="utf-8"))}
    assert with_code and set(kits) == with_code
    for folder in kits.values():
        assert sorted(f.name for f in folder.iterdir()) == ["README.md", "checks.py", "starter.py", "test_public.py"]


def test_starters_hold_no_solution(kits):
    for qid, folder in kits.items():
        starter = (folder / "starter.py").read_text(encoding="utf-8")
        assert "NotImplementedError" in starter, qid
        note = next(p for p in CODING if p.stem == qid).read_text(encoding="utf-8")
        solution, _ = split_block(note)
        assert starter == starter_code(solution)
        assert '"""' in starter, f"{qid}: the starter needs the docstrings that say what to implement"


def test_kit_tests_fail_on_the_starter_and_pass_on_the_reference(kits, tmp_path):
    solved = {}
    for qid, folder in kits.items():
        copy = tmp_path / qid
        shutil.copytree(folder, copy)
        note = next(p for p in CODING if p.stem == qid).read_text(encoding="utf-8")
        (copy / "starter.py").write_text(split_block(note)[0], encoding="utf-8")
        solved[qid] = copy
    with ThreadPoolExecutor(max_workers=2) as pool:
        on_starter = dict(zip(kits, pool.map(pytest_in, kits.values()), strict=True))
        on_reference = dict(zip(solved, pool.map(pytest_in, solved.values()), strict=True))
    for qid in kits:
        assert on_starter[qid].returncode == 1 and "1 failed" in on_starter[qid].stdout, (qid, on_starter[qid].stdout)
        assert "NotImplementedError" in on_starter[qid].stdout, qid
        assert on_reference[qid].returncode == 0 and "1 passed" in on_reference[qid].stdout, (
            qid, on_reference[qid].stdout[-2000:])
