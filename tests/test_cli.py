"""The contributor CLI on small fixture trees: exact output and exit codes."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import DECK, QUESTIONS, write

from build_decks.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_check_passes_on_good_input(project):
    result = run("check")
    assert (result.exit_code, result.output) == (0, "ok: 2 questions, 1 answers\n")


def test_check_reports_every_problem_at_once(project):
    write(project / "answers/x/kv-cach.md", "---\nid: kv-cach\n---\nBody.\n")
    write(project / "answers/x/no-front.md", "Just text.\n")
    write(project / "answers/x/empty.md", "---\nid: tokenization\n---\n\n")
    write(project / "answers/x/tokenization.md", "---\nid: [unclosed\n---\nBody.\n")
    questions = QUESTIONS.replace("[blog-one]\n", "[blog-one, nope]\n")
    write(project / "content/questions/technical-questions.yaml", questions)
    write(project / "content/deck.yaml", DECK.replace("[technical-questions]", "[technical-questions, more]"))
    write(project / "content/questions/more.yaml", "section: More\ncategories:\n  - name: Extra\n    questions:\n"
          "      - id: kv-cache\n        text: Again?\n      - id: Bad Id\n        text: x\n")
    result = run("check")
    assert result.exit_code == 1
    assert result.output == (
        "answers/x/empty.md:2: file name must match its id: rename to tokenization.md\n"
        "answers/x/empty.md:4: answer body is empty; write at least the opening paragraph\n"
        "answers/x/kv-cach.md:2: id 'kv-cach' is not a question in content/; did you mean 'kv-cache'?\n"
        "answers/x/no-front.md:1: missing front matter: the file must start with '---', 'id: ...', '---'\n"
        "answers/x/tokenization.md:2: invalid YAML: expected ',' or ']', but got '<stream end>' "
        "(while parsing a flow sequence at line 2)\n"
        "content/questions/more.yaml:5: duplicate question id 'kv-cache' "
        "(also at content/questions/technical-questions.yaml:5)\n"
        "content/questions/more.yaml:7: question id 'Bad Id' must be lowercase kebab-case, e.g. 'kv-cache'\n"
        "content/questions/technical-questions.yaml:8: question 'tokenization' cites unknown source 'nope'\n"
        "8 problems found.\n"
    )


def test_check_names_section_files_missing_from_the_deck_order(project):
    write(project / "content/questions/extra.yaml", "section: Extra\ncategories: []\n")
    result = run("check")
    assert result.exit_code == 1
    assert result.output == (
        "content/questions/extra.yaml:1: section file 'extra' is not listed under 'sections:' in content/deck.yaml\n"
        "1 problem found.\n"
    )


def test_build_fails_without_touching_dist(project):
    assert run("build").exit_code == 0
    before = {p: p.read_bytes() for p in (project / "dist").rglob("*") if p.is_file()}
    write(project / "answers/x/bad.md", "---\nid: nope\n---\nBody.\n")
    result = run("build")
    assert result.exit_code == 1
    assert result.output == (
        "answers/x/bad.md:2: file name must match its id: rename to nope.md\n"
        "answers/x/bad.md:2: id 'nope' is not a question in content/; see `build-decks status` for ids\n"
        "2 problems found.\n"
    )
    assert {p: p.read_bytes() for p in (project / "dist").rglob("*") if p.is_file()} == before


def test_status_prints_coverage_by_section_and_category(project):
    result = run("status")
    assert result.exit_code == 0
    assert result.output == (
        "Section / category     answered  total       \n"
        "Technical Questions           1      2    50%\n"
        "  LLM Fundamentals            1      2    50%\n"
        "All questions                 1      2    50%\n"
    )


def test_new_scaffolds_an_answer_note_for_the_question(project):
    result = run("new", "tokenization")
    path = project / "answers/technical-questions/llm-fundamentals/tokenization.md"
    assert (result.exit_code, result.output) == (0, f"created {path.relative_to(project)}\n")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\nid: tokenization\n---\n")
    assert "## Key points" in text and "## Follow-ups" in text
    again = run("new", "tokenization")
    assert again.exit_code == 1
    assert "an answer for 'tokenization' already exists" in again.output


def test_new_suggests_the_closest_id(project):
    result = run("new", "tokenisation")
    assert result.exit_code == 1
    assert "id 'tokenisation' is not a question in content/; did you mean 'tokenization'?" in result.output


@pytest.mark.parametrize("command", ["build", "check", "status", "new", "import-seed", "highlight-css", "preview"])
def test_every_command_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and "build-decks " + command in result.output
