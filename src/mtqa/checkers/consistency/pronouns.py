"""Countries and institutions called "she" or "he": grammatical gender leaking from the source.

Hebrew, Arabic and Russian make country names feminine, so MT writes "Russia ... she";
Spanish and Italian drop the subject and MT restores "he". For each gendered pronoun
outside quotations, the nearest candidate antecedent within the sentence and the two
before it is looked up; the pronoun is flagged only when that candidate is a place or
institution and no person who could be meant (same gender, or gender unknown) is in
reach. "he" needs stronger evidence than "she": English uses "he" for so many people
that the country must be in the same or the previous sentence and no person at all in
the window. Ships and storms are "she" by tradition and stop the search.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from mtqa.checkers.consistency.mentions import Mention, MentionFinder
from mtqa.checkers.consistency.reported import blocked_between, reporting_subject, singular_inanimate_before
from mtqa.checkers.consistency.text import QuoteIndex, SentenceView

_FEMALE = {"she": "it", "her": "its", "herself": "itself"}
_MALE = {"he": "it", "his": "its", "him": "it", "himself": "itself"}
# After these, "her" is an object ("to her", "made her"), so the fix is "it", not "its".
_OBJECT_NEXT = frozenset(
    "to in on at by for from with of and or but that which who than as into onto over under "
    "after before about against".split()
)


_MAX_CANDIDATES = 40


@dataclass(frozen=True, slots=True)
class PronounHit:
    start: int
    end: int
    pronoun: str
    antecedent: str
    suggestion: str
    confidence: float


def find_country_pronouns(
    text: str,
    views: list[SentenceView],
    quotes: QuoteIndex,
    finder: MentionFinder,
    *,
    window: int = 2,
    check_male: bool = True,
) -> Iterator[PronounHit]:
    finder.reset()
    per_sentence: list[list[Mention]] = []
    last_female = -99  # sentence index of the last person-like female mention
    last_male = -1  # ... and of the last male one (any earlier male person blocks "he")
    woman_in_story = False  # an earlier "she" referred to a woman: the story is about one
    flagged: set[int] = set()
    it_refs = _it_antecedents(text, views)
    inanimate = finder.gaz.inanimate_she
    for view in views:
        mentions = finder.find(text, view.tokens, view.index)
        per_sentence.append(mentions)
        for position, mention in enumerate(mentions):
            if mention.kind != "pronoun":
                if mention.kind == "person" and mention.gender == "f":
                    last_female = view.index
                elif mention.kind == "person" and mention.gender == "m":
                    last_male = view.index
                continue
            low = mention.name.lower()
            if low not in _FEMALE and low not in _MALE:
                continue  # "hers": a country is hardly ever the owner
            female = low in _FEMALE
            if quotes.inside(mention.start) or _speaker(text, view, mention):
                if female:
                    last_female = view.index
                    woman_in_story = True
                continue
            first = max(0, view.index - window)
            # Bounded look-back keeps a huge unsplit "sentence" linear.
            earlier = [m for sentence in per_sentence[first:view.index] for m in sentence[-_MAX_CANDIDATES:]]
            earlier += mentions[max(0, position - _MAX_CANDIDATES):position]
            candidates = [m for m in earlier if m.start not in flagged]
            hit = _judge(text, view, candidates, mention, female, first, last_female, last_male, inanimate, views)
            if hit is None or (not female and not check_male) or (female and woman_in_story):
                if female:
                    last_female = view.index
                    woman_in_story = True
                else:
                    last_male = view.index
                continue
            antecedent = hit
            flagged.add(mention.start)
            table = _FEMALE if female else _MALE
            suggestion = table[low]
            if low == "her" and _next_word(view, mention) in _OBJECT_NEXT | {""}:
                suggestion = "it"
            if mention.name[0].isupper():
                suggestion = suggestion.capitalize()
            confidence = 0.6 + (0.2 if any(w in it_refs for w in antecedent.name.split()) else 0.0)
            confidence += 0.1 if antecedent.sentence >= view.index - 1 else 0.0
            yield PronounHit(mention.start, mention.end, mention.name, antecedent.name, suggestion, round(confidence, 2))


def _judge(text, view, candidates, pronoun, female, first, last_female, last_male, inanimate, views) -> Mention | None:
    """The place or institution the pronoun wrongly refers to, or None."""
    gender = "f" if female else "m"
    # People of the other gender cannot be meant ("unlike Putin, she ..."): skip them.
    relevant = [m for m in candidates if not (m.kind in ("person", "pronoun") and m.gender not in (gender, "u"))]
    if not relevant:
        return None
    if female:
        subject = reporting_subject(text, candidates, pronoun, view.index)
        if subject is not None and _opens_clause(text, view, subject) and not _after_preposition(text, subject):
            return _judge_reported(candidates, subject, pronoun, view, first, last_female, inanimate, views)
    nearest = relevant[-1]
    if nearest.kind == "pronoun":
        # "Russia ... she ... her": the earlier pronoun decides (and was judged already).
        return None
    if nearest.kind not in ("place", "org"):
        return None
    # Prefer a subject-like antecedent over a place named after a preposition
    # ("Russia ... in the Crimea, it ... She"): evidence should name Russia.
    for m in reversed(relevant):
        if m.kind in ("place", "org") and not _after_preposition(text, m):
            nearest = m
            break
    for m in candidates:
        if m.kind == "person" and m.gender in (gender, "u"):
            return None
        if m.kind == "pronoun" and m.gender == gender:
            return None
    if female:
        if view.index - last_female <= 10:
            return None
        if any(_has_inanimate(sentence, inanimate) for sentence in views[first:view.index + 1]):
            return None
    else:
        # "he" is right for so many people that only the Romance pro-drop pattern is
        # flagged: the country opens a clause of the same sentence ("Portugal is ready
        # ..., but first he wants") and no person is named anywhere in reach.
        if nearest.sentence != view.index or any(m.kind == "person" for m in candidates):
            return None
        if not nearest.name[0].isupper():  # "the court ... his": too often a person's
            return None
        if pronoun.name.lower() not in ("he", "his") or last_male >= 0:
            return None
        if not _opens_clause(text, view, nearest):
            return None
    return nearest


def _judge_reported(candidates, subject, pronoun, view, first, last_female, inanimate, views) -> Mention | None:
    """"Moscow said that she …": only a woman in reach or a ship before the pronoun blocks."""
    if blocked_between(candidates, subject, pronoun) or view.index - last_female <= 10:
        return None
    if any(m.gender == "f" and m.kind in ("person", "pronoun") for m in candidates):
        return None
    before = [t.lower for v in views[first:view.index] for t in v.tokens]
    before += [t.lower for t in view.tokens if t.start < pronoun.start]
    if singular_inanimate_before(before, inanimate):
        return None
    return subject


_PREPOSITIONS = frozenset(
    "in at to from of near on into across over under through within without around inside outside by for with against between".split()
)


def _after_preposition(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 16):mention.start].split()
    if before and before[-1].lower() == "the":
        before = before[:-1]
    return bool(before) and before[-1].lower() in _PREPOSITIONS


_CLAUSE_OPENERS = frozenset({"", ",", ";", ":", "and", "but", "while", "as", "because", "so"})


def _opens_clause(text: str, view: SentenceView, mention: Mention) -> bool:
    """True when the mention is the subject at the start of the sentence or a clause."""
    before = text[max(view.start, mention.start - 200):mention.start].rstrip()
    if before.lower().endswith("the"):
        before = before[:-3].rstrip()
    last = before.split()[-1].lower() if before.split() else ""
    return last in _CLAUSE_OPENERS or before.endswith((",", ";", ":"))


_SPEECH = frozenset("said says added told asked replied explained noted stressed wrote recalled continued".split())


def _speaker(text: str, view: SentenceView, mention: Mention) -> bool:
    """'..." she said' or 'she added': the pronoun is a speaker, and speakers are people."""
    before = text[max(view.start, mention.start - 4):mention.start]
    if any(q in before for q in "”\"’"):
        return True
    quoted = any(q in text[max(view.start, mention.start - 300):mention.start] for q in "”\"")
    return quoted and _next_word(view, mention) in _SPEECH


def _has_inanimate(view: SentenceView, inanimate: frozenset[str]) -> bool:
    """Whether a ship, vessel or storm is named in the sentence (computed once per sentence)."""
    cached = view.flags.get("inanimate")
    if cached is None:
        cached = view.flags["inanimate"] = any(t.lower in inanimate for t in view.tokens)
    return cached


def _next_word(view: SentenceView, mention: Mention) -> str:
    starts = view.flags.get("starts")
    if starts is None:
        starts = view.flags["starts"] = [t.start for t in view.tokens]
    i = bisect.bisect_left(starts, mention.end)
    return view.tokens[i].lower if i < len(starts) else ""


def _it_antecedents(text: str, views: list[SentenceView]) -> frozenset[str]:
    """Capitalised names followed by "it"/"its" in the same or the next sentence.

    Cheap evidence that the document itself treats the country as "it": raises the
    confidence of a "she" finding for the same name.
    """
    names: set[str] = set()
    previous: list[str] = []
    for view in views:
        current = [t.base for t in view.tokens if t.capitalised]
        if any(t.lower in ("it", "its", "itself") for t in view.tokens):
            names.update(previous)
            names.update(current)
        previous = current
    return frozenset(names)
