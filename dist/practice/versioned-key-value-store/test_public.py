"""Run with `python -m pytest` in this folder: the checks pass once starter.py is solved."""

import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_examples_and_edge_cases(monkeypatch):
    monkeypatch.syspath_prepend(str(HERE))
    monkeypatch.chdir(HERE)
    monkeypatch.delitem(__import__("sys").modules, "starter", raising=False)
    runpy.run_path(str(HERE / "checks.py"), run_name="checks")
