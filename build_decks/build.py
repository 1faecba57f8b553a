"""The build: gather and validate everything first, then write dist/ atomically."""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .anki_package import DEFAULT_TEMPLATES, notetype, write_package
from .answers import Answer, load_answers, note_paths, start_reading
from .cards import Card, build_cards, media_digest, section_deck
from .changelog import last_headline
from .clock import NOTETYPE_KEY, Clock, clock_for, content_hash, source_date_epoch, write_lock
from .content import Content, load_content
from .csv_files import csv_chunks
from .describe import coverage, descriptions
from .diagrams import check_diagrams
from .errors import Problems
from .exports import EXPORTERS, images
from .identity import ROOT_DECK
from .memo import MAX_KEPT, Kept, Memo, Shelf, key
from .parallel import map_forked
from .pieces import NONE, Pieces, pieces_for
from .practice import kits
from .progress import QUIET, Progress
from .render import RenderCache, remember_blocks, use_cache
from .retired import check_ids, load_retired, update_lock
from .state import Inputs, content_digest, keep_file
from .studypage import study_page_chunks
from .text import slugify
from .zipwrite import remember_in

PACKAGE = "ai-engineering-interview"


def forget_kept(root: Path) -> None:
    """Remove what builds keep under build/ to be quick (`build --force`); `check`'s record of
    passing python blocks and the previews stay."""
    folder = root / "build"
    for path in folder.iterdir() if folder.is_dir() else ():
        if path.name in STAYS:
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


STAYS = {"python-blocks.json", "preview"}  # (file-digests.json goes: --force reads every input again)
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


def gather(root: Path, templates: Path = DEFAULT_TEMPLATES, progress: Progress = QUIET,
           inputs: Inputs | None = None) -> Project:
    """Load and validate content and answers; raise every problem at once. ``inputs``: the
    digests the command already took of them (files unchanged since are not read for keys)."""
    problems = Problems()
    progress.begin("reading content")
    remember_in(root / "build" / "deflate")
    files = inputs.files if inputs is not None else None
    notes = note_paths(root)
    kept = kept_stores(root, len(notes))
    # Nothing kept (a first build, --force, new code): every note is read and rendered, so that
    # starts now, in the workers, while this process reads content/.
    early = start_reading(notes, kept.renders) if kept.notes.empty() else None
    try:
        content_key = content_digest(root, files)  # once: the cards below are kept under what content/ was read as
        content = cached_content(root, content_key, problems)
        retired = load_retired(root, problems)
        problems.raise_if_unreadable()
        check_ids(root, content, retired, problems)
        answers = load_answers(root, content, problems, {r.id: f"{r.path}:{r.line}" for r in retired}, progress,
                               kept.notes, kept.renders, files, notes, early)
    finally:
        if early is not None:
            early.close()
    kept.save()
    check_diagrams(root, {Path(source).resolve() for a in answers.values() for _, source in a.media}, problems)
    clock = clock_for(root, problems)
    problems.raise_if_any()
    progress.begin("building cards")
    cards = kept_cards(root, content_key, content, answers, clock, retired)
    model = notetype(0, templates)
    notetype_mod = clock.mod(NOTETYPE_KEY, content_hash(
        {"name": model.name, "fields": model.fields, "templates": model.templates, "css": model.css}
    ))
    clock.check_dated(root, problems)
    problems.raise_if_any()
    epoch = source_date_epoch()
    timestamp = epoch if epoch is not None else max([notetype_mod, *(c.mod for c in cards)])
    return Project(root, content, answers, cards, timestamp, notetype_mod, templates, clock, problems)


@dataclass(frozen=True)
class Job:
    """One group of output files: written together, from ``cards`` (what they show)."""

    name: str
    cards: list[Card]
    write: Callable[[Project, Path, Pieces], list[Path]]  # writes under staging, returns the paths
    basis: Callable[[], object] | None = None  # what the files depend on, if not the cards' digests
    also: Callable[[], object] | None = None  # what else they show (besides the cards and content/)
    timed: bool = False  # the files carry the build's timestamp (zip times, note ids, "built" dates)


