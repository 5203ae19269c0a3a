"""A self-contained HTML report: the article with every finding highlighted, for editors.

One file, no network: the stylesheet and the small filter script are inlined, a
Content-Security-Policy forbids any fetch, and the chart is inline SVG. Every piece of
report text goes through ``html.escape`` and the script reads only ``data-*``
attributes, so a finding that quotes ``<script>`` stays text. Highlights are
``<mark>`` elements (one tab stop per finding, tooltip on hover and focus); overlapping
findings split the text into pieces that each list the findings covering them.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from importlib import resources

from mtqa.model import Finding
from mtqa.report import DocumentResult, Report
from mtqa.reporters.marker import HTML_HEAD
from mtqa.summary import summarize

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
_CATEGORY_COLORS = {"accuracy": "#c62828", "fluency": "#1565c0", "style": "#2e7d32", "terminology": "#6a1b9a",
                    "locale": "#ef6c00", "other": "#5f6368"}


def _asset(name: str) -> str:
    return resources.files("mtqa.reporters").joinpath("html_assets", name).read_text(encoding="utf-8")


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"  # None: no document was read, nothing to score


def _finding_attrs(fid: str, f: Finding) -> str:
    return (f'data-finding="{fid}" data-category="{_e(f.category)}" data-severity="{f.severity.value}" '
            f'data-checker="{_e(f.checker)}"')


def _tip_item(fid: str, f: Finding) -> str:
    suggestion = ""
    if f.suggestions:
        suggestion = " Suggestion: " + " | ".join(f"<b>{_e(s)}</b>" for s in f.suggestions[:3])
    return (f'<span class="tip-item" {_finding_attrs(fid, f)}>{f.severity.value} · {_e(f.rule)} · '
            f"{_e(f.category)}<br>{_e(f.message)}{suggestion}</span>")


def _highlight(text: str, spans: list[tuple[int, int, str, Finding]], anchors: dict[str, str]) -> str:
    """``text`` with each span marked; overlaps split into pieces listing every covering finding.

    ``anchors`` receives, for each finding id, the element id of the piece it starts in.
    """
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    empties: dict[int, list[int]] = defaultdict(list)
    for i, (start, end, _, _) in enumerate(spans):
        if start < end:
            starts[start].append(i)
            ends[end].append(i)
        else:
            empties[start].append(i)
    points = sorted({0, len(text), *starts, *ends, *empties})
    out: list[str] = []
    active: list[int] = []
    for n, point in enumerate(points):
        for i in ends.get(point, ()):
            active.remove(i)
        if point in empties:
            out.append(_mark(spans, empties[point], empties[point], anchors, ""))
        active.extend(starts.get(point, ()))
        if n + 1 == len(points):
            break
        piece = text[point:points[n + 1]]
        if not active:
            out.append(_e(piece))
        else:
            out.append(_mark(spans, sorted(active), starts.get(point, []), anchors, piece))
    return "".join(out)


def _mark(spans, covering: list[int], starting: list[int], anchors: dict[str, str], piece: str) -> str:
    ids = [spans[i][2] for i in covering]
    worst = max((spans[i][3] for i in covering), key=lambda f: f.severity.rank)
    attrs = f'class="hl sev-{worst.severity.value}{" empty" if not piece else ""}" data-f="{" ".join(ids)}"'
    if starting:
        anchor = spans[min(starting)][2]
        for i in starting:
            anchors[spans[i][2]] = anchor
        # Screen readers announce the flagged text, then the tooltip as its description.
        attrs += f' id="{anchor}" data-anchor="" tabindex="0" aria-describedby="tip-{anchor}"'
        tip_id = f' id="tip-{anchor}"'
    else:
        tip_id = ""
    if not piece:  # an insertion point has no text to announce
        attrs += f' aria-label="{_e("; ".join(spans[i][3].rule for i in covering))}"'
    tips = "".join(_tip_item(spans[i][2], spans[i][3]) for i in covering)
    return f'<mark {attrs}>{_e(piece)}<span class="tip" role="tooltip"{tip_id}>{tips}</span></mark>'


def _stats(items: list[tuple[str, str]]) -> str:
    cells = "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in items)
    return f'<dl class="stats">{cells}</dl>'


def _chart(by_category: dict[str, int]) -> str:
    if not by_category:
        return "<p>No findings.</p>"
    rows = sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0]))
    top = max(n for _, n in rows)
    label_w, bar_w, row_h = 190, 340, 24
    height = row_h * len(rows) + 8
    desc = ", ".join(f"{c}: {n}" for c, n in rows)
    parts = [f'<svg class="chart" role="img" aria-labelledby="chart-title" width="{label_w + bar_w + 60}" '
             f'height="{height}" viewBox="0 0 {label_w + bar_w + 60} {height}" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="chart-title">Findings by category: {_e(desc)}</title>']
    for i, (category, n) in enumerate(rows):
        y = 4 + i * row_h
        width = max(2, round(bar_w * n / top))
        color = _CATEGORY_COLORS.get(category.split("/")[0], "#5f6368")
        parts.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{_e(category)}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{width}" height="{row_h - 8}" rx="3" fill="{color}"/>'
                     f'<text x="{label_w + width + 6}" y="{y + 16}">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _filters(report: Report) -> str:
    groups: dict[str, dict[str, int]] = {"severity": {}, "category": {}, "checker": {}}
    for _, f in report.iter_findings():
        for group, value in (("severity", f.severity.value), ("category", f.category), ("checker", f.checker)):
            groups[group][value] = groups[group].get(value, 0) + 1
    order = {"critical": 0, "major": 1, "minor": 2}
    out = ['<form id="filters" aria-label="Filter findings">']
    for group, values in groups.items():
        out.append(f"<fieldset><legend>{group.capitalize()}</legend>")
        for value in sorted(values, key=lambda v: (order.get(v, 9), v)):
            out.append(f'<label><input type="checkbox" checked data-group="{group}" value="{_e(value)}"> '
                       f"{_e(value)} ({values[value]})</label>")
        out.append("</fieldset>")
    out.append("</form>")
    return "".join(out)


def _document(index: int, doc: DocumentResult) -> str:
    fids = [f"d{index}f{i}" for i in range(len(doc.findings))]
    anchors: dict[str, str] = {}
    if doc.text is not None:
        spans = [(f.start, f.end, fid, f) for f, fid in zip(doc.findings, fids, strict=True)]
        body = f'<div class="article" lang="en">{_highlight(doc.text, spans, anchors)}</div>'
    else:
        # Only the quoted lines are in the report: highlight within each of them.
        by_line: dict[int, list] = defaultdict(list)
        for f, fid in zip(doc.findings, fids, strict=True):
            line = doc.lines.get(f.line, "")
            start = f.column - 1
            by_line[f.line].append((start, min(len(line), start + len(f.text)), fid, f))
        body = "".join(
            f'<p class="excerpt"><span class="lineno">{n}:</span> '
            f'{_highlight(doc.lines.get(n, ""), spans, anchors)}</p>'
            for n, spans in sorted(by_line.items())
        ) or "<p>No findings.</p>"
    rows = []
    for f, fid in zip(doc.findings, fids, strict=True):
        suggestion = _e(" | ".join(f.suggestions[:3]))
        rows.append(
            f"<tr {_finding_attrs(fid, f)}>"
            f'<td><span class="badge sev-{f.severity.value}">{f.severity.value}</span></td>'
            f'<td><a href="#{anchors.get(fid, "")}">{f.line}:{f.column}</a></td><td><code>{_e(f.rule)}</code></td>'
            f"<td>{_e(f.category)}</td><td>{_e(f.checker)}</td><td>{_e(f.text)}</td><td>{_e(f.message)}</td>"
            f"<td>{suggestion}</td></tr>"
        )
    table = ("<table><caption class=\"skip\">Findings</caption><thead><tr><th>severity</th><th>where</th>"
             "<th>rule</th><th>category</th><th>checker</th><th>text</th><th>message</th><th>suggestion</th></tr>"
             f"</thead><tbody>{''.join(rows)}</tbody></table>") if rows else ""
    stats = _stats([("words", str(doc.words)), ("findings", str(len(doc.findings))),
                    ("MQM penalty", f"{doc.penalty:g}"), ("per 1,000 words", f"{doc.mqm_per_1000_words:g}"),
                    ("score", f"{doc.score:g}")] + ([("suppressed", str(doc.suppressed))] if doc.suppressed else []))
    return (f'<section class="doc" id="doc-{index}" aria-labelledby="doc-{index}-title">'
            f'<h2 id="doc-{index}-title">{_e(doc.label)}</h2>'
            f"{stats}{body}{table}</section>")


def _index(report: Report) -> str:
    ranked = sorted(enumerate(report.documents), key=lambda item: (item[1].score, item[1].path, item[1].id))
    rows = "".join(
        f'<tr><td><a href="#doc-{i}">{_e(d.path if d.id == d.path else f"{d.path} — {d.id}")}</a></td>'
        f'<td class="num">{d.score:g}</td><td class="num">{d.penalty:g}</td>'
        f'<td class="num">{d.mqm_per_1000_words:g}</td><td class="num">{len(d.findings)}</td>'
        f'<td class="num">{d.words}</td></tr>'
        for i, d in ranked
    )
    return ('<section class="panel" aria-labelledby="index-title"><h2 id="index-title">Documents by score</h2>'
            '<table><thead><tr><th>document</th><th class="num">score</th><th class="num">penalty</th>'
            '<th class="num">per 1,000 words</th><th class="num">findings</th><th class="num">words</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></section>")


def render(report: Report, color: bool = False) -> str:
    s = summarize(report)
    head = (f'{HTML_HEAD}'  # first: how a later folder run knows this file is a report
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>mtqa report</title><style>{_asset('report.css')}</style></head><body>")
    summary = _stats([("documents", str(s.documents)), ("words", str(s.words)), ("findings", str(s.findings)),
                      ("critical", str(s.by_severity["critical"])), ("major", str(s.by_severity["major"])),
                      ("minor", str(s.by_severity["minor"])), ("MQM penalty", f"{s.penalty:g}"),
                      ("per 1,000 words", _rate(s.mqm_per_1000_words)), ("score", _rate(s.score))])
    parts = [head, '<a class="skip" href="#documents">Skip to the documents</a>',
             f"<header><h1>mtqa report</h1>{summary}</header><main>"]
    if report.baseline is not None:
        b = report.baseline
        parts.append(f'<p class="panel">Baseline {_e(b.get("path", ""))}: {b["matched"]} known finding(s) hidden, '
                     f'{b["new"]} new, {b["gone"]} baseline entries gone.</p>')
    parts.append('<section class="panel" aria-labelledby="chart-heading"><h2 id="chart-heading">Findings by category'
                 f"</h2>{_chart(s.by_category)}</section>")
    if s.findings:
        parts.append(f'<section class="panel" aria-labelledby="filter-heading"><h2 id="filter-heading">Filters</h2>'
                     f'{_filters(report)}<p id="shown" aria-live="polite"></p></section>')
    if len(report.documents) > 1:
        parts.append(_index(report))
    if report.errors:
        items = "".join(f"<li>{_e(e.path)}: {_e(e.message)}</li>" for e in report.errors)
        parts.append(f'<section class="panel"><h2>Input errors</h2><ul>{items}</ul></section>')
    parts.append('<div id="documents">')
    parts.extend(_document(i, doc) for i, doc in enumerate(report.documents))
    parts.append("</div></main>")
    tool = report.tool
    checkers = ", ".join(report.provenance.get("checkers", []))
    parts.append(f"<footer>mtqa {_e(tool.get('version', ''))}"
                 + (f" · LanguageTool {_e(tool['languagetool'])}" if tool.get("languagetool") else "")
                 + (f" · checkers: {_e(checkers)}" if checkers else "") + "</footer>")
    parts.append(f"<script>{_asset('report.js')}</script></body></html>\n")
    return "".join(parts)
