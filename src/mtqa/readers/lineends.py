"""Files with Windows line ends (CRLF) are checked as if they had LF ones.

The document text stays the file text, carriage returns and all, so offsets, columns and
`mtqa fix` edits still point into the file as it is on disk (and a fixed file keeps its
CRLF). What checkers and the Markdown reader scan reads each CR of a CRLF as a space: the
same length, so no offset moves, and a pattern anchored at a line end (``[ \\t]*$``: the
byline and share-button rules, front matter, code fences) matches as it does in LF text.

A CR alone is not touched: offsets would hold, but old Mac files are rare enough that
reading their lines is left to the formats that split lines themselves (``readers.lines``).
"""

from __future__ import annotations

from mtqa.model import Document, blank_spans


def lf_view(text: str) -> str:
    """``text`` with the CR of each CRLF read as a space (same length, same offsets)."""
    return text.replace("\r\n", " \n") if "\r\n" in text else text


class CrlfDocument(Document):
    """A document whose text has CRLF line ends: its analysis text has LF ones.

    A subclass rather than a masked span per CR: a masked span drops every finding that
    overlaps it, and a cut-off sentence flagged across a line end must stay.
    ``dataclasses.replace`` keeps the class, so documents cut out of it or given their
    aligned lines (docsplit, parallel) read the same way.
    """

    __slots__ = ()

    @property
    def analysis_text(self) -> str:
        return self._cached("analysis_text", lambda: blank_spans(lf_view(self.text), self.masked))


def document(**fields) -> Document:
    """A Document, read as LF text when its text has CRLF line ends."""
    return (CrlfDocument if "\r\n" in fields["text"] else Document)(**fields)
