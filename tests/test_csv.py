"""CSV for other tools, and Anki's text-import file imported by the real engine."""

from __future__ import annotations

import csv
import io

import pytest

from build_decks.csv_files import GENERIC_COLUMNS, neutralize
from build_decks.identity import note_guid

CSV = "csv/ai-engineering-interview.csv"


def test_generic_csv_parses_back_with_every_question_and_source(real_dist, content):
    raw = (real_dist / CSV).read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    assert tuple(rows[0].keys()) == GENERIC_COLUMNS
    assert [r["id"] for r in rows] == [q.id for q in content.questions]
    assert raw.count("\r\n") >= len(rows) + 1
    urls = {u for r in rows for u in r["source_urls"].split("\n") if u}
    cited = {content.sources[s].url for q in content.questions for s in q.sources}
    assert urls == cited
    lru = next(r for r in rows if r["id"] == "lru-cache")
    assert lru["status"] == "answered" and "```python" in lru["answer"]
    assert lru["guid"] == note_guid("lru-cache")


@pytest.mark.parametrize(("cell", "safe"), [
    ("=1+1", "'=1+1"), ("+SUM(A1)", "'+SUM(A1)"), ("-2", "'-2"), ("@cmd", "'@cmd"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), ("", ""),
])
def test_spreadsheet_formulas_are_neutralised(cell, safe):
    assert neutralize(cell) == safe


def test_no_text_file_for_anki_is_shipped(real_dist):
    """Anki's text import cannot create our notetype: imported first it made 408 junk notes that
    then blocked the .apkg (408 conflicting). The .apkg does everything it did, so it is gone."""
    assert not list(real_dist.rglob("*.anki.txt")) and not list((real_dist / "csv").glob("*.txt"))


def test_markup_in_question_text_is_neutralised_in_every_csv_column(project):
    from click.testing import CliRunner
    from conftest import write

    from build_decks.cli import main

    hostile = "What is <script>alert(1)</script> =cmd|' /C calc'!A0?"
    path = project / "content/questions/technical-questions.yaml"
    write(path, path.read_text(encoding="utf-8").replace("What is tokenization?", f'"{hostile}"')
          + "        variants: ['<img src=x onerror=alert(1)>']\n")
    assert CliRunner().invoke(main, ["build"], catch_exceptions=False).exit_code == 0
    rows = list(csv.DictReader(io.StringIO((project / "dist/csv/ai-engineering-interview.csv").read_text(
        encoding="utf-8"), newline="")))
    row = next(r for r in rows if r["id"] == "tokenization")
    assert row["question"] == "What is &lt;script>alert(1)&lt;/script> =cmd|' /C calc'!A0?"
    assert row["variants"] == "&lt;img src=x onerror=alert(1)>"
    for r in rows:
        for column, cell in r.items():
            assert "<script" not in cell.lower() and "<img" not in cell.lower(), column
