"use strict";
// The review page: calls POST /api/check, highlights findings, applies suggestions locally.
// mtqa reports code-point offsets; JavaScript strings index UTF-16 units, so offsets are
// converted once per check. User text is only ever inserted with textContent (no HTML).
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { text: "", findings: [], accepted: 0, active: -1 };
  // The name of the file the article was loaded from: sent as `filename`, so the server
  // reads a Markdown file as Markdown (front matter, code and markup are not prose).
  let articleFile = "";
  const tokenRequired = document.body.dataset.tokenRequired === "true";
  if (tokenRequired) $("token").hidden = false;

  function utf16Converter(text) {
    // Code-point offset -> UTF-16 offset; identity unless the text has astral characters.
    if (!/[\uD800-\uDBFF]/.test(text)) return (cp) => cp;
    const table = [];
    let u = 0;
    for (const ch of text) { table.push(u); u += ch.length; }
    table.push(u);
    return (cp) => table[cp];
  }

  function setStatus(message, isError) {
    $("status").textContent = message;
    $("status").className = isError ? "error" : "";
  }

  function readFileInto(input, target, onName) {
    input.addEventListener("change", () => {
      const file = input.files && input.files[0];
      if (!file) return;
      const reader = new FileReader();
      reader.onload = () => {
        $(target).value = String(reader.result).replace(/\r\n?/g, "\n");
        if (onName) onName(file.name);
      };
      reader.readAsText(file);
    });
  }

  function setArticleFile(name) {
    articleFile = name;
    $("article-name").textContent = name ? "read as " + name : "";
  }

  async function check() {
    const text = $("article").value;
    if (!text.trim()) { setStatus("Paste or load an article first.", true); return; }
    const body = { text: text };
    if (articleFile) body.filename = articleFile;
    const source = $("source").value;
    const lang = $("source-lang").value.trim();
    if (source.trim()) body.source = source;
    if (lang) body.source_lang = lang;
    const headers = { "Content-Type": "application/json" };
    if (tokenRequired) headers["Authorization"] = "Bearer " + $("token").value;
    $("check").disabled = true;
    setStatus("Checking…");
    try {
      const response = await fetch("api/check", { method: "POST", headers: headers, body: JSON.stringify(body) });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) {
        const message = (data.error && data.error.message) || response.statusText;
        setStatus(`Error ${response.status}: ${message}`, true);
        return;
      }
      const doc = data.documents[0];
      const toU16 = utf16Converter(text);
      state.text = text;
      state.accepted = 0;
      state.active = -1;
      state.findings = doc.findings.map((f) => Object.assign({}, f, { s: toU16(f.start), e: toU16(f.end) }));
      renderSummary(doc, data);
      render();
      $("copy").disabled = false;
      setStatus(`${state.findings.length} finding${state.findings.length === 1 ? "" : "s"}.`);
    } catch (err) {
      setStatus("Request failed: " + err, true);
    } finally {
      $("check").disabled = false;
    }
  }

  function renderSummary(doc, data) {
    const box = $("summary");
    box.textContent = "";
    const add = (label, value) => {
      const b = document.createElement("b");
      b.textContent = value;
      box.append(label + " ", b, "   ");
    };
    add("Words", String(doc.words));
    add("Score", String(doc.score));
    add("MQM per 1,000 words", String(doc.mqm_per_1000_words));
    add("Checkers", ((data.provenance && data.provenance.checkers) || []).join(", ") || "none");
  }

  function render() {
    $("results").hidden = false;
    renderView();
    renderList();
  }

  function worst(ids) {
    const rank = { minor: 1, major: 2, critical: 3 };
    return ids.map((i) => state.findings[i].severity).sort((a, b) => rank[b] - rank[a])[0];
  }

  function renderView() {
    // Split the text at every finding boundary; each piece knows which findings cover it.
    const view = $("view");
    view.textContent = "";
    const text = state.text;
    const cuts = new Set([0, text.length]);
    state.findings.forEach((f) => { cuts.add(f.s); cuts.add(f.e); });
    const points = [...cuts].sort((a, b) => a - b);
    for (let k = 0; k < points.length; k++) {
      const a = points[k];
      state.findings.forEach((f, i) => {
        if (f.s === f.e && f.s === a) view.append(mark([i], "", true));
      });
      if (k + 1 >= points.length) break;
      const b = points[k + 1];
      const piece = text.slice(a, b);
      const ids = [];
      state.findings.forEach((f, i) => { if (f.s <= a && f.e >= b && f.s < f.e) ids.push(i); });
      view.append(ids.length ? mark(ids, piece, false) : document.createTextNode(piece));
    }
  }

  function mark(ids, piece, isPoint) {
    const m = document.createElement("mark");
    m.textContent = piece;
    m.className = worst(ids) + (isPoint ? " point" : "");
    m.dataset.ids = ids.join(",");
    m.title = ids.map((i) => state.findings[i].message).join("\n");
    m.addEventListener("click", () => activate(ids[0], true));
    return m;
  }

  function renderList() {
    const list = $("findings");
    list.textContent = "";
    state.findings.forEach((f, i) => {
      const li = document.createElement("li");
      li.className = "finding " + f.severity;
      li.id = "finding-" + i;
      li.dataset.rule = f.rule;
      const meta = document.createElement("div");
      meta.className = "meta";
      const code = document.createElement("code");
      code.textContent = f.rule;
      meta.append(code, ` · ${f.category} · ${f.severity} · line ${f.line}`);
      const msg = document.createElement("div");
      msg.className = "message";
      msg.textContent = f.message;
      const quote = document.createElement("div");
      quote.className = "quote";
      quote.textContent = "“" + state.text.slice(f.s, f.e) + "”";
      li.append(meta, msg, quote);
      if (f.suggestions.length) {
        const box = document.createElement("div");
        box.className = "suggestions";
        f.suggestions.slice(0, 5).forEach((s, j) => {
          const button = document.createElement("button");
          button.className = "accept";
          button.textContent = s === "" ? "(delete)" : s;
          button.title = "Replace with this suggestion";
          button.addEventListener("click", (ev) => { ev.stopPropagation(); accept(i, j); });
          box.append(button);
        });
        li.append(box);
      }
      li.addEventListener("click", () => activate(i, false));
      list.append(li);
    });
  }

  function activate(i, scrollList) {
    state.active = i;
    document.querySelectorAll(".active").forEach((el) => el.classList.remove("active"));
    const li = $("finding-" + i);
    if (li) { li.classList.add("active"); if (scrollList) li.scrollIntoView({ block: "nearest" }); }
    document.querySelectorAll("mark").forEach((m) => {
      if (m.dataset.ids.split(",").includes(String(i))) m.classList.add("active");
    });
  }

  function accept(i, j) {
    // The offsets describe the text as checked; edits typed since then would be lost (or
    // the replacement land in the wrong place), so a changed text is checked again first.
    if ($("article").value !== state.text) {
      setStatus("The article has changed since the check; check again before accepting suggestions.", true);
      return;
    }
    const f = state.findings[i];
    const replacement = f.suggestions[j];
    const delta = replacement.length - (f.e - f.s);
    state.text = state.text.slice(0, f.s) + replacement + state.text.slice(f.e);
    // Findings after the edit shift; findings overlapping it no longer describe the text.
    const kept = [];
    state.findings.forEach((g, k) => {
      if (k === i) return;
      if (g.e <= f.s) kept.push(g);
      else if (g.s >= f.e) kept.push(Object.assign({}, g, { s: g.s + delta, e: g.e + delta }));
    });
    state.findings = kept;
    state.accepted += 1;
    $("article").value = state.text;
    render();
    setStatus(`Accepted ${state.accepted} suggestion${state.accepted === 1 ? "" : "s"}; ${state.findings.length} finding${state.findings.length === 1 ? "" : "s"} left. Check again to refresh.`);
  }

  async function copy() {
    // What the user sees: accepted suggestions are in the box, and so are their own edits.
    const text = $("article").value;
    try {
      await navigator.clipboard.writeText(text);
    } catch (err) {
      const area = $("article");
      area.value = text;
      area.select();
      document.execCommand("copy");
    }
    setStatus("Corrected text copied.");
  }

  $("check").addEventListener("click", check);
  $("copy").addEventListener("click", copy);
  readFileInto($("article-file"), "article", setArticleFile);
  // Text pasted into an emptied box is not that file any more.
  $("article").addEventListener("input", () => { if (!$("article").value) setArticleFile(""); });
  readFileInto($("source-file"), "source");
})();
