"""Shared fixtures: the real project, built once; fresh Anki collections; small fixture trees."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from build_decks.build import build
from build_decks.content import load_content
from build_decks.errors import Problems

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "upstream" / "ai-engineering-interview-questions.md"  # the edition content/ came from


@pytest.fixture(scope="session")
def content():
    """The project's content/, loaded once."""
    return load_content(ROOT, Problems())


@pytest.fixture(scope="session")
def real_dist(tmp_path_factory) -> Path:
    """dist/ built from this checkout's content/ and answers/ into a temporary folder."""
    dist = tmp_path_factory.mktemp("dist")
    build(ROOT, dist, record_ids=False)
    return dist


@pytest.fixture
def new_collection(tmp_path):
    """A factory of fresh, empty Anki collections (closed after the test)."""
    opened = []

    def make(name: str = "collection") -> Collection:
        col = Collection(str(tmp_path / f"{name}.anki2"))
        opened.append(col)
        return col

    yield make
    for col in opened:
        col.close()


def import_apkg(col: Collection, path: Path, **options):
    """Import with Anki's default options unless a test says otherwise."""
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions(**options))
    return col.import_anki_package(request).log


def copy_project(target: Path) -> Path:
    """A copy of content/ and answers/ (the inputs of a build) under ``target``."""
    for name in ("content", "answers"):
        shutil.copytree(ROOT / name, target / name)
    return target


def git(root: Path, *args: str, when: int | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.com",
           "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.com"}
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"@{when} +0000"
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def commit_all(root: Path, message: str, when: int) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# A tiny project for CLI and bad-input tests.
DECK = "title: Test deck\ndescription: Fixture.\nsections: [technical-questions]\n"
COMPANIES = "- id: openai\n  name: OpenAI\n"
SIGNALS = "- id: multiple-companies\n  label: Reported across multiple companies\n"
SOURCES = (
    "- id: blog-one\n  title: A blog\n  url: https://example.com/one\n  kind: blog\n"
    "- id: blog-two\n  title: Another\n  url: https://example.com/two\n  kind: blog\n  company: openai\n"
)
QUESTIONS = """\
section: Technical Questions
categories:
  - name: LLM Fundamentals
    questions:
      - id: kv-cache
        text: What is KV cache?
        sources: [blog-one, blog-two]
      - id: tokenization
        text: What is tokenization?
        sources: [blog-one]
"""
ANSWER = "---\nid: kv-cache\n---\nIt stores keys and values.\n\n## Key points\n- Memory grows with length.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A tiny project (two questions, one answer) as the current folder."""
    write(tmp_path / "content/deck.yaml", DECK)
    write(tmp_path / "content/companies.yaml", COMPANIES)
    write(tmp_path / "content/signals.yaml", SIGNALS)
    write(tmp_path / "content/sources.yaml", SOURCES)
    write(tmp_path / "content/questions/technical-questions.yaml", QUESTIONS)
    write(tmp_path / "answers/technical-questions/llm-fundamentals/kv-cache.md", ANSWER)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # not a git repository: date new notes
    monkeypatch.chdir(tmp_path)
    return tmp_path
