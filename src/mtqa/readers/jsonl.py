"""JSON Lines: one segment a line (`target` or `text`; optional `id`, `doc`, `source`,
`reference`, `source_lang`). Lines sharing `doc` form one document, in first-seen order;
lines without `doc` belong to one document named after the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from json.decoder import WHITESPACE, scanstring

from mtqa.config.languages import UnknownLanguage, language_code
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


def _lang(record: dict, path: str, line_no: int) -> str | None:
    """The record's source language as its code; a value that names no language is an input
    error, as in front matter (else the language's checks would be lost without a word)."""
    try:
        return language_code(_string(record, "source_lang", path, line_no))
    except UnknownLanguage as exc:
        raise InputError(path, f"line {line_no}: source_lang: {exc}") from None


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


_DECODER = json.JSONDecoder()
_COLON = re.compile(r"[ \t]*:[ \t]*")


def _column(line: str, key: str, value: str) -> int | None:
    """The 1-based column in ``line`` (a valid JSON object) where the string of its top-level
    ``key`` starts, when that string is written without escapes, so each of its characters is
    one of the line's; else None (``\\"`` or ``\\u00e9`` in the file is one character of the text)."""
    written = f'"{value}"'
    if "\\" in value or written not in line:  # escaped in the file
        return None
    if "\\" in line or line.count("{") > 1:  # a key may be escaped or nested: read it as json does
        start = _value_start(line, key)
    else:  # no escape, no nested object: every `"key":` is a top-level key (the last one counts)
        start = _last_key_value(line, f'"{key}"')
    # No backslash before the quote that ends it: the string is ``value`` as written.
    if start is None or not line.startswith(written, start):
        return None
    return start + 2


def _last_key_value(line: str, name: str) -> int | None:
    """Where the value after the last ``name`` that is a key starts (a value may read the same)."""
    pos = line.rfind(name)
    while pos >= 0:
        colon = _COLON.match(line, pos + len(name))
        if colon:
            return colon.end()
        pos = line.rfind(name, 0, pos)
    return None


def _value_start(line: str, key: str) -> int | None:
    """Where the value of top-level ``key`` starts in ``line``: the object walked key by key,
    as ``json.loads`` reads it (the last of repeated keys wins)."""
    found = None
    pos = WHITESPACE.match(line, 0).end() + 1
    while line[pos := WHITESPACE.match(line, pos).end()] != "}":
        name, pos = scanstring(line, pos + 1)
        start = WHITESPACE.match(line, WHITESPACE.match(line, pos).end() + 1).end()
        _, pos = _DECODER.raw_decode(line, start)
        if name == key:
            found = start
        pos = WHITESPACE.match(line, pos).end()
        pos += line[pos] == ","
    return found


def read(text: str, path: str, settings: Settings) -> Iterator[Document]:
    groups: dict[str, list[Unit]] = {}
    records: dict[str, list[int]] = {}  # each unit's place among the file's records (aligned files)
    langs: dict[str, str | None] = {}
    count = 0
    for line_no, line in enumerate(split_lines(text), 1):
        if not line.strip():
            continue
        record = _parse(line, path, line_no)
        key = "target" if record.get("target") is not None else "text"
        target = _string(record, key, path, line_no)
        if target is None:
            raise InputError(path, f"line {line_no}: no 'target' or 'text' field")
        origin = (line_no, _column(line, key, target))
        if "\n" in target or "\r" in target:  # a Document joins units with newlines (escaped in the file)
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
                origin=origin,
            )
        )
        langs.setdefault(doc, None if settings.source_lang else _lang(record, path, line_no))
    for doc, units in groups.items():
        yield document_from_units(doc, path, units, settings.source_lang or langs.get(doc),
                                  {"records": records[doc]})
