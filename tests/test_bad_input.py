"""Every kind of bad input: a precise `path:line: message`, exit status 1, dist/ untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import QUESTIONS, write

from build_decks.cli import main

NOTE_DIR = "answers/technical-questions/llm-fundamentals"
QUESTIONS_FILE = "content/questions/technical-questions.yaml"


def note(qid: str, body: str = "A short answer.\n\n## Key points\n- One.\n") -> str:
    return f"---\nid: {qid}\n---\n{body}"


def snapshot(dist: Path) -> dict[str, str]:
    return {p.relative_to(dist).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(dist.rglob("*")) if p.is_file()}


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def bad_yaml(p):
    write(p / "content/sources.yaml", "- id: blog-one\n  title: [unclosed\n")


def missing_front_matter(p):
    write(p / NOTE_DIR / "tokenization.md", "Tokenization splits text.\n")


def missing_id(p):
    write(p / NOTE_DIR / "tokenization.md", "---\ntitle: Tokens\n---\nBody.\n")


def unknown_id(p):
    write(p / NOTE_DIR / "tokenisation.md", note("tokenisation"))


def duplicate_answer_ids(p):
    write(p / "answers/elsewhere/kv-cache.md", note("kv-cache"))


def duplicate_question_ids(p):
    replace_in(p / QUESTIONS_FILE, "id: tokenization", "id: kv-cache")


def answer_for_retired_id(p):
    write(p / "content/retired.yaml", "- id: old-question\n  text: Old?\n  section: Technical Questions\n"
          "  category: LLM Fundamentals\n  reason: Out of date.\n")
    write(p / NOTE_DIR / "old-question.md", note("old-question"))


def retired_id_reused(p):
    write(p / "content/retired.yaml", "- id: tokenization\n  text: Old?\n  section: Technical Questions\n"
          "  category: LLM Fundamentals\n  reason: Out of date.\n")


def published_id_removed(p):
    replace_in(p / QUESTIONS_FILE, "      - id: tokenization\n        text: What is tokenization?\n"
               "        sources: [blog-one]\n", "")


def non_utf8(p):
    (p / NOTE_DIR / "tokenization.md").write_bytes(b"---\nid: tokenization\n---\nCaf\xe9 au lait.\n")


def bom(p):
    (p / NOTE_DIR / "tokenization.md").write_bytes("\ufeff".encode() + note("tokenization").encode())


def crlf(p):
    (p / NOTE_DIR / "tokenization.md").write_bytes(note("tokenization").replace("\n", "\r\n").encode())


def empty_body(p):
    write(p / NOTE_DIR / "tokenization.md", "---\nid: tokenization\n---\n\n")


def unknown_source(p):
    replace_in(p / QUESTIONS_FILE, "sources: [blog-one]\n", "sources: [blog-three]\n")


def unknown_company(p):
    replace_in(p / QUESTIONS_FILE, "sources: [blog-one]\n", "sources: [blog-one]\n        companies: [acme]\n")


def question_without_text(p):
    replace_in(p / QUESTIONS_FILE, "text: What is tokenization?", "text: ''")


def missing_image(p):
    write(p / NOTE_DIR / "tokenization.md", note("tokenization", "Tokens.\n\n![merges](bpe.png)\n"))


def huge_note(p):
    write(p / NOTE_DIR / "tokenization.md", note("tokenization", "word " * 1_100_000))


def raw_html(p):
    write(p / NOTE_DIR / "tokenization.md", note("tokenization", "Tokens.\n\n<script>alert(1)</script>\n"))


def script_link(p):
    write(p / NOTE_DIR / "tokenization.md", note("tokenization", "Tokens.\n\n[see](javascript:alert(1))\n"))


def unsafe_source_url(p):
    replace_in(p / "content/sources.yaml", "url: https://example.com/one", "url: javascript:alert(1)")


CASES = {
    "malformed YAML": (bad_yaml, "content/sources.yaml:3: invalid YAML: expected ',' or ']', but got '<stream end>' "
                                "(while parsing a flow sequence at line 2)"),
    "missing front matter": (missing_front_matter, f"{NOTE_DIR}/tokenization.md:1: missing front matter"),
    "missing id": (missing_id, f"{NOTE_DIR}/tokenization.md:2: front matter needs 'id: <question-id>'"),
    "unknown id": (unknown_id, f"{NOTE_DIR}/tokenisation.md:2: id 'tokenisation' is not a question in content/; "
                               "did you mean 'tokenization'?"),
    "duplicate answer ids": (duplicate_answer_ids, "answers/technical-questions/llm-fundamentals/kv-cache.md:2: "
                                                   "duplicate answer for 'kv-cache'"),
    "duplicate question ids": (duplicate_question_ids, f"{QUESTIONS_FILE}:8: duplicate question id 'kv-cache'"),
    "answer for a retired id": (answer_for_retired_id, f"{NOTE_DIR}/old-question.md:2: 'old-question' is a retired "
                                                       "question (content/retired.yaml:1); delete this note"),
    "retired id reused": (retired_id_reused, f"{QUESTIONS_FILE}:8: id 'tokenization' is retired"),
    "published id removed": (published_id_removed, "content/ids.lock:4: published id 'tokenization' is gone; "
                                                   "restore the question or record it in content/retired.yaml"),
    "non-UTF-8 bytes": (non_utf8, f"{NOTE_DIR}/tokenization.md:4: not valid UTF-8"),
    "byte-order mark": (bom, f"{NOTE_DIR}/tokenization.md:1: file starts with a byte-order mark (BOM)"),
    "CRLF line endings": (crlf, f"{NOTE_DIR}/tokenization.md:1: Windows (CRLF) or CR line endings"),
    "empty body": (empty_body, f"{NOTE_DIR}/tokenization.md:4: answer body is empty"),
    "unknown source": (unknown_source, f"{QUESTIONS_FILE}:8: question 'tokenization' cites unknown source "
                                       "'blog-three'"),
    "unknown company": (unknown_company, f"{QUESTIONS_FILE}:8: question 'tokenization' cites unknown company "
                                         "'acme'"),
    "question without text": (question_without_text, f"{QUESTIONS_FILE}:8: question 'tokenization' has no text"),
    "missing image": (missing_image, f"{NOTE_DIR}/tokenization.md:6: image 'bpe.png' not found"),
    "5 MB note": (huge_note, f"{NOTE_DIR}/tokenization.md:1: answer note is larger than 64 KiB"),
    "raw HTML": (raw_html, f"{NOTE_DIR}/tokenization.md:6: raw HTML is not allowed in answer notes"),
    "script link": (script_link, f"{NOTE_DIR}/tokenization.md:6: link target 'javascript:alert(1' must be an "
                                 "http(s) URL"),
    "unsafe source URL": (unsafe_source_url, "content/sources.yaml:1: source 'blog-one' needs an http(s) 'url'"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_reported_and_dist_is_untouched(project, case):
    runner = CliRunner()
    assert runner.invoke(main, ["build"], catch_exceptions=False).exit_code == 0
    before = snapshot(project / "dist")
    lock_before = (project / "content/ids.lock").read_bytes()
    mutate, expected = CASES[case]
    mutate(project)
    result = runner.invoke(main, ["build"], catch_exceptions=False)
    assert result.exit_code == 1
    assert any(line.startswith(expected) for line in result.output.splitlines()), result.output
    assert result.output.rstrip().split("\n")[-1].endswith(("problem found.", "problems found."))
    assert snapshot(project / "dist") == before
    assert (project / "content/ids.lock").read_bytes() == lock_before


def test_all_problems_of_a_run_are_reported_together(project):
    for case in ("unknown id", "unknown source", "byte-order mark"):
        CASES[case][0](project)
    result = CliRunner().invoke(main, ["check"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.endswith("3 problems found.\n")


def test_retired_question_stays_in_the_package_tagged_and_in_its_own_deck(project, new_collection):
    from conftest import import_apkg

    runner = CliRunner()
    assert runner.invoke(main, ["build"], catch_exceptions=False).exit_code == 0
    published_id_removed(project)
    write(project / "content/retired.yaml", "- id: tokenization\n  text: What is tokenization?\n"
          "  section: Technical Questions\n  category: LLM Fundamentals\n  reason: Folded into kv-cache.\n"
          "  merged_into: kv-cache\n")
    result = runner.invoke(main, ["build"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    col = new_collection()
    import_apkg(col, project / "dist/ai-engineering-interview.apkg")
    retired = col.find_notes("tag:ai-interview::status::retired")
    assert len(retired) == 1
    note = col.get_note(retired[0])
    assert note["ID"] == "tokenization" and note["Status"] == "retired"
    assert col.decks.name(note.cards()[0].did) == "AI Engineering Interview::Retired"
    assert "retired from the deck" in note.cards()[0].answer()
    assert "tokenization" in (project / "content/ids.lock").read_text()
    status = runner.invoke(main, ["status"], catch_exceptions=False).output
    assert "All questions                 1      1   100%" in status


def test_new_ids_are_added_to_the_lock_and_never_removed(project):
    runner = CliRunner()
    runner.invoke(main, ["build"], catch_exceptions=False)
    lock = (project / "content/ids.lock").read_text().splitlines()
    assert [line for line in lock if not line.startswith("#")] == ["kv-cache", "tokenization"]
    replace_in(project / QUESTIONS_FILE, QUESTIONS.splitlines()[-1], QUESTIONS.splitlines()[-1]
               + "\n      - id: bpe\n        text: What is BPE?\n        sources: [blog-one]")
    runner.invoke(main, ["build"], catch_exceptions=False)
    lock = (project / "content/ids.lock").read_text().splitlines()
    assert [line for line in lock if not line.startswith("#")] == ["bpe", "kv-cache", "tokenization"]
