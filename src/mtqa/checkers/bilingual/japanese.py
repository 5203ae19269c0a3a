"""The romaji spellings of the names a Japanese source writes in kanji or katakana.

Kanji do not spell their sound, and the sound of a name's kanji is the name's own
(市川 is Ichikawa, 市 alone is shi or ichi), so the readings come from a dictionary of
proper nouns (IPAdic people, places, organisations; japanese_readings.tsv.gz, built by
scripts/build_japanese_readings.py), looked up for every run of source characters that
is one of its surfaces; a surface all in katakana (エミコ, アピタ) only as a whole
katakana word, and a surname of one kanji (林, 森) only before a title or a given name
(林外相, 林芳正): alone, 仲 is a relationship and 沼 a swamp, not Naka and Numa. Other
katakana words are not romanised: most are loanwords and common words, and their romaji
in a translation is a word left untranslated (ヨメ "Yome", wife; キキョウ "Kikyo",
bellflower), not a name; on WMT ja-en outputs many of the findings that romanising every
katakana word would drop were such words (docs/languagetool.md).

A reading is spelt the ways English news spells it: Hepburn (shi, chi, tsu, fu, ji), a
long vowel as the plain vowel or doubled, and a long o also as "ou" and "oh" (Tōkyō:
Tokyo, Toukyou; 大野 Ono, Ohno; a macron is dropped before the comparison), ん before
b, m, p as n or m (Shinbun, Shimbun) and っ as a doubled consonant (Hatchobori, Hacchobori).
No spelling near these counts: a near miss is the wrong name reviewers mark.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources
from itertools import product

_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_KATAKANA = frozenset(chr(c) for c in range(0x30a1, 0x30fb)) | {"ー"}
# What follows a surname said alone: honorifics and the titles of the news (森市長, 林外相).
_TITLE = re.compile(r"さん|氏|様|君|くん|ちゃん|夫妻|容疑者|被告|選手|監督|教授|先生|議員|[首外]相|大臣|長官|知事"
                    r"|[市町村区]長|[社会議部店所園校]長|理事長|代表|記者|容疑")
MAX_SPELLINGS = 256  # of one reading: a reading with four long o has 4**4 spellings

_MONO = dict(zip(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヰヱヲ"
    "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョヮヵヶ",
    "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho "
    "ma mi mu me mo ya yu yo ra ri ru re ro wa i e o ga gi gu ge go za ji zu ze zo da ji zu de do "
    "ba bi bu be bo pa pi pu pe po vu a i u e o ya yu yo wa ka ke".split()))
_SMALL = {"ャ": "a", "ュ": "u", "ョ": "o"}
_DIGRAPH = {"ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "ティ": "ti", "ディ": "di", "トゥ": "tu",
            "ドゥ": "du", "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve",
            "ヴォ": "vo", "シェ": "she", "ジェ": "je", "チェ": "che", "デュ": "dyu", "テュ": "tyu", "イェ": "ye",
            "ツァ": "tsa", "ツェ": "tse", "ツォ": "tso", "クァ": "kwa", "グァ": "gwa"}
# A long vowel (the second vowel of ou, oo, uu, or ー) and how English news writes it after the first.
_LONG = {"o": ("", "u", "h", "o"), "u": ("", "u"), "a": ("", "a"), "e": ("", "e"), "i": ("", "i")}


def is_japanese(source: str, lang: str | None) -> bool:
    """Kana are Japanese whatever the language given; kanji alone are when the source language is."""
    return bool(_KANA.search(source)) or ((lang or "").lower().split("-")[0] == "ja" and bool(_HAN.search(source)))


def spellings(source: str) -> set[str]:
    """The romaji spellings (lower-case letters) of the dictionary's names in `source`."""
    table, lengths = _table()
    found: set[str] = set()
    readings: set[str] = set()
    for i, ch in enumerate(source):
        for n in lengths.get(ch, ()):
            if i + n > len(source):
                break
            if (got := table.get(source[i:i + n])) is None:
                continue
            if ch in _KATAKANA and all(c in _KATAKANA for c in source[i:i + n]) and (
                    source[i - 1:i] in _KATAKANA or source[i + n:i + n + 1] in _KATAKANA):
                continue  # a katakana name only as a whole word: not エミコ in エミコット
            if n == 1 and not (_TITLE.match(source, i + 1) or any(
                    source[i + 1:i + 1 + m] in table for m in lengths.get(source[i + 1:i + 2], ()) if m > 1)):
                continue  # 林 and 森 are names before a title or a given name; alone, 仲 is a relationship
            readings.update(got)
    for reading in readings:
        found |= romaji(reading)
    return found


