"""High-yield first: new cards come in order of how often the question was reported."""

from __future__ import annotations

import pytest
from anki.scheduler_pb2 import QueuedCards
from conftest import import_apkg

from build_decks.anki_package import PRESET_NAME
from build_decks.cards import deck_name, section_deck
from build_decks.identity import ROOT_DECK

APKG = "ai-engineering-interview.apkg"


def new_queue(col, deck_name: str, limit: int = 500) -> list:
    """The new cards Anki would show next when studying ``deck_name``, in order."""
    col.decks.select(col.decks.id_for_name(deck_name))
    conf = col.decks.config_dict_for_deck_id(col.decks.id_for_name(deck_name))
    conf["new"]["perDay"] = limit
    col.decks.update_config(conf)
    queued = col.sched.get_queued_cards(fetch_limit=limit)
    return [col.get_card(q.card.id) for q in queued.cards if q.queue == QueuedCards.NEW]


def yields(cards) -> list[int]:
    return [int(card.note()["Yield"]) for card in cards]


def expected_rank(card) -> tuple:
    note = card.note()
    tags = note.tags
    signals = tuple(f"ai-interview::signal::{s}" not in tags
                    for s in ("multiple-companies", "very-common-2026", "wish-prepared"))
    return ("ai-interview::status::unanswered" in tags, -int(note["Yield"]), *signals)


@pytest.fixture
def imported(new_collection, real_dist):
    opened = []

    def load(**options):
        opened.append(options)
        col = new_collection(f"collection-{len(opened)}")
        import_apkg(col, real_dist / APKG, **options)
        return col
    return load


@pytest.mark.parametrize("place", [
    ("Technical Questions", "RAG Systems"),
    ("Technical Questions", "Agents and Tool Use"),
    ("System Design Questions", "AI System Design"),
    ("Behavioral Questions", "Project Deep Dives"),
])
def test_within_each_subdeck_answered_then_most_reported_come_first(imported, content, place):
    col = imported()
    deck = deck_name(content, *place)
    cards = new_queue(col, deck)
    assert len(cards) == len(col.find_cards(f'"deck:{deck}"')) > 0
    assert [expected_rank(c) for c in cards] == sorted(expected_rank(c) for c in cards)


def test_with_every_default_the_first_20_new_cards_are_answered_and_high_yield(imported):
    """A new user: default import and deck options, click the root deck, Study Now."""
    col = imported()
    conf = col.decks.config_dict_for_deck_id(col.decks.id_for_name(ROOT_DECK))
    assert conf["newGatherPriority"] == 0 and conf["new"]["perDay"] == 20  # Anki's defaults: "Deck", 20/day
    col.decks.select(col.decks.id_for_name(ROOT_DECK))
    queued = col.sched.get_queued_cards(fetch_limit=20)
    first = [col.get_card(q.card.id) for q in queued.cards if q.queue == QueuedCards.NEW]
    assert len(first) == 20
    assert all("ai-interview::status::answered" in c.note().tags for c in first)
    every = sorted(int(col.get_note(n)["Yield"]) for n in col.find_notes(""))
    median = every[len(every) // 2]
    assert min(yields(first)) >= median
    assert {col.decks.name(c.did) for c in first} == {f"{ROOT_DECK}::1 Technical Questions::01 LLM Fundamentals"}


def test_deck_names_sort_in_curriculum_order(imported, content):
    col = imported()
    ours = [d.name for d in col.decks.all_names_and_ids() if d.name.count("::") == 1 and d.name.startswith(ROOT_DECK)]
    assert sorted(ours) == [section_deck(content, s) for s in content.sections]
    assert [n.split("::")[1] for n in sorted(ours)] == [
        "1 Technical Questions", "2 System Design Questions", "3 Coding Problems",
        "4 Behavioral Questions", "5 Take-Home Assignments",
    ]


def test_default_import_gathers_deck_by_deck(imported):
    col = imported()
    cards = new_queue(col, ROOT_DECK)
    decks = [col.decks.name(c.did) for c in cards]
    # deck by deck: once a deck is left it never comes back
    seen = []
    for name in decks:
        if not seen or seen[-1] != name:
            assert name not in seen
            seen.append(name)
    assert len(seen) > 1


def test_shipped_preset_gathers_most_reported_first_across_the_root(imported):
    col = imported(with_deck_configs=True)
    root_conf = col.decks.config_dict_for_deck_id(col.decks.id_for_name(ROOT_DECK))
    assert root_conf["name"] == PRESET_NAME
    assert root_conf["newGatherPriority"] == 1  # "Ascending position"
    cards = new_queue(col, ROOT_DECK)
    everything = sorted(expected_rank(col.get_card(cid)) for cid in col.find_cards(""))
    assert len(cards) >= 50
    assert [expected_rank(c) for c in cards] == everything[: len(cards)]
    assert yields(cards)[0] == max(int(col.get_note(n)["Yield"]) for n in col.find_notes(""))
    assert len({col.decks.name(c.did) for c in cards[:20]}) > 3  # the top spans many subdecks


def test_setting_ascending_position_by_hand_gives_the_same_order(imported):
    col = imported()
    deck_id = col.decks.id_for_name(ROOT_DECK)
    conf = col.decks.config_dict_for_deck_id(deck_id)
    assert conf["name"] != PRESET_NAME  # default import options keep the user's presets
    conf["newGatherPriority"] = 1
    col.decks.update_config(conf)
    by_hand = new_queue(col, ROOT_DECK)
    shipped = new_queue(imported(with_deck_configs=True), ROOT_DECK)
    assert len(by_hand) >= 50 and len(shipped) >= 50
    common = min(len(by_hand), len(shipped))
    assert [c.note()["ID"] for c in by_hand[:common]] == [c.note()["ID"] for c in shipped[:common]]


def test_yield_is_a_field_and_a_tag(imported):
    col = imported()
    top = col.find_notes("tag:ai-interview::yield::4-plus")
    assert top and all(int(col.get_note(n)["Yield"]) >= 4 for n in top)
    single = col.find_notes("tag:ai-interview::yield::1")
    assert single and all(col.get_note(n)["Yield"] == "1" for n in single)
