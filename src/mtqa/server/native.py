"""`POST /api/check`: mtqa's own JSON report (DESIGN's shape) for one article.

The body is JSON (or form fields) with ``text`` and optionally ``source``, ``source_lang``
and ``reference``. When the source (or reference) has exactly as many lines as the text,
lines are taken as aligned segments, as `mtqa check --source` aligns files; otherwise
they are attached to the article as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from mtqa.model import Document
from mtqa.readers.segments import Unit, document_from_units
from mtqa.server.ltapi import BadRequest, TextTooLong

_LANG = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$")
FIELDS = ("text", "source", "source_lang", "reference")


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
    lang = values["source_lang"]
    if lang is not None:
        if not _LANG.match(lang):
            raise BadRequest(f"'source_lang' must be a language code like 'he' or 'ru', got {lang!r}")
        lang = lang.split("-")[0].split("_")[0].lower()
    return build_document(text, values["source"], lang, values["reference"])


def build_document(text: str, source: str | None, source_lang: str | None, reference: str | None) -> Document:
    lines = text.split("\n")
    aligned = [s.split("\n") if s is not None else None for s in (source, reference)]
    if any(a is not None for a in aligned) and all(a is None or len(a) == len(lines) for a in aligned):
        src, ref = aligned
        units = [Unit(target=line, source=src[i] if src else None, reference=ref[i] if ref else None)
                 for i, line in enumerate(lines)]
        document = document_from_units("<request>", "<request>", units, source_lang)
        return document
    return Document(id="<request>", path="<request>", text=text, source_text=source,
                    source_lang=source_lang, reference_text=reference)
