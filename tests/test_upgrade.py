"""Study version 1, import version 2 with Anki's default options: progress kept, edits seen."""

from __future__ import annotations

from pathlib import Path

from anki.consts import CARD_TYPE_NEW
from conftest import commit_all, copy_project, git, import_apkg

from build_decks.build import build
from build_decks.identity import NOTETYPE_NAME

V1_TIME = 1_700_000_000
V2_TIME = V1_TIME + 86_400
APKG = "ai-engineering-interview.apkg"


def study(col, count: int) -> dict[int, int]:
    """Answer ``count`` new cards 'good' the way a user would; return card id -> reps."""
    col.decks.select(col.decks.id_for_name("AI Engineering Interview"))
    for _ in range(count):
        card = col.sched.getCard()
        card.start_timer()
        col.sched.answerCard(card, 3)
    studied = col.find_cards("-is:new")
    return {cid: col.get_card(cid).reps for cid in studied}


def edit_answer(root: Path) -> tuple[str, str]:
    path = next((root / "answers").rglob("lru-cache.md"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("## ", "Edited in version 2.\n\n## ", 1), encoding="utf-8")
    return "lru-cache", "Edited in version 2."


def reword_question(root: Path) -> tuple[str, str]:
    path = root / "content" / "questions" / "coding-problems.yaml"
    text = path.read_text(encoding="utf-8")
    new = "Check whether two strings are anagrams of each other (Unicode-aware)."
    path.write_text(text.replace("Check whether two strings are anagrams of each other.", new), encoding="utf-8")
    return "anagram-check", new


def test_study_then_upgrade_keeps_reviews_and_shows_edits(tmp_path, new_collection, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    repo = copy_project(tmp_path / "repo")
    git(repo, "init", "-q")
    commit_all(repo, "version 1", V1_TIME)
    build(repo, tmp_path / "v1")

    col = new_collection()
    import_apkg(col, tmp_path / "v1" / APKG)
    notes_before = col.note_count()
    studied = study(col, 6)
    assert len(studied) == 6
    revlog_before = col.db.scalar("select count() from revlog")
    due_before = {cid: (col.get_card(cid).type, col.get_card(cid).due) for cid in studied}

    answer_id, answer_text = edit_answer(repo)
    question_id, question_text = reword_question(repo)
    commit_all(repo, "version 2", V2_TIME)
    build(repo, tmp_path / "v2")
    log = import_apkg(col, tmp_path / "v2" / APKG)

    assert col.note_count() == notes_before
    assert len(log.new) == 0
    assert {u.fields[0] for u in log.updated} >= {answer_id, question_id}
    ours = [m for m in col.models.all_names_and_ids() if m.name.startswith(NOTETYPE_NAME)]
    assert len(ours) == 1
    assert col.db.scalar("select count() from revlog") == revlog_before
    for cid, reps in studied.items():
        card = col.get_card(cid)
        assert card.reps == reps and card.type != CARD_TYPE_NEW
        assert (card.type, card.due) == due_before[cid]
    edited = col.get_note(col.find_notes(f'"ID:{answer_id}"')[0])
    assert answer_text in edited["Answer"]
    reworded = col.get_note(col.find_notes(f'"ID:{question_id}"')[0])
    assert reworded["Question"] == question_text
    assert question_text in reworded.cards()[0].question()


def test_unchanged_notes_keep_their_mod_and_changed_notes_advance(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    from build_decks.build import gather

    repo = copy_project(tmp_path / "repo")
    git(repo, "init", "-q")
    commit_all(repo, "version 1", V1_TIME)
    before = {c.id: c.mod for c in gather(repo).cards}
    assert set(before.values()) == {V1_TIME}
    edit_answer(repo)
    commit_all(repo, "version 2", V2_TIME)
    after = {c.id: c.mod for c in gather(repo).cards}
    assert after["lru-cache"] == V2_TIME
    assert after["kv-cache"] == V1_TIME


def test_uncommitted_edit_is_newer_than_the_last_commit(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    from build_decks.build import gather

    repo = copy_project(tmp_path / "repo")
    git(repo, "init", "-q")
    commit_all(repo, "version 1", V1_TIME)
    edit_answer(repo)
    cards = {c.id: c for c in gather(repo).cards}
    assert cards["lru-cache"].mod > V1_TIME
    assert cards["kv-cache"].mod == V1_TIME
