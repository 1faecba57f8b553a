"""`build-decks new ID`: start an answer note in the right place with the right shape."""

from __future__ import annotations

from pathlib import Path

from .answers import unknown_id_message
from .content import Content, Question
from .errors import DeckError
from .text import slugify

SHAPES = {
    "concept": ["Key points", "Follow-ups"],
    "design": ["Requirements", "Estimate", "Components and data path", "Trade-offs",
               "Evaluation and guardrails", "Failure modes", "Follow-ups"],
    "coding": ["Clarify", "Approach", "Solution", "Variant"],
    "behavioral": ["What they are probing", "STAR outline", "Pitfalls", "Follow-ups"],
    "take-home": ["Deliverables and time plan", "Build first", "Write-up", "Choices to defend",
                  "Common mistakes", "Red flags"],
}


def answer_path(root: Path, question: Question) -> Path:
    return root / "answers" / slugify(question.section) / slugify(question.category) / f"{question.id}.md"


def scaffold_text(question: Question) -> str:
    sections = "\n\n".join(f"## {title}\n- TODO" for title in SHAPES[question.type])
    code = "\n```python\n# runs under the tests: show examples as asserts\n```\n" if question.type == "coding" else ""
    return (
        f"---\nid: {question.id}\n---\n"
        f"TODO: the answer you would give in the first 30 seconds (at most ~60 words).\n\n"
        f"{sections}\n{code}"
    )


def new_answer(root: Path, content: Content, qid: str, existing: set[str]) -> Path:
    question = content.question(qid)
    if question is None:
        raise DeckError(unknown_id_message(qid, {q.id for q in content.questions}))
    path = answer_path(root, question)
    if qid in existing or path.exists():
        raise DeckError(f"an answer for '{qid}' already exists; edit it instead")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold_text(question), encoding="utf-8")
    return path
