"""The one XML parser mtqa uses (XLIFF, TMX): no entity expansion, no DTD loading, no network.

Entity declarations are refused outright rather than left unexpanded: a file that declares
entities is either an attack (billion laughs, external entities reading local files or
fetching URLs) or depends on expansion we will not do, and in both cases checking the text
without them would report on something the author never wrote. A plain
``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` line, as real TMX files carry, is accepted and never
loaded.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from mtqa.errors import InputError

# The internal subset of a DOCTYPE: `<!DOCTYPE name ... [ ... ]>`.
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^\[>]*\[(.*?)\]\s*>", re.DOTALL)
_XML_DECL_ENCODING = re.compile(rb"""<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ENTITY_DECL = re.compile(rb"<!ENTITY\s+(%\s*)?([^\s>]+)(?:[^>]*?\b(SYSTEM|PUBLIC)\b)?")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        strip_cdata=True,
    )


def _ascii_view(data: bytes) -> bytes:
    """The bytes with UTF-16/32 NUL padding removed, enough to find ASCII markup."""
    head = data[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        return data.replace(b"\x00", b"")
    return data


def refuse_entities(data: bytes, path: str) -> None:
    """Raise InputError if the document's DOCTYPE declares any entity."""
    view = _ascii_view(data)
    start = view.find(b"<!DOCTYPE")
    if start < 0:
        return
    match = _DOCTYPE_SUBSET.match(view, start)
    subset = match.group(1) if match else view[start:]
    decl = _ENTITY_DECL.search(subset)
    if decl is None:
        return
    name = decl.group(2).decode("ascii", "replace")
    if decl.group(3):
        reason = f"declares an external entity ({name!r}); refused (external entities can read files or URLs)"
    else:
        reason = f"declares an entity ({name!r}); refused (entity expansion is disabled: entity bombs)"
    raise InputError(path, f"unsafe XML: {reason}")


def parse_xml(data: bytes, path: str) -> etree._Element:
    """The root element of ``data``; InputError (one line) for unsafe or malformed XML."""
    refuse_entities(data, path)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        message = str(exc.msg or exc).split(", line")[0]
        if "amplification" in message or "entity" in message.lower():
            raise InputError(path, f"unsafe XML: {message}") from None
        line = f"line {exc.lineno}: " if exc.lineno else ""
        raise InputError(path, f"malformed XML: {line}{message}") from None
    except ValueError as exc:  # e.g. a str with an encoding declaration
        raise InputError(path, f"malformed XML: {exc}") from None
    if root is None:
        raise InputError(path, "malformed XML: no root element")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(path, "unsafe XML: declares entities; refused")
    return root


def local_name(element: etree._Element) -> str:
    return element.tag.rpartition("}")[2] if isinstance(element.tag, str) else ""


def children(element: etree._Element, name: str) -> list[etree._Element]:
    """Direct children with local name ``name`` (any namespace)."""
    return [c for c in element if local_name(c) == name]


def child(element: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in element if local_name(c) == name), None)


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def xml_encoding(data: bytes) -> str | None:
    """The encoding an XML file that parsed was read in, named as the text readers name
    theirs (``utf-8-sig``, ``utf-16``, ``cp1252``, ``iso8859-1``: a BOM, else the XML
    declaration), or None for plain UTF-8, which reports leave unsaid. The XML parser
    follows the declaration as written (ISO-8859-1 is Latin-1 here, not cp1252)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    declared = _XML_DECL_ENCODING.match(_ascii_view(data[:1024]))
    if declared is None:
        return None
    label = declared.group(1).decode("ascii")
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return label.lower()
    return None if name == "utf-8" else name