def jobs(project: Project) -> list[Job]:
    """Every output of the build, slowest first (so two workers finish together)."""
    content, cards = project.content, project.cards
    found = [Job("package:all", cards, lambda p, s, _: [write_apkg(p, s, None, p.cards)], timed=True)]
    # Every package carries the root deck, whose description counts the whole deck's answers.
    for section in content.sections:
        mine = [c for c in cards if c.question.section == section]
        found.append(Job(f"package:{section}", mine, lambda p, s, _, section=section, mine=mine: [
            write_apkg(p, s, section, mine)], also=lambda: coverage(cards), timed=True))
    found += [Job(f"export:{exporter.__name__}", cards, lambda p, s, pieces, exporter=exporter: write_files(
        s, exporter(p.cards, p.content, pieces))) for exporter in EXPORTERS]
    found.append(Job("export:images", cards, lambda p, s, _: write_files(s, images(p.cards, p.content)),
                     basis=lambda: media_basis(cards)))
    found += [
        Job("study-page", cards, lambda p, s, pieces: write_files(s, {f"{PACKAGE}.html": study_page_chunks(
            p.cards, p.content, p.timestamp, pieces)}), timed=True),
        Job("csv", cards, lambda p, s, pieces: write_files(s, {f"csv/{PACKAGE}.csv": csv_chunks(
            p.cards, p.content, pieces)})),
        Job("practice", [c for c in cards if c.question.type == "coding"], lambda p, s, _: write_files(s, {
            f"practice/{qid}/{name}": text.encode("utf-8")
            for qid, files in kits(p.cards).items() for name, text in files.items()})),
    ]
    return found


def media_basis(cards: list[Card]) -> list:
    """The images of the live cards: their names and the digests of their bytes."""
    return sorted({(name, media_digest(source)) for c in cards if c.answer and not c.retired
                   for name, source in c.answer.media})


def write_files(staging: Path, files: dict[str, bytes | Iterable[bytes]]) -> list[Path]:
    """Write each file under ``staging``: its bytes, or its chunks as they come (a big output
    never has to sit in memory whole)."""
    written = []
    for rel, data in sorted(files.items()):
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as out:
            if isinstance(data, bytes | bytearray):
                out.write(data)
            else:
                out.writelines(data)
        written.append(path)
    return written


def write_apkg(project: Project, staging: Path, section: str | None, cards: list[Card]) -> Path:
    """The whole deck's package (section None), or one section's, of its ``cards``."""
    described = descriptions(project.content, project.cards, project.timestamp, last_headline(project.root))
    model = notetype(project.notetype_mod, project.templates)
    if section is None:
        path = staging / f"{PACKAGE}.apkg"
        write_package(cards, described, path, project.timestamp, model)
        return path
    prefix = section_deck(project.content, section)
    wanted = {k: v for k, v in described.items() if k == ROOT_DECK or k == prefix or k.startswith(prefix + "::")}
    path = staging / "sections" / f"{slugify(section)}.apkg"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_package(cards, wanted, path, project.timestamp, model)
    return path


PARALLEL_CARDS = 100  # smaller decks write their outputs in this process: forking would cost more


def run_parallel(
    project: Project, todo: list[Job], staging: Path, progress: Progress, kept: Callable[[str], Pieces],
    dist: Path | None = None,
):
    """(job name, files written) for each job, the jobs spread over the cores. A written file
    whose bytes ``dist`` already holds is removed from staging at once (by the worker)."""
    def run(index: int) -> tuple[str, list[Path], float]:
        start = time.monotonic()
        job = todo[index]
        pieces = kept(job.name)
        files = job.write(project, staging, pieces)
        pieces.save()
        for path in files if dist is not None else ():
            if same_file(path, dist / path.relative_to(staging)):
                path.unlink()
        return job.name, files, time.monotonic() - start

    spread = map_forked if len(project.cards) >= PARALLEL_CARDS else map
    for name, files, seconds in spread(run, range(len(todo))):
        progress.tick()
        progress.note(f"{name} {seconds:.3f}")
        yield name, files


