"""Document boundaries inside a line file: `--doc-ids FILE` and `--split-docs blank-line`.

A WMT system output or any one-segment-a-line file holds many articles. Read as one
document, name consistency would compare names across unrelated articles and `mtqa fix`
would rename one person after another. Splitting happens after the sidecars are attached,
so every sub-document keeps its aligned source and reference lines; its text is the exact
slice of the file, its units keep the file's line numbers as ids, and ``line_offset``
makes reported lines count in the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import groupby
from pathlib import PurePath

from mtqa.errors import InputError
from mtqa.model import Document, Segment
from mtqa.readers.lines import line_spans, split_lines


def read_doc_ids(path: str, limit: int) -> list[str]:
    """One document id a line (the first tab-separated field: WMT's `docids.txt` has more).
    UTF-8 with or without a byte order mark, as every other text mtqa reads: a BOM kept
    would make the first line's id another document's."""
    from mtqa.readers import load_bytes  # regular files only, at most ``limit`` bytes

    data = load_bytes(path, limit)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "document ids are not UTF-8 text") from None
    ids = [line.split("\t", 1)[0].strip() for line in split_lines(text)]
    if not any(ids):
        raise InputError(path, "no document ids")
    _refuse_interleaved(ids, path)
    return ids


def _refuse_interleaved(ids: Sequence[str], path: str) -> None:
    """Lines sharing an id form one document, and a document is one slice of the file: an id
    that comes back after another id began would be two documents under one id (and one
    article's names checked apart). WMT's ids are grouped; anything else is refused, once,
    before any input is read."""
    began: dict[str, int] = {}  # id -> the line its run began on
    previous = None
    for number, doc_id in enumerate(ids, 1):
        if doc_id == previous:
            continue
        if doc_id in began:
            raise InputError(path, f"line {number}: id {doc_id!r} comes back after {previous!r} began on line "
                                   f"{began[previous]}; the lines of a document must be adjacent (sort the "
                                   "input and the ids file by id)")
        began[doc_id] = number
        previous = doc_id


# A unit as (start, end, id, source, reference, origin): a Segment costs two microseconds
# to make, and each unit is made again, shifted, in its sub-document.
_Unit = tuple[int, int, str | None, str | None, str | None, tuple[int, int | None] | None]


def _line_units(document: Document) -> list[_Unit]:
    """The document's aligned units, or one unit per line (ids = 1-based line numbers)."""
    if document.units:
        return [(u.start, u.end, u.id, u.source, u.reference, u.origin) for u in document.units]
    return [(s, e, str(i), None, None, None) for i, (s, e) in enumerate(line_spans(document.text), 1)]


class _LineCounter:
    """Line ends before an offset, counted on from the last offset asked (sub-documents
    come in file order), so a file cut into thousands of documents is read once, not
    once per document. A lone CR ends a line too (``readers.lines``); offsets asked are
    line starts, so no CRLF is ever counted in halves."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = 0
        self.lines = 0
        self.cr = "\r" in text

    def before(self, offset: int) -> int:
        if offset < self.offset:
            self.offset, self.lines = 0, 0
        text = self.text
        self.lines += text.count("\n", self.offset, offset)
        if self.cr:
            self.lines += text.count("\r", self.offset, offset) - text.count("\r\n", self.offset, offset)
        self.offset = offset
        return self.lines


def _sub_document(document: Document, units: Sequence[_Unit], doc_id: str, lines: _LineCounter) -> Document:
    start, end = units[0][0], units[-1][1]
    shifted = tuple(Segment(s - start, e - start, unit_id, source, reference, origin)
                    for s, e, unit_id, source, reference, origin in units)
    has_source = any(u[3] is not None for u in units)
    has_reference = any(u[4] is not None for u in units)
    return replace(
        document,
        id=doc_id,
        text=document.text[start:end],
        units=shifted,
        masked=tuple((max(s, start) - start, min(e, end) - start) for s, e in document.masked if s < end and start < e),
        source_text="\n".join(u[3] or "" for u in units) if has_source else None,
        reference_text="\n".join(u[4] or "" for u in units) if has_reference else None,
        line_offset=document.line_offset + lines.before(start),
        metadata=dict(document.metadata),
        _cache={},
    )


def split_by_ids(document: Document, ids: Sequence[str], ids_path: str) -> Iterator[Document]:
    """Contiguous runs of lines sharing an id become one document each (read_doc_ids has
    made sure each id is one run)."""
    units = _line_units(document)
    if len(units) != len(ids):
        raise InputError(
            document.path, f"{len(units)} lines, but the document ids file {ids_path} has {len(ids)} lines"
        )
    lines = _LineCounter(document.text)
    for doc_id, run in groupby(zip(ids, units), key=lambda pair: pair[0]):
        yield _sub_document(document, [unit for _, unit in run], doc_id or document.id, lines)


def _separator(document: Document, unit: _Unit) -> bool:
    """An empty line between articles: its aligned source and reference lines are empty too
    (an empty target beside a source line is a missing translation, a finding)."""
    start, end, _, source, reference = unit[:5]
    return not (document.text[start:end].strip() or (source or "").strip() or (reference or "").strip())


def split_by_blank_lines(document: Document) -> Iterator[Document]:
    """Articles separated by one or more empty lines; ids are `PATH#1`, `PATH#2`, …"""
    lines = _LineCounter(document.text)
    runs = groupby(_line_units(document), key=lambda unit: not _separator(document, unit))
    for number, run in enumerate((list(run) for filled, run in runs if filled), 1):
        yield _sub_document(document, run, f"{document.id}#{number}", lines)


def _is_line_file(path: str) -> bool:
    """Read by the plain-text reader (.txt, standard input, unknown extensions): a file whose
    empty lines can only be separators. In TSV, JSONL, XLIFF and TMX an empty target is a
    unit (a missing translation), and Markdown and HTML have paragraphs, not articles."""
    from mtqa.readers import DEFAULT_READER, READERS

    return READERS.get(PurePath(path).suffix.lower(), DEFAULT_READER) == DEFAULT_READER


def split_documents(documents: Sequence[Document], settings, ids: Sequence[str] | None) -> list[Document]:
    """Apply the run's document boundaries (``ids``, else blank lines) to every document read
    from one line file."""
    named = [d.id for d in documents if d.id != d.path]
    if ids is not None and named:  # its ids would be ignored, or cut the reader's documents
        shown = ", ".join(map(repr, named[:3])) + (", …" if len(named) > 3 else "")
        raise InputError(documents[0].path, f"--doc-ids does not apply: the file names its own documents "
                                            f"({shown})")
    out: list[Document] = []
    for document in documents:
        if document.id != document.path:  # the reader already knows its documents (JSONL `doc`, TSV `doc`)
            out.append(document)
        elif ids is not None:
            out.extend(split_by_ids(document, ids, settings.doc_ids_file))
        elif _is_line_file(document.path):
            out.extend(split_by_blank_lines(document))
        else:
            out.append(document)
    return out


def not_split_note(paths: Iterable[str]) -> str | None:
    """The note for a `--split-docs blank-line` run that read files it does not cut (the
    distinct ``paths`` of its documents that are no line files), or None: a user who asked
    for articles must not find a Markdown or XLIFF file silently checked as one document."""
    others = sorted({path for path in paths if not _is_line_file(path)})
    if not others:
        return None
    kinds = ", ".join(sorted({PurePath(path).suffix.lower() for path in others}))
    return (f"--split-docs blank-line cuts line files only (.txt, standard input); {len(others)} other file(s) "
            f"({kinds}) were not cut: an empty line there is a paragraph break (Markdown, HTML) or a missing "
            "translation (JSONL, TSV, XLIFF, TMX)")
