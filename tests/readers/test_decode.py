"""Decoding: what is accepted, and the one-line reasons for what is refused."""

from __future__ import annotations

import codecs

import pytest

from mtqa.errors import InputError
from mtqa.readers.decode import decode_bytes

SAMPLE = "The minister’s “plan” costs €5 — naïve café."


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom"],
)
def test_unicode_encodings_decode_exactly(data):
    assert decode_bytes(data, "f.txt") == SAMPLE


def test_legacy_encoding_is_detected():
    text = "Le président a déclaré que la réforme était nécessaire. " * 10
    assert decode_bytes(text.encode("cp1252"), "f.txt") == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)), "binary"),
        ("Café au lait ".encode() + b"\xff\xfe broken" + "é".encode(), "invalid UTF-8 at byte"),
    ],
    ids=["empty", "binary", "invalid-utf8"],
)
def test_refused_inputs_name_the_reason(data, reason):
    with pytest.raises(InputError) as info:
        decode_bytes(data, "bad.txt")
    assert info.value.path == "bad.txt"
    assert reason in info.value.reason
    assert "\n" not in str(info.value)
