"""`build-decks changes` and releases: what changed since a ref or a package, and the changelog."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import ROOT, commit_all, copy_project, git, write

from build_decks.build import build
from build_decks.changelog import last_headline
from build_decks.changes import changes_since, release

V1, V2 = 1_700_000_000, 1_700_086_400
UNANSWERED = "handle-edge-cases"  # a behavioral follow-up question


def two_versions(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(V1))
    repo = copy_project(tmp_path / "repo")
    for name in ("pyproject.toml", "CHANGELOG.md"):
        shutil.copyfile(ROOT / name, repo / name)
    (repo / "build_decks").mkdir()
    shutil.copyfile(ROOT / "build_decks/__init__.py", repo / "build_decks/__init__.py")
    note = next((repo / "answers").rglob(f"{UNANSWERED}.md"), None)
    if note:
        note.unlink()
    git(repo, "init", "-q")
    commit_all(repo, "v1", V1)
    git(repo, "tag", "v1")
    build(repo, tmp_path / "v1")
    # v2: one new answer, one reworded question, one question moved out (retired)
    write(repo / f"answers/behavioral-questions/ai-conducted-interview-follow-ups/{UNANSWERED}.md",
          f"---\nid: {UNANSWERED}\n---\nName the cases, then test them.\n\n## Key points\n- Empty input.\n")
    questions = repo / "content/questions/technical-questions.yaml"
    text = questions.read_text(encoding="utf-8")
    write(questions, text.replace("text: What is KV cache? How does it help in LLM inference?",
                                  "text: What is the KV cache and why does it speed up decoding?"))
    commit_all(repo, "v2", V2)
    return repo


def test_changes_since_a_git_ref_and_since_a_package_agree(tmp_path, monkeypatch):
    repo = two_versions(tmp_path, monkeypatch)
    by_ref = changes_since(repo, "v1")
    assert [s.id for s in by_ref.answered] == [UNANSWERED]
    assert [s.id for s in by_ref.changed] == ["kv-cache"]
    assert by_ref.added == [] and by_ref.retired == [] and by_ref.moved == []
    (a0, t0), (a1, t1) = by_ref.coverage
    assert (a1 - a0, t1 - t0) == (1, 0)
    by_package = changes_since(repo, str(tmp_path / "v1" / "ai-engineering-interview.apkg"))
    assert [s.id for s in by_package.answered] == [UNANSWERED] and [s.id for s in by_package.changed] == ["kv-cache"]
    text = by_ref.markdown()
    assert f"### Newly answered (1)\n\n- `{UNANSWERED}`:" in text
    assert "- `kv-cache`: What is the KV cache and why does it speed up decoding?" in text


def test_release_writes_the_changelog_stamps_the_version_and_the_deck_shows_the_headline(tmp_path, monkeypatch):
    repo = two_versions(tmp_path, monkeypatch)
    changes, commands = release(repo, "9.9.0", since="v1")
    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = re.search(r"^## 9\.9\.0 \((\d{4}-\d{2}-\d{2})\)\n\n(.+)$", changelog, re.M)
    assert entry and entry.group(2) == changes.headline() and "1 newly answered" in entry.group(2)
    assert changelog.index("## 9.9.0") < changelog.index("## 0.1.0")  # newest first, history kept
    assert 'version = "9.9.0"' in (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert '__version__ = "9.9.0"' in (repo / "build_decks/__init__.py").read_text(encoding="utf-8")
    assert any(c.startswith("git tag -a v9.9.0") for c in commands)
    assert last_headline(repo) == ("9.9.0", changes.headline())
    from build_decks.describe import root_description

    project = __import__("build_decks.build", fromlist=["gather"]).gather(repo)
    description = root_description(project.content, project.cards, project.timestamp, last_headline(repo))
    assert f"<b>New in 9.9.0:</b> {changes.headline()}" in description


def test_a_release_must_move_the_version_forward(tmp_path, monkeypatch):
    import pytest

    from build_decks.errors import DeckError

    repo = two_versions(tmp_path, monkeypatch)
    with pytest.raises(DeckError, match="must be newer"):
        release(repo, "0.0.9", since="v1")
    with pytest.raises(DeckError, match="must look like"):
        release(repo, "v2", since="v1")
