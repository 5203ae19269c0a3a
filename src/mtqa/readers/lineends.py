"""Files with Windows (CRLF) or old Mac (lone CR) line ends are checked as if they had LF ones.

The document text stays the file text, carriage returns and all, so offsets, columns and
`mtqa fix` edits still point into the file as it is on disk (and a fixed file keeps its
line ends). What checkers and the Markdown reader scan reads each CR of a CRLF as a space
and a lone CR as an LF: the same length, so no offset moves, and a pattern anchored at a
line end (``[ \\t]*$``: the byline and share-button rules, front matter, code fences)
matches as it does in LF text. Lines and columns are counted in that view too, so a lone
CR ends a line as it does in ``readers.lines`` and in editors.
"""

from __future__ import annotations

from mtqa.model import Document, blank_spans
from mtqa.offsets import LineIndex


def lf_view(text: str) -> str:
    """``text`` with the CR of each CRLF read as a space and a lone CR as an LF (same length,
    same offsets)."""
    return text.replace("\r\n", " \n").replace("\r", "\n") if "\r" in text else text


class CrlfDocument(Document):
    """A document whose text has CR line ends (CRLF or lone): its analysis text and its
    lines are those of the LF view.

    A subclass rather than a masked span per CR: a masked span drops every finding that
    overlaps it, and a cut-off sentence flagged across a line end must stay.
    ``dataclasses.replace`` keeps the class, so documents cut out of it or given their
    aligned lines (docsplit, parallel) read the same way.
    """

    __slots__ = ()

    @property
    def analysis_text(self) -> str:
        return self._cached("analysis_text", lambda: blank_spans(lf_view(self.text), self.masked))

    @property
    def line_index(self) -> LineIndex:
        return self._cached("line_index", lambda: LineIndex(lf_view(self.text)))


def document(**fields) -> Document:
    """A Document, read as LF text when its text has CR line ends."""
    return (CrlfDocument if "\r" in fields["text"] else Document)(**fields)
