"""The importer on the real seed document, and its merge-without-disturbing-ids behaviour."""

from __future__ import annotations

import filecmp
import shutil

import pytest
from conftest import ROOT, SEED

from build_decks.content import load_content
from build_decks.errors import Problems
from build_decks.importer import collect, import_seed, split_annotations
from build_decks.seed import parse_seed
from build_decks.text import normalize, repair_mojibake

# Bullets per category, counted in the seed document by hand.
SEED_COUNTS = {
    "LLM Fundamentals": 33, "RAG Systems": 28, "Agents and Tool Use": 38,
    "Fine-tuning and Training": 12, "Evaluation and Metrics": 24, "ML Fundamentals": 18,
    "Python and Software Engineering": 18, "Case Study / Approach": 2,
    "Infrastructure and MLOps": 6, "Cost and Latency Optimization": 17,
    "Safety and Guardrails": 10, "AI System Design": 50, "Traditional System Design": 24,
    "System Troubleshooting": 3, "LeetCode / Algorithm Style": 16, "OpenAI-Specific Coding": 5,
    "Anthropic-Specific Coding": 1, "ML / AI Coding": 16, "Practical / Data Processing": 2,
    "Project Deep Dives": 13, "Conflict and Collaboration": 12, "Leadership and Ownership": 13,
    "Technical Decision-Making": 13, "Failure and Learning": 8, "AI-Specific Behavioral": 10,
    "Culture and Motivation": 7, "AI-Conducted Interview Follow-ups": 4,
    "RAG / Chatbot Systems": 3, "Agent Systems": 6, "Full-Stack AI Applications": 2,
    "Evaluation": 1, "Performance / Optimization": 1, "OpenAI-Specific": 1,
    "Red Flags (Unreasonable Assignments)": 3,
}


@pytest.fixture(scope="module")
def seed():
    problems = Problems()
    doc = parse_seed(SEED.read_text(encoding="utf-8"), SEED, problems)
    assert problems.items == []
    return doc


@pytest.fixture(scope="module")
def content():
    problems = Problems()
    loaded = load_content(ROOT, problems)
    assert problems.items == []
    return loaded


def test_counts_per_category(seed):
    counts = {c.name: len(c.bullets) for s in seed.sections for c in s.categories}
    assert counts == SEED_COUNTS
    assert sum(counts.values()) == 420
    assert [s.name for s in seed.sections] == [
        "Technical Questions", "System Design Questions", "Coding Problems",
        "Behavioral Questions", "Take-Home Assignments",
    ]


def test_every_footnote_is_defined_and_every_source_imported(seed, content):
    refs = {r for s in seed.sections for c in s.categories for b in c.bullets for r in b.refs}
    assert refs <= set(seed.footnotes)
    assert set(seed.footnotes) == set(content.sources)
    for fid, note in seed.footnotes.items():
        assert content.sources[fid].url == note.url


def test_mojibake_is_repaired(content):
    assert repair_mojibake("a risk in an AI system â€” what") == "a risk in an AI system — what"
    texts = [q.text for q in content.questions]
    assert not any("â€" in t for t in texts)
    assert any("AI system — what did you do?" in t for t in texts)


def test_every_seed_question_is_kept_as_text_or_variant(seed, content):
    kept = {normalize(t) for q in content.questions for t in (q.text, *q.variants)}
    for section in seed.sections:
        for category in section.categories:
            if category.name.startswith("Red Flags"):
                continue
            for bullet in category.bullets:
                assert normalize(split_annotations(bullet.text)[0]) in kept, bullet.text


def test_red_flags_are_statements_not_questions(content):
    assert len(content.statements) == 3
    assert all(s.category.startswith("Red Flags") for s in content.statements)
    assert not any(q.category.startswith("Red Flags") for q in content.questions)


def test_exact_duplicate_is_one_question_in_both_categories(content):
    matches = [q for q in content.questions if q.text.startswith("How would you handle real-time versus batch")]
    assert len(matches) == 1
    assert matches[0].places == (
        ("Technical Questions", "ML Fundamentals"),
        ("Behavioral Questions", "Technical Decision-Making"),
    )


def test_merged_near_duplicate_keeps_wording_and_sources(content):
    q = content.question("hallucination-detection-mitigation")
    assert q.variants == ("How do you detect and mitigate hallucinations?",)
    assert "system-design-handbook" in q.sources and "process-analysis" in q.sources


