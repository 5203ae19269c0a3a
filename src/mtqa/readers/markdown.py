"""Markdown: one document; front matter, code, URLs and markup are masked, never flagged.

Masking keeps offsets into the file exact: masked characters become spaces only in the
text checkers scan (``Document.analysis_text``), never in the text findings quote.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Iterator
from html.entities import html5 as _HTML5_ENTITIES

from mtqa.config.languages import UnknownLanguage, language_code
from mtqa.config.settings import Settings
from mtqa.errors import InputError
from mtqa.model import Document
from mtqa.offsets import merge_spans
from mtqa.readers import frontmatter
from mtqa.readers.lineends import document, lf_view

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*$", re.M)
_BACKTICKS = re.compile(r"`+")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINK_OPEN = re.compile(r"\]\(")
_LINK_TARGET = re.compile(r"\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_LINK_TARGET_STOP = re.compile(r"[)\s]")
# CommonMark: an autolink holds no space, "<" or ">"; a link label no unescaped bracket.
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^<>\s]+>")
_BARE_URL = re.compile(r"\bhttps?://\S+")
# CommonMark §4.7: a link reference definition is a label, a destination and at most a quoted
# title (each may go on the next line), then nothing: "[Updated]: The minister said …" is prose.
_REF_DEFINITION = re.compile(
    r"^[ ]{0,3}\[[^\[\]]{1,999}\]:[ \t]*\n?[ \t]*(?:<[^<>\n]*>|[^\s<]\S*)"
    r"(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$", re.M)
# A footnote's marker ("[^1]", "[^1]:" before its text); the footnote's text is article text.
_FOOTNOTE = re.compile(r"\[\^[^\[\]\s]{1,999}\]:?")
_INDENTED = re.compile(r" {4}| {0,3}\t")
_LIST_ITEM = re.compile(r"[ ]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_LINE_MARKUP = re.compile(r"^[ ]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)", re.M)
_EMPHASIS = re.compile(r"(?<![\w*_])(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})(?![\w*_])")
_IMAGE_BANG = re.compile(r"!(?=\[)")
_BRACKET = re.compile(r"[\[\]]")
# CommonMark §6.2: a named reference must be an HTML5 entity name; numeric ones are markup too.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|([A-Za-z][A-Za-z0-9]{1,31}));")


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Everything in ``text`` that is markup, not prose. Each scan is linear in the text:
    a pattern retried from every backtick, "<!--" or "](" of a long run was quadratic (a
    line of 60,000 backticks took 38 seconds)."""
    spans = code_spans(text)
    for pattern in (_HTML_TAG, _AUTOLINK, _BARE_URL, _REF_DEFINITION, _FOOTNOTE, _LINE_MARKUP, _EMPHASIS, _IMAGE_BANG):
        spans.extend(m.span() for m in pattern.finditer(text) if m.end() > m.start())
    for scan in (_html_comments, _link_targets, _link_brackets, _entity_references):
        spans.extend(scan(text))
    return merge_spans(spans)


def code_spans(text: str) -> list[tuple[int, int]]:
    """Front matter, fenced and indented blocks and inline code: text the article quotes
    rather than says (a suppression comment written there is an example, not a directive)."""
    spans: list[tuple[int, int]] = []
    front = _FRONT_MATTER.match(text)
    if front:
        spans.append(front.span())
    spans.extend(_fenced_blocks(text))
    spans.extend(_indented_blocks(text))
    spans.extend(_inline_code(text))
    return merge_spans(spans)


def _inline_code(text: str) -> Iterator[tuple[int, int]]:
    """Code spans as CommonMark pairs them: a run of backticks opens one and the next run
    of the same length closes it; a run with no such partner is literal text."""
    runs = [m.span() for m in _BACKTICKS.finditer(text)]
    partner: list[int | None] = [None] * len(runs)
    later: dict[int, int] = {}  # run length -> index of the nearest run of it further on
    for i in range(len(runs) - 1, -1, -1):
        length = runs[i][1] - runs[i][0]
        partner[i] = later.get(length)
        later[length] = i
    i = 0
    while i < len(runs):
        j = partner[i]
        if j is None:
            i += 1
            continue
        yield runs[i][0], runs[j][1]
        i = j + 1


def _html_comments(text: str) -> Iterator[tuple[int, int]]:
    start = text.find("<!--")
    while start != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            return  # no later comment can close either
        yield start, end + 3
        start = text.find("<!--", end + 3)


