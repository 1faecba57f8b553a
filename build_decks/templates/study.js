// The offline study page: browse, search, filter, study with a small spaced-repetition schedule.
// Everything stays in this file and in localStorage; nothing is fetched.
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("aei-data").textContent);
  const KEY = "aei-progress-v1";
  const THEME = "aei-theme";
  const MINUTE = 60 * 1000, DAY = 24 * 60 * MINUTE;
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const byId = new Map(DATA.cards.map(c => [c.id, c]));

  // ---- progress: {id: {ease, interval (days), due (ms), reps, lapses, last}} ----
  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || "{}") || {}; } catch (e) { return {}; }
  }
  let progress = load();
  function save() { localStorage.setItem(KEY, JSON.stringify(progress)); }

  // A small SM-2-style schedule: again -> 10 minutes, good -> 1 day then x ease, easy -> 4 days then x ease x 1.3.
  function schedule(state, rating, now) {
    const s = Object.assign({ ease: 2.5, interval: 0, reps: 0, lapses: 0 }, state || {});
    if (rating === "again") {
      s.ease = Math.max(1.3, s.ease - 0.2); s.interval = 0; s.lapses += 1; s.due = now + 10 * MINUTE;
    } else if (rating === "good") {
      s.interval = s.interval ? Math.round(s.interval * s.ease) : 1; s.due = now + s.interval * DAY;
    } else {
      s.ease = s.ease + 0.15; s.interval = s.interval ? Math.round(s.interval * s.ease * 1.3) : 4;
      s.due = now + s.interval * DAY;
    }
    s.reps += 1; s.last = rating; s.rated = now;
    return s;
  }
  window.aeiSchedule = schedule;  // exposed for tests and the curious

  // ---- theme: follows the system unless the reader chose one ----
  const media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function applyTheme() {
    const chosen = localStorage.getItem(THEME);
    const dark = chosen ? chosen === "dark" : !!(media && media.matches);
    document.body.classList.toggle("nightMode", dark);
    document.body.classList.toggle("night_mode", dark);
    $("#theme").textContent = dark ? "Light theme" : "Dark theme";
    $("#theme").setAttribute("aria-pressed", String(dark));
  }
  if (media && media.addEventListener) media.addEventListener("change", applyTheme);

  // ---- filters ----
  const filters = { q: "", section: "", category: "", type: "", level: "", company: "", status: "" };
  function matches(card) {
    if (filters.section && card.section !== filters.section) return false;
    if (filters.category && !card.categories.includes(filters.category)) return false;
    if (filters.type && card.type !== filters.type) return false;
    if (filters.level && card.level !== filters.level) return false;
    if (filters.company && !card.companies.includes(filters.company)) return false;
    if (filters.status && card.status !== filters.status) return false;
    if (filters.q) {
      const words = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
      return words.every(w => card.text.includes(w));
    }
    return true;
  }
  function fillSelect(id, values, label) {
    const select = $(id);
    select.innerHTML = "";
    const all = document.createElement("option");
    all.value = ""; all.textContent = label; select.appendChild(all);
    for (const v of values) {
      const o = document.createElement("option"); o.value = v; o.textContent = v; select.appendChild(o);
    }
  }
  const uniq = list => Array.from(new Set(list)).sort((a, b) => a.localeCompare(b));

  // ---- browse view ----
  function badge(text, cls) { return `<span class="badge ${cls}">${text}</span>`; }
  function cardHtml(card, open) {
    const state = progress[card.id];
    const rated = state ? `<span class="rated">rated ${state.last}, due ${dueText(state)}</span>` : "";
    return `<article class="item" id="card-${card.id}" data-id="${card.id}">
      <details${open ? " open" : ""}><summary><span class="q">${card.question}</span>
      <span class="badges">${badge(card.type + " · " + card.level, "level")}${card.status === "unanswered" ? badge("no answer yet", "company") : ""}</span>${rated}</summary>
      <div class="aei">${card.back}</div></details></article>`;
  }
  function dueText(state) {
    const ms = state.due - Date.now();
    if (ms <= 0) return "now";
    if (ms < DAY) return `in ${Math.max(1, Math.round(ms / MINUTE))} min`;
    return `in ${Math.round(ms / DAY)} d`;
  }
  function renderBrowse() {
    const shown = DATA.cards.filter(matches);
    $("#count").textContent = `${shown.length} of ${DATA.cards.length} cards`;
    const out = [];
    let section = null, category = null;
    for (const card of shown) {
      if (card.section !== section) {
        section = card.section; category = null;
        out.push(`<h2 class="section">${card.section}</h2>`);
      }
      if (card.category !== category) {
        category = card.category;
        out.push(`<h3 class="category">${card.category}</h3>`);
      }
      out.push(cardHtml(card, false));
    }
    $("#list").innerHTML = out.join("") || `<p class="empty">No card matches these filters.</p>`;
  }

  // ---- study view ----
  let queue = [], current = null, revealed = false;
  function dueCards(now) {
    return DATA.cards.filter(matches).filter(c => progress[c.id] && progress[c.id].due <= now)
      .sort((a, b) => progress[a.id].due - progress[b.id].due);
  }
  function newCards() {
    return DATA.cards.filter(matches).filter(c => !progress[c.id]).sort((a, b) => a.position - b.position);
  }
  function buildQueue() {
    const now = Date.now();
    queue = dueCards(now).concat(newCards());
    $("#due-count").textContent = `${dueCards(now).length} due · ${newCards().length} new`;
  }
  function showNext() {
    buildQueue();
    current = queue[0] || null;
    revealed = false;
    const box = $("#study-card");
    if (!current) {
      box.innerHTML = `<p class="empty">Nothing due with these filters. Come back later, or change the filters.</p>`;
      $("#reveal").hidden = true; $("#ratings").hidden = true;
      return;
    }
    box.innerHTML = `<div class="aei">${current.front}</div>`;
    $("#reveal").hidden = false; $("#ratings").hidden = true;
    $("#reveal").focus();
  }
  function reveal() {
    if (!current || revealed) return;
    revealed = true;
    $("#study-card").innerHTML = `<div class="aei">${current.front}</div><hr id="answer"><div class="aei">${current.back}</div>`;
    $("#reveal").hidden = true; $("#ratings").hidden = false;
    $("#rate-good").focus();
  }
  function rate(rating) {
    if (!current || !revealed) return;
    progress[current.id] = schedule(progress[current.id], rating, Date.now());
    save();
    announce(`Rated ${rating}.`);
    showNext();
  }

  // ---- modes, export/import ----
  function setMode(mode) {
    for (const m of ["browse", "study"]) {
      $("#" + m).hidden = m !== mode;
      $("#mode-" + m).setAttribute("aria-pressed", String(m === mode));
    }
    if (mode === "study") showNext(); else renderBrowse();
  }
  function announce(text) { $("#status").textContent = text; }
  function exportProgress() {
    const blob = new Blob([JSON.stringify({ format: KEY, progress }, null, 1)], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob); a.download = "ai-interview-progress.json";
    document.body.appendChild(a); a.click(); a.remove();
  }
  function importProgress(file) {
    file.text().then(text => {
      const data = JSON.parse(text);
      const incoming = data && data.progress;
      if (!incoming || typeof incoming !== "object") throw new Error("not a progress file");
      let merged = 0;
      for (const [id, state] of Object.entries(incoming)) {
        if (!byId.has(id) || !state || typeof state.due !== "number") continue;
        const mine = progress[id];
        if (!mine || (state.rated || 0) > (mine.rated || 0)) { progress[id] = state; merged += 1; }
      }
      save(); announce(`Imported progress for ${merged} cards.`); refresh();
    }).catch(err => announce(`Could not import: ${err.message}`));
  }
  function refresh() { if (!$("#study").hidden) showNext(); else renderBrowse(); }

  // ---- wiring ----
  function init() {
    fillSelect("#f-section", DATA.sections, "All sections");
    fillSelect("#f-category", uniq(DATA.cards.flatMap(c => c.categories)), "All categories");
    fillSelect("#f-type", uniq(DATA.cards.map(c => c.type)), "All types");
    fillSelect("#f-level", ["foundational", "intermediate", "advanced"], "All levels");
    fillSelect("#f-company", uniq(DATA.cards.flatMap(c => c.companies)), "All companies");
    fillSelect("#f-status", ["answered", "unanswered"], "Answered or not");
    $("#search").addEventListener("input", e => { filters.q = e.target.value.trim(); refresh(); });
    for (const name of ["section", "category", "type", "level", "company", "status"]) {
      $("#f-" + name).addEventListener("change", e => { filters[name] = e.target.value; refresh(); });
    }
    $("#mode-browse").addEventListener("click", () => setMode("browse"));
    $("#mode-study").addEventListener("click", () => setMode("study"));
    $("#reveal").addEventListener("click", reveal);
    for (const r of ["again", "good", "easy"]) $("#rate-" + r).addEventListener("click", () => rate(r));
    $("#theme").addEventListener("click", () => {
      localStorage.setItem(THEME, document.body.classList.contains("nightMode") ? "light" : "dark");
      applyTheme();
    });
    $("#export").addEventListener("click", exportProgress);
    $("#import").addEventListener("change", e => { if (e.target.files[0]) importProgress(e.target.files[0]); });
    document.addEventListener("keydown", e => {
      const typing = e.target && (e.target.tagName === "INPUT" || e.target.tagName === "SELECT");
      if (e.key === "/" && !typing) { e.preventDefault(); $("#search").focus(); return; }
      if (typing || $("#study").hidden) return;
      if ((e.key === " " || e.key === "Enter") && !revealed) { e.preventDefault(); reveal(); }
      else if (revealed && ["1", "2", "3"].includes(e.key)) { e.preventDefault(); rate({ 1: "again", 2: "good", 3: "easy" }[e.key]); }
    });
    applyTheme();
    setMode(location.hash === "#study" ? "study" : "browse");
  }
  init();
})();
