"""A corpus of hostile markdown and HTML: nothing executable reaches a card or a CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import ROOT, import_apkg
from htmlcheck import executable_parts

from build_decks.answers import Answer, load_answer
from build_decks.build import gather
from build_decks.cards import Card
from build_decks.csv_files import generic_csv
from build_decks.errors import Problems
from build_decks.render import markdown_to_html

CORPUS = sorted((Path(__file__).parent / "hostile").glob("*.md"))


def hostile_answer(path: Path, qid: str) -> Answer:
    """An answer built from hostile markdown, bypassing `check` (as a buggy tool might)."""
    body = path.read_text(encoding="utf-8")
    return Answer(qid, str(path), body, body.split("\n\n")[0], markdown_to_html(body), 10)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_renderer_neutralises(path):
    assert executable_parts(markdown_to_html(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_check_rejects_the_note_with_its_line(path, tmp_path):
    note = tmp_path / "kv-cache.md"
    note.write_text("---\nid: kv-cache\n---\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    problems = Problems()
    load_answer(note, problems)
    assert problems.items, "a hostile note must not pass check"
    assert all(p.line >= 4 for p in problems.items)


def test_executable_parts_detects_what_it_should():
    found = executable_parts('<script>x</script><a href="javascript:x" onclick="y">z</a><p style="a">')
    assert set(found) == {"<script>", "a[onclick]", "a[href=javascript:x]", "p[style]"}


@pytest.fixture(scope="module")
def hostile_cards():
    project = gather(ROOT)
    cards = []
    for path, card in zip(CORPUS, project.cards, strict=False):
        answer = hostile_answer(path, card.id)
        fields = {**card.fields, "Answer": answer.html, "Summary": markdown_to_html(answer.summary)}
        cards.append(Card(card.id, card.guid, card.deck, fields, card.tags, card.mod, card.question, answer))
    return project, cards


def test_nothing_executable_reaches_a_card_in_anki(hostile_cards, tmp_path, new_collection):
    from build_decks.anki_package import notetype, write_package

    project, cards = hostile_cards
    write_package(cards, {}, tmp_path / "hostile.apkg", project.timestamp, notetype(project.notetype_mod))
    col = new_collection()
    import_apkg(col, tmp_path / "hostile.apkg")
    assert col.note_count() == len(CORPUS)
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        for name in note.keys():
            assert executable_parts(note[name]) == [], (note["ID"], name)
        rendered = note.cards()[0].answer()
        body = rendered.split("</style>", 1)[-1]
        assert executable_parts(body) == [], note["ID"]


def test_nothing_executable_reaches_the_csv_files(hostile_cards):
    project, cards = hostile_cards
    generic = list(csv.DictReader(io.StringIO(generic_csv(cards, project.content).decode("utf-8"), newline="")))
    for row in generic:
        for column in ("summary", "answer"):
            rendered = markdown_to_html(row[column]) if row[column] else ""
            assert "<script" not in row[column].lower()
            assert executable_parts(rendered) == []
