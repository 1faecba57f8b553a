"""Recognise a rebuild with nothing to do, before anything heavy is imported (stdlib only).

After a successful `build-decks build`, ``build/last-build.json`` records a digest of every
input of the build and the size and modification time of every file it left in dist/. A
later build whose inputs hash the same and whose dist/ is exactly as recorded would write
the same bytes: it replays the recorded report and writes nothing.

The inputs are the bytes of every file under content/ and answers/ (and CHANGELOG.md), the
build's own code and templates, the installed versions of everything else (the names of
the installed distributions), the Python version, the output folder and SOURCE_DATE_EPOCH.
The git commit matters only to notes that changed since content/notes.lock was written, and
the lock is itself an input.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

STATE_VERSION = 2
PACKAGE_DIR = Path(__file__).resolve().parent
INPUT_FILES = ("CHANGELOG.md",)
LOCKS = ("content/ids.lock", "content/notes.lock")  # written by the build: recorded after it


def state_path(root: Path) -> Path:
    return root / "build" / "last-build.json"


def _files(folder: Path) -> list[Path]:
    found = []
    for top, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        found += [Path(top, name) for name in sorted(names)]
    return found


def installed() -> list[str]:
    """Names of the installed distributions (they carry the versions), from site-packages."""
    names = []
    for folder in sys.path:
        if folder.endswith(("site-packages", "dist-packages")) and os.path.isdir(folder):
            names += [n for n in os.listdir(folder) if n.endswith((".dist-info", ".egg-info"))]
    return sorted(set(names))


RACY_NS = 2_000_000_000  # a file changed this close to when it was read may change again unseen


class FileDigests:
    """Each file's SHA-256 (and anything else derived from its bytes), read again only when its
    size or modification time changed: a build with nothing changed stats its inputs instead of
    reading them, as git does. Kept in build/file-digests.json.

    A digest is trusted only for a file last modified well before it was read (RACY_NS): a
    file rewritten within the same tick of a coarse clock, with the same size, is read again.
    `build --force` forgets them all."""

    def __init__(self, root: Path | None):
        self.path = root / "build" / "file-digests.json" if root is not None else None
        self.known: dict[str, list] = {}
        try:
            if self.path is not None:
                self.known = json.loads(self.path.read_text(encoding="utf-8"))["files"]
        except (OSError, ValueError, KeyError, TypeError):
            self.known = {}
        self.now: dict[str, list] = {}

    def of(self, path: Path, extra: Callable[[bytes], object] | None = None) -> tuple[int, str, object]:
        """(size, digest, extra(bytes) when asked for) of one file; OSError when unreadable."""
        name = os.path.abspath(path)
        stat = os.stat(name)
        entry = self.now.get(name) or self.known.get(name)
        if (isinstance(entry, list) and len(entry) == 5 and entry[0] == stat.st_size and entry[1] == stat.st_mtime_ns
                and stat.st_mtime_ns < entry[2] - RACY_NS and (extra is None or entry[4] is not None)):
            self.now[name] = entry
            return entry[0], entry[3], entry[4]
        read_at = time.time_ns()
        with open(name, "rb") as file:
            data = file.read()
        found = extra(data) if extra is not None else None
        entry = [len(data), stat.st_mtime_ns, read_at, hashlib.sha256(data).hexdigest(), found]
        self.now[name] = entry
        return entry[0], entry[3], entry[4]

    def save(self) -> None:
        if self.path is not None and self.now != self.known:
            keep_file(self.path, json.dumps({"files": self.now}).encode())


class _Digest:
    def __init__(self, files: FileDigests | None = None):
        self.hash = hashlib.sha256()
        self.digests = files or FileDigests(None)

    def add(self, label: str, data: bytes) -> None:
        self.hash.update(f"{label}\0{len(data)}\0".encode())
        self.hash.update(data)

    def files(self, folder: Path, base: Path, skip: tuple[str, ...] = ()) -> None:
        for path in _files(folder):
            rel = path.relative_to(base).as_posix()
            if rel not in skip and path.suffix != ".pyc":
                self.add(rel, self.digests.of(path)[1].encode())

    def hexdigest(self) -> str:
        return self.hash.hexdigest()


def code_digest(templates: Path | None = None, files: FileDigests | None = None) -> str:
    """The build's own code and templates, the installed distributions and the Python version:
    everything besides the project's files that shapes what a build writes."""
    digest = _Digest(files)
    digest.add("state", str(STATE_VERSION).encode())
    digest.add("python", sys.version.encode())
    digest.add("installed", "\n".join(installed()).encode())
    for folder in dict.fromkeys([PACKAGE_DIR, (templates or PACKAGE_DIR).resolve()]):
        digest.files(folder, folder.parent)
    return digest.hexdigest()


