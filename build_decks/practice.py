"""The practice kit: for every coding note with code, a folder to attempt before looking.

``dist/practice/<id>/`` holds ``README.md`` (the problem), ``starter.py`` (the reference
solution's imports, constants, signatures and docstrings, every body replaced by
``raise NotImplementedError``), ``checks.py`` (the note's own tests, verbatim, against
``starter.py``) and ``test_public.py`` (runs them under pytest). A reader fills in
``starter.py`` and runs ``python -m pytest dist/practice/<id>``.

A note takes part when its python block has a ``# --- tests ---`` line: above it the reference
solution, below it the tests (docs/answer-style.md, "Coding").
"""

from __future__ import annotations

import ast

from .cards import Card
from .codecheck import PYTHON_BLOCK

MARKER = "# --- tests ---"
UNSOLVED = ast.parse("raise NotImplementedError('your solution here')").body


def split_block(markdown: str) -> tuple[str, str] | None:
    """(solution, tests) of a note's first python block that has the marker; None otherwise."""
    for match in PYTHON_BLOCK.finditer(markdown):
        code = match.group(1)
        lines = code.split("\n")
        for index, line in enumerate(lines):
            if line.strip() == MARKER:
                return "\n".join(lines[:index]).rstrip() + "\n", "\n".join(lines[index + 1:]).strip() + "\n"
    return None


def _public(name: str) -> bool:
    return not name.startswith("_") or (name.startswith("__") and name.endswith("__"))


def _stub(function: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.AST:
    doc = ast.get_docstring(function, clean=False)
    body = ([ast.Expr(ast.Constant(doc))] if doc else []) + UNSOLVED
    return type(function)(
        name=function.name, args=function.args, body=body, decorator_list=function.decorator_list,
        returns=function.returns, type_comment=None, type_params=getattr(function, "type_params", []),
        lineno=function.lineno,
    )


def _class_stub(cls: ast.ClassDef) -> ast.ClassDef:
    body = []
    for node in cls.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if _public(node.name):
                body.append(_stub(node))
        else:  # docstring, class attributes, dataclass fields
            body.append(node)
    cls.body = body or [ast.Pass()]
    return cls


def starter_code(solution: str) -> str:
    """The solution with every public function and method body removed; private helpers dropped."""
    tree = ast.parse(solution)
    kept = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if _public(node.name):
                kept.append(_stub(node))
        elif isinstance(node, ast.ClassDef):
            if _public(node.name):
                kept.append(_class_stub(node))
        else:  # imports, constants, the module docstring
            kept.append(node)
    tree.body = kept
    return ast.unparse(ast.fix_missing_locations(tree)) + "\n"


def checks_code(qid: str, tests: str) -> str:
    """The note's tests verbatim, against whatever starter.py defines."""
    return (
        f'"""The examples and edge cases of the answer note for {qid}: `python checks.py` runs them."""\n\n'
        "from starter import *  # noqa: F403 - the functions and classes you implement\n\n"
        + tests
    )


TEST_RUNNER = '''"""Run with `python -m pytest` in this folder: the checks pass once starter.py is solved."""

import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_examples_and_edge_cases(monkeypatch):
    monkeypatch.syspath_prepend(str(HERE))
    monkeypatch.chdir(HERE)
    monkeypatch.delitem(__import__("sys").modules, "starter", raising=False)
    runpy.run_path(str(HERE / "checks.py"), run_name="checks")
'''


def readme(card: Card) -> str:
    q = card.question
    variants = "".join(f"- {v}\n" for v in q.variants)
    also = f"\nAlso asked as:\n\n{variants}" if variants else ""
    return (
        f"# {q.text}\n{also}\n"
        f"Implement the functions and classes in `starter.py` (their docstrings say what each must do),\n"
        f"then run `python -m pytest` in this folder. The tests are the examples and edge cases of the\n"
        f"deck's answer note for `{q.id}`; once they pass, compare your code with the card's answer.\n"
    )


def kits(cards: list[Card]) -> dict[str, dict[str, str]]:
    """id -> {file name: text} for every coding card whose note has solution and tests."""
    result = {}
    for card in cards:
        if card.answer is None or card.question.type != "coding":
            continue
        parts = split_block(card.answer.markdown)
        if parts is None:
            continue
        solution, tests = parts
        result[card.id] = {
            "README.md": readme(card),
            "starter.py": starter_code(solution),
            "checks.py": checks_code(card.id, tests),
            "test_public.py": TEST_RUNNER,
        }
    return result