def same_file(new: Path, old: Path) -> bool:
    """Byte for byte the same (compared a block at a time)."""
    try:
        return old.stat().st_size == new.stat().st_size and filecmp.cmp(old, new, shallow=False)
    except OSError:
        return False


@dataclass
class Stores:
    notes: Kept | Shelf
    renders: Kept | Shelf
    blocks: Kept | Shelf

    def save(self) -> None:
        for store in (self.notes, self.renders, self.blocks):
            store.save()


def kept_stores(root: Path, notes: int) -> Stores:
    """Where this build finds and keeps notes, rendered HTML and highlighted code blocks: a
    file each, read whole, for banks up to MAX_KEPT notes (a cold build writes three files, not
    a thousand); beyond, one SQLite file read an entry at a time (memory stays flat)."""
    folder = root / "build"
    version = RenderCache.version()
    bases = {"notes": key("notes"), "render": key("render", version), "highlight": key("highlight", version)}
    if notes <= MAX_KEPT:
        stores = Stores(*(Kept(folder / f"{kind}.pickle", base) for kind, base in bases.items()))
        use_cache(None)
    else:
        stores = Stores(*(Shelf(folder / "kept.sqlite", base, kind) for kind, base in bases.items()))
        use_cache(folder / "render-cache")  # for the few summaries rendered apart from their note
    remember_blocks(stores.blocks)
    return stores


def cached_content(root: Path, content_key: str, problems: Problems) -> Content:
    """load_content, kept under build/ while content/ (``content_key``) and the code are unchanged."""
    memo = Memo(root / "build" / "content")
    digest = key("content", content_key)
    hit = memo.get(digest)
    if hit is None:
        sub = Problems()
        content = load_content(root, sub)
        if not sub:
            memo.put(digest, (content, sub))
    else:
        content, sub = hit
    problems.extend(sub)
    problems.unreadable |= sub.unreadable
    return content


def kept_cards(root: Path, content_key: str, content: Content, answers: dict[str, Answer], clock: Clock,
               retired) -> list[Card]:
    """build_cards, reusing the cards an earlier build made from the same content/ and code."""
    small = len(content.questions) <= MAX_KEPT
    kept = Kept(root / "build" / "cards.pickle", key("cards", content_key)) if small else None
    cards = build_cards(content, answers, clock, retired, kept)
    if kept is not None:
        kept.save()
    return cards


def outputs(
    project: Project, staging: Path, progress: Progress = QUIET, skip: Callable[[Job], list[Path] | None] = None,
    kept: Callable[[str], Pieces] = lambda name: NONE, dist: Path | None = None,
) -> tuple[list[Path], dict[str, list[Path]]]:
    """Write every job's files under ``staging`` (in parallel where it pays); a job that ``skip``
    answers with its files is not run, and ``kept`` gives each job the pieces it kept from the
    last build. Returns every file (relative) and each job's files."""
    todo, done = [], {}
    for job in jobs(project):
        unchanged = skip(job) if skip else None
        if unchanged is None:
            todo.append(job)
        else:
            done[job.name] = unchanged
    progress.begin("writing outputs", len(todo))
    for name, files in run_parallel(project, todo, staging, progress, kept, dist):
        done[name] = [path.relative_to(staging) for path in files]
    every = sorted({rel for files in done.values() for rel in files})
    return every, done


def publish(staging: Path, files: list[Path], dist: Path, kept: set[Path] = frozenset()) -> list[Path]:
    """Move staged files into dist/ one atomic rename each; skip files whose bytes are unchanged.

    ``kept`` files were not staged: dist/ already holds them as they should be. Files that an
    earlier build wrote but this one did not are removed from dist/.
    """
    changed = []
    for rel in files:
        if rel in kept:
            continue
        target = dist / rel
        if not (staging / rel).exists() or same_file(staging / rel, target):
            continue  # dist/ has these bytes already (a worker found them so and dropped its copy)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / rel, target)
        changed.append(rel)
    keep = {os.path.join(dist, rel) for rel in files}
    for managed in ("sections", "csv", "practice", *EXPORT_FOLDERS):
        for folder, _dirs, names in os.walk(dist / managed, topdown=False):
            for name in names:
                if os.path.join(folder, name) not in keep:
                    os.unlink(os.path.join(folder, name))
            if not os.listdir(folder):
                os.rmdir(folder)
    return changed


