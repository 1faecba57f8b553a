"""Every export parses back, the way its tool reads it, with every card present and intact."""

from __future__ import annotations

import re

import pytest

from build_decks.exports import NO_ANSWER, QUIZLET_MAX, plain_text, question_text
from build_decks.text import slugify


@pytest.fixture(scope="module")
def project():
    from conftest import ROOT

    from build_decks.build import gather

    return gather(ROOT)


@pytest.fixture(scope="module")
def live_cards(project):
    return [c for c in project.cards if not c.retired]


def first_words(card) -> str:
    """A fragment of the answer that must survive in every export: its opening words."""
    if card.answer is None:
        return NO_ANSWER[:30]
    return " ".join(plain_text(card.answer.summary).split()[:6])


def osr_parse(text: str) -> list[tuple[str, str, str]]:
    """Obsidian Spaced Repetition's parser (src/parser.ts) for multi-line and single-line cards,
    default settings: a blank line ends a card, `?` separates the sides, `::` makes a single-line
    card, fenced code is read whole; a #flashcards tag applies to the cards after it.
    Returns (deck tag, front, back)."""
    cards, lines, deck = [], text.split("\n"), ""
    card_text, card_type, i = "", None, 0
    while i < len(lines):
        line, trimmed = lines[i], lines[i].strip()
        if trimmed.startswith("#flashcards"):
            deck = trimmed.split()[0]
        if not trimmed:
            if card_type:
                cards.append((deck, card_type, card_text.rstrip()))
            card_text, card_type = "", None
            i += 1
            continue
        card_text += ("\n" if card_text else "") + line.rstrip()
        if re.search(r"(?<!`)::", line) and card_type is None:
            card_type = "single"
        elif trimmed == "?" and len(card_text) > 1:
            card_type = "multi"
        elif line.startswith(("```", "~~~")):
            close = re.match(r"`+|~+", line).group(0)
            while i + 1 < len(lines) and not lines[i + 1].startswith(close):
                i += 1
                card_text += "\n" + lines[i]
            card_text += "\n" + close
            i += 1
        i += 1
    if card_type and card_text:
        cards.append((deck, card_type, card_text.rstrip()))
    parsed = []
    for tag, kind, body in cards:
        assert kind == "multi", body[:200]  # an answer line must never turn a card into a single-line one
        front, back = body.split("\n?\n", 1)
        parsed.append((tag, front.split("\n")[-1], back))
    return parsed


def test_obsidian_cards_parse_back_one_per_question_in_their_deck(real_dist, project, live_cards):
    parsed = []
    for path in sorted((real_dist / "obsidian").glob("*.md")):
        parsed += osr_parse(path.read_text(encoding="utf-8"))
    assert len(parsed) == len(live_cards)
    by_front = {front.replace("\u200b", ""): (tag, back) for tag, front, back in parsed}
    for card in live_cards:
        tag, back = by_front[question_text(card)]
        q = card.question
        assert tag == f"#flashcards/{slugify(q.section)}/{slugify(q.category)}"
        assert first_words(card) in plain_text(back).replace("\u200b", ""), card.id
        for name, _ in card.answer.media if card.answer else ():
            assert f"]({name})" in back and (real_dist / "obsidian" / name).exists()


def test_logseq_blocks_are_cards_with_the_answer_as_child_blocks(real_dist, live_cards):
    blocks = {}
    for path in sorted((real_dist / "logseq" / "pages").glob("*.md")):
        current = None
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.startswith("- "):
                assert " #card " in line + " "
                current = line[2:].split(" #card")[0]
                blocks[current] = []
            elif current is not None and line.strip():
                assert line.startswith("  "), line  # everything else is indented under its card
                blocks[current].append(line)
    assert len(blocks) == len(live_cards)
    for card in live_cards:
        children = blocks[question_text(card)]
        assert children[0].startswith("  - ")
        assert first_words(card) in plain_text("\n".join(c.strip() for c in children)), card.id


