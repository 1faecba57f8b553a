"""Render sample cards as Anki shows them, in headless Chromium: PNGs and layout metrics.

The HTML comes from the real Anki engine (the built .apkg imported into a scratch
collection, then `card.question()` / `card.answer()`), wrapped the way Anki's reviewer
wraps it: a body with the `card` class, plus `nightMode` in night mode.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import DeckError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-quic", "--force-device-scale-factor=1",
)
WIDTHS = {"phone": 360, "desktop": 1024}
MIN_WINDOW = 500  # headless Chromium will not make a window narrower than this
HARNESS = (
    "<!doctype html><html><head><meta charset='utf-8'><style>"
    "html, body {{ margin: 0; background: #8a8f98; }}"
    "iframe {{ display: block; margin: 0 auto; border: 0; width: {width}px; height: {height}px; }}"
    "</style></head><body><iframe srcdoc=\"{srcdoc}\"></iframe></body></html>"
)
MEASURE_SCRIPT = """
<script>
function luminance(rgb) {
  const c = rgb.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
function background(el) {
  for (; el; el = el.parentElement) {
    const bg = getComputedStyle(el).backgroundColor;
    if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return bg;
  }
  return 'rgb(255, 255, 255)';
}
window.addEventListener('load', () => {
  const worst = {};
  for (const el of document.querySelectorAll('.aei, .aei *')) {
    if (!el.childNodes.length || ![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const ratio = contrast(getComputedStyle(el).color, background(el));
    const key = el.className || el.tagName.toLowerCase();
    if (!(key in worst) || ratio < worst[key]) worst[key] = ratio;
  }
  const result = {
    viewport: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    minContrast: Math.min(...Object.values(worst)),
    contrast: worst,
    images: [...document.images].map(i => ({
      src: i.getAttribute('src'), loaded: i.complete && i.naturalWidth > 0,
      width: i.getBoundingClientRect().width, height: i.getBoundingClientRect().height,
    })),
  };
  const out = parent.document.createElement('pre');
  out.id = 'aei-metrics';
  out.textContent = JSON.stringify(result);
  parent.document.body.appendChild(out);
});
</script>
"""


@dataclass(frozen=True)
class Sample:
    id: str
    label: str
    front: str
    back: str


def find_browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def page(card_html: str, night: bool, measure: bool = False) -> str:
    """A page like Anki's reviewer: `card` on the body, `nightMode night_mode` at night."""
    classes = "card card1" + (" nightMode night_mode" if night else "")
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'></head>"
        f"<body class='{classes}'><div id='qa'>{card_html}</div>"
        f"{MEASURE_SCRIPT if measure else ''}</body></html>"
    )


def samples(apkg: Path) -> list[Sample]:
    """One answered card per question type, one with a table, one with a diagram, one unanswered."""
    try:
        from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
    except ImportError as exc:  # pragma: no cover - anki is a test dependency
        raise DeckError("previews need the 'anki' package: run `make preview`") from exc
    with tempfile.TemporaryDirectory() as folder:
        col = Collection(str(Path(folder) / "preview.anki2"))
        try:
            request = ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions())
            col.import_anki_package(request)
            return _pick(col)
        finally:
            col.close()


def _pick(col) -> list[Sample]:
    chosen: dict[str, int] = {}
    for nid in sorted(col.find_notes("tag:ai-interview::status::answered")):
        note = col.get_note(nid)
        kind = note["Type"].split(" · ")[0]
        if kind == "coding" and "highlight" not in note["Answer"]:
            continue
        chosen.setdefault(kind, nid)
        if "<table>" in note["Answer"]:
            chosen.setdefault("table", nid)
        if re.search(r'<div class="highlight"><pre><span></span><code>[^<]*-&gt;', note["Answer"]):
            chosen.setdefault("diagram", nid)  # a plain-text diagram block
        if '.svg"' in note["Answer"] and sum(k.startswith("svg-") for k in chosen) < 3:
            chosen[f"svg-{sum(k.startswith('svg-') for k in chosen) + 1}"] = nid  # architecture diagrams
    unanswered = sorted(col.find_notes("tag:ai-interview::status::unanswered"))
    if unanswered:
        chosen["unanswered"] = unanswered[0]
    result = []
    for label, nid in chosen.items():
        card = col.get_note(nid).cards()[0]
        result.append(Sample(col.get_note(nid)["ID"], label, card.question(), card.answer()))
    return result


def _run(browser: str, *args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=timeout, check=False,
        )


def harness(card_page: str, width: int, height: int) -> str:
    """The card page in an iframe of the given width: media queries see the phone's width."""
    return HARNESS.format(width=width, height=height, srcdoc=html.escape(card_page, quote=True))


MEDIA: dict[str, Path] = {}  # apkg -> folder holding its media files, as Anki's media folder would


def media_folder(apkg: Path) -> Path:
    """The package's images under their names, so cards' <img src> resolve as in Anki."""
    if apkg not in MEDIA:
        folder = Path(tempfile.mkdtemp(prefix="aei-preview-media-"))
        with zipfile.ZipFile(apkg) as package:
            names = json.loads(package.read("media") or b"{}")
            for number, name in names.items():
                (folder / name).write_bytes(package.read(number))
        MEDIA[apkg] = folder
    return MEDIA[apkg]


def _with_page(text: str, *args: str, browser: str, folder: Path | None = None) -> subprocess.CompletedProcess:
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8", dir=folder) as handle:
        handle.write(text)
    try:
        return _run(browser, *args, Path(handle.name).as_uri())
    finally:
        Path(handle.name).unlink(missing_ok=True)


def measure(browser: str, card_html: str, night: bool, width: int, folder: Path | None = None) -> dict:
    """Layout metrics of a card at a width: overflow, height and the lowest text contrast."""
    outer = harness(page(card_html, night, measure=True), width, 900)
    result = _with_page(outer, f"--window-size={max(width, MIN_WINDOW) + 40},900",
                        "--virtual-time-budget=3000", "--dump-dom", browser=browser, folder=folder)
    marker = '<pre id="aei-metrics">'
    if marker not in result.stdout:
        raise DeckError(f"no metrics from the browser: {result.stderr[-500:]}")
    return json.loads(html.unescape(result.stdout.split(marker, 1)[1].split("</pre>", 1)[0]))


def screenshot(browser: str, card_html: str, night: bool, width: int, png: Path, folder: Path | None = None) -> None:
    """A PNG of the whole card at a width (phone widths are framed on a grey background)."""
    height = measure(browser, card_html, night, width, folder)["height"]
    png.parent.mkdir(parents=True, exist_ok=True)
    outer = harness(page(card_html, night), width, height)
    _with_page(outer, f"--window-size={max(width, MIN_WINDOW)},{height}", f"--screenshot={png}", browser=browser,
               folder=folder)
    if not png.exists():
        raise DeckError(f"the browser did not write {png}")


def render_previews(apkg: Path, out: Path, browser: str, labels: set[str] | None = None) -> list[Path]:
    """PNGs of every sample (or those ``labels``): front and back, light and night, phone and desktop."""
    written = []
    folder = media_folder(apkg)
    for sample in samples(apkg):
        if labels is not None and sample.label not in labels:
            continue
        for side, card_html in (("front", sample.front), ("back", sample.back)):
            for mode in ("light", "night"):
                for device, width in WIDTHS.items():
                    png = out / f"{sample.label}-{sample.id}-{side}-{mode}-{device}.png"
                    screenshot(browser, card_html, mode == "night", width, png, folder)
                    written.append(png)
    return written


README_SHOTS = {  # file in docs/screenshots -> (sample label, side, mode, device)
    "card-back-light-desktop.png": ("design", "back", "light", "desktop"),
    "card-back-night-phone.png": ("design", "back", "night", "phone"),
}


def readme_shots(written: list[Path], docs: Path) -> list[Path]:
    """Copy the screenshots the README shows into docs/screenshots."""
    copied = []
    for name, (label, side, mode, device) in README_SHOTS.items():
        match = next((p for p in written if p.name.startswith(f"{label}-") and p.name.endswith(
            f"-{side}-{mode}-{device}.png")), None)
        if match:
            docs.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(match, docs / name)
            copied.append(docs / name)
    return copied


STUDY_REVEAL = ("<script>window.addEventListener('load', () => { document.querySelector('#mode-study').click();"
                "document.dispatchEvent(new KeyboardEvent('keydown', {key: ' ', bubbles: true})); });</script>")
STUDY_NIGHT = "<script>localStorage.setItem('aei-theme', 'dark');</script>"


def study_page_shots(page: Path, docs: Path, browser: str) -> list[Path]:
    """README pictures of the offline study page: browsing on a desktop, a revealed card on a phone."""
    text = page.read_text(encoding="utf-8")
    docs.mkdir(parents=True, exist_ok=True)
    shots = {
        "study-browse-light-desktop.png": (text, 1024, 900),
        "study-card-night-phone.png": (text.replace("<head>", "<head>" + STUDY_NIGHT, 1)
                                       .replace("</body>", STUDY_REVEAL + "</body>", 1), 360, 1100),
    }
    written = []
    for name, (html_text, width, height) in shots.items():
        outer = harness(html_text, width, height) if width < MIN_WINDOW else html_text
        _with_page(outer, f"--window-size={max(width, MIN_WINDOW)},{height}", "--virtual-time-budget=3000",
                   f"--screenshot={docs / name}", browser=browser)
        written.append(docs / name)
    return written
