"""Strings a translation must carry over unchanged: URLs, e-mail addresses, @handles, hashtags.

Only ASCII hashtags are compared: a hashtag in Cyrillic or Hebrew is text the translator
is expected to translate (#Україна -> #Ukraine), an ASCII one is a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mtqa.checkers.bilingual.index import Covered

# Chinese and Japanese write no space after a URL ("网址：http://www.gfbzb.gov.cn）查询"), so a
# URL also ends at CJK punctuation, full-width forms, kana, hangul and ideographs.
_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
URL = re.compile(rf"(?<![A-Za-z0-9])(?:https?://|www\.)[^\s<>\"'«»“”()\[\]{{}}{_CJK}]+", re.IGNORECASE)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
HANDLE = re.compile(r"(?<![A-Za-z0-9_@.])@[A-Za-z0-9_]{2,30}\b(?!\.[A-Za-z]{2,})")
HASHTAG = re.compile(r"(?<![A-Za-z0-9_#&])#[A-Za-z][A-Za-z0-9_]{1,60}\b")
_TRAILING = ".,;:!?…'\"’”)"

KINDS = {"url": URL, "email": EMAIL, "handle": HANDLE, "hashtag": HASHTAG}


@dataclass(frozen=True, slots=True)
class Entity:
    kind: str
    text: str
    start: int
    end: int

    @property
    def fixed(self) -> bool:
        """Must this string survive translation? Word hashtags get translated (#Batterien -> #Batteries)."""
        return self.kind != "hashtag" or bool(re.search(r"\d|[A-Z]{2}", self.text))

    @property
    def key(self) -> str:
        text = self.text.rstrip(_TRAILING)
        if self.kind == "url":
            text = re.sub(r"^https?://", "", text, flags=re.IGNORECASE).rstrip("/")
        return text.lower() if self.kind in ("url", "email", "hashtag", "handle") else text


def find_entities(text: str) -> list[Entity]:
    """URLs, e-mails, handles and hashtags of ``text``; an e-mail is not also a handle."""
    found: list[Entity] = []
    taken = Covered(len(text))
    for kind in ("url", "email", "handle", "hashtag"):
        for match in KINDS[kind].finditer(text):
            if match.start() in taken:
                continue
            value = match.group()
            end = match.start() + len(value.rstrip(_TRAILING)) if kind == "url" else match.end()
            found.append(Entity(kind, text[match.start():end], match.start(), end))
            taken.add(match.start(), end)
    return sorted(found, key=lambda e: e.start)


def spans(entities: list[Entity]) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in entities]


_QUESTION = re.compile(r"[?？؟]")
_EXCLAMATION = re.compile(r"[!！]")


def punctuation_counts(text: str) -> tuple[int, int]:
    return len(_QUESTION.findall(text)), len(_EXCLAMATION.findall(text))
