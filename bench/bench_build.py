"""Build timings side by side with a raw-genanki baseline (`make bench`; never asserted in tests).

Every scenario runs in its own Python process; for each it prints wall time, CPU time (user +
system of that process) and peak memory (its max RSS), and the ratio of its wall time to the
baseline measured in the same run:

- the real deck (content/ and answers/ copied to a scratch folder): cold build (no render
  cache, empty dist/), no-op rebuild, rebuild after editing one answer, and `check`, against
  raw genanki writing the same pre-rendered notes into the same six packages, and against
  `python -c 'import build_decks.cli'` for `check`;
- synthetic banks of generated notes (see `synthetic`; default 1k and 10k notes; BENCH_SIZES=1000,10000,100000
  for more), built cold and after editing one answer, against the same baseline.

BENCH_RUNS sets the rounds (each runs every scenario once, in turn; the best of each is
reported; default 3, one for banks over 10k notes) and BENCH_REAL=0 skips the real deck.
"""

from __future__ import annotations

import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_decks.answers import note_paths

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1800000000", "PYTHONDONTWRITEBYTECODE": "1"}

BASELINE = r"""
import json, sys, genanki
from pathlib import Path
data = json.loads(Path(sys.argv[1]).read_text())
out = Path(sys.argv[2]); out.mkdir(parents=True, exist_ok=True)
model = genanki.Model(1607392319, "AEI", fields=[{"name": f} for f in data["fields"]],
                      templates=[{"name": "Q", "qfmt": "{{Question}}", "afmt": "{{Answer}}"}])
def package(notes, path):
    decks = {}
    for n in notes:
        deck = decks.setdefault(n["deck"], genanki.Deck(abs(hash(n["deck"])) % 2**31, n["deck"]))
        deck.add_note(genanki.Note(model=model, fields=n["fields"], tags=n["tags"], guid=n["guid"]))
    genanki.Package(list(decks.values())).write_to_file(str(path))
package(data["notes"], out / "all.apkg")
for section in sorted({n["section"] for n in data["notes"]}):
    package([n for n in data["notes"] if n["section"] == section], out / f"{abs(hash(section))}.apkg")
"""

CLI = str(Path(PY).with_name("build-decks"))  # the command `make decks` runs
BUILD = [CLI, "build"]


