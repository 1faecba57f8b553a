"""Builds are reproducible, idempotent, and leave dist/ alone when the input is bad."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from conftest import ROOT, commit_all, copy_project, git, write

from build_decks.build import build


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
    assert set(first) == {
        "ai-engineering-interview.apkg", "csv/ai-engineering-interview.csv",
        "csv/ai-engineering-interview.anki.txt", "sections/technical-questions.apkg",
        "sections/system-design-questions.apkg", "sections/coding-problems.apkg",
        "sections/behavioral-questions.apkg", "sections/take-home-assignments.apkg",
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


def test_bad_input_leaves_dist_untouched(tmp_path):
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
