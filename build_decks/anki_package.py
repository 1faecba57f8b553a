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


def make_decks(cards: list[Card], descriptions: dict[str, str], model: genanki.Model) -> list[genanki.Deck]:
    """One genanki deck per deck path, parents included so they carry descriptions."""
    decks: dict[str, genanki.Deck] = {}
    for name in sorted(descriptions):
        decks[name] = genanki.Deck(deck_id(name), name, description=descriptions[name])
    for card in cards:
        if card.deck not in decks:
            decks[card.deck] = genanki.Deck(deck_id(card.deck), card.deck, description=descriptions.get(card.deck, ""))
        decks[card.deck].add_note(_Note(
            mod=card.mod, model=model, fields=[card.fields[f] for f in FIELDS],
            tags=list(card.tags), guid=card.guid, due=card.due,
        ))
    return [decks[name] for name in sorted(decks)]


PRESET_NAME = "AI Engineering Interview"
GATHER_LOWEST_POSITION = 1  # DeckConfig.Config.NewCardGatherPriority.LOWEST_POSITION ("Ascending position")
SORT_TEMPLATE_THEN_GATHERED = 0  # NewCardSortOrder.TEMPLATE: one template, so gathered order


class _Package(genanki.Package):
    """A genanki package that also ships our deck preset and assigns it to our decks.

    The preset gathers new cards by ascending position across the whole deck tree, so the
    most-reported questions come first. Anki imports presets only when the user ticks
    "Import any deck presets"; otherwise decks keep the user's own preset.
    """

    def __init__(self, decks, preset_mod: int, **kwargs):
        super().__init__(decks, **kwargs)
        self.preset_mod = preset_mod

    def write_to_db(self, cursor, timestamp, id_gen):
        super().write_to_db(cursor, timestamp, id_gen)
        configs, decks = (json.loads(v) for v in cursor.execute("SELECT dconf, decks FROM col").fetchone())
        preset = {**configs["1"], "id": PRESET_ID, "name": PRESET_NAME, "mod": self.preset_mod,
                  "newGatherPriority": GATHER_LOWEST_POSITION, "newSortOrder": SORT_TEMPLATE_THEN_GATHERED}
        preset["new"] = {**preset["new"], "order": 1, "perDay": 20}  # legacy order: "in order added"
        preset["rev"] = {**preset["rev"], "perDay": 200}  # Anki's current defaults
        preset["lapse"] = {**preset["lapse"], "leechAction": 1}  # tag leeches, don't suspend them
        configs[str(PRESET_ID)] = preset
        for deck in decks.values():
            if deck["name"].startswith(ROOT_DECK):
                deck["conf"] = PRESET_ID
        cursor.execute("UPDATE col SET dconf = ?, decks = ?", (json.dumps(configs), json.dumps(decks)))


def write_package(
    cards: list[Card], descriptions: dict[str, str], path: Path, timestamp: int, model: genanki.Model
) -> None:
    """Write an .apkg whose bytes depend only on its inputs and ``timestamp``.

    genanki fills the collection (in memory); we zip it once ourselves, with fixed entry times
    and order (genanki's own writer stamps wall-clock times and would compress it twice)."""
    media = sorted({m for card in cards if card.answer for m in card.answer.media})
    package = _Package(make_decks(cards, descriptions, model), model.mod)
    connection = sqlite3.connect(":memory:")
    try:
        package.write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
        connection.commit()
        collection = connection.serialize()
    finally:
        connection.close()
    entries = {"collection.anki2": collection, "media": json.dumps({str(i): name for i, (name, _) in enumerate(media)})}
    entries.update({str(i): Path(source).read_bytes() for i, (_, source) in enumerate(media)})
    write_zip(path, {name: data.encode() if isinstance(data, str) else data for name, data in entries.items()},
              timestamp, remember={str(i) for i in range(len(media))})
