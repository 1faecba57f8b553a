"""Study version 1, import version 2 with Anki's default options: progress kept, edits seen."""

from __future__ import annotations

from pathlib import Path

from anki.consts import CARD_TYPE_NEW
from conftest import commit_all, copy_project, git, import_apkg

from build_decks.build import build, forget_kept
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


def fresh_repo(tmp_path: Path) -> Path:
    """A git copy of the project's inputs, published once at V1_TIME (lock and dist written)."""
    repo = copy_project(tmp_path / "repo")
    (repo / "content" / "notes.lock").unlink()  # a first publication: every note is new
    git(repo, "init", "-q")
    commit_all(repo, "version 1", V1_TIME)
    build(repo, tmp_path / "v1")
    commit_all(repo, "version 1: lock", V1_TIME)
    return repo


def test_study_then_upgrade_updates_exactly_the_edited_notes(tmp_path, new_collection, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    repo = fresh_repo(tmp_path)

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
    assert len(log.new) == 0 and len(log.conflicting) == 0
    assert sorted(u.fields[0] for u in log.updated) == sorted([answer_id, question_id])
    assert len(log.duplicate) == notes_before - 2  # Anki's word for "already up to date"
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
    assert '<span class="badge level">coding · ' in reworded.cards()[0].question()  # the level badge
    assert "updated Nov 2023" in edited.cards()[0].answer()  # V2_TIME, shown on the back


def test_a_change_that_shows_nothing_new_updates_no_note(tmp_path, new_collection, monkeypatch):
    """A refactor, a dependency bump or a YAML comment: new commit, same output, 0 updates."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    repo = fresh_repo(tmp_path)
    col = new_collection()
    import_apkg(col, tmp_path / "v1" / APKG)
    questions = repo / "content" / "questions" / "coding-problems.yaml"
    questions.write_text("# a comment nobody sees\n" + questions.read_text(encoding="utf-8"), encoding="utf-8")
    (repo / "pyproject.toml").write_text("# stands in for a dependency bump\n", encoding="utf-8")
    commit_all(repo, "version 2: no visible change", V2_TIME)
    build(repo, tmp_path / "v2")
    log = import_apkg(col, tmp_path / "v2" / APKG)
    assert len(log.updated) == 0 and len(log.new) == 0
    assert len(log.duplicate) == col.note_count()


def test_a_rendering_change_updates_the_notes_it_alters_and_only_those(tmp_path, new_collection, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    repo = fresh_repo(tmp_path)
    col = new_collection()
    import_apkg(col, tmp_path / "v1" / APKG)
    import build_decks.cards as cards_module

    original = cards_module.fields_for

    def new_variants_html(question, answer, content, companies):  # the variants list gets a class
        fields = original(question, answer, content, companies)
        fields["Variants"] = fields["Variants"].replace("<ul>", '<ul class="variants">')
        return fields

    monkeypatch.setattr(cards_module, "fields_for", new_variants_html)
    forget_kept(repo)  # patched code is new code: what earlier builds kept under build/ is not for it
    (repo / "CHANGELOG.md").write_text("Variants get a class.\n", encoding="utf-8")
    commit_all(repo, "version 2: variants markup", V2_TIME)
    build(repo, tmp_path / "v2")
    log = import_apkg(col, tmp_path / "v2" / APKG)
    with_variants = {n["ID"] for n in map(col.get_note, col.find_notes("Variants:_*"))}
    assert len(with_variants) >= 5
    assert {u.fields[0] for u in log.updated} == with_variants
    assert len(log.duplicate) == col.note_count() - len(with_variants)


def test_unchanged_notes_keep_their_mod_and_changed_notes_advance(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    from build_decks.build import gather

    repo = fresh_repo(tmp_path)
    before = {c.id: c.mod for c in gather(repo).cards}
    assert set(before.values()) == {V1_TIME}
    edit_answer(repo)
    commit_all(repo, "version 2", V2_TIME)
    after = {c.id: c.mod for c in gather(repo).cards}
    assert after["lru-cache"] == V2_TIME
    assert after["kv-cache"] == V1_TIME


def test_an_uncommitted_edit_is_newer_than_its_published_mod(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    from build_decks.build import gather

    repo = fresh_repo(tmp_path)
    edit_answer(repo)  # HEAD is still at V1_TIME: the new mod must still be later than the old
    cards = {c.id: c for c in gather(repo).cards}
    assert cards["lru-cache"].mod == V1_TIME + 1
    assert cards["kv-cache"].mod == V1_TIME


def test_upgrading_from_the_old_deck_names_keeps_cards_where_they_were(tmp_path, new_collection, monkeypatch):
    """0.1 named decks 'Technical Questions::LLM Fundamentals'; now they are numbered. Anki never
    moves an existing card on import: studied cards stay in the old decks with their reviews, the
    numbered decks appear for new questions. (The README tells upgraders what to do.)"""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(V1_TIME))
    import build_decks.cards as cards_module

    repo = copy_project(tmp_path / "repo")
    numbered = cards_module.deck_name
    with monkeypatch.context() as patch:
        patch.setattr(cards_module, "deck_name", lambda content, s, c: f"AI Engineering Interview::{s}::{c}")
        build(repo, tmp_path / "v1")
    forget_kept(repo)  # the patch was "the old code": its kept cards are not this code's
    col = new_collection()
    import_apkg(col, tmp_path / "v1" / APKG)
    studied = study(col, 3)
    decks_before = {cid: col.decks.name(col.get_card(cid).did) for cid in studied}
    assert all(name.count("::") == 2 and not name.split("::")[1][0].isdigit() for name in decks_before.values())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(V2_TIME))
    build(repo, tmp_path / "v2")
    log = import_apkg(col, tmp_path / "v2" / APKG)
    assert len(log.new) == 0 and len(log.conflicting) == 0
    from build_decks.build import gather

    content = gather(repo).content
    new_deck = numbered(content, "Technical Questions", "LLM Fundamentals")
    assert col.decks.id_for_name(new_deck)  # the numbered decks exist ...
    for cid, reps in studied.items():  # ... but studied cards did not move, and kept their reviews
        card = col.get_card(cid)
        assert col.decks.name(card.did) == decks_before[cid] and card.reps == reps
    assert col.find_cards(f'"deck:{new_deck}"') == []  # no existing card moved into them
