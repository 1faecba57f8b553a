"""Builds are reproducible, idempotent, and leave dist/ alone when the input is bad."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, commit_all, copy_project, git, write

from build_decks.build import build
from build_decks.errors import ContentError


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_second_build_changes_nothing(tmp_path):
    dist = tmp_path / "dist"
    _, files, changed = build(ROOT, dist, record_ids=False)
    first = digests(dist)
    mtimes = {p: p.stat().st_mtime_ns for p in dist.rglob("*") if p.is_file()}
    _, _, changed_again = build(ROOT, dist, record_ids=False)
    assert changed == files and changed_again == []
    assert digests(dist) == first
    assert {p: p.stat().st_mtime_ns for p in dist.rglob("*") if p.is_file()} == mtimes
    expected = {
        "ai-engineering-interview.apkg", "ai-engineering-interview.html", "csv/ai-engineering-interview.csv",
        "sections/technical-questions.apkg", "sections/system-design-questions.apkg", "sections/coding-problems.apkg",
        "sections/behavioral-questions.apkg", "sections/take-home-assignments.apkg",
        "mochi/ai-engineering-interview.mochi", "supermemo/ai-engineering-interview-qa.txt",
        "mnemosyne/ai-engineering-interview.tsv", "quizlet/ai-engineering-interview.txt",
        "practice/lru-cache/starter.py",
    }
    assert expected <= set(first)
    assert {name.split("/")[0] for name in first} == {
        "ai-engineering-interview.apkg", "ai-engineering-interview.html", "csv", "sections", "practice",
        "mochi", "obsidian", "logseq", "supermemo", "mnemosyne", "quizlet",
    }


def test_two_clones_of_one_commit_build_identical_bytes(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = copy_project(tmp_path / "one")
    git(first, "init", "-q")
    commit_all(first, "v1", 1_700_000_000)
    git(tmp_path, "clone", "-q", str(first), str(tmp_path / "two"))
    build(first, tmp_path / "one" / "dist")
    build(tmp_path / "two", tmp_path / "two" / "dist")
    assert digests(tmp_path / "one" / "dist") == digests(tmp_path / "two" / "dist")


def test_bad_input_leaves_dist_untouched(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # no git here: date any changed note
    project = copy_project(tmp_path / "project")
    dist = tmp_path / "dist"
    build(project, dist)
    before = digests(dist)
    write(project / "answers" / "broken.md", "no front matter here\n")
    try:
        build(project, dist)
    except Exception as exc:  # noqa: BLE001 - the test asserts on the type below
        assert type(exc).__name__ == "ContentError"
    else:
        raise AssertionError("a broken answer note must fail the build")
    assert digests(dist) == before


def test_source_date_epoch_sets_the_build_time(tmp_path, monkeypatch):
    import time
    import zipfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    build(ROOT, tmp_path / "dist", record_ids=False)
    with zipfile.ZipFile(tmp_path / "dist" / "ai-engineering-interview.apkg") as package:
        assert {info.date_time for info in package.infolist()} == {time.gmtime(1600000000)[:6]}
        collection = tmp_path / "collection.anki2"
        collection.write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(collection) as db:
        decks = json.loads(db.execute("select decks from col").fetchone()[0])
    root = next(d for d in decks.values() if d["name"] == "AI Engineering Interview")
    assert "built 2020-09-13" in root["desc"]


def committed_file(rel: str) -> bytes:
    return subprocess.run(["git", "-C", str(ROOT), "show", f"HEAD:{rel}"], capture_output=True, check=True).stdout


def head_has_notes_lock() -> bool:
    probe = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", "HEAD:content/notes.lock"], capture_output=True)
    return probe.returncode == 0


def code_differs_from_head() -> bool:
    status = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "build_decks", "pyproject.toml"],
                            capture_output=True, text=True)
    return bool(status.stdout.strip())


@pytest.mark.skipif(not head_has_notes_lock(), reason="needs a git checkout whose HEAD has content/notes.lock")
@pytest.mark.skipif(code_differs_from_head(), reason="the build code has uncommitted changes: HEAD's dist/ is not "
                    "what this code builds (CI runs on a clean clone)")
@pytest.mark.parametrize("how", ["git-archive", "shallow-clone"])
def test_a_copy_obtained_any_way_rebuilds_the_committed_dist(tmp_path, monkeypatch, how):
    """A ZIP-like export (no history) and a --depth 1 clone build HEAD's dist/ byte for byte."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    copy = tmp_path / how
    if how == "git-archive":
        copy.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(copy)], input=archive, check=True)
        assert not (copy / ".git").exists()
    else:
        subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(copy)], check=True)
    shutil.rmtree(copy / "dist")
    _, files, _ = build(copy, copy / "dist")
    for rel in files:
        assert (copy / "dist" / rel).read_bytes() == committed_file(f"dist/{rel.as_posix()}"), rel
    assert (copy / "content" / "notes.lock").read_bytes() == committed_file("content/notes.lock")


def test_a_copy_without_history_refuses_to_guess_the_time_of_a_change(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = copy_project(tmp_path / "project")  # no .git: like a ZIP download
    dist = tmp_path / "dist"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    build(project, dist)  # brings the copied lock up to date with this tree's notes
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    build(project, dist)  # nothing changed since the lock: builds fine without git
    before = digests(dist)
    lock = (project / "content" / "notes.lock").read_bytes()
    note = next((project / "answers").rglob("lru-cache.md"))
    note.write_text(note.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        build(project, dist)
    message = str(caught.value)
    assert "content/notes.lock:1: 1 note changed since the lock was written (lru-cache)" in message
    assert "set SOURCE_DATE_EPOCH" in message
    assert digests(dist) == before and (project / "content" / "notes.lock").read_bytes() == lock
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    project_built, _, changed = build(project, dist)
    assert {c.id: c.mod for c in project_built.cards}["lru-cache"] == 1_900_000_000
