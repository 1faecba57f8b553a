"""Property-based tests: the importer and the renderer on arbitrary input."""

from __future__ import annotations

import filecmp
import tempfile
from pathlib import Path

from htmlcheck import executable_parts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_decks.content import ID_PATTERN
from build_decks.errors import ContentError, Problems
from build_decks.identity import note_guid
from build_decks.importer import collect, import_seed
from build_decks.render import markdown_to_html
from build_decks.seed import parse_seed

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=40)
markdownish = st.lists(
    st.one_of(
        words,
        st.sampled_from(["## ", "### ", "- ", "[^a]", "[^a]: [T](https://x.example)", "---", "(IBM)", "â€”",
                         "(reported across multiple companies)", "Company: Eightfold.ai.", "<script>", "```"]),
    ),
    max_size=40,
).map("".join)


@SETTINGS
@given(st.text())
def test_seed_parser_never_crashes_on_arbitrary_text(text):
    problems = Problems()
    doc = parse_seed(text, "seed.md", problems)
    assert all(p.path == "seed.md" and p.line >= 1 for p in problems.items)
    collect(doc, {}, {}, set())


@SETTINGS
@given(st.lists(markdownish, max_size=30).map("\n".join))
def test_seed_parser_never_crashes_on_markdown_like_text(text):
    problems = Problems()
    doc = parse_seed(text, "seed.md", problems)
    result = collect(doc, {}, {}, set())
    ids = [r.id for r in result.records]
    assert len(ids) == len(set(ids))
    assert all(ID_PATTERN.match(i) for i in ids)


questions = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz ?-'", min_size=3, max_size=60).filter(lambda t: t.strip(" -?'")),
    min_size=1, max_size=12, unique_by=lambda t: " ".join(t.split()).lower(),
)


def seed_document(texts: list[str]) -> str:
    bullets = "\n".join(f"- {t} [^s1]" for t in texts)
    return f"# T\n\n## Section\n\n### Category\n\n{bullets}\n\n## Sources\n\n[^s1]: [A source](https://example.com/a)\n"


@SETTINGS
@given(questions)
def test_ids_round_trip_through_a_second_import(texts):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        seed = root / "seed.md"
        seed.write_text(seed_document(texts), encoding="utf-8")
        try:
            first = import_seed(seed, root / "one")
        except ContentError:
            return  # e.g. a wording that normalises to nothing: reported, not crashed
        ids = [r.id for r in first.records]
        assert len(ids) == len(set(ids)) and all(ID_PATTERN.match(i) for i in ids)
        second = import_seed(seed, root / "one")
        assert second.new_ids == [] and [r.id for r in second.records] == ids
        fresh = import_seed(seed, root / "two")
        assert [r.id for r in fresh.records] == ids
        assert filecmp.dircmp(root / "one" / "questions", root / "two" / "questions").diff_files == []


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300))
def test_markdown_to_html_never_emits_anything_executable(text):
    assert executable_parts(markdown_to_html(text)) == []


@SETTINGS
@given(st.lists(markdownish, max_size=20).map("\n".join))
def test_markdown_like_input_never_emits_anything_executable(text):
    hostile = text + '\n<a href="javascript:x" onclick="y">z</a>\n'
    assert executable_parts(markdown_to_html(hostile)) == []


@SETTINGS
@given(st.from_regex(ID_PATTERN, fullmatch=True), st.from_regex(ID_PATTERN, fullmatch=True))
def test_guids_are_pure_and_distinct_per_id(a, b):
    assert note_guid(a) == note_guid(a)
    assert (note_guid(a) == note_guid(b)) == (a == b)
