"""Inline markup of XLIFF and TMX segments flattened to text with short placeholders.

Choice (documented in docs/bilingual.md): a segment's ``Document.text`` is its plain text
(character references decoded) with every inline *code* replaced by a short, readable
placeholder: ``{1}`` opens a paired code, ``{/1}`` closes it, ``{1/}`` stands alone. The
number is the tag's id (``id``, ``x``, ``i``, ``rid``, ``startRef``…), so source and target
placeholders of one unit can be compared. Text inside paired codes that carry translatable
content (``<g>``, ``<pc>``, ``<hi>``) stays text; the content of native-code elements
(``<ph>``, ``<bpt>``, ``<ept>``, ``<it>``, ``<ut>``) is markup, not prose, and becomes part of
its placeholder. Annotation markers (``<mrk>``, ``<sm/>``, ``<em/>``) get an empty
placeholder: nothing in the text, but recorded so the markup can be restored. A ``<mrk>``
marked not to be translated (``translate="no"``, ``mtype="protected"``) is one placeholder
whose token is its text: still read, never checked. So is the text of an XLIFF 2 range
from ``<sm id="…" translate="no"/>`` to its ``<em startRef="…"/>``, which may start and end
inside different paired codes: each stretch of it between tags is a masked placeholder whose
token is that text and whose XML is that text escaped, so the codes in the range stay codes
(the stretches depend on where the codes fall, so they are not compared as tags are).

Each placeholder is an ``InlineTag`` with its span in the segment text and its original
XML; readers mask the spans (checkers never flag them) and ``restore`` maps a stretch of
text back to XML, which is how a span in the text maps back into the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

from lxml import etree

from mtqa.model import Document
from mtqa.readers.segments import Unit, document_from_units
from mtqa.readers.xmlsafe import local_name

# Elements whose content is translatable text: placeholders for the start and end tags.
PAIRED = frozenset({"g", "pc", "hi"})
# Elements that are codes: the whole element (with its native-code content) is one placeholder;
# any other element (ph, x, it, ut, or unknown) is a standalone code.
OPENING = frozenset({"bpt", "bx", "sc"})
CLOSING = frozenset({"ept", "ex", "ec"})
# Annotations: zero-width placeholders, content kept.
MARKERS = frozenset({"mrk", "sm", "em"})

_XMLNS = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_HEX = re.compile(r"[0-9A-Fa-f]{1,6}")


class InlineCodeError(ValueError):
    """An inline code that cannot stand for text; the reader names the file."""


def _cp_char(value: str | None) -> str:
    """The character of an XLIFF 2 ``<cp hex="…"/>``: a Unicode scalar value, never a surrogate."""
    code = int(value, 16) if value and _HEX.fullmatch(value) else None
    if code is None or code > 0x10FFFF:
        raise InlineCodeError(f'<cp hex="{value}"/> is not a Unicode code point')
    if 0xD800 <= code <= 0xDFFF:
        raise InlineCodeError(f'<cp hex="{value}"/> is a surrogate, which is not text')
    return chr(code)


@dataclass(frozen=True, slots=True)
class InlineTag:
    start: int
    end: int
    token: str
    xml: str
    masked: bool = True  # False for <cp/> (its character is real text) unless in a protected range
    code: bool = True  # False for <cp/> and protected text between <sm/> and <em/>: not compared as tags


def _tag_id(element: etree._Element, fallback: int, closing: bool) -> str:
    keys = ("rid", "startRef", "i", "x", "id") if closing else ("id", "x", "i", "rid")
    for key in keys:
        value = element.get(key)
        if value:
            return value
    return str(fallback)


def _markup(element: etree._Element) -> str:
    """The element serialized without its tail and without namespace declarations."""
    return _XMLNS.sub("", etree.tostring(element, with_tail=False, encoding="unicode"))


def _start_tag(element: etree._Element) -> str:
    markup = _markup(etree.Element(element.tag, dict(element.attrib), nsmap=element.nsmap))
    return markup[:-2] + ">" if markup.endswith("/>") else markup


def _end_tag(element: etree._Element) -> str:
    name = local_name(element)
    prefix = element.prefix
    return f"</{prefix}:{name}>" if prefix else f"</{name}>"


def _protected(mrk: etree._Element) -> bool:
    """Text the file marks as not to be translated: ``translate="no"`` (XLIFF 2) or
    ``mtype="protected"`` (XLIFF 1.2). A name or slogan left in the source language there
    is what the file asks for, so it is masked as a placeholder is."""
    return mrk.get("translate") == "no" or mrk.get("mtype") == "protected"


def flatten(element: etree._Element) -> tuple[str, list[InlineTag]]:
    """The text of ``element``'s content with placeholders, and the placeholders."""
    parts: list[str] = []
    tags: list[InlineTag] = []
    pos = 0
    counter = 0

    def add(text: str) -> None:
        nonlocal pos
        if text:
            parts.append(text)
            pos += len(text)

    def tag(token: str, xml: str) -> None:
        tags.append(InlineTag(pos, pos + len(token), token, xml))
        add(token)

    protected: set[str | None] = set()  # ids of <sm translate="no"/> whose <em/> is still to come

    def prose(text: str) -> None:
        if text and protected:  # inside a protected range: read, never checked
            tags.append(InlineTag(pos, pos + len(text), text, escape(text), code=False))
        add(text)

    def walk(node: etree._Element) -> None:
        nonlocal counter
        prose(node.text or "")
        for sub in node:
            if not isinstance(sub.tag, str):  # comments and PIs are removed by the parser
                prose(sub.tail or "")
                continue
            counter += 1
            name = local_name(sub)
            if name == "cp":
                char = _cp_char(sub.get("hex"))
                tags.append(InlineTag(pos, pos + 1, char, _markup(sub), masked=bool(protected), code=False))
                add(char)
            elif name in PAIRED:
                tag_id = _tag_id(sub, counter, closing=False)
                tag("{" + tag_id + "}", _start_tag(sub))
                walk(sub)
                tag("{/" + tag_id + "}", _end_tag(sub))
            elif name == "mrk" and _protected(sub):  # kept in the text, never checked
                tag(flatten(sub)[0], _markup(sub))
            elif name in MARKERS and name == "mrk":
                tag("", _start_tag(sub))
                walk(sub)
                tag("", _end_tag(sub))
            elif name in MARKERS:
                tag("", _markup(sub))
                if name == "sm" and _protected(sub):
                    protected.add(sub.get("id"))
                elif name == "em":
                    protected.discard(sub.get("startRef"))
            elif name in OPENING:
                tag("{" + _tag_id(sub, counter, closing=False) + "}", _markup(sub))
            elif name in CLOSING:
                tag("{/" + _tag_id(sub, counter, closing=True) + "}", _markup(sub))
            else:  # a standalone code, or one we do not know: never read as prose
                tag("{" + _tag_id(sub, counter, closing=False) + "/}", _markup(sub))
            prose(sub.tail or "")

    walk(element)
    return "".join(parts), tags