def run(args: list[str], cwd: Path) -> dict:
    """Wall, CPU and peak RSS of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    err = child.stderr.read().decode() if child.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{err[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "mb": usage.ru_maxrss / 1024}


def prerendered(folder: Path, path: Path) -> None:
    """The notes as the real build renders them, for the baseline to write."""
    code = (
        "import json, sys; from pathlib import Path; from build_decks.build import gather; "
        "from build_decks.cards import FIELDS; p = gather(Path('.')); "
        "Path(sys.argv[1]).write_text(json.dumps({'fields': list(FIELDS), 'notes': [{'deck': c.deck, 'section': "
        "c.question.section, 'guid': c.guid, 'tags': list(c.tags), 'fields': [c.fields[f] for f in FIELDS]} "
        "for c in p.cards]}))"
    )
    subprocess.run([PY, "-c", code, str(path)], cwd=folder, env=ENV, check=True)


def report(name: str, result: dict, baseline: float) -> None:
    print(f"  {name:<34} {result['wall']:8.2f} s {result['cpu']:8.2f} s {result['mb']:8.0f} MB"
          f" {result['wall'] / baseline:7.2f}x")


def header(title: str) -> None:
    print(f"\n{title}\n  {'scenario':<34} {'wall':>10} {'cpu':>10} {'peak':>11} {'vs base':>8}")


def edit_one(folder: Path) -> None:
    note = note_paths(folder)[0]
    note.write_text(note.read_text(encoding="utf-8") + f"\nEdited {time.time_ns()}.\n", encoding="utf-8")


def bench_deck(folder: Path, title: str, runs: int, with_check: bool) -> None:
    """Every scenario once per round, ``runs`` rounds, best of each: a host whose speed drifts
    then shifts all of them alike, and the ratios stay comparable."""
    data = folder / "prerendered.json"
    prerendered(folder, data)

    def cold_state():  # no build/ (but `check`'s record of passing python blocks, which builds never read)
        kept = folder / "build" / "python-blocks.json"
        record = kept.read_bytes() if kept.exists() else None
        shutil.rmtree(folder / "build", ignore_errors=True)
        shutil.rmtree(folder / "dist", ignore_errors=True)
        if record is not None:
            kept.parent.mkdir()
            kept.write_bytes(record)

    scenarios = [
        ("raw genanki, same notes (baseline)", [PY, "-c", BASELINE, str(data), str(folder / "baseline")], None),
        ("cold build (no cache)", BUILD, cold_state),
        ("no-op rebuild", BUILD, None),
        ("rebuild after editing one answer", BUILD, lambda: edit_one(folder)),
    ]
    if with_check:
        scenarios += [("import build_decks.cli", [PY, "-c", "import build_decks.cli"], None),
                      ("check (python blocks cached)", [CLI, "check"], None)]
        run([CLI, "check"], folder)  # runs every python block once; later checks find them cached
    results: dict[str, list[dict]] = {name: [] for name, _, _ in scenarios}
    for _ in range(runs):
        for name, args, before in scenarios:
            if before:
                before()
            results[name].append(run(args, folder))
    found = {name: min(measured, key=lambda r: r["wall"]) for name, measured in results.items()}
    baseline = found[scenarios[0][0]]["wall"]
    header(title)
    for name, _, _ in scenarios:
        report(name, found[name], baseline)
    if with_check:
        ratio = found["check (python blocks cached)"]["wall"] / found["import build_decks.cli"]["wall"]
        print(f"  check / import: {ratio:.2f}x")


# ---------------------------------------------------------------- synthetic banks

WORDS = ("model tokens latency cache retrieval index embedding batch prompt eval metric cost budget gpu "
         "queue shard replica vector rerank context window decode prefill throughput policy guard").split()


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def synthetic(folder: Path, size: int) -> None:
    """A bank of ``size`` questions with answers of a concept note's shape: an opening paragraph
    and a list (about 160 words, 1.2 KB of markdown; real notes average 2.9 KB), one in
    five with a code block, one in ten with a table."""
    rng = random.Random(size)
    shutil.copytree(ROOT / "content", folder / "content", ignore=shutil.ignore_patterns("questions", "*.lock",
                                                                                        "retired.yaml"))
    sections = [("technical-questions", "Technical Questions"), ("system-design-questions", "System Design Questions"),
                ("coding-problems", "Coding Problems"), ("behavioral-questions", "Behavioral Questions"),
                ("take-home-assignments", "Take-Home Assignments")]
    sources = [s["id"] for s in json.loads(json.dumps(__import__("yaml").safe_load(
        (ROOT / "content/sources.yaml").read_text())))][:20]
    per = size // len(sections)
    for stem, name in sections:
        lines = [f"section: {name}", "categories:"]
        for c in range(10):
            lines += [f"  - name: Category {c}", "    questions:"]
            for i in range(per // 10):
                qid = f"{stem[:4]}-{c}-{i}"
                lines += [f"      - id: {qid}", f"        text: {sentence(rng, 12)[:-1]}?",
                          f"        sources: [{rng.choice(sources)}]", "        level: intermediate"]
                body = [sentence(rng, 40), "", "## Key points"] + [f"- {sentence(rng, 18)}" for _ in range(6)]
                if i % 5 == 0:
                    body += ["", "```python", "def f(x):", "    return [v * 2 for v in x if v]", "",
                             "assert f([1, 0]) == [2]", "```"]
                if i % 10 == 0:
                    body += ["", "| a | b |", "|---|---|", "| 1 | 2 |"]
                body += ["", "## Follow-ups", f"- {sentence(rng, 14)}"]
                path = folder / "answers" / stem / f"category-{c}" / f"{qid}.md"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(f"---\nid: {qid}\n---\n" + "\n".join(body) + "\n", encoding="utf-8")
        (folder / "content/questions").mkdir(exist_ok=True)
        (folder / "content/questions" / f"{stem}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,10000").split(",") if s]
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
          f"; best of {runs} runs")
    with tempfile.TemporaryDirectory(prefix="aei-bench-") as scratch:
        if os.environ.get("BENCH_REAL", "1") != "0":
            real = Path(scratch) / "real"
            for name in ("content", "answers"):
                shutil.copytree(ROOT / name, real / name)
            bench_deck(real, f"Real deck ({len(note_paths(real))} answer notes)", runs, True)
        for size in sizes:
            folder = Path(scratch) / f"synthetic-{size}"
            synthetic(folder, size)
            bench_deck(folder, f"Synthetic bank, {size:,} notes", 1 if size > 10_000 else runs, False)


if __name__ == "__main__":
    main()
