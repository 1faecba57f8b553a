"""Syncing content/ with a newer edition of the upstream list: ids survive rewording and moves,
dropped questions retire, new ones arrive, ambiguous matches wait for a maintainer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEED, commit_all, git, import_apkg

from build_decks.build import build, gather
from build_decks.cli import main
from build_decks.content import load_content
from build_decks.errors import DeckError, Problems
from build_decks.sync import sync, wording_score

KV = "- What is KV cache? How does it help in LLM inference? [^igotanoffer]\n"
KV_REWORDED = "- What is the KV cache, and how does it speed up LLM inference? [^igotanoffer]\n"
QUANT = "- Explain quantization. What are the trade-offs between model size, speed, and accuracy? [^raghu-teja-2]\n"
SELENIUM = "- Why do we use Selenium? [^khushal-kumar]\n"
NEW = "- What is FlashAttention and why is it faster? [^new-blog]\n"
NEW_SOURCE = "[^new-blog]: [A new blog - Attention interviews](https://example.com/attention)\n"
COST = "### Cost and Latency Optimization\n\n"


def edited_edition(tmp_path: Path, *, reword_tokenization: bool = False) -> Path:
    text = SEED.read_text(encoding="utf-8")
    for old, new in ((KV, KV_REWORDED + NEW), (QUANT, ""), (SELENIUM, ""), (COST, COST + QUANT)):
        assert old in text
        text = text.replace(old, new, 1)
    text = text.replace("[igotanoffer - Generative AI System Design Interview]",
                        "[igotanoffer - Generative AI System Design Interview (2026 edition)]")
    if reword_tokenization:
        old = "- What is tokenization and how does it affect LLM performance?"
        assert old in text
        text = text.replace(old, "- What is tokenization, and how does it change LLM quality and cost?")
    path = tmp_path / "newer.md"
    path.write_text(text.rstrip("\n") + "\n" + NEW_SOURCE, encoding="utf-8")
    return path


def project_copy(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    for name in ("content", "answers"):
        shutil.copytree(ROOT / name, repo / name)
    return repo


def test_scores_separate_rewordings_from_different_questions():
    assert wording_score(KV[2:].split(" [^")[0], KV_REWORDED[2:].split(" [^")[0]) >= 0.6
    assert wording_score("What is KV cache? How does it help in LLM inference?",
                         "What is tokenization and how does it affect LLM performance?") < 0.45


def test_sync_rewords_moves_retires_adds_and_updates_sources(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # no git in this copy: date the changed notes
    repo = project_copy(tmp_path)
    edition = edited_edition(tmp_path)
    before = load_content(repo, Problems())
    dry = sync(repo / "content", edition, dry_run=True)
    kinds = {d.id: d.kind for d in dry}
    assert kinds["kv-cache"] == "reworded" and kinds["quantization"] == "moved" and kinds["why-selenium"] == "retired"
    assert [d.id for d in dry if d.kind == "new"] == ["flashattention-faster"]
    assert load_content(repo, Problems()).questions == before.questions  # a dry run writes nothing

    (repo / "answers/technical-questions/python-and-software-engineering/why-selenium.md").unlink()
    sync(repo / "content", edition)
    problems = Problems()
    after = load_content(repo, problems)
    assert problems.items == []
    kv = after.question("kv-cache")
    assert kv.text == "What is the KV cache, and how does it speed up LLM inference?"
    assert (kv.level, kv.type) == (before.question("kv-cache").level, before.question("kv-cache").type)
    quant = after.question("quantization")
    assert quant.category == "Cost and Latency Optimization"
    assert quant.level == before.question("quantization").level
    assert after.question("why-selenium") is None
    retired = (repo / "content/retired.yaml").read_text(encoding="utf-8")
    assert "id: why-selenium" in retired and "No longer in the upstream question list." in retired
    new = after.question("flashattention-faster")
    assert new.sources == ("new-blog",) and new.level_provisional
    assert after.sources["new-blog"].url == "https://example.com/attention"
    assert after.sources["igotanoffer"].title.endswith("(2026 edition)")
    survivors = {q.id for q in before.questions} - {"why-selenium"}
    assert survivors <= {q.id for q in after.questions}
    for qid in survivors - {"kv-cache"}:  # hand edits (types, levels, merged variants) survive
        old, new_q = before.question(qid), after.question(qid)
        assert (old.text, old.type, old.level, old.variants) == (new_q.text, new_q.type, new_q.level, new_q.variants)
    assert (repo / "content/upstream/ai-engineering-interview-questions.md").read_bytes() == edition.read_bytes()
    assert gather(repo).cards  # the synced content builds
    again = sync(repo / "content", edition, dry_run=True)
    assert {d.kind for d in again} == {"same"}  # the next sync diffs against the synced edition


def test_an_ambiguous_match_waits_for_a_maintainer(tmp_path):
    repo = project_copy(tmp_path)
    edition = edited_edition(tmp_path, reword_tokenization=True)
    (repo / "answers/technical-questions/python-and-software-engineering/why-selenium.md").unlink()
    before = (repo / "content/questions/technical-questions.yaml").read_bytes()
    with pytest.raises(DeckError, match="1 ambiguous matches"):
        sync(repo / "content", edition)
    assert (repo / "content/questions/technical-questions.yaml").read_bytes() == before  # nothing applied
    review = repo / "content/upstream/review.yaml"
    text = review.read_text(encoding="utf-8")
    assert "What is tokenization, and how does it change LLM quality and cost?" in text and "tokenization (" in text
    review.write_text(text.replace("id: ''", "id: tokenization"), encoding="utf-8")
    sync(repo / "content", edition)
    after = load_content(repo, Problems())
    assert after.question("tokenization").text == "What is tokenization, and how does it change LLM quality and cost?"
    assert not review.exists()


def test_the_cli_dry_run_prints_every_decision_with_its_score(tmp_path):
    repo = project_copy(tmp_path)
    result = CliRunner().invoke(main, ["import-seed", "--root", str(repo), "--dry-run", str(edited_edition(tmp_path))],
                                catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any(line.startswith("reworded") and "kv-cache" in line and "was: 'What is KV cache?" in line
               for line in lines)
    assert any(line.startswith("moved") and "quantization" in line and "-> Technical Questions / Cost" in line
               for line in lines)
    assert any(line.startswith("retired") and "why-selenium" in line for line in lines)
    assert any(line.startswith("new") and "flashattention-faster" in line for line in lines)
    assert "why-selenium.md: answers a retired question" in result.output
    summary = next(line for line in lines if line.startswith("dry run: "))
    assert "1 moved" in summary and "1 new" in summary and "1 retired" in summary and "1 reworded" in summary


def test_a_learners_reviews_survive_a_sync_that_rewords_and_moves(tmp_path, new_collection, monkeypatch):
    from test_upgrade import study

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    repo = project_copy(tmp_path)
    git(repo, "init", "-q")
    commit_all(repo, "v1", 1_700_000_000)
    build(repo, tmp_path / "v1")
    col = new_collection()
    import_apkg(col, tmp_path / "v1" / "ai-engineering-interview.apkg")
    col.decks.select(col.decks.id_for_name("AI Engineering Interview"))
    study(col, 3)
    for qid in ("kv-cache", "quantization"):  # make sure the two we change have reviews
        card = col.get_note(col.find_notes(f'"ID:{qid}"')[0]).cards()[0]
        col.sched.set_due_date([card.id], "3")
    reviewed = {nid: col.get_note(nid)["ID"] for nid in col.find_notes("-is:new")}
    assert {"kv-cache", "quantization"} <= set(reviewed.values())
    due = {nid: col.get_note(nid).cards()[0].due for nid in reviewed}

    (repo / "answers/technical-questions/python-and-software-engineering/why-selenium.md").unlink()
    sync(repo / "content", edited_edition(tmp_path))
    commit_all(repo, "v2: synced with the newer edition", 1_700_086_400)
    build(repo, tmp_path / "v2")
    log = import_apkg(col, tmp_path / "v2" / "ai-engineering-interview.apkg")
    assert [n.fields[0] for n in log.new] == ["flashattention-faster"]
    assert col.note_count() == len(reviewed) + col.find_notes("is:new").__len__()
    for nid, qid in reviewed.items():
        note = col.get_note(nid)
        assert note["ID"] == qid and note.cards()[0].due == due[nid]  # same note, schedule kept
    kv = col.get_note(col.find_notes('"ID:kv-cache"')[0])
    assert kv["Question"] == "What is the KV cache, and how does it speed up LLM inference?"
    quant = col.get_note(col.find_notes('"ID:quantization"')[0])
    assert "ai-interview::category::cost-and-latency-optimization" in quant.tags
    assert "ai-interview::status::retired" in col.get_note(col.find_notes('"ID:why-selenium"')[0]).tags
