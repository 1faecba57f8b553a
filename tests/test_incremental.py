"""Rebuilds reuse what they kept under build/, and must write exactly what a cold build writes.

A cold build (no build/, empty dist/) is the reference: every incremental path (a no-op, one
edited note, a changed image, a changed question, kept pieces, a corrupt cache, one core or
two) must leave dist/ byte for byte as the cold build of the same inputs.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import commit_all, copy_project, git

from build_decks import entry
from build_decks.answers import note_paths
from build_decks.build import build
from build_decks.cli import main


def files(dist: Path) -> dict[str, bytes]:
    return {p.relative_to(dist).as_posix(): p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()}


def cold(root: Path, scratch: Path) -> dict[str, bytes]:
    """What a cold build of ``root``'s inputs writes (in a copy, with no build/ at all)."""
    copy = scratch / "cold"
    shutil.rmtree(copy, ignore_errors=True)
    for name in ("content", "answers"):
        shutil.copytree(root / name, copy / name)
    build(copy, copy / "dist")
    return files(copy / "dist")


def assert_same(incremental: dict[str, bytes], reference: dict[str, bytes]) -> None:
    assert sorted(incremental) == sorted(reference)
    differing = [name for name in reference if incremental[name] != reference[name]]
    assert differing == []


@pytest.fixture
def deck(tmp_path, monkeypatch):
    """The real content/ and answers/ in a scratch folder, built once (build/ now holds caches)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    root = copy_project(tmp_path / "deck")
    build(root, root / "dist")
    return root


def first_note(root: Path, kind: str = "") -> Path:
    return next(p for p in note_paths(root) if kind in p.as_posix())


def test_after_editing_one_note_only_its_outputs_are_rewritten_and_match_a_cold_build(deck, tmp_path):
    note = first_note(deck, "technical-questions")
    note.write_text(note.read_text(encoding="utf-8") + "\nOne more sentence of prose.\n", encoding="utf-8")
    _, _, changed = build(deck, deck / "dist")
    names = {p.as_posix() for p in changed}
    assert "ai-engineering-interview.apkg" in names and "sections/technical-questions.apkg" in names
    assert "sections/behavioral-questions.apkg" not in names  # another section's package is kept
    assert not any(n.startswith(("practice/", "obsidian/aei-")) for n in names)  # images untouched
    assert_same(files(deck / "dist"), cold(deck, tmp_path))


def test_a_changed_image_a_reworded_question_and_a_removed_note_all_match_a_cold_build(deck, tmp_path):
    svg = next((deck / "answers").rglob("*.svg"))
    svg.write_text(svg.read_text(encoding="utf-8").replace("</svg>", "<!-- edited --></svg>"), encoding="utf-8")
    questions = deck / "content/questions/technical-questions.yaml"
    text = questions.read_text(encoding="utf-8")
    questions.write_text(text.replace("text: ", "text: Reworded ", 1), encoding="utf-8")
    first_note(deck, "coding-problems").unlink()  # answered -> unanswered: new-card order changes
    build(deck, deck / "dist")
    assert_same(files(deck / "dist"), cold(deck, tmp_path))


def test_a_redrawn_diagram_alone_updates_its_note_as_a_cold_build_does(deck, tmp_path):
    """Only the image changes: the note's text is the same, but what the import shows is not."""
    svg = next((deck / "answers").rglob("*.svg"))
    lock = (deck / "content/notes.lock").read_text(encoding="utf-8")
    svg.write_text(svg.read_text(encoding="utf-8").replace("</svg>", "<!-- redrawn --></svg>"), encoding="utf-8")
    build(deck, deck / "dist")
    assert (deck / "content/notes.lock").read_text(encoding="utf-8") != lock  # that note's hash moved
    reference = cold(deck, tmp_path)
    assert_same(files(deck / "dist"), reference)
    assert (tmp_path / "cold/content/notes.lock").read_bytes() == (deck / "content/notes.lock").read_bytes()


@pytest.mark.parametrize("change", ["remove a note", "add back a note"])
def test_a_note_removed_or_added_alone_changes_every_package_as_a_cold_build_does(deck, tmp_path, change):
    """Only answers/ changes, in one section, yet every package's root deck counts the answers."""
    note = first_note(deck, "take-home-assignments")
    text = note.read_text(encoding="utf-8")
    note.unlink()
    if change == "add back a note":
        build(deck, deck / "dist")
        note.write_text(text, encoding="utf-8")
    build(deck, deck / "dist")
    assert_same(files(deck / "dist"), cold(deck, tmp_path))


