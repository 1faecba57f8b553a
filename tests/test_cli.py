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
        "answers/x/empty.md:4: answer body is empty; write at least the opening paragraph\n"
        "answers/x/kv-cach.md:2: id 'kv-cach' is not a question in content/; did you mean 'kv-cache'?\n"
        "answers/x/no-front.md:1: missing front matter: the file must start with '---', 'id: ...', '---'\n"
        "answers/x/tokenization.md:2: invalid YAML: expected ',' or ']', but got '<stream end>' "
        "(while parsing a flow sequence at line 2)\n"
        "content/questions/more.yaml:5: duplicate question id 'kv-cache' "
        "(also at content/questions/technical-questions.yaml:5)\n"
        "content/questions/more.yaml:7: question id 'Bad Id' must be lowercase kebab-case, e.g. 'kv-cache'\n"
        "content/questions/technical-questions.yaml:8: question 'tokenization' cites unknown source 'nope'\n"
        "7 problems found.\n"
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
        "answers/x/bad.md:2: id 'nope' is not a question in content/; "
        "see `build-decks status --unanswered` for open ids\n"
        "1 problem found.\n"
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


# --- check guides contributors (each behaviour with its exact output) ---

NOTES = "answers/technical-questions/llm-fundamentals"


def test_an_untouched_scaffold_fails_check_at_each_placeholder(project):
    assert run("new", "tokenization").exit_code == 0
    result = run("check", "--skip-code")
    assert result.exit_code == 1
    placeholder = "scaffold placeholder left in the note: replace the TODO with the answer (or delete the line)"
    assert result.output == (
        f"{NOTES}/tokenization.md:4: {placeholder}\n"
        f"{NOTES}/tokenization.md:7: {placeholder}\n"
        f"{NOTES}/tokenization.md:10: {placeholder}\n"
        "3 problems found.\n"
    )


def test_status_unanswered_lists_ids_and_questions_most_reported_first(project):
    more = QUESTIONS + "      - id: bpe\n        text: What is BPE?\n        sources: [blog-one, blog-two]\n"
    write(project / "content/questions/technical-questions.yaml", more)
    result = run("status", "--unanswered")
    assert result.exit_code == 0
    assert result.output == (
        "2 questions without an answer note, most reported first (start one with `build-decks new ID`):\n"
        "sources  id                                       question\n"
        "      2  bpe                                      What is BPE?\n"
        "      1  tokenization                             What is tokenization?\n"
    )


def test_a_yaml_typo_in_a_questions_file_is_reported_first_and_alone(project):
    path = project / "content/questions/technical-questions.yaml"
    write(path, path.read_text(encoding="utf-8").replace("sources: [blog-one]\n", "sources: [blog-one\n"))
    result = run("check", "--skip-code")
    assert result.exit_code == 1
    assert result.output == (
        "content/questions/technical-questions.yaml:11: invalid YAML: expected ',' or ']', but got '<stream end>' "
        "(while parsing a flow sequence at line 10)\n"
        "1 problem found.\n"
    )


def test_rename_hint_only_for_a_real_question_id(project):
    write(project / f"{NOTES}/tok.md", "---\nid: tokenization\n---\nSplits text.\n\n## Key points\n- BPE.\n")
    write(project / f"{NOTES}/kv.md", "---\nid: kv-cach\n---\nStores keys.\n\n## Key points\n- Memory.\n")
    result = run("check", "--skip-code")
    assert result.output == (
        f"{NOTES}/kv.md:2: id 'kv-cach' is not a question in content/; did you mean 'kv-cache'?\n"
        f"{NOTES}/tok.md:2: file name must match its id: rename to tokenization.md\n"
        "2 problems found.\n"
    )


def test_check_runs_python_blocks_and_reports_a_failure_with_its_line(project):
    body = ("Splits text into tokens.\n\n## Example\n```python\nassert sorted('ba') == ['a', 'b']\n```\n\n"
            "```python\nimport json\n\njson.loads('{bad')\n```\n")
    write(project / f"{NOTES}/tokenization.md", f"---\nid: tokenization\n---\n{body}")
    result = run("check")
    assert result.exit_code == 1
    assert result.output == (
        f"{NOTES}/tokenization.md:11: python block failed: json.decoder.JSONDecodeError: Expecting property name "
        "enclosed in double quotes: line 1 column 2 (char 1)\n"
        "1 problem found.\n"
    )
    write(project / f"{NOTES}/tokenization.md", f"---\nid: tokenization\n---\n{body.replace('{bad', '{}')}")
    assert run("check").output == "ok: 2 questions, 2 answers\n"


def test_check_warns_on_long_notes_and_long_openings_without_failing(project):
    opening = " ".join(["word"] * 61) + "."
    points = "\n".join(f"- point {i} " + " ".join(["x"] * 8) for i in range(30))
    write(project / f"{NOTES}/tokenization.md", f"---\nid: tokenization\n---\n{opening}\n\n## Key points\n{points}\n")
    result = run("check", "--skip-code")
    assert result.exit_code == 0
    assert result.output == (
        f"{NOTES}/tokenization.md:1: warning: 363 words; a concept note should stay near 250 (at most 300): "
        "cut what the card does not need\n"
        f"{NOTES}/tokenization.md:4: warning: opening paragraph has 61 words; the 30-second answer should be at "
        "most 60\n"
        "ok: 2 questions, 2 answers, 2 warnings\n"
    )


def test_a_literal_angle_bracket_in_prose_suggests_backticks(project):
    write(project / f"{NOTES}/tokenization.md", "---\nid: tokenization\n---\nReturns a List<int> of ids.\n")
    result = run("check", "--skip-code")
    assert result.output == (
        f"{NOTES}/tokenization.md:4: raw HTML is not allowed in answer notes (found '<int'); write markdown, "
        "and put a literal '<' in backticks (e.g. `List<int>`)\n"
        "1 problem found.\n"
    )
