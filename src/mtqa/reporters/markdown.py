"""Markdown for a pull-request comment or a job summary: totals, the worst documents, the worst findings.

Bounded in size (a comment holds about 65,000 characters): at most MAX_DOCUMENTS rows
in the document table and MAX_FINDINGS findings, worst first, with a line saying how
many more the full report holds. Every quoted string is escaped for tables. The first
line marks the file as mtqa's (mtqa.reporters.marker).
"""

from __future__ import annotations

from mtqa.report import Report
from mtqa.reporters.marker import MARKDOWN_HEAD
from mtqa.reporters.regions import location
from mtqa.summary import metrics_line, summarize

MAX_DOCUMENTS = 30
MAX_FINDINGS = 25
MAX_QUOTE = 80


def _cell(text: str, limit: int = 0) -> str:
    """Text safe inside a table cell: no newlines, pipes escaped, HTML neutralised."""
    text = " ".join(text.split())
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "*_[]":
        text = text.replace(ch, "\\" + ch)
    return text


def render(report: Report, color: bool = False) -> str:
    s = summarize(report)
    # The marker (an HTML comment, hidden where the Markdown is shown) lets a later folder
    # run tell this file from an article.
    out = [MARKDOWN_HEAD.rstrip("\n"), "## mtqa report", ""]
    verdict = "no findings" if not s.findings else f"**{s.findings} finding(s)**"
    if s.score is None:
        out.append("no document was checked" + (f"; {s.errors} input error(s)" if s.errors else ""))
    else:
        out.append(f"{verdict} in {s.documents} document(s), {s.words} words · MQM penalty {s.penalty:g} "
                   f"({s.mqm_per_1000_words:g} per 1,000 words) · score **{s.score:g}**")
    metrics = metrics_line(report)
    if metrics and s.score is not None:
        out += ["", metrics + "."]
    suppressed = sum(d.suppressed for d in report.documents)
    if suppressed:
        out += ["", f"{suppressed} finding(s) suppressed by comments or the project vocabulary."]
    if report.baseline is not None:
        b = report.baseline
        out += ["", f"Baseline {_cell(str(b.get('path', '')))}: {b['matched']} known finding(s) hidden, "
                    f"{b['new']} new, {b['gone']} baseline entries gone."]
    out += ["", "| severity | findings |", "|---|---:|"]
    out += [f"| {name} | {n} |" for name, n in s.by_severity.items()]
    if s.by_category:
        out += ["", "| category | findings |", "|---|---:|"]
        out += [f"| {c} | {n} |" for c, n in sorted(s.by_category.items(), key=lambda kv: (-kv[1], kv[0]))]
    if report.documents:
        docs = sorted(report.documents, key=lambda d: (d.score, d.path, d.id))
        out += ["", "### Documents (worst first)", "",
                "| document | words | findings | critical | major | minor | penalty | MQM/1k words | score |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for doc in docs[:MAX_DOCUMENTS]:
            sev = {"critical": 0, "major": 0, "minor": 0}
            for f in doc.findings:
                sev[f.severity.value] += 1
            name = doc.label
            out.append(f"| {_cell(name)} | {doc.words} | {len(doc.findings)} | {sev['critical']} | {sev['major']} "
                       f"| {sev['minor']} | {doc.penalty:g} | {doc.mqm_per_1000_words:g} | {doc.score:g} |")
        if len(docs) > MAX_DOCUMENTS:
            out.append(f"\n…and {len(docs) - MAX_DOCUMENTS} more document(s) in the full report.")
    ranked = sorted(report.iter_findings(),
                    key=lambda df: (-df[1].severity.rank, -df[1].confidence, df[0].path, df[0].id, df[1].start))
    if ranked:
        out += ["", "### Worst findings", "",
                "| severity | rule | where | text | message | suggestion |",
                "|---|---|---|---|---|---|"]
        for doc, f in ranked[:MAX_FINDINGS]:
            suggestion = _cell(f.suggestions[0], MAX_QUOTE) if f.suggestions else ""
            out.append(f"| {f.severity.value} | {_cell(f.rule)} | {_cell(location(doc, f))} "
                       f"| {_cell(f.text, MAX_QUOTE)} | {_cell(f.message, 200)} | {suggestion} |")
        if len(ranked) > MAX_FINDINGS:
            out.append(f"\n…and {len(ranked) - MAX_FINDINGS} more finding(s) in the full report.")
    if report.errors:
        out += ["", "### Input errors", ""]
        out += [f"- {_cell(e.path)}: {_cell(e.message)}" for e in report.errors]
    return "\n".join(out) + "\n"
