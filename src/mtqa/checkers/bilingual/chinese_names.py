"""Chinese names in pinyin that the Chinese source does not hold.

Pinyin has a closed set of about 400 syllables, so a capitalised word made only of them
("Jining", "Mengjia", "Shuangxi") is a romanised Chinese name, not an English word or a
typo: a spelling checker is the wrong judge of it. The source is the right one. A name
the translation spells in pinyin must be the pinyin of a run of the source's characters
(`transliteration.SourceNames`, which also knows the readings characters take in
names); one that is not was misheard, mis-segmented ("Ge Pingyan" for 葛平坦言, Ge Ping
said frankly) or given another person's name ("Zou Mengjia" for 靳梦佳).

Left alone: words English text already uses (wordfreq), which are translations or
established spellings ("Shanghai", "Tibet"), the names of mtqa's gazetteers ("Shaanxi",
"Macao", spelt by convention, not by pinyin), names whose English is not the pinyin of the
characters the source writes (``chinese_english_names.toml``: 交大 is Jiaotong University,
美的 Midea, and a Japanese given name beside its family name, 中村修二 Shuji Nakamura), and
words of three letters or fewer, one syllable that matches too easily to tell anything.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from mtqa.checkers.bilingual.transliteration import _letters, pinyin_shaped, source_names
from mtqa.wordlists import zipf

# Only words rarer than this in English (wordfreq Zipf) are taken for names.
MAX_ZIPF = 2.0
MIN_LETTERS = 4
MAX_NAMES = 100  # distinct names looked up per segment
# A capitalised word, with an apostrophe inside (Yu'ebao) but not a possessive 's.
_NAME = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:['’](?!s\b)[a-z]+)?(?![\w])")


@lru_cache(maxsize=1)
def _table() -> dict:
    text = resources.files("mtqa.checkers.bilingual").joinpath("chinese_english_names.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def _english_names() -> tuple[tuple[tuple[str, ...], frozenset[str]], ...]:
    """(Chinese forms, English words) of the names English does not spell by their pinyin."""
    return tuple((tuple(entry["zh"]), frozenset(entry["en"])) for entry in _table()["names"])


@lru_cache(maxsize=1)
def _japanese_family_names() -> tuple[tuple[tuple[str, ...], re.Pattern], ...]:
    return tuple((tuple(entry["zh"]), re.compile(rf"(?<![\w'’-]){re.escape(entry['en'])}(?![\w-])"))
                 for entry in _table()["japanese_family_names"])


_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
_AFTER = re.compile(r"\s+([A-Z][a-z]+)")


def english_names(source: str, target: str = "") -> frozenset[str]:
    """The English words of the names the source writes whose English is not their pinyin
    (交大 is Jiaotong, 美的 Midea), and the given names read in Japanese beside a Japanese
    family name the source writes and the translation romanises (Shuji beside Nakamura
    for 中村修二)."""
    words = {word for forms, english in _english_names() if any(f in source for f in forms) for word in english}
    for forms, family in _japanese_family_names():
        if any(f in source for f in forms):
            for match in family.finditer(target):
                before = _BEFORE.search(target, max(0, match.start() - 40), match.start())
                after = _AFTER.match(target, match.end())
                words.update(m.group(1) for m in (before, after) if m)
    return frozenset(words)


def is_pinyin_name(word: str) -> bool:
    """A capitalised word, or hyphenated words ("Shuangxi-Neihuang"), made only of pinyin
    syllables: a romanised Chinese name."""
    parts = word.split("-")
    return bool(word[:1].isupper()) and all(len(key := _letters(p)) >= 2 and pinyin_shaped(key) for p in parts)


def unsourced_names(source: str, target: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of pinyin names in ``target`` that ``source`` does not spell."""
    names = source_names(source)
    if not names.usable or not names.single:
        return []
    from mtqa.languagetool.names import gazetteer_words

    known = gazetteer_words() | english_names(source, target)
    words = list(_NAME.finditer(target))
    found = []
    checked: dict[tuple[str, tuple[str, ...]], bool] = {}
    for i, match in enumerate(words):
        name = match.group()
        key = _letters(name)
        if len(key) < MIN_LETTERS or name in known or not pinyin_shaped(key) or zipf(key) >= MAX_ZIPF:
            continue
        # A one-syllable name counts only with the capitalised word beside it ("Shang Rui").
        neighbours = tuple(w.group() for w in (words[i - 1] if i else None, words[i + 1] if i + 1 < len(words) else None)
                           if w is not None and (w.end() + 1 == match.start() or match.end() + 1 == w.start()))
        if (name, neighbours) not in checked:
            if len(checked) >= MAX_NAMES:
                break
            checked[name, neighbours] = names.contains(name, neighbours)
        if not checked[name, neighbours]:
            found.append((match.start(), match.end(), name))
    return found
