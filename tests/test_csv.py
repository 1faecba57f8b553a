"""CSV for other tools, and Anki's text-import file imported by the real engine."""

from __future__ import annotations

import csv
import io

import pytest
from anki.collection import ImportCsvRequest
from conftest import ROOT, import_apkg

from build_decks.content import load_content
from build_decks.csv_files import GENERIC_COLUMNS, neutralize
from build_decks.errors import Problems
from build_decks.identity import note_guid

CSV = "csv/ai-engineering-interview.csv"
TXT = "csv/ai-engineering-interview.anki.txt"


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT, Problems())


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


def test_anki_text_headers_and_quoted_fields(real_dist, content):
    text = (real_dist / TXT).read_text(encoding="utf-8")
    header = [line for line in text.split("\n") if line.startswith("#")]
    for expected in ("#separator:tab", "#html:true", "#notetype:AI Engineering Interview",
                     "#guid column:1", "#deck column:2", "#if matches:update current"):
        assert expected in header
    assert any(line.startswith("#tags column:") for line in header)
    body = [line for line in text.split("\n") if line and not line.startswith("#")]
    assert body[0].startswith(f'"{note_guid(content.questions[0].id)}"\t')


def _import_txt(col, path):
    metadata = col.get_csv_metadata(path=str(path), delimiter=None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


def test_anki_text_file_matches_package_and_updates_in_place(real_dist, new_collection, tmp_path, content):
    col = new_collection()
    import_apkg(col, real_dist / "ai-engineering-interview.apkg")
    count = col.note_count()
    guids = {col.get_note(n).guid for n in col.find_notes("")}

    log = _import_txt(col, real_dist / TXT)
    assert len(log.new) == 0 and col.note_count() == count
    assert len(log.duplicate) + len(log.updated) == count
    assert {col.get_note(n).guid for n in col.find_notes("")} == guids

    edited = tmp_path / "edited.anki.txt"
    original = (real_dist / TXT).read_text(encoding="utf-8")
    question = content.question("lru-cache").text
    edited.write_text(original.replace(question, "LRU cache, edited through CSV."), encoding="utf-8")
    log = _import_txt(col, edited)
    assert len(log.updated) == 1 and len(log.new) == 0
    assert col.note_count() == count
    note = col.get_note(col.find_notes('"ID:lru-cache"')[0])
    assert note["Question"] == "LRU cache, edited through CSV."
    assert note.guid == note_guid("lru-cache")


def test_anki_text_file_creates_notes_with_our_guids(real_dist, new_collection, tmp_path):
    col = new_collection()
    import_apkg(col, real_dist / "ai-engineering-interview.apkg")
    col.remove_notes(col.find_notes(""))
    assert col.note_count() == 0
    log = _import_txt(col, real_dist / TXT)
    assert len(log.new) == col.note_count() >= 395
    note = col.get_note(col.find_notes('"ID:kv-cache"')[0])
    assert note.guid == note_guid("kv-cache")
    assert col.decks.name(note.cards()[0].did) == "AI Engineering Interview::Technical Questions::LLM Fundamentals"
