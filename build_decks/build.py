"""The build: gather and validate everything first, then write dist/ atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .anki_package import DEFAULT_TEMPLATES, notetype, write_package
from .answers import Answer, load_answers
from .cards import Card, build_cards, section_deck
from .changes import last_headline
from .clock import NOTETYPE_KEY, Clock, clock_for, content_hash, source_date_epoch, write_lock
from .content import Content, load_content
from .csv_files import generic_csv
from .describe import descriptions
from .diagrams import check_diagrams
from .errors import Problems
from .exports import exports
from .identity import ROOT_DECK
from .practice import kits
from .progress import QUIET, Progress
from .render import use_cache
from .retired import check_ids, load_retired, update_lock
from .studypage import study_page
from .text import slugify

PACKAGE = "ai-engineering-interview"
EXPORT_FOLDERS = ("obsidian", "logseq", "supermemo", "mnemosyne", "quizlet", "mochi")


@dataclass
class Project:
    root: Path
    content: Content
    answers: dict[str, Answer]
    cards: list[Card]
    timestamp: int  # the build's time: zip entries, note ids, "built" dates
    notetype_mod: int  # when the card templates and CSS last changed
    templates: Path
    clock: Clock
    problems: Problems  # what gather found: no errors (it raised), maybe warnings


def gather(root: Path, templates: Path = DEFAULT_TEMPLATES, progress: Progress = QUIET) -> Project:
    """Load and validate content and answers; raise every problem at once."""
    problems = Problems()
    use_cache(root / "build" / "render-cache")
    content = load_content(root, problems)
    retired = load_retired(root, problems)
    problems.raise_if_unreadable()
    check_ids(root, content, retired, problems)
    answers = load_answers(root, content, problems, {r.id: f"{r.path}:{r.line}" for r in retired}, progress)
    check_diagrams(root, {Path(source).resolve() for a in answers.values() for _, source in a.media}, problems)
    clock = clock_for(root, problems)
    problems.raise_if_any()
    cards = build_cards(content, answers, clock, retired)
    model = notetype(0, templates)
    notetype_mod = clock.mod(NOTETYPE_KEY, content_hash(
        {"name": model.name, "fields": model.fields, "templates": model.templates, "css": model.css}
    ))
    clock.check_dated(root, problems)
    problems.raise_if_any()
    epoch = source_date_epoch()
    timestamp = epoch if epoch is not None else max([notetype_mod, *(c.mod for c in cards)])
    return Project(root, content, answers, cards, timestamp, notetype_mod, templates, clock, problems)


def outputs(project: Project, staging: Path, progress: Progress = QUIET) -> list[Path]:
    """Write every artifact under ``staging``; return their paths relative to it."""
    written = []
    progress.begin("writing packages", 1 + len(project.content.sections))
    described = descriptions(project.content, project.cards, project.timestamp, last_headline(project.root))
    model = notetype(project.notetype_mod, project.templates)
    full = staging / f"{PACKAGE}.apkg"
    write_package(project.cards, described, full, project.timestamp, model)
    written.append(full)
    progress.tick()
    for section in project.content.sections:
        mine = [c for c in project.cards if c.question.section == section]
        prefix = section_deck(project.content, section)
        wanted = {k: v for k, v in described.items() if k == ROOT_DECK or k == prefix or k.startswith(prefix + "::")}
        path = staging / "sections" / f"{slugify(section)}.apkg"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_package(mine, wanted, path, project.timestamp, model)
        written.append(path)
        progress.tick()
    progress.begin("writing other formats")
    csv_dir = staging / "csv"
    csv_dir.mkdir(parents=True, exist_ok=True)
    (csv_dir / f"{PACKAGE}.csv").write_bytes(generic_csv(project.cards, project.content).encode("utf-8"))
    written.append(csv_dir / f"{PACKAGE}.csv")
    for rel, data in sorted(exports(project.cards, project.content).items()):
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    page = staging / f"{PACKAGE}.html"
    page.write_bytes(study_page(project.cards, project.content, project.timestamp).encode("utf-8"))
    written.append(page)
    for qid, files in sorted(kits(project.cards).items()):
        folder = staging / "practice" / qid
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in sorted(files.items()):
            (folder / name).write_bytes(text.encode("utf-8"))
            written.append(folder / name)
    return [p.relative_to(staging) for p in written]


def publish(staging: Path, files: list[Path], dist: Path) -> list[Path]:
    """Move staged files into dist/ one atomic rename each; skip files whose bytes are unchanged.

    Files that an earlier build wrote but this one did not are removed from dist/.
    """
    changed = []
    for rel in files:
        target = dist / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() and target.read_bytes() == (staging / rel).read_bytes():
            continue
        os.replace(staging / rel, target)
        changed.append(rel)
    keep = {dist / rel for rel in files}
    for managed in ("sections", "csv", "practice", *EXPORT_FOLDERS):
        for stale in sorted((dist / managed).rglob("*"), reverse=True) if (dist / managed).exists() else []:
            if stale.is_file() and stale not in keep:
                stale.unlink()
            elif stale.is_dir() and not any(stale.iterdir()):
                stale.rmdir()
    return changed


def build(
    root: Path, dist: Path, templates: Path = DEFAULT_TEMPLATES, record_ids: bool = True,
    progress: Progress = QUIET,
) -> tuple[Project, list[Path], list[Path]]:
    """Gather, then write all outputs; dist/ is untouched when anything fails before publishing.

    Publishing records every question id in content/ids.lock and every note's hash and mod
    in content/notes.lock (``record_ids``).
    """
    project = gather(root, templates, progress)
    dist.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=dist))
    try:
        files = outputs(project, staging, progress)
        changed = publish(staging, files, dist)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        progress.finish()
    if record_ids:
        update_lock(root, [q.id for q in project.content.questions])
        write_lock(root, project.clock.entries())
    return project, files, changed
