"""GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,col=…::…` line a finding.

Runner rules for escaping: in the message, ``%``, CR and LF are percent-encoded; in
property values ``:`` and ``,`` are too (a path with a comma would otherwise end the
property). Columns are code points, as in every mtqa report. For JSON Lines, TSV, XLIFF
and TMX the line is where the reader found the segment in the file, with a column only
where the segment's characters are the file's (``regions.file_place``); for HTML the
annotation names the file only.
"""

from __future__ import annotations

from mtqa.report import Report
from mtqa.reporters.regions import GITHUB_COMMANDS, file_lines, file_place, relative_uri, rule_info, segment_note


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
            place = file_place(f, known)
            if place is not None:
                props.append(f"line={place.line}")
                if place.column is not None:
                    props.append(f"col={place.column}")
                if place.end_line is not None:
                    props.append(f"endLine={place.end_line}")
                    if place.end_line == place.line:
                        props.append(f"endColumn={place.end_column}")
            info = rule_info(report, f)
            title = f"{f.rule} {info.title}" if info.title else f.rule
            props.append(f"title={_prop(title)}")
            message = f"{f.message} [{f.category}]" + segment_note(f, place and place.line)
            if f.suggestions:
                message += " Suggestion: " + " | ".join(f.suggestions[:3])
            out.append(f"::{GITHUB_COMMANDS[f.severity]} {','.join(props)}::{_data(message)}")
    for error in report.errors:
        out.append(f"::error file={_prop(relative_uri(error.path))},title=mtqa input error::{_data(error.message)}")
    return "".join(line + "\n" for line in out)
