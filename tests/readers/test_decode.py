"""Decoding: what is accepted, and the one-line reasons for what is refused."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from mtqa.errors import InputError
from mtqa.readers.decode import decode, refuse_unsupported

SAMPLE = "The minister’s “plan” costs €5 — naïve café."


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"),  # its BOM starts with UTF-16-LE's
        codecs.BOM_UTF32_BE + SAMPLE.encode("utf-32-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf32-le-bom", "utf32-be-bom"],
)
def test_unicode_encodings_decode_exactly(data):
    assert decode(data, "f.txt").text == SAMPLE


def test_utf32_is_named_as_such():
    assert decode(codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "f.txt").encoding == "utf-32"


def test_damaged_utf32_is_refused_in_one_line():
    data = codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le") + b"\x00\x00\x11\x00"  # past U+10FFFF
    with pytest.raises(InputError) as info:
        decode(data, "f.txt")
    assert info.value.reason.startswith("invalid UTF-32 at byte")


def test_legacy_encoding_is_detected():
    text = "Le président a déclaré que la réforme était nécessaire. " * 10
    assert decode(text.encode("cp1252"), "f.txt").text == text


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
        decode(data, "bad.txt").text
    assert info.value.path == "bad.txt"
    assert reason in info.value.reason
    assert "\n" not in str(info.value)


# Legacy encodings: UTF-8 first, then a declaration, then a plausible guess (never silently wrong).

def test_latin1_news_names_decode_right_and_are_a_guess():
    text = "Ségolène, São, à"
    decoded = decode(text.encode("latin-1"), "f.txt")
    assert decoded.text == text
    assert decoded.encoding == "cp1252" and decoded.guessed


FOREIGN_SCRIPTS = ("ARABIC", "HEBREW", "CYRILLIC", "GREEK", "CJK", "HANGUL", "HIRAGANA", "KATAKANA", "THAI")
ARTICLE = b"The minister said on Tuesday that the talks would continue next week, despite objections. " * 30


@pytest.mark.parametrize("stray", [bytes([b]) for b in range(0x80, 0x100)] + [b"\x81\x8d", b"\xd3\xe4", b"\xff\xfe"],
                         ids=lambda b: b.hex())
def test_ascii_with_stray_bytes_never_becomes_another_script(stray):
    data = ARTICLE[:900] + stray + ARTICLE[900:1800] + stray + ARTICLE[1800:]
    try:
        text = decode(data, "f.txt").text
    except InputError as exc:  # refusing is allowed; inventing Arabic or Cyrillic letters is not
        assert "UTF-8" in exc.reason
        return
    foreign = {ch for ch in text if ch.isalpha() and unicodedata.name(ch, "").startswith(FOREIGN_SCRIPTS)}
    assert not foreign, foreign


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Президент России заявил в среду, что переговоры продолжатся. " * 3, "cp1251"),
        ("Президент России заявил в среду, что переговоры продолжатся. " * 3, "koi8-r"),
        ("ראש הממשלה אמר ביום שלישי כי המשא ומתן יימשך בשבוע הבא. " * 3, "cp1255"),
        ("قال رئيس الوزراء يوم الثلاثاء إن المفاوضات ستستمر الأسبوع المقبل. " * 3, "cp1256"),
        ("قَالَ رَئِيسُ الوُزَرَاءِ يَوْمَ الثُّلاثَاءِ إِنَّ المُفَاوَضَاتِ سَتَسْتَمِرُّ. " * 3, "cp1256"),  # harakat
        ("בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם וְאֵת הָאָרֶץ. " * 3, "cp1255"),  # vowel points
        ("Ο πρωθυπουργός δήλωσε την Τρίτη ότι οι διαπραγματεύσεις θα συνεχιστούν. " * 3, "cp1253"),
        ("Lech Wałęsa powiedział, że źródło problemu jest w Gdańsku. " * 3, "cp1250"),
        ("President Erdoğan met officials in İstanbul on Tuesday.", "cp1254"),
        ("国务院总理李强周二表示，谈判将在下周继续进行。" * 3, "gb18030"),
        ("岸田首相は火曜日、交渉は来週も続くと述べた。" * 3, "shift_jis"),
        ("총리는 화요일 협상이 다음 주에도 계속될 것이라고 말했다. " * 3, "euc-kr"),
    ],
    ids=lambda v: v if len(v) < 12 else None,
)
def test_source_language_encodings_are_guessed_plausibly(text, encoding):
    decoded = decode(text.encode(encoding), "src.txt")
    assert decoded.text == text
    assert decoded.guessed


def test_a_declared_charset_is_used_and_not_a_guess():
    data = '<html><head><meta charset="iso-8859-2"></head><body><p>Lech Wałęsa</p></body></html>'.encode("iso-8859-2")
    decoded = decode(data, "page.html")
    assert "Wałęsa" in decoded.text
    assert not decoded.guessed


def test_an_uncompressed_pdf_is_named_not_read_as_text():
    data = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (The minister said) Tj ET\n%%EOF\n"
    with pytest.raises(InputError, match="PDF is not supported: extract the text first"):
        refuse_unsupported(data, "report.txt")