def test_an_edit_that_moves_the_build_time_still_matches_a_cold_build(tmp_path, monkeypatch):
    """Without SOURCE_DATE_EPOCH an edited note takes the commit's time, which moves the build's
    timestamp (zip times, note ids, built dates): the packages change, kept pieces still serve."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = copy_project(tmp_path / "repo")
    git(root, "init", "-q")
    commit_all(root, "first", 1_800_000_000)
    build(root, root / "dist")
    commit_all(root, "second", 1_800_100_000)
    note = first_note(root, "technical-questions")
    note.write_text(note.read_text(encoding="utf-8") + "\nAn edit after the commit.\n", encoding="utf-8")
    _, _, changed = build(root, root / "dist")
    assert {"ai-engineering-interview.apkg", "sections/behavioral-questions.apkg"} <= {p.as_posix() for p in changed}
    assert_same(files(root / "dist"), cold(root, tmp_path))


def test_a_cold_build_keeps_what_its_workers_rendered_and_highlighted(deck):
    """Notes are rendered in forked workers; what they made must reach the files the next build reads."""
    import pickle

    blocks = pickle.loads((deck / "build/highlight.pickle").read_bytes())[1]
    renders = pickle.loads((deck / "build/render.pickle").read_bytes())[1]
    shipped = sum(p.read_text(encoding="utf-8").count("\n```python") for p in note_paths(deck))
    assert len(blocks) >= shipped * 0.9 and len(renders) == len(note_paths(deck))


def test_kept_pieces_and_notes_that_are_corrupt_are_made_again(deck, tmp_path):
    for kept in [*(deck / "build/pieces").glob("*.pickle"), *list((deck / "build/notes").rglob("*.pickle"))[:50]]:
        kept.write_bytes(b"not a pickle")
    note = first_note(deck, "behavioral-questions")
    note.write_text(note.read_text(encoding="utf-8").replace(".", ";", 1), encoding="utf-8")
    build(deck, deck / "dist")
    assert_same(files(deck / "dist"), cold(deck, tmp_path))


def test_one_core_and_two_write_the_same_bytes(deck, tmp_path, monkeypatch):
    monkeypatch.setenv("BUILD_DECKS_JOBS", "1")
    assert_same(cold(deck, tmp_path), files(deck / "dist"))


def test_a_cold_build_that_fails_on_content_stops_the_workers_it_started_early(deck):
    """With nothing kept, notes are read and rendered in workers started before content/ is
    read; a content/ error still fails the build, dist/ stays as it was, no worker is left."""
    import multiprocessing

    from build_decks.errors import DeckError

    before = files(deck / "dist")
    shutil.rmtree(deck / "build")
    questions = next((deck / "content/questions").glob("*.yaml"))
    questions.write_text(questions.read_text(encoding="utf-8") + "\n  - : [unclosed\n", encoding="utf-8")
    with pytest.raises(DeckError, match=questions.name):
        build(deck, deck / "dist")
    assert multiprocessing.active_children() == []
    assert files(deck / "dist") == before


def test_a_note_whose_image_disappears_fails_although_the_note_itself_is_unchanged(deck):
    svg = next((deck / "answers").rglob("*.svg"))
    svg.unlink()
    result = CliRunner().invoke(main, ["build", "--root", str(deck)])
    assert result.exit_code != 0
    assert f"{svg.name}' not found" in result.output or f"{svg.name}" in result.output


def run_entry(*args: str) -> str:
    """`build-decks ARGS` through the console script's entry point; its stdout."""
    out = io.StringIO()
    argv = sys.argv
    sys.argv = ["build-decks", *args]
    try:
        with redirect_stdout(out):
            try:
                entry.main()
            except SystemExit as stop:
                assert stop.code in (0, None)
    finally:
        sys.argv = argv
    return out.getvalue()