def restore(text: str, tags: list[InlineTag], offset: int = 0) -> str:
    """XML for ``text`` (a segment text, or a slice starting at ``offset`` in it).

    Placeholder spans become their original markup and everything else is escaped, so
    ``restore(*flatten(el))`` is ``el``'s content again.
    """
    out: list[str] = []
    pos = 0
    for item in sorted(tags, key=lambda t: (t.start, t.end)):
        start, end = item.start - offset, item.end - offset
        if start < 0 or start > len(text):
            continue
        out.append(escape(text[pos:start]))
        out.append(item.xml)
        pos = max(pos, min(end, len(text)))
    out.append(escape(text[pos:]))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class TaggedUnit:
    """A unit as read from XML: its texts, their placeholders, and whether a target exists."""

    unit: Unit
    target_tags: tuple[InlineTag, ...] = ()
    source_tags: tuple[InlineTag, ...] = ()
    has_target: bool = True


def tagged_unit(unit_id: str, source_el: etree._Element | None, target_el: etree._Element | None,
                origin: tuple[int, int | None] | None = None) -> TaggedUnit:
    """A unit from its source and target elements (either may be absent), ``origin`` where its
    target starts in the file. A Document joins units with newlines, so a line break inside
    a unit becomes a space."""
    (source, source_tags), (target, target_tags) = (
        ("", []) if el is None else flatten(el) for el in (source_el, target_el))
    return TaggedUnit(
        Unit(target=target.replace("\r", " ").replace("\n", " "), id=unit_id,
             source=source.replace("\r", " ").replace("\n", " ") if source_el is not None else None, origin=origin),
        target_tags=tuple(target_tags), source_tags=tuple(source_tags), has_target=target_el is not None)


def tagged_document(doc_id: str, path: str, items: list[TaggedUnit], source_lang: str | None,
                    metadata: dict) -> Document:
    """One Document from XML units: placeholders masked, tags recorded in metadata.

    ``metadata["inline_tags"]`` holds, per unit index, the target tags (offsets into the
    document text) and the source tags (offsets into the unit's source);
    ``metadata["missing_targets"]`` the indexes of units without a target element.
    """
    document = document_from_units(doc_id, path, [i.unit for i in items], source_lang, metadata)
    masked: list[tuple[int, int]] = []
    inline: dict[int, dict[str, list[InlineTag]]] = {}
    for index, (item, segment) in enumerate(zip(items, document.units)):
        shifted = [replace(t, start=t.start + segment.start, end=t.end + segment.start) for t in item.target_tags]
        masked.extend((t.start, t.end) for t in shifted if t.end > t.start and t.masked)
        if shifted or item.source_tags:
            inline[index] = {"target": shifted, "source": list(item.source_tags)}
    document.masked = tuple(masked)
    document.metadata["inline_tags"] = inline
    document.metadata["missing_targets"] = [i for i, item in enumerate(items) if not item.has_target]
    return document


def restore_span(document: Document, start: int, end: int) -> str:
    """The XML a span of an XML-read document's text came from (placeholders restored)."""
    tags = [t for entry in document.metadata.get("inline_tags", {}).values() for t in entry["target"]
            if start <= t.start and t.end <= end]
    return restore(document.text[start:end], tags, offset=start)