def test_near_duplicates_are_reported_until_decided(seed):
    undecided = collect(seed, {}, {}, set())
    pairs = {frozenset((a.text, b.text)) for a, b, _ in undecided.near_duplicates}
    assert frozenset((
        "How do you detect and mitigate hallucinations in production?",
        "How do you detect and mitigate hallucinations?",
    )) in pairs


@pytest.mark.parametrize(("bullet", "expected"), [
    ("Tell me about a time you showed leadership. (OpenAI EM)",
     ("Tell me about a time you showed leadership.", ["openai"], ["engineering-manager"], [])),
    ("Why do you think we should NOT hire you? (Google, Visa)",
     ("Why do you think we should NOT hire you?", ["google", "visa"], [], [])),
    ("Build an AI agent. 3-day window. Company: Eightfold.ai.",
     ("Build an AI agent. 3-day window.", ["eightfold-ai"], [], [])),
    ("Discuss serialization. (Microsoft senior)", ("Discuss serialization.", ["microsoft"], ["senior"], [])),
    ("How do you reduce token costs at scale? (candidates wish they prepared for this)",
     ("How do you reduce token costs at scale?", [], [], ["wish-prepared"])),
    ("Should you optimize for latency? (for a personal assistant with one request)",
     ("Should you optimize for latency? (for a personal assistant with one request)", [], [], [])),
])
def test_trailing_annotations_become_data(bullet, expected):
    assert split_annotations(bullet) == expected


def test_companies_from_annotations_categories_and_source_titles(content):
    assert content.question("showed-leadership").companies == ("openai",)
    assert content.question("kv-store-serialize-deserialize").companies == ("openai",)
    assert content.sources["rohit-verma"].company == "microsoft"
    assert content.sources["educative-deepmind"].company == "google-deepmind"
    assert content.sources["designgurus"].company is None


def test_reimport_keeps_every_id_and_changes_nothing(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    result = import_seed(SEED, tmp_path / "content")
    assert result.new_ids == []
    comparison = filecmp.dircmp(ROOT / "content", tmp_path / "content")
    assert comparison.diff_files == [] and comparison.left_only == [] and comparison.right_only == []
    assert filecmp.dircmp(ROOT / "content/questions", tmp_path / "content/questions").diff_files == []


def test_question_types_follow_section_wording_and_overrides(content):
    assert content.question("kv-cache").type == "concept"
    assert content.question("cosine-similarity-numpy").type == "coding"  # "Implement ..." in ML Fundamentals
    assert content.question("design-support-rag").type == "design"  # "Design ..." in RAG Systems
    assert content.question("scale-rag-10m-articles").type == "design"  # `type:` override in content/
    assert content.question("lru-cache").type == "coding"
    assert content.question("walk-through-ai-project").type == "behavioral"
    assert content.question("support-agent-90-minutes").type == "take-home"


def test_a_newer_edition_adds_questions_and_keeps_hand_edits(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    edition = SEED.read_text(encoding="utf-8").replace(
        "- What is KV cache? How does it help in LLM inference? [^igotanoffer]\n",
        "- What is KV cache? How does it help in LLM inference? [^igotanoffer]\n"
        "- What is FlashAttention and why is it faster? [^igotanoffer]\n",
    )
    newer = tmp_path / "newer.md"
    newer.write_text(edition, encoding="utf-8")
    before = (tmp_path / "content/questions/technical-questions.yaml").read_text(encoding="utf-8")
    result = import_seed(newer, tmp_path / "content")
    assert result.new_ids == ["flashattention-faster"]
    after = (tmp_path / "content/questions/technical-questions.yaml").read_text(encoding="utf-8")
    assert "type: design" in after and after.count("type: design") == before.count("type: design")
    problems = Problems()
    merged = load_content(tmp_path, problems)
    assert problems.items == []
    new = merged.question("flashattention-faster")
    assert (new.section, new.category, new.sources) == ("Technical Questions", "LLM Fundamentals", ("igotanoffer",))
    old = {q.id: q.text for q in load_content(ROOT, Problems()).questions}
    assert {q.id: q.text for q in merged.questions if q.id in old} == old
