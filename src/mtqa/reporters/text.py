"""The default text report: `path:line:col: CODE severity message`, the line, a caret span.

Colour only when asked (the CLI asks on a TTY). The summary at the end counts findings
by category and severity, as every other format does.

Article text and file names are data, not terminal commands: control characters (ESC
sequences, carriage returns, bells, C1 codes) and the bidi overrides that reorder a line
on screen are shown escaped (``\x1b``, ``\u202e``), never passed to the terminal. So are
the other invisible format characters (soft hyphen, zero-width space and joiner, LRM/RLM):
terminals disagree on their width (one column or none), so the carets under a span could
not line up, and a reader should see them anyway.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from mtqa.model import Severity
from mtqa.report import Report
from mtqa.reporters.regions import rule_info, segment_note
from mtqa.summary import metrics_line, summarize

_COLORS = {Severity.CRITICAL: "\033[1;35m", Severity.MAJOR: "\033[1;31m", Severity.MINOR: "\033[33m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
_MAX_LINE = 160
# C0 and C1 controls and DEL (tab is shown as a space), line/paragraph separators, and
# every format character (Unicode category Cf: the soft hyphen, zero-width space and
# joiners, LRM/RLM, the bidi embeddings, overrides and isolates of "Trojan Source", BOM).
_CONTROLS = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def escape_controls(text: str) -> str:
    """Text safe to print on a terminal: controls become visible escapes."""
    return _CONTROLS.sub(_escape, text)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _width(text: str) -> int:
    """Display width, so carets line up under wide (CJK) characters."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def _excerpt(line: str, column: int, length: int) -> tuple[str, int, int]:
    """A window of the line around the span, with the span's display offset and width."""
    start = column - 1
    end = min(len(line), start + max(length, 1))
    left = max(0, start - 60)
    right = min(len(line), left + _MAX_LINE)
    prefix = "…" if left else ""
    suffix = "…" if right < len(line) else ""
    before = _shown(line[left:start])
    caret_at = _width(prefix) + _width(before)
    caret_len = max(1, _width(_shown(line[start:min(end, right)])))
    return prefix + _shown(line[left:right]) + suffix, caret_at, caret_len


def _shown(text: str) -> str:
    return escape_controls(text.replace("\t", " "))


def render(report: Report, color: bool = False, summary: bool = True) -> str:
    """The findings, then (unless ``summary`` is off) the totals."""
    paint = (lambda code, s: f"{code}{s}{_RESET}") if color else (lambda code, s: s)  # noqa: E731
    out: list[str] = []
    for doc in report.documents:
        for f in doc.findings:
            # Segment files hold several documents; line and column count inside the document,
            # line N being the Nth segment: the segment's own id, where it says more, ends the
            # line (as in the other reports), and `path:line:col:` stays first for editors.
            where = escape_controls(f"{doc.label}:{f.line}:{f.column}:")
            out.append(f"{paint(_BOLD, where)} {f.rule} {paint(_COLORS[f.severity], f.severity.value)} "
                       f"{escape_controls(f.message + segment_note(f))}")
            line = doc.lines.get(f.line)
            if line is not None:
                span_len = min(f.end, f.start + len(line) - f.column + 1) - f.start
                excerpt, at, width = _excerpt(line, f.column, span_len)
                out.append(f"    {excerpt}")
                out.append("    " + " " * at + paint(_COLORS[f.severity], "^" * width))
            if f.suggestions:
                shown = escape_controls(", ".join(repr(s) for s in f.suggestions[:3]))
                out.append(f"    {paint(_DIM, 'suggestion:')} {shown}")
    if summary:
        out.extend(_summary(report, bool(out)))
    return "\n".join(out) + "\n" if out else ""


def _summary(report: Report, after_findings: bool) -> list[str]:
    s = summarize(report)
    out = [""] if after_findings else []
    if not s.documents:
        # Nothing was read: a score of 100 would read as "clean".
        out.append("no document was checked" + (f"; {s.errors} input error(s)" if s.errors else ""))
        return out
    severity = ", ".join(f"{n} {name}" for name, n in s.by_severity.items() if n)
    out.append(
        f"{s.findings} finding(s) in {s.documents} document(s), {s.words} words"
        + (f" ({severity})" if severity else "")
        + f"; MQM penalty {s.penalty:g}, {s.mqm_per_1000_words:g} per 1,000 words, score {s.score:g}"
    )
    metrics = metrics_line(report)
    if metrics:
        out.append(metrics)
    for category, n in s.by_category.items():
        out.append(f"  {n:5d}  {category}")
    if s.errors:
        out.append(f"{s.errors} input error(s)")
    return out


def render_statistics(report: Report) -> str:
    """How often each rule fired, most frequent first (ruff's --statistics), then the total."""
    counts = Counter(f.rule for _, f in report.iter_findings())
    last = {f.rule: f for _, f in report.iter_findings()}
    out = []
    for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        title = escape_controls(rule_info(report, last[code]).title)
        out.append(f"{n:6d}  {code:16}  {last[code].severity.value:8}  {title}".rstrip())
    total = sum(counts.values())
    documents = len(report.documents)
    out.append(f"{total} finding(s) in {documents} document(s)" if documents else "no document was checked")
    return "\n".join(out) + "\n"
