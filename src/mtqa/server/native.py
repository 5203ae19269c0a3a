"""`POST /api/check`: mtqa's own JSON report (the shape of docs/report-schema.md) for one article.

The body is JSON (or form fields) with ``text`` and optionally ``source``, ``source_lang``,
``reference`` and ``filename`` (the app reads the text as that file). When the source (or
reference) has exactly as many lines as the text, lines are taken as aligned segments, as
`mtqa check --source` aligns files; otherwise they are attached to the article as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mtqa.config.languages import UnknownLanguage, language_code
from mtqa.model import Document
from mtqa.readers.lineends import document as read_document
from mtqa.readers.lines import line_spans, split_lines
from mtqa.readers.parallel import attach
from mtqa.server.ltapi import BadRequest, TextTooLong

FIELDS = ("text", "source", "source_lang", "reference", "filename")


def parse_native(payload: Any, max_text_chars: int) -> Document:
    if not isinstance(payload, Mapping):
        raise BadRequest("body must be a JSON object with a 'text' field")
    unknown = sorted(set(payload) - set(FIELDS))
    if unknown:
        raise BadRequest(f"unknown field(s) {', '.join(unknown)}; expected {', '.join(FIELDS)}")
    text = payload.get("text")
    if not isinstance(text, str):
        raise BadRequest("'text' (a string) is required")
    values: dict[str, str | None] = {}
    for key in ("source", "source_lang", "reference"):
        value = payload.get(key)
        if value is not None and not isinstance(value, str):
            raise BadRequest(f"'{key}' must be a string")
        values[key] = value or None
    for key in ("text", "source", "reference"):
        value = text if key == "text" else values[key]
        if value is not None and len(value) > max_text_chars:
            raise TextTooLong(f"'{key}' exceeds the limit of {max_text_chars} characters")
    try:
        lang = language_code(values["source_lang"])
    except UnknownLanguage as exc:
        raise BadRequest(f"'source_lang': {exc}") from None
    return build_document(text, values["source"], lang, values["reference"])


def build_document(text: str, source: str | None, source_lang: str | None, reference: str | None) -> Document:
    """Lines are aligned segments when every given side has as many as the text (as
    `mtqa check --source FILE` reads them); the text itself is kept as sent (CRLF line ends
    are read as a file's are, offsets still into the text as sent)."""
    document = read_document(id="<request>", path="<request>", text=text, source_text=source,
                        source_lang=source_lang, reference_text=reference)
    aligned = [split_lines(s) if s is not None else None for s in (source, reference)]
    count = len(line_spans(text))
    if any(a is not None for a in aligned) and all(a is None or len(a) == count for a in aligned):
        return attach(document, *aligned)
    return document
