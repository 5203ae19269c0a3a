"""Fused words: two words that lost the space between them ("dictatormost", "beforeRussian").

Spaces vanish at markup boundaries when HTML becomes text, and MT re-joins tokens around
names. A lower-case token that is not in the English word list but splits into two (or
three) frequent words is flagged with the split as its suggestion; so is a lower-case
word glued to a capitalised one ("beforeRussian") and a sentence glued to the next
("harbour.Photo"). Names, URLs, e-mail addresses, hashtags, handles, hyphenated words and
camel-case brands are left alone. Word frequencies come from wordfreq's English list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from mtqa import wordlists
from mtqa.segment.words import occurs_alone

# A run of letters with what touches it on both sides, so URL and handle context shows.
# Possessive runs, the two glued forms sharing their first: the same matches as the plain
# alternation (a letter run can never give back a letter to a following [.!?] or [A-Z]),
# without re-scanning every word once per alternative. No candidate starts right after
# a-z (the attempt one letter earlier ran to the same end and would have matched), so
# the look-behind changes no match; it spares grabbing the rest of a word at each of its
# letters (a third less time on news).
_CANDIDATE = re.compile(r"(?<![a-z])(?:[a-z]{2,}+(?:[.!?][A-Z][a-z]{2,}+|[A-Z][a-z]{2,}+)|[A-Z]?[a-z]{7,}+)")
# Words a capitalised name or noun is most often glued to ("Ostrowskaannounced",
# "Parliamentvoted"): function words and the verbs of news reporting.
_NAME_GLUE = frozenset(
    """said says announced added told stated reported noted warned voted called claimed confirmed
    denied agreed wrote explained stressed insisted was were has had is will would and of the in""".split()
)

_SHORT_PARTS = frozenset(
    "a an of to in on at by is it or as we he be do no so up us my the and for not but was".split()
)
# Closed-class words: a fused pair nearly always has one ("dictator|most", "in|sports");
# two content words make a closed compound the word list may lack ("camera|women").
_FUNCTION_WORDS = _SHORT_PARTS | frozenset(
    """about above after again against all also although among and any are because been before being
    below between both but can could did does doing down during each even ever every few from had has
    have her here hers him his how into its just least less more most much must near never next nor
    now off once only other ought our ours out over own same shall she should since some still such
    than that the their theirs them then there these they this those though through thus till too
    under until upon very was were what when where whether which while who whom whose why will with
    within without would yet you your new old former first last next""".split()
)
# Affixes that are also words in the list ("ism", "anti"): a split at them is a
# derivation the word list lacks ("bilateralism"), not two fused words.
_SUFFIXES = frozenset(
    "ism isms ist ists ness less able ible ment ments ship ships hood wise like ward wards dom ful "
    "ers est ing ion ions tion ity ize ise ized ised ization isation al ally ism ic ical ics ian ians "
    "ite ites ology ologist ness nesses fold proof free based led style type wide".split()
)
_PREFIXES = frozenset(
    "anti pro pre post non re un over under out co sub super inter multi counter mis dis semi ex mega "
    "micro mini self cyber hyper ultra neo pseudo quasi trans tele bio eco geo auto mono poly".split()
)
_GLUE_BEFORE = set("@#/\\_-'’.:=&%+~")
_GLUE_AFTER = set("@/\\_-'’=&%+~")
_TLDS = frozenset("com org net edu gov io co uk de ru ua fr html htm php aspx jpg png pdf".split())


@dataclass(frozen=True, slots=True)
class Fused:
    start: int
    end: int
    token: str
    split: str
    kind: str  # "lower", "camel" or "sentence"
    confidence: float


@lru_cache(maxsize=1)
def longest_word() -> int:
    """Length of the longest word in the list. Tokens longer than this are not split:
    two or three frequent words are far shorter, and the splitter's slices and cache
    entries grow with the square of a token's length (an 80,000-letter "word" once took
    18 s and 3 GB)."""
    return wordlists.english_zipf().longest


_KNOWN: set[str] = set()  # candidates the word list knows (in any case), remembered per process


def _zipf_of():
    table = wordlists.english_zipf()
    return lambda word: table.get(word, 0.0)


def find_fused(text: str, *, accept: frozenset[str], camelcase: frozenset[str], min_zipf: float = 3.0) -> Iterator[Fused]:
    zipf = _zipf_of()
    longest = longest_word()
    known = _KNOWN
    for match in _CANDIDATE.finditer(text):
        token = match.group()
        if token in known:
            continue  # a known word (most candidates), as seen before
        start, end = match.span()
        if end - start > longest:
            continue  # longer than any word: splitting it would cost quadratic time for nothing
        if zipf(token.lower()) > 0:
            if len(known) < 100_000:  # bounded, like every per-process cache here
                known.add(token)
            continue  # a known word: none of the splits below is tried on one
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in _GLUE_BEFORE):
            continue
        if end < len(text) and (text[end].isalnum() or text[end] in _GLUE_AFTER):
            continue
        if end + 1 < len(text) and text[end] == "." and text[end + 1].isalnum():
            continue  # a domain or file name: "example.com"
        if token in accept or _in_link(text, start, end):
            continue
        if token[0].isupper():
            hit = _split_capitalised(token, text, zipf)
            if hit is not None:
                yield Fused(start, end, token, hit, "lower", 0.7)
            continue
        first_upper = next((i for i, ch in enumerate(token) if ch.isupper()), None)
        if first_upper is None:
            hit = _split_lower(token, zipf, min_zipf) or _split_seen(token, text, zipf, min_zipf)
            if hit is not None:
                split, score = hit
                yield Fused(start, end, token, split, "lower", min(0.95, 0.5 + score / 12))
            continue
        if token in camelcase:
            continue
        if token[first_upper - 1] in ".!?":
            left, right = token[: first_upper - 1], token[first_upper:]
            if left.lower() in _TLDS or right.lower() in _TLDS:
                continue
            if zipf(left) >= min_zipf and zipf(right.lower()) >= 2.0:
                yield Fused(start, end, token, f"{left}{token[first_upper - 1]} {right}", "sentence", 0.7)
            continue
        left, right = token[:first_upper], token[first_upper:]
        if zipf(left) >= min_zipf + 0.5 and (len(left) > 2 or left in _SHORT_PARTS) and zipf(right.lower()) >= 2.0:
            yield Fused(start, end, token, f"{left} {right}", "camel", 0.75)


def _split_capitalised(token: str, text: str, zipf) -> str | None:
    """A capitalised word glued to a reporting verb or function word, or None.

    The first part must be a known word ("Parliament") or stand alone elsewhere in the
    document ("Ostrowska ... Ostrowskaannounced"); the second must be a glue word, so
    names that merely end like a word ("Greenberg") are left alone.
    """
    for i in range(len(token) - 2, 2, -1):
        right = token[i:]
        if right not in _NAME_GLUE:
            continue
        left = token[:i]
        if zipf(left.lower()) >= 3.5 or occurs_alone(text, left):
            return f"{left} {right}"
    return None


def _in_link(text: str, start: int, end: int) -> bool:
    """True when the token is part of a whitespace-delimited URL, address or handle."""
    left = text.rfind(" ", max(0, start - 200), start) + 1
    right = text.find(" ", end, end + 200)
    chunk = text[left:right if right != -1 else end + 200]
    return "://" in chunk or "www." in chunk or "@" in chunk or "#" in chunk


def _split_lower(token: str, zipf, min_zipf: float) -> tuple[str, float] | None:
    """Best split of an unknown lower-case token into two or three frequent words."""
    best: tuple[str, float] | None = None
    for i in range(2, len(token) - 1):
        left, right = token[:i], token[i:]
        if right in _SUFFIXES or left in _PREFIXES:
            continue
        lz, rz = _part(left, zipf), _part(right, zipf)
        score = min(lz, rz)
        if left not in _FUNCTION_WORDS and right not in _FUNCTION_WORDS:
            continue
        if score >= min_zipf and (best is None or score > best[1]):
            best = (f"{left} {right}", score)
    if best is None and len(token) >= 10:
        for i in range(3, len(token) - 5):
            left = token[:i]
            if left in _PREFIXES:
                continue
            lscore = _part(left, zipf)
            if lscore < min_zipf:
                continue
            rest = _split_lower(token[i:], zipf, min_zipf + 0.5) if zipf(token[i:]) == 0 else None
            # Three parts need stronger evidence: each frequent, at most one of them a
            # function word ("economy|jobs|and", not "can|is|therapy").
            if rest is not None and lscore >= min_zipf + 0.5 and sum(
                part in _FUNCTION_WORDS for part in (left, *rest[0].split())
            ) <= 1:
                score = min(lscore, rest[1])
                if best is None or score > best[1]:
                    best = (f"{left} {rest[0]}", score)
    return best


def _split_seen(token: str, text: str, zipf, min_zipf: float) -> tuple[str, float] | None:
    """Two content words the document itself writes apart ("the coalition partners ...
    the coalitionpartners"): a closed compound the word list lacks never has the open
    form in the same article, so the document is the evidence ``_split_lower`` lacks."""
    for i in range(3, len(token) - 2):
        left, right = token[:i], token[i:]
        if left in _PREFIXES or right in _SUFFIXES or min(_part(left, zipf), _part(right, zipf)) < min_zipf:
            continue
        if re.search(rf"(?<!\w){left}\s+{right}(?!\w)", text, re.IGNORECASE):
            return f"{left} {right}", min(zipf(left), zipf(right))
    return None


def _part(word: str, zipf) -> float:
    if len(word) < 3 and word not in _SHORT_PARTS:
        return 0.0
    return zipf(word)
