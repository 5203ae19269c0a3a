"""Markdown: one document; front matter, code, URLs and markup are masked, never flagged.

Masking keeps offsets into the file exact: masked characters become spaces only in the
text checkers scan (``Document.analysis_text``), never in the text findings quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtqa.config.settings import Settings
from mtqa.model import Document
from mtqa.offsets import merge_spans
from mtqa.readers.lineends import document, lf_view

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*$", re.M)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINK_TARGET = re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]+>")
_BARE_URL = re.compile(r"\bhttps?://\S+")
_REF_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]+\S.*$", re.M)
_LINE_MARKUP = re.compile(r"^[ ]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)", re.M)
_EMPHASIS = re.compile(r"(?<![\w*_])(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})(?![\w*_])")
_IMAGE_BANG = re.compile(r"!(?=\[)")
_LINK_BRACKETS = re.compile(r"\[(?=[^\]]*\]\()|(?<=[^\[])\](?=\()")


def masked_spans(text: str) -> list[tuple[int, int]]:
    spans = code_spans(text)
    for pattern in (_HTML_COMMENT, _HTML_TAG, _LINK_TARGET, _AUTOLINK, _BARE_URL,
                    _REF_DEFINITION, _LINE_MARKUP, _EMPHASIS, _IMAGE_BANG, _LINK_BRACKETS):
        spans.extend(m.span() for m in pattern.finditer(text) if m.end() > m.start())
    return merge_spans(spans)


def code_spans(text: str) -> list[tuple[int, int]]:
    """Front matter, fenced blocks and inline code: text the article quotes rather than says
    (a suppression comment written there is an example, not a directive)."""
    spans: list[tuple[int, int]] = []
    front = _FRONT_MATTER.match(text)
    if front:
        spans.append(front.span())
    spans.extend(_fenced_blocks(text))
    spans.extend(m.span() for m in _INLINE_CODE.finditer(text))
    return merge_spans(spans)


def _fenced_blocks(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    while True:
        opening = _FENCE_OPEN.search(text, pos)
        if not opening:
            return
        fence = opening.group(1)
        closing = re.compile(rf"^[ ]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
        end_match = closing.search(text, opening.end())
        end = end_match.end() if end_match else len(text)
        yield opening.start(), end
        pos = end


def front_matter(text: str) -> dict:
    """The YAML front matter as a dict (empty when absent or not a mapping)."""
    match = _FRONT_MATTER.match(text)
    if not match or not text.startswith("---"):
        return {}
    import yaml

    body = match.group().split("\n", 1)[1].rsplit("\n", 2)[0]
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def read(text: str, path: str, settings: Settings) -> Iterator[Document]:
    lf_text = lf_view(text)  # CRLF front matter and fences are recognised as LF ones
    meta = front_matter(lf_text)
    # The command line wins; otherwise the article itself may say what it was translated from.
    lang = settings.source_lang or str(meta.get("source_lang") or meta.get("source_language") or "").lower() or None
    yield document(
        id=path, path=path, text=text, source_lang=lang, masked=tuple(masked_spans(lf_text)),
        metadata={"format": "markdown", "front_matter": {k: str(v) for k, v in meta.items()}},
    )
