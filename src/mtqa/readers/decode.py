"""Bytes to text: UTF-8 first, then a BOM or a declared charset, then a short list of likely
news encodings, each kept only if the text it gives is plausible.

A file that is mostly UTF-8 but holds invalid bytes is refused rather than guessed at:
legacy-encoded text almost never contains valid multi-byte UTF-8 sequences, so their
presence means the file was meant to be UTF-8 and is damaged.

Statistical detectors guess badly on what news files really hold: a short Latin-1 text
("Ségolène, São, à") came out as cp1250, and ASCII with a few stray bytes as cp1006, with a
false "Arabic letters" finding. So the guess is a fixed order (cp1252 first: Western
European news) and a plausibility test of the decoded text: letters of one script within a
word, no case flips inside a word, no words made only of accented letters (Cyrillic or
Hebrew bytes read as cp1252), no control characters. The first plausible candidate wins,
except in text dense with accents (Czech, Polish), where the equally plausible code pages
are told apart by charset-normalizer's letter frequencies, as are East Asian double-byte
encodings. A guess is always reported as a guess.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from mtqa.errors import InputError

_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# `<meta charset="x">`, `content="text/html; charset=x"`, `<?xml ... encoding="x"?>`.
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Latin first (English news with accented names), then the scripts of mtqa's source languages.
CANDIDATES = ("cp1252", "latin-1", "cp1254", "cp1250", "cp1251", "koi8-r", "cp1253", "cp1255", "cp1256",
              "cp1257")
# Double-byte encodings all decode each other's bytes; charset-normalizer's character
# frequencies tell them apart, and the plausibility test still has the last word.
EAST_ASIAN = ("gb18030", "big5", "shift_jis", "euc_kr", "euc_jp")
# Browsers read these labels as windows-1252 (WHATWG Encoding): so do we.
_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii", "l1"})
_MAX_IMPLAUSIBLE = 0.1  # share of the non-ASCII characters
_SAMPLE = 200_000  # characters judged: enough for any script, and bounded for a 20 MB file
# Letters, digits and the combining marks of the scripts above (Hebrew points, Arabic
# harakat), which ``\w`` alone would treat as word breaks.
_WORD = re.compile(r"[\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+")
_OK_SYMBOLS = frozenset("€£¥¢©®™°±×÷§¶·•½¼¾µ")
_EAST_ASIAN_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC", "HALFWIDTH", "FULLWIDTH"})
_TURKISH_AS_CP1252 = frozenset("ðÐþÞ")  # not ý: Czech and Slovak write it every other word
# One East Asian character alone among ASCII: a double-byte decoder ate a stray byte and the
# letter after it ("S體ol", "mat川"). Real mixed words have runs ("TVコマーシャル").
_LONE_HAN = re.compile(r"(?<![^\x00-\x7f])[^\x00-\x7f](?![^\x00-\x7f])")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool = False


def refuse_unsupported(data: bytes, path: str) -> None:
    """Formats people try that mtqa cannot read, named (PDF may even be uncompressed text)."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        raise InputError(path, "PDF is not supported: extract the text first")


def decode(data: bytes, path: str) -> Decoded:
    if not data:
        raise InputError(path, "file is empty")
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_strict(data[3:], "utf-8", path), "utf-8-sig")
    # UTF-32 first: its little-endian BOM (FF FE 00 00) starts with UTF-16's (FF FE).
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return Decoded(_strict(data, "utf-32", path), "utf-32")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(_strict(data, "utf-16", path), "utf-16")
    sample = data[:65536]
    if b"\x00" in sample or len(_CONTROL.findall(sample)) > len(sample) * 0.05:
        raise InputError(path, "binary file (not text)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _damaged_utf8(data):
        raise InputError(path, f"invalid UTF-8 at byte {utf8_error.start}: {utf8_error.reason}")
    declared = _declared(data[:4096])
    if declared:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            text = None
        if text is not None and implausible_share(text) <= _MAX_IMPLAUSIBLE:
            return Decoded(text, declared)
        # a wrong declaration: guess as if there were none
    return _guessed(data, path, utf8_error)


def _damaged_utf8(data: bytes) -> bool:
    """More valid multi-byte UTF-8 characters than invalid bytes: UTF-8 with damage.

    (Legacy single-byte text almost never forms valid sequences; CJK double-byte text forms
    some by chance, but far fewer than the bytes that are not UTF-8.)
    """
    text = data.decode("utf-8", "surrogateescape")
    invalid = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - invalid
    return valid >= invalid


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"invalid {encoding.upper()} at byte {exc.start}: {exc.reason}") from None
    return text.removeprefix("\ufeff")


def _declared(head: bytes) -> str | None:
    match = _DECLARED.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return None if name.startswith("utf") else name