class Records:
    """What each job last wrote (build/outputs.json): a key of everything its files depend on,
    and each file's size and modification time in dist/. A job whose key is unchanged and whose
    files are still as written is not run again: its files are already right."""

    def __init__(self, root: Path, dist: Path, project: Project, inputs: Inputs):
        self.path = root / "build" / "outputs.json"
        self.dist = dist
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
            self.saved = saved["jobs"] if saved.get("dist") == str(dist.resolve()) else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.saved = {}
        # Pieces never show the build's timestamp (only frames and packages do): an edit that moves
        # it (the first after a commit, without SOURCE_DATE_EPOCH) still reuses every other piece.
        self.base = content_hash([inputs.code, inputs.content, project.notetype_mod])
        self.timestamp = project.timestamp
        self.digests = {c.id: card_digest(project, c) for c in project.cards}
        self.keys: dict[str, str] = {}
        self.skipped: set[str] = set()

    def pieces(self, output: str) -> Pieces:
        return pieces_for(self.path.parent / "pieces", output, self.base, self.digests)

    def key(self, job: Job) -> str:
        basis = job.basis() if job.basis else [self.digests[c.id] for c in job.cards]
        return content_hash([self.base, job.name, basis, job.also() if job.also else None,
                             self.timestamp if job.timed else None])

    def skip(self, job: Job) -> list[Path] | None:
        key = self.keys[job.name] = self.key(job)
        saved = self.saved.get(job.name)
        if not isinstance(saved, dict) or saved.get("key") != key or not isinstance(saved.get("files"), dict):
            return None
        for rel, stat in saved["files"].items():
            try:
                now = (self.dist / rel).stat()
            except OSError:
                return None
            if [now.st_size, now.st_mtime_ns] != stat:
                return None
        self.skipped.add(job.name)
        return [Path(rel) for rel in saved["files"]]

    def save(self, done: dict[str, list[Path]]) -> None:
        jobs = {}
        for name, files in done.items():
            stats = {}
            for rel in files:
                stat = (self.dist / rel).stat()
                stats[rel.as_posix()] = [stat.st_size, stat.st_mtime_ns]
            jobs[name] = {"key": self.keys[name], "files": stats}
        keep_file(self.path, json.dumps({"dist": str(self.dist.resolve()), "jobs": jobs}).encode())


def card_digest(project: Project, card: Card) -> str:
    """Everything about one card that any output shows: what the import shows (fields, tags,
    deck, image bytes), its mod and position, and the answer's markdown and images."""
    seen = project.clock.assigned[card.id].hash
    answer = (card.answer.markdown + "\0" + repr(card.answer.media)) if card.answer else "\0none"
    digest = hashlib.sha256(f"{seen}\0{card.mod}\0{card.due}\0{answer}".encode())
    return digest.hexdigest()[:24]


def build(
    root: Path, dist: Path, templates: Path = DEFAULT_TEMPLATES, record_ids: bool = True,
    progress: Progress = QUIET, inputs: Inputs | None = None,
) -> tuple[Project, list[Path], list[Path]]:
    """Gather, then write all outputs; dist/ is untouched when anything fails before publishing.

    Only the outputs whose inputs changed since the last build are written again
    (build/outputs.json). Publishing records every question id in content/ids.lock and every
    note's hash and mod in content/notes.lock (``record_ids``).
    """
    inputs = inputs or Inputs(root, dist, templates)
    project = gather(root, templates, progress, inputs)
    dist.mkdir(parents=True, exist_ok=True)
    records = Records(root, dist, project, inputs)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=dist))
    try:
        files, done = outputs(project, staging, progress, records.skip, records.pieces, dist)
        kept = {rel for name in records.skipped for rel in done[name]}
        progress.begin("publishing")
        changed = publish(staging, files, dist, kept)
        records.save(done)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        progress.finish()
    if record_ids:
        update_lock(root, [q.id for q in project.content.questions])
        write_lock(root, project.clock.entries())
    return project, files, changed
