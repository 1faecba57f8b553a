"""Card template and CSS changes reach users who re-import with Anki's default options."""

from __future__ import annotations

import shutil

from anki.collection import Collection
from conftest import ROOT, commit_all, copy_project, git, import_apkg
from test_upgrade import study

from build_decks.anki_package import DEFAULT_TEMPLATES, notetype, write_package
from build_decks.build import build, gather
from build_decks.identity import NOTETYPE_ID, NOTETYPE_NAME

V1, V2 = 1_700_000_000, 1_700_086_400
APKG = "ai-engineering-interview.apkg"
MARKER_CSS = "\n.v2-marker { font-weight: 700; }\n"
MARKER_HTML = '\n<div class="v2-marker">v2</div>\n'


def reopened(path) -> Collection:
    """A fresh handle on the collection file, as Anki would show it after a restart."""
    return Collection(str(path))


def our_notetypes(col: Collection) -> list:
    return [m for m in col.models.all_names_and_ids() if m.name.startswith(NOTETYPE_NAME)]


def test_new_css_and_template_replace_the_old_ones_and_reviews_stay(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(V1))  # a fixed build time must not hide the change
    repo = copy_project(tmp_path / "repo")
    templates = repo / "templates"
    shutil.copytree(DEFAULT_TEMPLATES, templates)
    git(repo, "init", "-q")
    commit_all(repo, "v1", V1)
    build(repo, tmp_path / "v1", templates)

    path = tmp_path / "collection.anki2"
    col = reopened(path)
    import_apkg(col, tmp_path / "v1" / APKG)
    studied = study(col, 4)
    revlog = col.db.scalar("select count() from revlog")
    col.close()

    (templates / "style.css").write_text((templates / "style.css").read_text() + MARKER_CSS)
    (templates / "back.html").write_text((templates / "back.html").read_text() + MARKER_HTML)
    commit_all(repo, "v2: new look", V2)
    build(repo, tmp_path / "v2", templates)

    col = reopened(path)
    import_apkg(col, tmp_path / "v2" / APKG)
    col.close()
    col = reopened(path)
    try:
        assert len(our_notetypes(col)) == 1
        model = col.models.get(NOTETYPE_ID)
        assert ".v2-marker" in model["css"] and 'class="v2-marker"' in model["tmpls"][0]["afmt"]
        card = col.get_card(next(iter(studied)))
        assert ".v2-marker" in card.answer() and "v2</div>" in card.answer()
        assert col.db.scalar("select count() from revlog") == revlog
        assert {cid: col.get_card(cid).reps for cid in studied} == studied
    finally:
        col.close()


def test_the_cause_anki_compares_notetype_times_not_content(tmp_path):
    """Why genanki's default fails: the same notetype time means no update, even with 'Always'."""
    cards = gather(ROOT).cards[:3]
    patched = tmp_path / "templates"
    shutil.copytree(DEFAULT_TEMPLATES, patched)
    (patched / "style.css").write_text((patched / "style.css").read_text() + MARKER_CSS)
    write_package(cards, {}, tmp_path / "v1.apkg", V1, notetype(V1))
    write_package(cards, {}, tmp_path / "same-time.apkg", V1, notetype(V1, patched))
    write_package(cards, {}, tmp_path / "newer.apkg", V1, notetype(V2, patched))
    always = {"update_notetypes": 1}
    outcomes = {}
    for name, package, options in (
        ("same time, default", "same-time.apkg", {}),
        ("same time, always", "same-time.apkg", always),
        ("newer, default", "newer.apkg", {}),
    ):
        path = tmp_path / f"{len(outcomes)}.anki2"
        col = reopened(path)
        import_apkg(col, tmp_path / "v1.apkg")
        import_apkg(col, tmp_path / package, **options)
        col.close()
        col = reopened(path)
        outcomes[name] = ".v2-marker" in col.models.get(NOTETYPE_ID)["css"]
        col.close()
    assert outcomes == {"same time, default": False, "same time, always": False, "newer, default": True}
