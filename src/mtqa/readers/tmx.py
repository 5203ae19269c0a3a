"""TMX 1.4: one Document per file, one aligned unit per `<tu>`.

The source variant is the `<tuv>` in the header's (or the unit's) `srclang`; the target
is the first other variant, preferring English (mtqa checks English output). With no fixed
source (`srclang="*all*"` or none) the English variant is the target and the first other
one the source, whichever comes first in the unit. Inline codes
(`<bpt>`, `<ept>`, `<ph>`, `<it>`, `<ut>`, `<hi>`) become placeholders as in XLIFF.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from mtqa.config.settings import Settings, normalise_lang
from mtqa.errors import InputError
from mtqa.model import Document
from mtqa.readers.inline import InlineCodeError, TaggedUnit, tagged_document, tagged_unit
from mtqa.readers.xmllines import TextStarts
from mtqa.readers.xmlsafe import XML_LANG, child, children, local_name, parse_xml


def _lang(tuv: etree._Element) -> str:
    return (tuv.get(XML_LANG) or tuv.get("lang") or "").lower()


def _primary(lang: str) -> str:
    return normalise_lang(lang) or ""


def _seg(tuv: etree._Element | None) -> etree._Element | None:
    """The variant's `<seg>` (an empty one when the variant has none)."""
    if tuv is None:
        return None
    seg = child(tuv, "seg")
    return etree.Element("seg") if seg is None else seg


def _pick(tuvs: list[etree._Element], srclang: str) -> tuple[etree._Element | None, etree._Element | None]:
    if srclang in ("", "*all*"):
        # No fixed source language: the English variant is the output to check, wherever it stands.
        english = next((t for t in tuvs if _primary(_lang(t)) == "en"), None)
        source = next((t for t in tuvs if t is not english), None)
    else:
        source = next((t for t in tuvs if _primary(_lang(t)) == _primary(srclang)), None)
    others = [t for t in tuvs if t is not source]
    target = next((t for t in others if _primary(_lang(t)) == "en"), others[0] if others else None)
    return source, target


def read_bytes(data: bytes, path: str, settings: Settings) -> Iterator[Document]:
    root = parse_xml(data, path)
    if local_name(root) != "tmx":
        raise InputError(path, f"not TMX: the root element is <{local_name(root)}>")
    header = child(root, "header")
    body = child(root, "body")
    if body is None:
        raise InputError(path, "TMX has no <body> element")
    header_src = (header.get("srclang") if header is not None else "") or ""
    items: list[TaggedUnit] = []
    source_langs: set[str] = set()
    starts = TextStarts(data, root, ("tu", "tuv", "seg"))
    for number, tu in enumerate(children(body, "tu"), 1):
        source_el, target_el = _pick(children(tu, "tuv"), (tu.get("srclang") or header_src).lower())
        if source_el is not None:
            source_langs.add(_primary(_lang(source_el)))
        # The target's text, or the variant (the unit) that should have held it.
        holder = tu if target_el is None else child(target_el, "seg")
        origin = starts.origin(holder if holder is not None else target_el)
        try:
            items.append(tagged_unit(tu.get("tuid") or str(number), _seg(source_el), _seg(target_el), origin))
        except InlineCodeError as exc:
            raise InputError(path, str(exc)) from None
    if not items:
        raise InputError(path, "TMX has no translation units")
    source_lang = settings.source_lang or (next(iter(source_langs)) if len(source_langs) == 1 else None)
    yield tagged_document(path, path, items, source_lang or None, {"format": "tmx"})
