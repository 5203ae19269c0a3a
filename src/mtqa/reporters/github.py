"""GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,col=…::…` line a finding.

Runner rules for escaping: in the message, ``%``, CR and LF are percent-encoded; in
property values ``:`` and ``,`` are too (a path with a comma would otherwise end the
property). Columns are code points, as in every mtqa report. Where a finding's line is not
a line of the file (HTML, JSON Lines, TSV, XLIFF, TMX), the annotation names the file only.
"""

from __future__ import annotations

from mtqa.report import Report
from mtqa.reporters.regions import GITHUB_COMMANDS, end_position, file_lines, relative_uri, segment_note


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, color: bool = False) -> str:
    out: list[str] = []
    for doc in report.documents:
        path = relative_uri(doc.path)
        known = file_lines(doc.path)
        for f in doc.findings:
            props = [f"file={_prop(path)}"]
            if known:
                end_line, end_column = end_position(f)
                props += [f"line={f.line}", f"col={f.column}", f"endLine={end_line}"]
                if end_line == f.line:
                    props.append(f"endColumn={end_column}")
            info = report.rules.get(f.rule)
            title = f"{f.rule} {info.title}" if info and info.title else f.rule
            props.append(f"title={_prop(title)}")
            message = f"{f.message} [{f.category}]" + segment_note(f)
            if f.suggestions:
                message += " Suggestion: " + " | ".join(f.suggestions[:3])
            out.append(f"::{GITHUB_COMMANDS[f.severity]} {','.join(props)}::{_data(message)}")
    for error in report.errors:
        out.append(f"::error file={_prop(relative_uri(error.path))},title=mtqa input error::{_data(error.message)}")
    return "".join(line + "\n" for line in out)