def _guessed(data: bytes, path: str, utf8_error: UnicodeDecodeError) -> Decoded:
    scored: list[tuple[float, str, str]] = []  # (implausible share, encoding, text)
    for encoding in CANDIDATES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any(text == other for _, _, other in scored):
            continue  # cp1252 and Latin-1 agree on most files
        scored.append((implausible_share(text), encoding, text))
        if scored[-1][0] == 0 and not _dense(text):
            break  # English with a few accented names: the first plausible code page
    if not scored or min(scored)[0] > 0:
        from charset_normalizer import from_bytes

        match = from_bytes(data, cp_isolation=list(EAST_ASIAN)).best()
        if match is not None:
            scored.append((implausible_share(str(match)), match.encoding, str(match)))
    lowest = min((share for share, _, _ in scored), default=1.0)
    if lowest > _MAX_IMPLAUSIBLE:
        if sum(1 for byte in data if byte > 0x7F) <= len(data) // 100:
            # ASCII with a few stray bytes: no script to guess; keep them visible, not as letters.
            return Decoded(data.decode("cp1252", "replace"), "cp1252", guessed=True)
        raise InputError(
            path,
            f"invalid UTF-8 at byte {utf8_error.start}, and no likely legacy encoding gives plausible text "
            "(save the file as UTF-8)",
        )
    ties = [(encoding, text) for share, encoding, text in scored if share == lowest]
    encoding, text = _by_frequency(data, ties) if len(ties) > 1 else ties[0]
    return Decoded(text, encoding, guessed=True)


def _dense(text: str) -> bool:
    """Text written in a language with many accented letters (Czech, Polish), not English
    with a few names: the code pages that read it plausibly are told apart by frequency."""
    sample = text[:_SAMPLE]
    accented = sum(1 for ch in sample if ch.isalpha() and not ch.isascii())
    return accented >= 20 and accented * 50 >= sum(1 for ch in sample if ch.isalpha())


def _by_frequency(data: bytes, ties: list[tuple[str, str]]) -> tuple[str, str]:
    """Of several equally plausible decodings, the one charset-normalizer finds most like a
    language (letter frequencies); the first in our order when it has no opinion."""
    from charset_normalizer import from_bytes

    match = from_bytes(data, cp_isolation=[encoding for encoding, _ in ties]).best()
    if match is not None:
        chosen = codecs.lookup(match.encoding).name
        for encoding, text in ties:
            if codecs.lookup(encoding).name == chosen:
                return encoding, text
    return ties[0]


def implausible_share(text: str) -> float:
    """Share of the non-ASCII characters that look like a wrong decoding (judged on a sample)."""
    text = text[:_SAMPLE]
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
    if not non_ascii:
        return 0.0
    bad = 0
    words: dict[str, list[int]] = {}  # non-Latin script -> [words, letters, upper-case letters]
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        extra = [ch for ch in word if ord(ch) > 0x7F]
        scripts = {_script(ch) for ch in word if ch.isalpha()}
        if _implausible_word(word, extra, scripts):
            bad += len(extra)
        elif scripts and scripts != {"LATIN"}:
            script = "CJK" if "CJK" in scripts else min(scripts)  # one script, or Latin mixed into CJK
            counts = words.setdefault(script, [0, 0, 0])
            counts[0] += 1
            counts[1] += len(word)
            counts[2] += sum(1 for ch in word if ch.isupper())
    for script, (count, letters, upper) in words.items():
        if letters < 3 * count:
            bad += letters  # stray bytes read as one- or two-letter "words" of another script
        elif script in ("CYRILLIC", "GREEK") and letters >= 20 and not 0 < upper * 2 < letters:
            bad += letters  # Hebrew bytes read as Cyrillic or Greek: (nearly) one case throughout
    for ch in text:
        if ord(ch) > 0x7F and not _WORD.match(ch):
            category = unicodedata.category(ch)
            if category[0] == "C" or (category[0] == "S" and ch not in _OK_SYMBOLS):
                bad += 1
    return min(1.0, bad / non_ascii)


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "?")
    script = name.split(" ", 1)[0].split("-", 1)[0]  # "KATAKANA-HIRAGANA PROLONGED SOUND MARK"
    return "CJK" if script in _EAST_ASIAN_SCRIPTS else script


def _implausible_word(word: str, extra: list[str], scripts: set[str]) -> bool:
    # Japanese and Chinese write "TVコマーシャル" without spaces; "S體ol" is a double-byte
    # decoder that ate a stray byte and the letter after it.
    east_asian_mix = scripts == {"LATIN", "CJK"} and not _LONE_HAN.search(word)
    if len(scripts) > 1 and not east_asian_mix:
        return True
    if unicodedata.category(word[0])[0] == "M":
        return True  # a word starting with a combining mark
    if any(not ch.isalpha() and unicodedata.category(ch) not in ("Nd", "Mn", "Mc") for ch in extra):
        return True  # "Wa³êsa": a superscript or ordinal sign inside a word (vowel points are fine)
    if scripts == {"LATIN"}:
        letters = sum(1 for ch in word if ch.isalpha())
        if len(extra) > 2 and len(extra) * 2 > letters:
            return True  # "Ïðèâåò": Cyrillic, Hebrew or Arabic bytes read as a Latin code page
        if any(ch in _TURKISH_AS_CP1252 for ch in extra):
            return True  # "Erdoðan": cp1254 read as cp1252
    return any(before.islower() and after.isupper() and not (before + after).isascii()
               for before, after in zip(word, word[1:]))  # "пРИВЕТ": cp1251 read as KOI8-R
