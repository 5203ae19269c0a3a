"""Where an XML element's text starts in the file (XLIFF, TMX), as an editor counts lines.

lxml's ``sourceline`` is the line where a start tag ends, but past line 65,535 libxml2
gives an element the line where its first text *ends* (or its next sibling's line), and
it has no column. So the file is scanned once here: lxml has parsed it, so it is well
formed, and every start tag outside comments, CDATA sections, processing instructions
and the DOCTYPE is one element, in the order ``root.iter()`` yields them. Lines end at
CRLF, LF or a lone CR (XML reads all three as line ends).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable

from lxml import etree


# What can hide a start tag (comments, CDATA sections, processing instructions, the DOCTYPE),
# then a start tag named ``{names}`` (group 1 is set): no "<" can stand in an attribute value or
# in text, so no other markup needs reading.
_MARKUP = (r"""<(?:!--.*?-->|!\[CDATA\[.*?\]\]>|\?.*?\?>|!DOCTYPE(?:[^\[>]|\[.*?\])*>"""
           r"""|(?:[\w.-]+:)?(?:{names})(?=[\s/>])((?:"[^"]*"|'[^']*'|[^'">])*)>)""")
_BLANK = re.compile(r"[ \t\r\n]*")
_CHARACTER_DATA = re.compile(r"[^<&\r\n]*")

Origin = tuple[int, int | None]


def _decoded(data: bytes, root: etree._Element) -> str | None:
    encoding = root.getroottree().docinfo.encoding or "utf-8"
    try:
        return data.decode(codecs.lookup(encoding).name).removeprefix("\ufeff")
    except (LookupError, UnicodeDecodeError):
        return None


class TextStarts:
    """(line, column) where the content of the elements named ``names`` starts in the file.

    Built once per file; ``origin`` is None for an element it does not know (one the reader
    made up, or any element when the file could not be scanned), so a unit is then reported
    without a line rather than with a wrong one.
    """

    def __init__(self, data: bytes, root: etree._Element, names: Iterable[str]) -> None:
        names = tuple(names)
        self._text = _decoded(data, root) or ""
        pattern = re.compile(_MARKUP.format(names="|".join(map(re.escape, names))), re.DOTALL)
        # Where each start tag ends; negated for an empty-element tag (``<target/>``), whose
        # "content" would be the text after it.
        ends = [-m.end() if m.group(1).endswith("/") else m.end()
                for m in pattern.finditer(self._text) if m.group(1) is not None]
        elements = list(root.iter(*(f"{{*}}{name}" for name in names)))
        # Not the tree lxml read (a file it could not be decoded as): no positions at all.
        self._ends: dict[etree._Element, int] = dict(zip(elements, ends)) if len(ends) == len(elements) else {}
        # Counted on from the last offset asked (units come in file order): one pass per file.
        self._offset, self._line, self._line_start = 0, 1, 0
        self._cr = "\r" in self._text

    def _line_col(self, offset: int) -> Origin:
        """Line and column of ``offset``; never inside a CRLF (it follows ">" or a blank run)."""
        text, last = self._text, self._offset
        if offset < last:
            last, self._line, self._line_start = 0, 1, 0
        breaks = text.count("\n", last, offset)
        if self._cr:
            breaks += text.count("\r", last, offset) - text.count("\r\n", last, offset)
        if breaks:
            self._line += breaks
            self._line_start = 1 + (max(text.rfind("\n", last, offset), text.rfind("\r", last, offset)) if self._cr
                                    else text.rfind("\n", last, offset))
        self._offset = offset
        return self._line, offset - self._line_start + 1

    def origin(self, element: etree._Element | None) -> Origin | None:
        """Where ``element``'s text starts: the line of its first character that is not blank
        (of the start tag's end for blank content), and the column only when the content is
        character data alone on that line (no entity, markup or line break), so every
        character of the text is the file's."""
        start = self._ends.get(element) if element is not None else None
        if start is None:
            return None
        if start < 0:
            return self._line_col(-start)[0], None
        data = _CHARACTER_DATA.match(self._text, start).end()
        if self._text.startswith("</", data):
            return self._line_col(start)
        first = _BLANK.match(self._text, start).end()
        line, _ = self._line_col(first if self._text[first:first + 2] != "</" else start)
        return line, None
