"""The built .apkg imported by the real Anki engine, as a user would see it."""

from __future__ import annotations

import html

import pytest
from conftest import import_apkg

from build_decks.cards import FIELDS, deck_name
from build_decks.identity import NOTETYPE_NAME, ROOT_DECK, TAG_ROOT, note_guid


@pytest.fixture
def col(new_collection, real_dist):
    col = new_collection()
    log = import_apkg(col, real_dist / "ai-engineering-interview.apkg")
    assert len(log.new) == col.note_count()
    return col


def notes_by_id(col):
    return {col.get_note(nid)["ID"]: col.get_note(nid) for nid in col.find_notes("")}


def test_every_question_is_one_note_with_its_own_guid(col, content):
    notes = notes_by_id(col)
    assert col.note_count() >= 395
    assert set(notes) == {q.id for q in content.questions}
    assert {n.guid for n in notes.values()} == {note_guid(q.id) for q in content.questions}


def test_one_notetype_with_our_fields(col):
    ours = [m for m in col.models.all_names_and_ids() if m.name.startswith(NOTETYPE_NAME)]
    assert len(ours) == 1
    fields = col.models.field_names(col.models.get(ours[0].id))
    assert fields[:5] == ["ID", "Question", "Variants", "Summary", "Answer"]
    assert {"Sources", "Companies", "Signals", "Section", "Category"} <= set(fields)


def test_field_list_is_frozen():
    """Renaming, removing or inserting a field changes the notetype's schema: Anki would then
    import a second notetype and refuse to update every existing note. Only append, and only
    with a plan for existing users."""
    assert FIELDS == (
        "ID", "Question", "Variants", "Summary", "Answer", "Section", "Category", "Type",
        "Companies", "Signals", "Sources", "Yield", "Status",
    )


def test_decks_follow_sections_and_categories(col, content):
    names = {d.name for d in col.decks.all_names_and_ids()}
    ours = {n for n in names if n.startswith(ROOT_DECK)}
    assert len(ours) >= 25
    assert f"{ROOT_DECK}::1 Technical Questions::01 LLM Fundamentals" in ours
    assert f"{ROOT_DECK}::3 Coding Problems::01 LeetCode / Algorithm Style" in ours
    assert not any("Red Flags" in n for n in ours)
    for q in content.questions[:: 25]:
        card = col.get_note(col.find_notes(f'"ID:{q.id}"')[0]).cards()[0]
        assert col.decks.name(card.did) == deck_name(content, q.section, q.category)
        number = content.categories[q.section].index(q.category) + 1
        assert col.decks.name(card.did).endswith(f" {q.section}::{number:02d} {q.category}")


def test_tags_live_under_one_root(col):
    tags = col.tags.all()
    assert tags and all(t.startswith(f"{TAG_ROOT}::") for t in tags)
    kinds = {t.split("::")[1] for t in tags}
    assert {"section", "category", "source", "company", "signal", "status", "type"} <= kinds
    assert all(t == t.lower() and " " not in t for t in tags)
    assert col.find_notes(f"tag:{TAG_ROOT}::company::anthropic")
    assert col.find_notes(f"tag:{TAG_ROOT}::signal::multiple-companies")


def test_answered_card_renders_question_answer_and_sources(col, content):
    note = notes_by_id(col)["lru-cache"]
    card = note.cards()[0]
    front, back = card.question(), card.answer()
    assert "LRU Cache with O(1) time complexity" in front
    assert "Coding Problems" in front and "LeetCode / Algorithm Style" in front
    assert '<div class="answer">' in back and '<div class="highlight"><pre>' in back
    assert content.sources["devto-xai"].url in back
    assert "No curated answer" not in back
    assert "tag:" not in back and "ai-interview::status::answered" in note.tags


def test_unanswered_card_says_so_and_shows_sources(project, new_collection):
    """Every question of the real deck has an answer now, so this uses the small fixture project,
    where 'tokenization' has none."""
    from click.testing import CliRunner

    from build_decks.cli import main

    assert CliRunner().invoke(main, ["build"], catch_exceptions=False).exit_code == 0
    col = new_collection("fixture")
    import_apkg(col, project / "dist" / "ai-engineering-interview.apkg")
    note = notes_by_id(col)["tokenization"]
    assert "ai-interview::status::unanswered" in note.tags
    back = note.cards()[0].answer()
    assert "No curated answer exists yet for this question." in back and 'class="answer no-answer"' in back
    assert "https://example.com/one" in back


def test_merged_question_shows_every_wording(col):
    note = notes_by_id(col)["hallucination-detection-mitigation"]
    front = note.cards()[0].question()
    assert "How do you detect and mitigate hallucinations in production?" in front
    assert "How do you detect and mitigate hallucinations?" in front


def test_section_packages_hold_only_their_section(new_collection, real_dist, content):
    col = new_collection("sections")
    import_apkg(col, real_dist / "sections" / "coding-problems.apkg")
    expected = [q for q in content.questions if q.section == "Coding Problems"]
    assert col.note_count() == len(expected)
    names = {d.name for d in col.decks.all_names_and_ids() if d.name.startswith(ROOT_DECK + "::")}
    assert names and all(n.startswith(f"{ROOT_DECK}::3 Coding Problems") for n in names)


def test_every_source_url_reaches_the_user(col, content):
    backs = "".join(col.get_note(n)["Sources"] for n in col.find_notes(""))
    root = col.decks.get(col.decks.id_for_name(ROOT_DECK))["desc"]
    for source in content.sources.values():
        url = html.escape(source.url)
        assert url in backs or url in root, source.id


def test_root_deck_description_lists_the_red_flags(col, content):
    root = col.decks.get(col.decks.id_for_name(ROOT_DECK))["desc"]
    assert len(content.statements) == 3
    for statement in content.statements:
        assert statement.text.replace('"', "&quot;") in root


def test_no_inline_colour_or_remote_script_or_stylesheet(col):
    model = col.models.get(col.models.id_for_name(NOTETYPE_NAME))
    template = model["tmpls"][0]
    for text in (template["qfmt"], template["afmt"]):
        assert "style=" not in text and "<script" not in text and "<link" not in text
    assert "@import" not in model["css"] and "url(" not in model["css"]
    assert ".nightMode" in model["css"] and "@media (max-width" in model["css"]
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        for name in note.keys():
            value = note[name].lower()
            assert "style=" not in value and "color:" not in value, (note["ID"], name)
            assert "<script" not in value and "<link" not in value and "<style" not in value, (note["ID"], name)
