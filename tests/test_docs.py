"""The README documents every CLI command and the commands that matter first."""

from __future__ import annotations

from conftest import ROOT

from build_decks.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_documented():
    for name in main.commands:
        assert f"build-decks {name}" in README, name


def test_readme_starts_with_the_two_commands():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert "make decks" in first_block and "make test" in first_block


def test_every_search_recipe_in_the_readme_finds_cards(new_collection, real_dist):
    import re

    from conftest import import_apkg

    recipes = re.findall(r"^- [^`]*: `(tag:[^`]+)`$", README, re.M)
    assert len(recipes) >= 6
    col = new_collection()
    import_apkg(col, real_dist / "ai-engineering-interview.apkg")
    everything_answered = not col.find_notes("tag:ai-interview::status::unanswered")
    for search in recipes:
        if everything_answered and search == "tag:ai-interview::status::unanswered":
            continue  # a valid recipe that finds nothing once every question has its answer
        assert col.find_notes(search), search
