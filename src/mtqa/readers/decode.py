"""Bytes to text: UTF-8 (BOM or not), UTF-16 with a BOM, else a confidently detected encoding.

A file that is mostly UTF-8 but holds invalid bytes is refused rather than guessed at:
legacy-encoded text almost never contains valid multi-byte UTF-8 sequences, so their
presence means the file was meant to be UTF-8 and is damaged.
"""

from __future__ import annotations

import codecs
import re

from mtqa.errors import InputError

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode_bytes(data: bytes, path: str, confidence_floor: float = 0.5) -> str:
    if not data:
        raise InputError(path, "file is empty")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path)
    sample = data[:65536]
    if b"\x00" in sample or len(_CONTROL.findall(sample)) > len(sample) * 0.05:
        raise InputError(path, "binary file (not text)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _UTF8_MULTIBYTE.search(data):
        raise InputError(path, f"invalid UTF-8 at byte {utf8_error.start}: {utf8_error.reason}")
    return _detected(data, path, confidence_floor, utf8_error)


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"invalid {encoding.upper()} at byte {exc.start}: {exc.reason}") from None
    return text.removeprefix("\ufeff")


def _detected(data: bytes, path: str, floor: float, utf8_error: UnicodeDecodeError) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    confidence = 0.0 if best is None else 1.0 - best.chaos
    if best is None or confidence < floor:
        raise InputError(
            path,
            f"invalid UTF-8 at byte {utf8_error.start} and no other encoding detected with confidence >= {floor}",
        )
    return str(best)
