"""JSON Lines: one segment a line (`target` or `text`; optional `id`, `doc`, `source`,
`reference`, `source_lang`). Lines sharing `doc` form one document, in first-seen order;
lines without `doc` belong to one document named after the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from mtqa.config.settings import Settings
from mtqa.errors import InputError
from mtqa.model import Document
from mtqa.offsets import LONE_SURROGATE
from mtqa.readers.lines import split_lines
from mtqa.readers.segments import Unit, document_from_units


def _string(record: dict, key: str, path: str, line_no: int) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and key in ("id", "doc"):
        return str(value)
    if not isinstance(value, str):
        raise InputError(path, f"line {line_no}: field {key!r} must be a string")
    match = LONE_SURROGATE.search(value)
    if match:  # "\ud800" is valid JSON but not text: no checker, encoder or report can handle it
        raise InputError(path, f"line {line_no}: field {key!r} holds a lone surrogate "
                               f"(\\u{ord(match.group()):04x}), which is not text")
    return value


def _parse(line: str, path: str, line_no: int) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"line {line_no}: invalid JSON: {exc.msg}") from None
    except RecursionError:
        raise InputError(path, f"line {line_no}: invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise InputError(path, f"line {line_no}: expected a JSON object")
    return record


def read(text: str, path: str, settings: Settings) -> Iterator[Document]:
    groups: dict[str, list[Unit]] = {}
    records: dict[str, list[int]] = {}  # each unit's place among the file's records (aligned files)
    langs: dict[str, str | None] = {}
    count = 0
    for line_no, line in enumerate(split_lines(text), 1):
        if not line.strip():
            continue
        record = _parse(line, path, line_no)
        target = _string(record, "target", path, line_no)
        if target is None:
            target = _string(record, "text", path, line_no)
        if target is None:
            raise InputError(path, f"line {line_no}: no 'target' or 'text' field")
        if "\n" in target or "\r" in target:  # a Document joins units with newlines
            target = target.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
        doc = _string(record, "doc", path, line_no) or path
        unit_id = _string(record, "id", path, line_no)
        records.setdefault(doc, []).append(count)
        count += 1
        groups.setdefault(doc, []).append(
            Unit(
                target=target,
                id=unit_id,
                source=_string(record, "source", path, line_no),
                reference=_string(record, "reference", path, line_no),
            )
        )
        langs.setdefault(doc, _string(record, "source_lang", path, line_no))
    for doc, units in groups.items():
        yield document_from_units(doc, path, units, settings.source_lang or langs.get(doc),
                                  {"records": records[doc]})
