// mtqa HTML report: filters by category, severity and checker. No data lives in this
// script: everything is read from data-* attributes, so report text is never code.
(function () {
  "use strict";
  var rank = { minor: 1, major: 2, critical: 3 };
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#filters input[type=checkbox]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-finding]"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl"));
  var severityOf = {};
  items.forEach(function (el) { severityOf[el.dataset.finding] = el.dataset.severity; });
  var total = Object.keys(severityOf).length;
  var shown = document.getElementById("shown");

  function update() {
    var off = { category: {}, severity: {}, checker: {} };
    boxes.forEach(function (b) { if (!b.checked) { off[b.dataset.group][b.value] = true; } });
    var hidden = {};
    items.forEach(function (el) {
      var h = !!(off.category[el.dataset.category] || off.severity[el.dataset.severity] || off.checker[el.dataset.checker]);
      el.hidden = h;
      if (h) { hidden[el.dataset.finding] = true; }
    });
    marks.forEach(function (m) {
      var best = 0, name = "";
      m.dataset.f.split(" ").forEach(function (id) {
        if (!hidden[id] && rank[severityOf[id]] > best) { best = rank[severityOf[id]]; name = severityOf[id]; }
      });
      m.classList.remove("sev-minor", "sev-major", "sev-critical");
      m.classList.toggle("off", best === 0);
      if (best) { m.classList.add("sev-" + name); }
      if (m.hasAttribute("data-anchor")) { m.tabIndex = best ? 0 : -1; }
    });
    if (shown) {
      var n = total - Object.keys(hidden).length;
      shown.textContent = n + " of " + total + " findings shown";
    }
  }
  // Keep a tooltip inside the window when its highlight sits near the right edge.
  function place(m) {
    var tip = m.querySelector(".tip");
    if (!tip) { return; }
    tip.style.left = ""; tip.style.right = "";
    if (tip.getBoundingClientRect().right > document.documentElement.clientWidth - 8) {
      tip.style.left = "auto"; tip.style.right = "0";
    }
  }
  marks.forEach(function (m) {
    m.addEventListener("mouseenter", function () { place(m); });
    m.addEventListener("focus", function () { place(m); });
  });
  boxes.forEach(function (b) { b.addEventListener("change", update); });
  update();
})();
