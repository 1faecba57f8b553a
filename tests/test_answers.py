"""Answer notes: loading, rendering, the style rules we can check, and their code runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from build_decks.answers import OPENING_WORDS, count_words, load_answer, note_paths, opening_paragraph, word_limit
from build_decks.codecheck import python_blocks, run_block
from build_decks.content import load_content
from build_decks.errors import Problems
from build_decks.render import markdown_to_html

ANSWER_FILES = note_paths(ROOT)
CONTENT = load_content(ROOT, Problems())


def all_blocks():
    for path in ANSWER_FILES:
        for number, block in enumerate(python_blocks(path), 1):
            yield pytest.param(block, id=f"{path.stem}-{number}")


@pytest.mark.parametrize("block", list(all_blocks()))
def test_python_in_answers_runs(block):
    """The same runner as `build-decks check`: alone, in a scratch folder, with a time limit."""
    failure = run_block(block)
    assert failure is None, f"{block.path}:{block.line}: python block failed: {failure}"


@pytest.mark.parametrize("path", ANSWER_FILES, ids=lambda p: p.stem)
def test_answer_note_follows_the_style_guide(path: Path):
    problems = Problems()
    answer = load_answer(path, problems)
    assert problems.items == [] and answer is not None
    question = CONTENT.question(answer.id)
    assert question is not None
    assert count_words(answer.summary) <= OPENING_WORDS, "opening paragraph is the 30-second answer (<= 60 words)"
    assert answer.words <= word_limit(question.type), f"{answer.words} words for a {question.type} note"
    assert "<script" not in answer.html and "<h1" not in answer.html
    assert re.search(r"^## ", answer.markdown, re.M), "the note needs its ## sections"


def test_markdown_renders_tables_code_and_lists():
    html = markdown_to_html("Short.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nx = 1\n```\n\n- item\n")
    assert "<table>" in html and "<td>1</td>" in html
    assert '<div class="highlight"><pre><span></span><code><span class="n">x</span>' in html
    assert "style=" not in html
    assert "<li>item</li>" in html


def test_opening_paragraph_is_the_summary():
    assert opening_paragraph("First idea.\nStill first.\n\n## Key points\n- a") == "First idea.\nStill first."
    assert opening_paragraph("## Key points\n- a") == ""
    assert opening_paragraph("- a list\n") == ""


def test_words_inside_code_blocks_are_not_counted():
    assert count_words("One two three.\n\n```python\nalpha beta gamma delta\n```\nfour") == 4


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="data:text/html,x">x</a>',
    "<iframe src='https://example.com'></iframe>",
    '<p style="background:url(javascript:x)">x</p>',
])
def test_rendered_html_is_sanitized(hostile):
    html = markdown_to_html(hostile).lower()
    for bad in ("<script", "onerror", "javascript:", "data:", "<iframe", "style="):
        assert bad not in html


def test_math_keeps_ankis_delimiters():
    html = markdown_to_html("Loss \\(L = -\\sum_i y_i \\log p_i\\) and \\[a_1 * b_2\\], not in `\\(code\\)`.")
    assert "\\(L = -\\sum_i y_i \\log p_i\\)" in html
    assert "\\[a_1 * b_2\\]" in html and "<em>" not in html
    assert "<code>\\(code\\)</code>" in html


def test_highlight_css_is_generated_from_the_pinned_pygments():
    from build_decks.anki_package import DEFAULT_TEMPLATES
    from build_decks.highlight import highlight_css

    committed = (DEFAULT_TEMPLATES / "highlight.css").read_text(encoding="utf-8")
    assert committed == highlight_css(), "run `build-decks highlight-css` and commit the result"
    assert ".nightMode .aei .highlight .k" in committed and ".aei .highlight .k" in committed
