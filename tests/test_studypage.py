"""The offline study page in the real headless Chromium: search, filter, reveal, rate, reload."""

from __future__ import annotations

import html
import json
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from build_decks.preview import FLAGS, HARNESS, find_browser

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium on this machine (make test tries to install it)")
PAGE = "ai-engineering-interview.html"

CAPTURE = """<script>
window.__errors = [];
window.addEventListener('error', e => window.__errors.push(String(e.message)));
const __origError = console.error;
console.error = (...a) => { window.__errors.push(a.map(String).join(' ')); __origError(...a); };
</script>"""

# Drives the page as a reader would, in two phases around a reload; writes what it saw into the DOM.
DRIVER = """<script>
(function () {
  const $ = s => document.querySelector(s);
  const out = {};
  const fire = (el, type) => el.dispatchEvent(new Event(type, { bubbles: true }));
  const key = k => document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  const finish = () => {
    out.errors = window.__errors;
    out.resources = performance.getEntriesByType('resource').map(r => r.name);
    const pre = document.createElement('pre'); pre.id = 'selftest';
    pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
  };
  if (sessionStorage.getItem('phase') !== '2') {
    localStorage.clear();
    out.total = $('#count').textContent;
    $('#search').value = 'kv cache'; fire($('#search'), 'input');
    out.searched = $('#count').textContent;
    out.searchHits = [...document.querySelectorAll('#list .item')].map(i => i.dataset.id);
    $('#search').value = ''; fire($('#search'), 'input');
    $('#f-level').value = 'advanced'; fire($('#f-level'), 'change');
    const badges = [...document.querySelectorAll('#list .item .badge.level')];
    out.levels = [...new Set(badges.map(b => b.textContent.split(' · ')[1]))];
    $('#f-level').value = ''; fire($('#f-level'), 'change');
    $('#f-status').value = 'answered'; fire($('#f-status'), 'change');
    $('#mode-study').click();
    out.frontOnly = !$('#study-card').innerHTML.includes('id="answer"');
    key(' ');
    out.revealed = $('#study-card').innerHTML.includes('id="answer"');
    out.studied = JSON.parse(document.getElementById('aei-data').textContent).cards
      .filter(c => c.status === 'answered').sort((a, b) => a.position - b.position)[0].id;
    key('2');
    out.stored = JSON.parse(localStorage.getItem('aei-progress-v1'));
    sessionStorage.setItem('phase', '2');
    sessionStorage.setItem('phase1', JSON.stringify(out));
    location.reload();
    return;
  }
  Object.assign(out, JSON.parse(sessionStorage.getItem('phase1')));
  out.afterReload = JSON.parse(localStorage.getItem('aei-progress-v1'));
  out.browseShowsRating = (document.getElementById('card-' + out.studied) || {}).textContent || '';
  finish();
})();
</script>"""


def run_page(path: Path, *args: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [BROWSER, *FLAGS, f"--user-data-dir={profile}", "--host-resolver-rules=MAP * ~NOTFOUND",
             "--virtual-time-budget=8000", "--dump-dom", *args, path.as_uri()],
            capture_output=True, text=True, timeout=120,
        )
    return result.stdout


def driven(real_dist: Path, tmp_path: Path) -> dict:
    page = (real_dist / PAGE).read_text(encoding="utf-8")
    page = page.replace("<head>", "<head>" + CAPTURE, 1).replace("</body>", DRIVER + "</body>", 1)
    path = tmp_path / PAGE
    path.write_text(page, encoding="utf-8")
    dom = run_page(path, "--window-size=1024,900")
    match = re.search(r'<pre id="selftest">(.*?)</pre>', dom, re.S)
    assert match, dom[-2000:]
    return json.loads(html.unescape(match.group(1)))


def test_search_filter_reveal_rate_and_the_rating_survives_a_reload(real_dist, tmp_path):
    seen = driven(real_dist, tmp_path)
    total = int(seen["total"].split(" of ")[1].split()[0])
    assert total >= 400
    hits = int(seen["searched"].split(" of ")[0])
    assert 0 < hits < total and "kv-cache" in seen["searchHits"]
    assert seen["levels"] == ["advanced"]
    assert seen["frontOnly"] and seen["revealed"]
    studied = seen["studied"]
    assert seen["stored"][studied]["last"] == "good" and seen["stored"][studied]["interval"] == 1
    assert seen["afterReload"] == seen["stored"]  # kept in localStorage across the reload
    assert "rated good" in seen["browseShowsRating"]
    assert seen["errors"] == []
    assert seen["resources"] == []  # nothing fetched: no network request at all


def test_the_page_is_one_file_that_fetches_nothing(real_dist):
    page = (real_dist / PAGE).read_text(encoding="utf-8")
    assert "default-src 'none'" in page
    assert not re.search(r'(src|href)="(?!data:|#|https?://)[^"]+"', page.split('id="aei-data"')[0])
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', page)
    assert 'src="aei-' not in page  # every image is inlined


def test_no_horizontal_overflow_on_a_phone(real_dist, tmp_path):
    page = (real_dist / PAGE).read_text(encoding="utf-8")
    probe = ("<script>window.addEventListener('load', () => { const p = parent.document.createElement('pre');"
             "p.id = 'probe'; p.textContent = JSON.stringify({w: innerWidth, s: document.documentElement.scrollWidth,"
             "h1: document.querySelectorAll('h1').length});"
             "parent.document.body.appendChild(p); });</script>")
    outer = HARNESS.format(width=360, height=800, srcdoc=html.escape(page.replace("</body>", probe + "</body>"), True))
    path = tmp_path / "phone.html"
    path.write_text(outer, encoding="utf-8")
    dom = run_page(path, "--window-size=500,800")
    probe_out = json.loads(html.unescape(re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S).group(1)))
    assert probe_out["w"] == 360 and probe_out["s"] <= 360 and probe_out["h1"] == 1
