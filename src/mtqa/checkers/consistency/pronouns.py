"""Countries, companies and devices called "she" or "he": grammatical gender leaking from the source.

Hebrew, Arabic, Russian and Ukrainian make country names feminine, so MT writes "Russia
... she"; German "die Bank" becomes "she", Russian "город" and Spanish or Italian pro-drop
become "he". For each gendered pronoun outside quotations the candidates of its sentence
and the two before it are collected (`mentions`) and judged (`antecedents`); this module
walks the document, keeps who the story is about, and words the fix in the pronoun's own
case and form.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from mtqa.checkers.consistency.antecedents import Context, resolve
from mtqa.checkers.consistency.mentions import PRONOUNS, Mention, MentionFinder
from mtqa.checkers.consistency.text import QuoteIndex, SentenceView

_FEMALE = {"she": "it", "her": "its", "herself": "itself"}
_MALE = {"he": "it", "his": "its", "him": "it", "himself": "itself"}
# Before these, "her" is an object ("to her", "made her the leader"), so the fix is "it".
_NOT_NOUN = frozenset(
    """to in on at by for from with of and or but that which who than as into onto over under
    after before about against the a an this these those some any all every each no not also
    too very so just only even again now then here there when if because while up down out
    off back away home is was will would has had""".split()
) | {""}


_MAX_CANDIDATES = 40
# Where a token that can be flagged may be ("he's" is "he"; "hers" never is, see below),
# found without tokenising: every such token matches, and so may a little more ("he-man").
# The look-ahead for an h or s before the look-behind makes most characters fail at once
# (half the time of the look-behind first).
_FLAGGABLE = re.compile(
    "|".join(sorted({w[:size] for w, (_, size) in PRONOUNS.items() if w[:size] in _FEMALE or w[:size] in _MALE},
                    key=lambda w: (-len(w), w))).join((r"(?=[hs])(?<![^\W\d_])(?:", r")(?![^\W\d_])")),
    re.IGNORECASE,
)


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
    last_male = -99  # ... and of the last male one
    woman_in_story = False  # an earlier "she" referred to a woman: the story is about one
    flagged: set[int] = set()
    it_refs: frozenset[str] | None = None
    inanimate = finder.gaz.inanimate_she
    # Only a pronoun is ever flagged, so sentences after the last one need no mentions:
    # most sentences of news have none, and finding mentions is this checker's main cost.
    last = next((v.index for v in reversed(views) if _FLAGGABLE.search(text, v.start, v.end)), -1)
    for view in views[:last + 1]:
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
            if "/" in text[mention.start - 1:mention.end + 1]:
                continue  # "his/her": a generic person
            antecedent = None
            if not (quotes.inside(mention.start) or _speaker(text, view, mention)
                    or (low in ("his", "her") and _next_word(view, mention) in finder.gaz.personal_things)):
                first = max(0, view.index - window)
                # Bounded look-back keeps a huge unsplit "sentence" linear.
                earlier = [m for sentence in per_sentence[first:view.index] for m in sentence[-_MAX_CANDIDATES:]]
                earlier += mentions[max(0, position - _MAX_CANDIDATES):position]
                candidates = [m for m in earlier if m.start not in flagged]
                context = Context(text, view, views, first, last_female, last_male, inanimate,
                                  any(_first_person(v, quotes) for v in views[first:view.index + 1]),
                                  mentions[position + 1:])
                antecedent = resolve(context, candidates, mention, female)
            if antecedent is None or (not female and not check_male) or (female and woman_in_story):
                if female:
                    last_female = view.index
                    woman_in_story = True
                else:
                    last_male = view.index
                continue
            flagged.add(mention.start)
            if it_refs is None:
                it_refs = _it_antecedents(text, views)
            confidence = 0.6 + (0.2 if any(w in it_refs for w in antecedent.name.split()) else 0.0)
            confidence += 0.1 if antecedent.sentence >= view.index - 1 else 0.0
            yield PronounHit(mention.start, mention.end, mention.name, _describe(antecedent),
                             suggest(mention.name, _next_gap(text, view, mention)), round(confidence, 2))


def suggest(pronoun: str, after: tuple[str, str]) -> str:
    """"it"/"its"/"itself" in the pronoun's own case and form.

    ``after`` is the text between the pronoun and the next word, and that word: "her"
    before a noun is possessive ("her fleet" -> "its fleet"), before punctuation, the end
    or a function word it is an object ("gave her a loan" -> "gave it a loan").
    """
    low = pronoun.lower()
    form = _FEMALE.get(low) or _MALE[low]
    if low == "her":
        gap, word = after
        if gap.strip() or word in _NOT_NOUN:
            form = "it"
    if pronoun.isupper() and len(pronoun) > 1:
        return form.upper()
    return form.capitalize() if pronoun[0].isupper() else form


def _describe(antecedent: Mention) -> str:
    """"Spotify" or "the company": the antecedent as the finding's evidence names it."""
    if antecedent.name[0].islower():
        return f"the {antecedent.name}"
    return antecedent.name


_FIRST_PERSON = frozenset({"i", "me", "my"})  # "we"/"our" is also the news voice


def _first_person(view: SentenceView, quotes: QuoteIndex) -> bool:
    """A first-person word outside quotations."""
    return view.once("first_person", lambda: any(t.lower in _FIRST_PERSON and not quotes.inside(t.start)
                                                  for t in view.tokens))


_SPEECH = frozenset("said says added told asked replied explained noted stressed wrote recalled continued".split())


def _speaker(text: str, view: SentenceView, mention: Mention) -> bool:
    """'..." she said' or 'she added': the pronoun is a speaker, and speakers are people."""
    before = text[max(view.start, mention.start - 4):mention.start]
    if any(q in before for q in "”\"’"):
        return True
    if before.rstrip().endswith(",") and _next_word(view, mention) in _SPEECH:
        return True  # "…was stolen, he said.": reported speech without quotation marks
    quoted = any(q in text[max(view.start, mention.start - 300):mention.start] for q in "”\"")
    return quoted and _next_word(view, mention) in _SPEECH


def _next_word(view: SentenceView, mention: Mention) -> str:
    return _next_gap(None, view, mention)[1]


def _next_gap(text: str | None, view: SentenceView, mention: Mention) -> tuple[str, str]:
    """The text between the mention and the next word of its sentence, and that word."""
    starts = view.once("starts", lambda: [t.start for t in view.tokens])
    i = bisect.bisect_left(starts, mention.end)
    if i >= len(starts):
        return (text[mention.end:view.end] if text is not None else ""), ""
    token = view.tokens[i]
    return (text[mention.end:token.start] if text is not None else ""), token.lower


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
