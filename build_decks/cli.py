"""The contributor CLI: build, check, status, new, import-seed.

The build pipeline loads with the CLI; the other tools (preview, import and sync, diagrams,
changes and releases) load only in the command that uses them."""

from __future__ import annotations

from pathlib import Path

import click

from . import __version__
from .answers import load_answers, note_paths
from .build import PACKAGE, gather
from .codecheck import check_code
from .content import load_content
from .entry import build_command
from .errors import DeckError, Problems
from .status import format_status, format_unanswered

ROOT = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
    help="Project folder holding content/ and answers/.",
)


class _Shown(click.ClickException):
    """A DeckError on its way out through click (printed the way the error prints itself)."""

    def __init__(self, error: DeckError):
        super().__init__(error.message)
        self.error = error
        self.exit_code = error.exit_code

    def show(self, file=None) -> None:
        self.error.show(file)


class _Commands(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except DeckError as error:
            raise _Shown(error) from error


@click.group(cls=_Commands)
@click.version_option(__version__, prog_name="build-decks")
def main() -> None:
    """Build the AI Engineering Interview decks (Anki .apkg and CSV) from content/ and answers/."""


@main.command()
@ROOT
@click.option("--dist", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: ROOT/dist).")
@click.option("--force", is_flag=True, help="Forget what earlier builds kept under build/ and rebuild everything.")
def build(root: Path, dist: Path | None, force: bool) -> None:
    """Validate everything, then write dist/ (apkg per deck and section, CSV, other tools'
    files, the study page). Nothing is rewritten when no input changed since the last build.

    Example:

        build-decks build
    """
    build_command(root, dist or root / "dist", force)


def show_warnings(problems: Problems) -> None:
    for warning in problems.warning_lines():
        click.echo(warning, err=True)


@main.command()
@ROOT
@click.option("--skip-code", is_flag=True, help="Do not run the notes' python blocks.")
def check(root: Path, skip_code: bool) -> None:
    """Validate content/ and answers/ and run every python block of the notes; print every
    problem as path:line: message (warnings too, which do not fail the check).

    Example:

        build-decks check
    """
    project = gather(root)
    show_warnings(project.problems)
    problems = Problems()
    if not skip_code:
        check_code([Path(a.path) for a in project.answers.values()], problems, root / "build" / "python-blocks.json")
    problems.raise_if_any()
    warned = len(set(project.problems.warnings))
    suffix = f", {warned} warning{'s' if warned != 1 else ''}" if warned else ""
    click.echo(f"ok: {len(project.cards)} questions, {len(project.answers)} answers{suffix}")


@main.command()
@ROOT
@click.option("--unanswered", is_flag=True, help="List the questions without an answer note, most reported first.")
def status(root: Path, unanswered: bool) -> None:
    """Show answer coverage by section and category, or the unanswered questions.

    Example:

        build-decks status --unanswered
    """
    cards = gather(root).cards
    click.echo(format_unanswered(cards) if unanswered else format_status(cards))


@main.command()
@ROOT
@click.argument("question_id")
def new(root: Path, question_id: str) -> None:
    """Scaffold an answer note for QUESTION_ID in the right folder.

    Example:

        build-decks new kv-cache
    """
    from .scaffold import new_answer

    problems = Problems()
    content = load_content(root, problems)
    problems.raise_if_any()
    existing = set(load_answers(root, content, Problems()))
    path = new_answer(root, content, question_id, existing)
    click.echo(f"created {path.relative_to(root) if path.is_relative_to(root) else path}")


@main.command("import-seed")
@ROOT
@click.argument("seed", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Print every decision with its score; change nothing.")
def import_seed_command(root: Path, seed: Path, dry_run: bool) -> None:
    """Import the upstream question list into content/, or sync content/ with a newer edition.

    A sync keeps the id of every question it finds again (reworded or moved ones too, matched
    by wording similarity), adds new questions, retires dropped ones and updates sources.
    Ambiguous matches are written to content/upstream/review.yaml for a maintainer to decide.

    Example:

        build-decks import-seed --dry-run content/upstream/ai-engineering-interview-questions.md
    """
    from .importer import import_seed
    from .sync import keep_edition, sync

    content_dir = root / "content"
    if not any((content_dir / "questions").glob("*.yaml")):
        result = import_seed(seed, content_dir)
        keep_edition(content_dir, seed)
        click.echo(f"{len(result.records)} questions imported")
        for a, b, score in result.near_duplicates:
            click.echo(f"  near-duplicate ({score}): {a.id} ~ {b.id}  (record a decision in content/duplicates.yaml)")
        return
    decisions = sync(content_dir, seed, dry_run=dry_run)
    counts: dict[str, int] = {}
    for decision in decisions:
        counts[decision.kind] = counts.get(decision.kind, 0) + 1
        if decision.kind != "same":
            click.echo(decision.line())
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
    click.echo(f"{'dry run: ' if dry_run else ''}{summary}")
    answered = {p.stem: p for p in note_paths(root)}
    for decision in decisions:
        if decision.kind == "retired" and decision.id in answered:
            click.echo(f"{answered[decision.id]}: answers a retired question; delete it or merge it into another note")


@main.command()
@ROOT
def diagrams(root: Path) -> None:
    """Render every diagram source (answers/**/<id>.d2) to its SVG with the pinned D2.

    Example:

        build-decks diagrams
    """
    from .diagrams import render_all
    from .diagrams import sources as diagram_sources

    written = render_all(root)
    click.echo(f"{len(diagram_sources(root))} diagrams, {len(written)} rendered")
    for path in written:
        click.echo(f"  wrote {path.relative_to(root) if path.is_relative_to(root) else path}")


@main.command()
@ROOT
@click.argument("since")
def changes(root: Path, since: str) -> None:
    """What changed in the deck since a git ref or a previous .apkg: added, newly answered,
    changed, moved and retired notes, and the change in coverage (markdown).

    Example:

        build-decks changes v0.1.0
    """
    from .changes import changes_since

    click.echo(changes_since(root, since).markdown(), nl=False)


@main.command()
@ROOT
@click.argument("version")
@click.option("--since", default=None, help="Git ref or .apkg to compare with (default: the newest tag).")
def release(root: Path, version: str, since: str | None) -> None:
    """Prepare release VERSION: CHANGELOG.md entry from `changes`, version stamped into
    pyproject.toml and the package, dist/ rebuilt. Prints the git commands; tags nothing.

    Example:

        build-decks release 0.2.0 --since v0.1.0
    """
    from .changes import release as run_release

    found, commands = run_release(root, version, since)
    click.echo(f"CHANGELOG.md: {found.headline()}")
    click.echo("Version stamped into pyproject.toml and build_decks/__init__.py. Now run:")
    for command in commands:
        click.echo(f"  {command}")


@main.command("highlight-css")
def highlight_css_command() -> None:
    """Regenerate the code-highlighting CSS (templates/highlight.css) from Pygments.

    Example:

        build-decks highlight-css
    """
    from .anki_package import DEFAULT_TEMPLATES
    from .highlight import highlight_css

    path = DEFAULT_TEMPLATES / "highlight.css"
    path.write_text(highlight_css(), encoding="utf-8")
    click.echo(f"wrote {path}")


@main.command()
@ROOT
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("build/preview"),
              show_default=True, help="Folder for the PNGs.")
@click.option("--screenshots", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also copy the README's pictures into this folder (e.g. docs/screenshots).")
def preview(root: Path, out: Path, screenshots: Path | None) -> None:
    """Render sample cards (front and back, light and night, phone and desktop) to PNG.

    Uses the built dist/ai-engineering-interview.apkg, the real Anki engine and headless
    Chromium. Writes only under --out unless --screenshots is given.

    Example:

        build-decks preview --out build/preview
    """
    from .preview import find_browser, readme_shots, render_previews, study_page_shots

    browser = find_browser()
    if browser is None:
        raise DeckError("no Chromium found: install it (Debian: apt-get install chromium) or run `make preview`")
    apkg = root / "dist" / f"{PACKAGE}.apkg"
    if not apkg.exists():
        raise DeckError(f"{apkg} is missing: run `build-decks build` first")
    written = render_previews(apkg, root / out if not out.is_absolute() else out, browser)
    click.echo(f"{len(written)} previews in {out}")
    if screenshots is not None:
        docs = root / screenshots if not screenshots.is_absolute() else screenshots
        shots = readme_shots(written, docs) + study_page_shots(root / "dist" / f"{PACKAGE}.html", docs, browser)
        click.echo(f"README screenshots: {', '.join(p.name for p in shots)}")
