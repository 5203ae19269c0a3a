"""The default text report: `path:line:col: CODE severity message`, the line, a caret span.

Colour only when asked (the CLI asks on a TTY). The summary at the end counts findings
by category and severity, as every other format does.
"""

from __future__ import annotations

import unicodedata

from mtqa.model import Report, Severity
from mtqa.summary import summarize

_COLORS = {Severity.CRITICAL: "\033[1;35m", Severity.MAJOR: "\033[1;31m", Severity.MINOR: "\033[33m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
_MAX_LINE = 160


def _width(text: str) -> int:
    """Display width, so carets line up under wide (CJK) characters."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def _excerpt(line: str, column: int, length: int) -> tuple[str, int, int]:
    """A window of the line around the span, with the span's display offset and width."""
    start = column - 1
    end = min(len(line), start + max(length, 1))
    left = max(0, start - 60)
    right = min(len(line), max(end + 40, left + _MAX_LINE))
    if right - left > _MAX_LINE:
        right = left + _MAX_LINE
    prefix = "…" if left else ""
    suffix = "…" if right < len(line) else ""
    window = line[left:right].replace("\t", " ")
    caret_at = _width(prefix) + _width(line[left:start])
    caret_len = max(1, _width(line[start:min(end, right)]))
    return prefix + window + suffix, caret_at, caret_len


def render(report: Report, color: bool = False) -> str:
    paint = (lambda code, s: f"{code}{s}{_RESET}") if color else (lambda code, s: s)  # noqa: E731
    out: list[str] = []
    for doc in report.documents:
        for f in doc.findings:
            # Segment files hold several documents; line and column count inside the document.
            where = f"{doc.path}{'' if doc.id == doc.path else f'[{doc.id}]'}:{f.line}:{f.column}:"
            out.append(f"{paint(_BOLD, where)} {f.rule} {paint(_COLORS[f.severity], f.severity.value)} {f.message}")
            line = doc.lines.get(f.line)
            if line is not None:
                span_len = min(f.end, f.start + len(line) - f.column + 1) - f.start
                excerpt, at, width = _excerpt(line, f.column, span_len)
                out.append(f"    {excerpt}")
                out.append("    " + " " * at + paint(_COLORS[f.severity], "^" * width))
            if f.suggestions:
                shown = ", ".join(repr(s) for s in f.suggestions[:3])
                out.append(f"    {paint(_DIM, 'suggestion:')} {shown}")
    s = summarize(report)
    if out:
        out.append("")
    severity = ", ".join(f"{n} {name}" for name, n in s.by_severity.items() if n)
    out.append(
        f"{s.findings} finding(s) in {s.documents} document(s), {s.words} words"
        + (f" ({severity})" if severity else "")
        + f"; MQM penalty {s.penalty:g}, {s.mqm_per_1000_words:g} per 1,000 words, score {s.score:g}"
    )
    for category, n in s.by_category.items():
        out.append(f"  {n:5d}  {category}")
    if s.errors:
        out.append(f"{s.errors} input error(s)")
    return "\n".join(out) + "\n"