def content_digest(root: Path, files: FileDigests | None = None) -> str:
    """content/ (but the locks, which the build writes) and CHANGELOG.md."""
    digest = _Digest(files)
    digest.files(root / "content", root, LOCKS)
    for name in INPUT_FILES:
        path = root / name
        digest.add(name, path.read_bytes() if path.exists() else b"\0missing")
    return digest.hexdigest()


class Inputs:
    """The digests of one build's inputs, each computed once, when first needed."""

    def __init__(self, root: Path, dist: Path, templates: Path | None = None):
        self.root, self.dist, self.templates = root, dist, templates
        self.files = FileDigests(root)

    @functools.cached_property
    def code(self) -> str:
        return code_digest(self.templates, self.files)

    @functools.cached_property
    def content(self) -> str:
        return content_digest(self.root, self.files)

    @functools.cached_property
    def digest(self) -> str:
        """Everything the build reads: change any byte of it and the digest changes."""
        digest = _Digest(self.files)
        digest.add("code", self.code.encode())
        digest.add("content", self.content.encode())
        digest.add("dist", str(self.dist.resolve()).encode())
        digest.add("epoch", os.environ.get("SOURCE_DATE_EPOCH", "").encode())
        digest.files(self.root / "answers", self.root)
        return digest.hexdigest()


def output_listing(dist: Path) -> dict[str, list[int]]:
    """Every file in dist/ with its size and modification time (nanoseconds)."""
    listing = {}
    for path in _files(dist) if dist.is_dir() else []:
        stat = path.stat()
        listing[path.relative_to(dist).as_posix()] = [stat.st_size, stat.st_mtime_ns]
    return listing


def keep_file(path: Path | str, data: bytes) -> None:
    """Write something a build keeps under build/: through a temporary file of this process and
    a rename, so no reader (another worker, the next build) ever sees half of it. Its folder is
    made only when missing (not a mkdir per write). A file that cannot be written only costs the
    next build time, so failures are ignored."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        try:
            file = open(temporary, "wb")  # noqa: SIM115 - closed below
        except FileNotFoundError:
            os.makedirs(os.path.dirname(temporary), exist_ok=True)
            file = open(temporary, "wb")  # noqa: SIM115
        with file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        pass


def record(root: Path, dist: Path, inputs: str, report: str, warnings: list[str],
           files: FileDigests | None = None) -> None:
    """Remember a successful build: ``inputs`` is the digest taken before it started, so a file
    edited while it ran makes the next build run again; ``files``, the file digests it took."""
    if files is not None:
        files.save()
    locks = input_digest_of_locks(root)
    state = {"version": STATE_VERSION, "inputs": inputs, "locks": locks, "outputs": output_listing(dist),
             "report": report, "warnings": warnings}
    keep_file(state_path(root), json.dumps(state, indent=0, sort_keys=True).encode())  # else: a full build next


def input_digest_of_locks(root: Path) -> str:
    digest = hashlib.sha256()
    for rel in LOCKS:
        path = root / rel
        digest.update(path.read_bytes() if path.exists() else b"\0missing")
    return digest.hexdigest()


def unchanged(inputs: Inputs) -> dict | None:
    """The recorded state when nothing changed since the last build; None otherwise (asked
    once per Inputs: the command's fast path and the command agree)."""
    if "verdict" not in vars(inputs):
        inputs.verdict = _unchanged(inputs)
    return inputs.verdict


def _unchanged(inputs: Inputs) -> dict | None:
    root, dist = inputs.root, inputs.dist
    try:
        state = json.loads(state_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
        return None
    try:
        same = (state.get("outputs") == output_listing(dist)
                and state.get("locks") == input_digest_of_locks(root)
                and state.get("inputs") == inputs.digest)
    except OSError:
        return None
    return state if same else None
