"""Cards rendered in a real browser: no horizontal overflow on a phone, readable at night."""

from __future__ import annotations

import re

import pytest

from build_decks.preview import find_browser, measure, media_folder, render_previews, samples

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="no Chromium on this machine and none could be installed (make test tries apt-get install chromium)",
)
WCAG_AA = 4.5


@pytest.fixture(scope="module")
def cards(real_dist):
    return samples(real_dist / "ai-engineering-interview.apkg")


@pytest.fixture(scope="module")
def media(real_dist):
    return media_folder(real_dist / "ai-engineering-interview.apkg")


def test_samples_cover_every_question_type(cards):
    assert {"concept", "design", "coding", "behavioral", "take-home", "table", "diagram", "svg-1", "svg-2"} <= {
        c.label for c in cards}


@pytest.mark.parametrize("night", [False, True], ids=["light", "night"])
def test_phone_width_has_no_horizontal_overflow_and_readable_text(cards, media, night):
    for card in cards:
        for side in (card.front, card.back):
            metrics = measure(BROWSER, side, night, 360, media)
            assert metrics["viewport"] == 360
            assert metrics["scrollWidth"] <= 360, (card.id, metrics["scrollWidth"])
            assert metrics["minContrast"] >= WCAG_AA, (card.id, night, metrics["contrast"])


def test_night_mode_really_changes_the_colours(cards):
    day = measure(BROWSER, cards[0].back, False, 1024)
    night = measure(BROWSER, cards[0].back, True, 1024)
    assert day["contrast"] != night["contrast"]


def test_previews_are_written_as_png(real_dist, tmp_path):
    written = render_previews(real_dist / "ai-engineering-interview.apkg", tmp_path, BROWSER, {"coding"})
    assert len(written) == 8
    assert {p.name.split("-")[0] for p in written} == {"coding"}
    for png in written:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


def viewbox_width(svg: bytes) -> float:
    return float(re.search(rb'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"', svg).group(1))


@pytest.mark.parametrize("width", [360, 1024], ids=["phone", "desktop"])
def test_architecture_diagrams_load_and_keep_their_labels_legible(cards, media, width):
    """D2 draws labels at 16 px; shown at 60% or more they stay at least ~10 px on a phone."""
    diagrams = [c for c in cards if c.label.startswith("svg-")]
    assert len(diagrams) >= 2
    for card in diagrams:
        for night in (False, True):
            metrics = measure(BROWSER, card.back, night, width, media)
            shown = [i for i in metrics["images"] if i["src"].endswith(".svg")]
            assert shown and all(i["loaded"] for i in shown), (card.id, shown)
            for image in shown:
                natural = viewbox_width((media / image["src"]).read_bytes())
                assert image["width"] <= width
                assert image["width"] / natural >= 0.6, (card.id, image, natural)
