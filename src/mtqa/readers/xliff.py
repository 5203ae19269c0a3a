"""XLIFF 1.2 and 2.x: one Document per `<file>`, one aligned unit per translation unit.

1.2: each `<trans-unit>` is a unit with its `id`; 2.x: each `<segment>` of a `<unit>` is a
unit, id `unit` or `unit/segment` when a unit has several. Units marked `translate="no"`,
themselves or through an enclosing `<group>` or `<file>`, are not read.
A missing `<target>` gives an empty unit recorded in ``metadata["missing_targets"]``.
Inline codes become placeholders (see ``mtqa.readers.inline``); parsing goes through the
safe parser in ``mtqa.readers.xmlsafe``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from mtqa.config.settings import Settings, normalise_lang
from mtqa.errors import InputError
from mtqa.model import Document
from mtqa.readers.inline import InlineCodeError, TaggedUnit, tagged_document, tagged_unit
from mtqa.readers.xmllines import TextStarts
from mtqa.readers.xmlsafe import child, children, local_name, parse_xml


def _unit(unit_id: str, holder: etree._Element, starts: TextStarts) -> TaggedUnit:
    """The unit of a `<trans-unit>` or `<segment>`; without a `<target>` its origin is the holder's."""
    target = child(holder, "target")
    return tagged_unit(unit_id, child(holder, "source"), target,
                       starts.origin(holder if target is None else target))


def _units_12(file_el: etree._Element, starts: TextStarts) -> list[TaggedUnit]:
    items = []
    for element in file_el.iter():
        if local_name(element) != "trans-unit" or _untranslatable(element):
            continue
        unit_id = element.get("id") or str(len(items) + 1)
        items.append(_unit(unit_id, element, starts))
    return items


def _units_2(file_el: etree._Element, starts: TextStarts) -> list[TaggedUnit]:
    items = []
    for unit in file_el.iter():
        if local_name(unit) != "unit" or _untranslatable(unit):
            continue
        unit_id = unit.get("id") or str(len(items) + 1)
        segments = children(unit, "segment")
        for number, segment in enumerate(segments, 1):
            seg_id = unit_id if len(segments) == 1 else f"{unit_id}/{segment.get('id') or number}"
            items.append(_unit(seg_id, segment, starts))
    return items


def _untranslatable(unit: etree._Element) -> bool:
    """``translate="no"`` on the unit or, inherited, on an enclosing `<group>` or `<file>`
    (XLIFF 2 defines it so; 1.2 tools read a group's the same way): the nearest one decides."""
    node = unit
    while node is not None:
        value = node.get("translate")
        if value is not None:
            return value == "no"
        if local_name(node) == "file":
            return False
        node = node.getparent()
    return False


def read_bytes(data: bytes, path: str, settings: Settings) -> Iterator[Document]:
    root = parse_xml(data, path)
    if local_name(root) != "xliff":
        raise InputError(path, f"not XLIFF: the root element is <{local_name(root)}>")
    version = root.get("version", "")
    major = version.split(".")[0] if version else ("2" if "document:2" in (root.nsmap.get(None) or "") else "1")
    files = children(root, "file")
    if not files:
        raise InputError(path, "XLIFF has no <file> element")
    found = False
    starts = TextStarts(data, root, ("target", "trans-unit", "segment"))
    for number, file_el in enumerate(files, 1):
        try:
            items = _units_12(file_el, starts) if major == "1" else _units_2(file_el, starts)
        except InlineCodeError as exc:
            raise InputError(path, str(exc)) from None
        # 1.2 names the languages and the file on each <file>; 2.x the languages on the root.
        langs = ((file_el.get("source-language"), file_el.get("target-language")) if major == "1"
                 else (root.get("srcLang"), root.get("trgLang")))
        source_lang, target_lang = map(normalise_lang, langs)
        name = file_el.get("original" if major == "1" else "id")
        if not items:
            continue
        found = True
        doc_id = f"{path}#{name or number}" if len(files) > 1 else path
        metadata = {"format": f"xliff-{major}", "target_lang": target_lang, "original": name}
        yield tagged_document(doc_id, path, items, settings.source_lang or source_lang, metadata)
    if not found:
        raise InputError(path, "XLIFF has no translation units")