def test_a_rebuild_with_nothing_changed_writes_nothing_and_says_so(project):
    first = run_entry("build")
    assert "nothing changed" not in first
    stamps = {p: p.stat().st_mtime_ns for p in (project / "dist").rglob("*") if p.is_file()}
    locks = {p: p.read_bytes() for p in (project / "content").glob("*.lock")}
    second = run_entry("build")
    assert second == "2 cards (1 answered) -> 10 files, 0 changed (nothing changed since the last build)\n"
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
    assert {p: p.read_bytes() for p in locks} == locks


@pytest.mark.parametrize("change", ["edit a note", "delete an output", "edit an output", "set SOURCE_DATE_EPOCH"])
def test_any_change_to_inputs_or_outputs_makes_the_next_build_run(project, change, monkeypatch):
    run_entry("build")
    note = project / "answers/technical-questions/llm-fundamentals/kv-cache.md"
    page = project / "dist/ai-engineering-interview.html"
    if change == "edit a note":
        note.write_text(note.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    elif change == "delete an output":
        page.unlink()
    elif change == "edit an output":
        page.write_bytes(page.read_bytes() + b"<!-- hand edit -->")
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000001")
    again = run_entry("build")
    assert "nothing changed" not in again and "wrote dist/" in again
    assert page.exists() and not page.read_bytes().endswith(b"<!-- hand edit -->")


def test_force_rebuilds_and_the_command_line_fast_path_only_takes_plain_builds(project):
    run_entry("build")
    assert "nothing changed" not in CliRunner().invoke(main, ["build", "--force"]).output
    assert entry.build_paths(["build"]) == (Path("."), Path("dist"))
    assert entry.build_paths(["build", "--root", "x", "--dist=y"]) == (Path("x"), Path("y"))
    for other in (["build", "--force"], ["build", "--help"], ["check"], [], ["build", "--root"]):
        assert entry.build_paths(other) is None


def test_stage_times_are_printed_only_when_asked(project, monkeypatch):
    quiet = CliRunner().invoke(main, ["build", "--force"])
    assert "times:" not in quiet.output
    monkeypatch.setenv("BUILD_DECKS_TIMES", "1")
    timed = CliRunner().invoke(main, ["build", "--force"])
    assert "times: start" in timed.output and "writing outputs" in timed.output and "package:all" in timed.output


def test_the_fast_path_ignores_a_record_written_for_another_folder(project, tmp_path):
    run_entry("build")
    elsewhere = tmp_path / "elsewhere"
    assert "nothing changed" not in run_entry("build", "--dist", str(elsewhere))
    assert (elsewhere / "ai-engineering-interview.apkg").exists()
    assert os.path.exists(project / "dist/ai-engineering-interview.apkg")


def test_the_click_free_build_reports_problems_like_the_cli_and_exits_1(project, capsys):
    note = project / "answers/technical-questions/llm-fundamentals/kv-cache.md"
    note.write_text("---\nid: kv-cash\n---\nText.\n", encoding="utf-8")
    argv = sys.argv
    sys.argv = ["build-decks", "build"]
    try:
        with pytest.raises(SystemExit) as stop:
            entry.main()
    finally:
        sys.argv = argv
    assert stop.value.code == 1
    printed = capsys.readouterr()
    via_click = CliRunner().invoke(main, ["build"])
    assert via_click.exit_code == 1
    assert printed.err.strip() == via_click.output.strip()
    assert printed.err.startswith(f"{note.relative_to(project)}:2: id 'kv-cash' is not a question in content/")
    assert printed.err.rstrip().endswith("1 problem found.")
    assert not (project / "dist").exists() or not any((project / "dist").iterdir())



def age(root: Path, seconds: int = 3600) -> None:
    """Make every input look last changed ``seconds`` ago (as files are, between edits)."""
    for folder in ("content", "answers"):
        for path in (root / folder).rglob("*"):
            if path.is_file():
                then = path.stat().st_mtime - seconds
                os.utime(path, (then, then))


def counting_reads(monkeypatch) -> list[str]:
    """The files the input digests read (build_decks.state opens each file it hashes)."""
    import builtins

    from build_decks import state

    opened: list[str] = []

    def counted(name, *args, **kwargs):
        opened.append(str(name))
        return builtins.open(name, *args, **kwargs)

    monkeypatch.setattr(state, "open", counted, raising=False)
    return opened


def test_unchanged_inputs_are_recognised_by_their_stat_and_an_edit_is_read(project, monkeypatch):
    from build_decks.state import Inputs

    age(project)
    run_entry("build")  # reads every input once, and records what it read
    opened = counting_reads(monkeypatch)
    assert "nothing changed" in run_entry("build")
    assert [name for name in opened if "answers/" in name or "content/" in name] == []
    note = project / "answers/technical-questions/llm-fundamentals/kv-cache.md"
    text = note.read_text(encoding="utf-8")
    before = Inputs(project, project / "dist").digest
    cut = text.rindex("a")
    note.write_text(text[:cut] + "b" + text[cut + 1:], encoding="utf-8")  # same size, new bytes, new mtime
    assert Inputs(project, project / "dist").digest != before
    again = run_entry("build")
    assert "nothing changed" not in again
    assert [name for name in opened if name.endswith("kv-cache.md")]  # the edited note was read


def test_a_digest_is_not_trusted_for_a_file_changed_just_before_it_was_read(project, monkeypatch):
    """A coarse clock can give a file rewritten right after it was read the same size and
    modification time: such a file (changed within RACY_NS of its reading) is read again."""
    from build_decks.state import Inputs

    note = project / "answers/technical-questions/llm-fundamentals/kv-cache.md"
    stamp = note.stat().st_mtime_ns  # just written by the fixture: racy
    first = Inputs(project, project / "dist")
    before = first.digest
    first.files.save()
    text = note.read_text(encoding="utf-8")
    cut = text.rindex("a")
    note.write_text(text[:cut] + "b" + text[cut + 1:], encoding="utf-8")
    os.utime(note, ns=(stamp, stamp))  # same size, same mtime: only reading it tells
    assert Inputs(project, project / "dist").digest != before


def test_force_reads_every_input_again(project, monkeypatch):
    age(project)
    run_entry("build")
    opened = counting_reads(monkeypatch)
    CliRunner().invoke(main, ["build", "--force"])
    assert any(name.endswith("kv-cache.md") for name in opened)


def test_a_large_bank_keeps_its_notes_in_one_sqlite_file_and_matches_a_cold_build(deck, tmp_path, monkeypatch):
    """Above MAX_KEPT notes, notes, rendered HTML and highlighted blocks live in build/kept.sqlite
    (read an entry at a time); an edit there renders one note and writes what a cold build does."""
    from build_decks import answers
    from build_decks import build as build_module

    monkeypatch.setattr(build_module, "MAX_KEPT", 10)
    build(deck, deck / "dist")
    assert (deck / "build/kept.sqlite").stat().st_size > 100_000
    rendered = []
    original = answers.render_and_report
    monkeypatch.setattr(answers, "render_and_report", lambda text: rendered.append(text) or original(text))
    note = first_note(deck, "system-design")
    note.write_text(note.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    build(deck, deck / "dist")
    assert len(rendered) == 1
    assert_same(files(deck / "dist"), cold(deck, tmp_path))


def test_a_shelf_keeps_values_by_key_per_base_and_survives_a_damaged_file(tmp_path):
    from build_decks.memo import Shelf

    path = tmp_path / "kept.sqlite"
    shelf = Shelf(path, "one")
    shelf.put("a", {"value": 1})
    assert shelf.get("a") == {"value": 1}  # before it is saved, too
    shelf.save()
    assert Shelf(path, "one").get("a") == {"value": 1}
    assert Shelf(path, "other").get("a") is None  # another base: other inputs, other entries
    child = os.fork()
    if child == 0:  # a forked worker opens its own connection
        os._exit(0 if shelf.get("a") == {"value": 1} else 1)
    assert os.waitpid(child, 0)[1] == 0
    other_kind = Shelf(path, "one", "other")
    other_kind.put("x", 1)
    other_kind.save()
    newer = Shelf(path, "two")  # other code: the first save drops this kind's old entries
    newer.put("c", 3)
    newer.save()
    assert Shelf(path, "one").get("a") is None and Shelf(path, "two").get("c") == 3
    assert Shelf(path, "one", "other").get("x") == 1  # another kind's entries stay
    import sqlite3

    assert sqlite3.connect(path).execute("SELECT COUNT(*) FROM kept_kept").fetchone() == (1,)
    path.write_bytes(b"not a database" * 100)
    damaged = Shelf(path, "one")
    assert damaged.get("a") is None
    damaged.put("b", 2)
    damaged.save()
    assert Shelf(path, "one").get("b") == 2