def test_supermemo_qa_items_and_mnemosyne_rows_hold_every_card(real_dist, live_cards):
    text = (real_dist / "supermemo" / "ai-engineering-interview-qa.txt").read_text(encoding="utf-8")
    items = [item.split("\n") for item in text.strip().split("\n\n")]
    assert len(items) == len(live_cards)
    questions = {}
    for lines in items:
        assert lines[0].startswith("Q: ") and all(line.startswith("A: ") for line in lines[1:]) and len(lines) > 1
        questions[lines[0][3:]] = " ".join(line[3:] for line in lines[1:])
    rows = (real_dist / "mnemosyne" / "ai-engineering-interview.tsv").read_text(encoding="utf-8").strip().split("\n")
    assert len(rows) == len(live_cards)
    fronts = {}
    for row in rows:
        front, back = row.split("\t")
        assert "<script" not in back.lower() and back.strip()
        fronts[front] = back
    import html

    for card in live_cards:
        assert first_words(card) in questions[question_text(card)], card.id
        back = fronts[html.escape(question_text(card), quote=True)]
        assert first_words(card).split()[0] in html.unescape(re.sub("<[^>]+>", " ", back))


def test_quizlet_is_two_plain_columns_within_the_limits(real_dist, live_cards):
    lines = (real_dist / "quizlet" / "ai-engineering-interview.txt").read_text(encoding="utf-8").strip().split("\n")
    assert len(lines) == len(live_cards)
    pairs = dict(line.split("\t") for line in lines)
    assert len(pairs) == len(live_cards)
    for term, definition in pairs.items():
        assert term and definition and len(term) <= QUIZLET_MAX and len(definition) <= QUIZLET_MAX
        assert "```" not in definition and "**" not in definition  # plain text: no markdown left
    for card in live_cards:
        assert first_words(card) in pairs[question_text(card)], card.id
    unanswered = [c for c in live_cards if c.answer is None]
    assert all(pairs[question_text(c)].startswith(NO_ANSWER) for c in unanswered)


def read_edn(text: str):
    """A reader for the EDN subset the .mochi file uses: maps, vectors, strings, ints, keywords."""
    token = re.compile(r'\s*(?:(\{)|(\})|(\[)|(\])|"((?:[^"\\]|\\.)*)"|(:[\w./-]+)|(-?\d+)|(true|false|nil))')
    pos = 0

    def value():
        nonlocal pos
        match = token.match(text, pos)
        assert match, text[pos:pos + 80]
        pos = match.end()
        opened_map, _, opened_vec, _, string, keyword, number, literal = match.groups()
        if opened_map:
            items = {}
            while not text[pos:].lstrip().startswith("}"):
                key = value()
                items[key] = value()
            pos = text.index("}", pos) + 1
            return items
        if opened_vec:
            items = []
            while not text[pos:].lstrip().startswith("]"):
                items.append(value())
            pos = text.index("]", pos) + 1
            return items
        if string is not None:
            return re.sub(r'\\(.)', lambda m: {"n": "\n"}.get(m.group(1), m.group(1)), string)
        if keyword:
            return keyword
        if number:
            return int(number)
        return {"true": True, "false": False, "nil": None}[literal]

    data = value()
    assert not text[pos:].strip()
    return data


def test_mochi_file_holds_nested_decks_and_every_card_with_two_sides(real_dist, project, live_cards):
    import zipfile

    with zipfile.ZipFile(real_dist / "mochi" / "ai-engineering-interview.mochi") as archive:
        data = read_edn(archive.read("data.edn").decode("utf-8"))
        names = set(archive.namelist())
    assert data[":version"] == 2
    decks = {d[":id"]: d for d in data[":decks"]}
    assert all(re.fullmatch(r":[0-9A-Za-z]{8,}", i) for i in decks)
    root = [d for d in decks.values() if ":parent-id" not in d]
    assert len(root) == 1 and root[0][":name"] == project.content.title
    cards = []
    for deck in decks.values():
        for card in deck.get(":cards", []):
            parent = decks[deck[":parent-id"]]
            assert decks[parent[":parent-id"]] is root[0]  # root > section > category
            cards.append((parent[":name"], deck[":name"], card[":content"]))
    assert len(cards) == len(live_cards)
    by_question = {}
    for section, category, text in cards:
        sides = re.split(r"^---$", text, flags=re.M)
        assert len(sides) == 2, text[:200]
        by_question[sides[0].strip().removeprefix("## ")] = (section, category, sides[1])
    for card in live_cards:
        section, category, back = by_question[question_text(card)]
        assert (section, category) == (card.question.section, card.question.category)
        assert first_words(card) in plain_text(back), card.id
        for name, _ in card.answer.media if card.answer else ():
            assert f"](@media/{name})" in back and name in names