@lru_cache(maxsize=65536)
def romaji(reading: str) -> frozenset[str]:
    """Every spelling English news gives the kana `reading` (see the module's docstring)."""
    syllables = _syllables(reading.translate(_TO_KATAKANA))
    if not syllables:
        return frozenset()
    parts: list[tuple[str, ...]] = []
    vowel = ""  # the vowel the spelling so far ends in
    for k, unit in enumerate(syllables):
        after = next((u for u in syllables[k + 1:] if u not in ("ッ", "ー")), "")
        if unit == "ッ":
            parts.append(("",) if not after or after[0] in "aeioun" else ("t", "c") if after.startswith("ch")
                         else (after[0],))
            vowel = ""
            continue
        if unit == "ン":
            parts.append(("n", "m") if after[:1] in ("b", "m", "p") else ("n",))
            vowel = ""
            continue
        if unit == "ー":
            parts.append(_LONG.get(vowel, ("",)))
            vowel = ""
            continue
        if unit == vowel and vowel in "ou" or unit == "u" and vowel == "o":
            parts.append(_LONG[vowel] if unit == "u" or vowel == "u" else ("", "o", "h"))
            vowel = ""
            continue
        parts.append((unit,))
        vowel = unit[-1]
    total = 1
    for options in parts:
        total *= len(options)
    if total > MAX_SPELLINGS:  # keep the plain and the doubled vowels only
        parts = [options[:2] for options in parts]
    return frozenset("".join(p) for p in product(*parts))


_TO_KATAKANA = {c: c + 0x60 for c in range(0x3041, 0x3097)}


def _syllables(kana: str) -> list[str]:
    """Katakana as romaji syllables, with ッ, ン and ー left as they are; [] for anything else."""
    out: list[str] = []
    i = 0
    while i < len(kana):
        pair = kana[i:i + 2]
        if pair in _DIGRAPH:
            out.append(_DIGRAPH[pair])
            i += 2
            continue
        ch = kana[i]
        if ch in "ッンー":
            out.append(ch)
        elif i + 1 < len(kana) and kana[i + 1] in _SMALL and ch in _MONO and _MONO[ch].endswith("i") \
                and len(_MONO[ch]) > 1:
            base = _MONO[ch][:-1]  # キャ kya, シャ sha, チャ cha, ジャ ja
            out.append(base + ("" if base in ("sh", "ch", "j") else "y") + _SMALL[kana[i + 1]])
            i += 2
            continue
        elif ch in _MONO:
            out.append(_MONO[ch])
        else:
            return []
        i += 1
    return out


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[int, ...]]]:
    """The dictionary's surfaces with their readings, and the surface lengths each first character starts."""
    raw = resources.files("mtqa.checkers.bilingual").joinpath("japanese_readings.tsv.gz").read_bytes()
    table: dict[str, tuple[str, ...]] = {}
    lengths: dict[str, set[int]] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        surface, _, readings = line.partition("\t")
        table[surface] = tuple(readings.split())
        lengths.setdefault(surface[0], set()).add(len(surface))
    return table, {ch: tuple(sorted(ns)) for ch, ns in lengths.items()}
