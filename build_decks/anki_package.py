"""Cards -> .apkg (genanki), byte-for-byte reproducible."""

from __future__ import annotations

import functools
import itertools
import json
import sqlite3
import sys
import types
from pathlib import Path

if "cached_property" not in sys.modules:
    # genanki's one use of the `cached_property` package is a plain cached attribute, which the
    # standard library has had since 3.8; that package imports asyncio (and ssl) on load, a
    # third of the time a rebuild after one edit takes. Nothing else here imports it.
    sys.modules["cached_property"] = types.SimpleNamespace(cached_property=functools.cached_property)

import genanki  # noqa: E402
from genanki.apkg_col import APKG_COL  # noqa: E402
from genanki.apkg_schema import APKG_SCHEMA  # noqa: E402

from .cards import FIELDS, Card
from .identity import NOTETYPE_ID, NOTETYPE_NAME, PRESET_ID, ROOT_DECK, deck_id
from .zipwrite import write_zip

DEFAULT_TEMPLATES = Path(__file__).parent / "templates"


def template_text(templates: Path, name: str) -> str:
    return (templates / name).read_text(encoding="utf-8")


class _Notetype(genanki.Model):
    """A genanki model stamped with its own modification time.

    Anki replaces an existing notetype's templates and CSS on import only when the incoming
    modification time differs ("Always") or is newer ("If newer", the default): it never
    compares content (rslib import_export/package/apkg/import/notes.rs, ``should_update``).
    genanki stamps the notetype with the package timestamp, so a build with a fixed
    timestamp ships new CSS that no import ever applies. We stamp it with the time the
    template files last changed instead, which advances exactly when they do.
    """

    def __init__(self, mod: int, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mod = mod

    def to_json(self, timestamp, deck_id):
        return super().to_json(self.mod, deck_id)


def notetype(mod: int, templates: Path = DEFAULT_TEMPLATES) -> genanki.Model:
    """Our one notetype. Its id is a constant; its field list is frozen (see FIELDS)."""
    return _Notetype(
        mod,
        NOTETYPE_ID,
        NOTETYPE_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{
            "name": "Question",
            "qfmt": template_text(templates, "front.html"),
            "afmt": template_text(templates, "back.html"),
        }],
        css=template_text(templates, "style.css") + template_text(templates, "highlight.css"),
        sort_field_index=FIELDS.index("Question"),
    )


class _Note(genanki.Note):
    """A genanki note that carries its own modification time (see clock.py)."""

    def __init__(self, mod: int, **kwargs):
        super().__init__(**kwargs)
        self.mod = mod

    def write_to_db(self, cursor, timestamp, deck_id, id_gen):
        super().write_to_db(cursor, self.mod, deck_id, id_gen)

    def _check_invalid_html_tags_in_fields(self):
        """Our fields are the sanitizer's output: there is nothing to warn about, and the
        check is a third of the time a package takes to write."""


PRESET_NAME = "AI Engineering Interview"
GATHER_LOWEST_POSITION = 1  # DeckConfig.Config.NewCardGatherPriority.LOWEST_POSITION ("Ascending position")
SORT_TEMPLATE_THEN_GATHERED = 0  # NewCardSortOrder.TEMPLATE: one template, so gathered order


def deck_preset(default: dict, preset_mod: int) -> dict:
    """Our deck preset, from Anki's default one.

    It gathers new cards by ascending position across the whole deck tree, so the
    most-reported questions come first. Anki imports presets only when the user ticks
    "Import any deck presets"; otherwise decks keep the user's own preset.
    """
    preset = {**default, "id": PRESET_ID, "name": PRESET_NAME, "mod": preset_mod,
              "newGatherPriority": GATHER_LOWEST_POSITION, "newSortOrder": SORT_TEMPLATE_THEN_GATHERED}
    preset["new"] = {**preset["new"], "order": 1, "perDay": 20}  # legacy order: "in order added"
    preset["rev"] = {**preset["rev"], "perDay": 200}  # Anki's current defaults
    preset["lapse"] = {**preset["lapse"], "leechAction": 1}  # tag leeches, don't suspend them
    return preset


def fill_collection(cursor, cards: list[Card], descriptions: dict[str, str], model: genanki.Model,
                    timestamp: int) -> None:
    """The collection genanki would write for these decks and notes, plus our preset on our decks.

    Decks, the notetype and the preset go into the col row once; then the notes, deck by deck
    in name order (as genanki numbers them), each made and written in turn, never all held.
    """
    cursor.executescript(APKG_SCHEMA)
    cursor.executescript(APKG_COL)
    names = sorted(set(descriptions) | {card.deck for card in cards})
    by_deck: dict[str, list[Card]] = {name: [] for name in names}
    for card in cards:
        by_deck[card.deck].append(card)
    configs, decks, models = (json.loads(v) for v in cursor.execute("SELECT dconf, decks, models FROM col").fetchone())
    for name in names:
        deck = genanki.Deck(deck_id(name), name, description=descriptions.get(name, "")).to_json()
        if name.startswith(ROOT_DECK):
            deck["conf"] = PRESET_ID
        decks[str(deck["id"])] = deck
    holding = [name for name in names if by_deck[name]]
    if holding:  # genanki's notetype names the last deck with notes as its deck
        models[str(model.model_id)] = model.to_json(timestamp, deck_id(holding[-1]))
    configs[str(PRESET_ID)] = deck_preset(configs["1"], model.mod)
    cursor.execute("UPDATE col SET dconf = ?, decks = ?, models = ?",
                   (json.dumps(configs), json.dumps(decks), json.dumps(models)))
    ids = itertools.count(int(timestamp * 1000))
    for name in holding:
        number = deck_id(name)
        for card in by_deck[name]:
            _Note(mod=card.mod, model=model, fields=[card.fields[f] for f in FIELDS], tags=list(card.tags),
                  guid=card.guid, due=card.due).write_to_db(cursor, timestamp, number, ids)


def write_package(
    cards: list[Card], descriptions: dict[str, str], path: Path, timestamp: int, model: genanki.Model
) -> None:
    """Write an .apkg whose bytes depend only on its inputs and ``timestamp``.

    genanki's parts fill the collection, in a file beside ``path`` (a bank of any size never
    sits in memory whole); we zip it once ourselves, with fixed entry times and order."""
    media = sorted({m for card in cards if card.answer for m in card.answer.media})
    database = path.with_name(path.name + ".anki2")
    database.unlink(missing_ok=True)
    connection = sqlite3.connect(database)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        fill_collection(connection.cursor(), cards, descriptions, model, timestamp)
        connection.commit()
    finally:
        connection.close()
    try:
        entries = {"collection.anki2": database,
                   "media": json.dumps({str(i): name for i, (name, _) in enumerate(media)}).encode()}
        entries.update({str(i): Path(source).read_bytes() for i, (_, source) in enumerate(media)})
        write_zip(path, entries, timestamp, remember={str(i) for i in range(len(media))})
    finally:
        database.unlink(missing_ok=True)