def _entity_references(text: str) -> Iterator[tuple[int, int]]:
    """``&amp;``, ``&nbsp;``, ``&#8217;``: how Markdown writes a character, rendered as that
    character. "Decoding" one would turn ``&lt;script&gt;`` into a live tag; ``&bogus;`` is text."""
    for m in _ENTITY.finditer(text):
        if m.group(1) is None or m.group(1) + ";" in _HTML5_ENTITIES:
            yield m.span()


def _link_targets(text: str) -> Iterator[tuple[int, int]]:
    """``(url "title")`` right after a link's ``]``. After a failed try the scan goes on
    where the URL stopped: a "(" before that would stop there too, and fail the same way."""
    pos = 0
    while (opening := _LINK_OPEN.search(text, pos)) is not None:
        start = opening.start() + 1
        target = _LINK_TARGET.match(text, start)
        if target is not None:
            yield target.span()
            pos = target.end()
            continue
        stop = _LINK_TARGET_STOP.search(text, start)
        pos = stop.start() if stop is not None else len(text)


def _link_brackets(text: str) -> Iterator[tuple[int, int]]:
    """The brackets of ``[text](url)``: each "[" whose next "]" is followed by "(", and
    that "]" unless a "[" is right before it."""
    opened: list[int] = []
    for bracket in _BRACKET.finditer(text):
        at = bracket.start()
        if text[at] == "[":
            opened.append(at)
            continue
        if text.startswith("(", at + 1):
            yield from ((o, o + 1) for o in opened)
            if at > 0 and text[at - 1] != "[":
                yield at, at + 1
        opened = []


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


def _indented_blocks(text: str) -> Iterator[tuple[int, int]]:
    """Indented code blocks (four spaces or a tab), only where they are certainly code: after
    a blank line, and after a block at the left margin that opens no list item. An indented
    line right after a paragraph line continues the paragraph, and one after a list item
    (or a block in it) may be the item's own paragraph; neither is masked. Blank lines
    between indented lines belong to the block, as in CommonMark."""
    start = end = -1  # the open code block: its first line's start, its last line's end
    blank = top = True  # the line before was blank; the block before it closes every list
    pos = 0
    while pos < len(text):
        stop = text.find("\n", pos)
        stop = len(text) if stop == -1 else stop
        line = text[pos:stop]
        if not line.strip():
            blank = True
        elif _INDENTED.match(line) and (start >= 0 or blank and top):
            start, end, blank = (pos if start < 0 else start), stop, False
        else:
            if blank or start >= 0:  # this line opens a block
                top = not line[0].isspace() and not _LIST_ITEM.match(line)
            elif _LIST_ITEM.match(line):  # a list item interrupting a paragraph
                top = False
            if start >= 0:
                yield start, end
                start = -1
            blank = False
        pos = stop + 1
    if start >= 0:
        yield start, end


def front_matter(text: str, path: str = "<text>") -> dict:
    """The front matter (YAML or TOML) as a dict, empty when absent or not a mapping; an
    InputError when it cannot be read (see readers/frontmatter.py)."""
    match = _FRONT_MATTER.match(text)
    return frontmatter.parse(match.group(), path) if match else {}


def _source_lang(meta: dict, text: str, path: str) -> str | None:
    """The language the front matter says the article was translated from, as its code;
    InputError for a value that names no language, as ``--source-lang xx`` is an error."""
    for key in ("source_lang", "source_language"):
        value = meta.get(key)
        if value is None or value == "":
            continue
        line = frontmatter.key_line(text, key)
        if not isinstance(value, str):
            raise InputError(path, f"front matter line {line}: {key} must be a language code or name, "
                                   f"not {reprlib.repr(value)}")
        try:
            return language_code(value)
        except UnknownLanguage as exc:
            raise InputError(path, f"front matter line {line}: {key}: {exc}") from None
    return None


def read(text: str, path: str, settings: Settings) -> Iterator[Document]:
    lf_text = lf_view(text)  # CRLF front matter and fences are recognised as LF ones
    meta = front_matter(lf_text, path)
    # The command line (or config) wins; otherwise the article may say what it was translated from.
    lang = settings.source_lang or _source_lang(meta, lf_text, path)
    yield document(
        id=path, path=path, text=text, source_lang=lang, masked=tuple(masked_spans(lf_text)),
        metadata={"format": "markdown"},
    )
