"""Which candidate a gendered pronoun means, judged by rules instead of proximity alone.

No parser ships with mtqa, so grammar is read from the surface: a subject opens its
sentence or clause and is not the object of a preposition; an appositive person noun
("Ana Pérez, Spain's ambassador, said she") is itself a person in reach; a country's own
reporting verb names the subject of the clause it introduces ("Moscow said that she").
The rules are asymmetric on purpose. English has so many women and men that any person
who could be meant blocks a finding, and "he" (the commoner pronoun in news) needs the
place or institution to be the subject of the same or the previous sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from mtqa.checkers.consistency.mentions import Mention
from mtqa.checkers.consistency.reported import blocked_between, plural, reporting_subject
from mtqa.checkers.consistency.text import SentenceView

# A woman named within this many sentences, or a man for "he", is who the pronoun means.
_PERSON_MEMORY = 10
# Nouns for bodies whose "his" is so often a person's ("the court ... his lawyer").
_PERSONAL_BODIES = frozenset({"court", "tribunal", "jury", "team", "family", "club"})


@dataclass(slots=True)
class Context:
    """What the resolver may look at for one pronoun."""

    text: str
    view: SentenceView
    views: list[SentenceView]
    first: int  # index of the first sentence in the window
    last_female: int  # sentence index of the last woman (or "she" meaning one)
    last_male: int
    inanimate: frozenset[str]
    first_person: bool  # "I"/"my" outside quotations in the window: a personal story
    later: list[Mention]  # mentions after the pronoun in its sentence


def resolve(ctx: Context, candidates: list[Mention], pronoun: Mention, female: bool) -> Mention | None:
    """The place or institution the pronoun wrongly refers to, or None."""
    gender = "f" if female else "m"
    # People of the other gender cannot be meant ("unlike Putin, she ..."): skip them.
    # Nor can plural people ("its Western partners").
    relevant = [m for m in candidates
                if not (m.kind in ("person", "pronoun") and m.gender not in (gender, "u")) and not plural(m)]
    if not relevant:
        return None
    text, view = ctx.text, ctx.view
    if any(m.kind == "person" and m.gender == gender and _opens_main_clause_after(text, pronoun, m) for m in ctx.later):
        return None  # "A day after his conviction, Donald Trump …": the person comes after
    subject = reporting_subject(text, candidates, pronoun, view.index)
    if subject is not None and opens_clause(text, view, subject) and not after_preposition(text, subject):
        if female or _no_man_near(ctx, candidates):
            return _judge_reported(ctx, candidates, subject, pronoun, gender)
    nearest = relevant[-1]
    if nearest.kind not in ("place", "org"):
        return None  # a person, or an earlier pronoun (judged already)
    # Prefer a subject-like antecedent over a place named after a preposition
    # ("Russia ... in the Crimea, it ... She"): evidence should name Russia.
    for m in reversed(relevant):
        if m.kind in ("place", "org") and not after_preposition(text, m):
            nearest = m
            break
    for m in candidates:
        if m.kind == "person" and m.gender in (gender, "u") and not plural(m):
            return None
        if m.kind == "pronoun" and m.gender == gender:
            return None
    if nearest.name[0].islower() and ctx.first_person:
        return None  # "the company asked us to stay ... she": a colleague, in a personal story
    if female:
        if view.index - ctx.last_female <= _PERSON_MEMORY:
            return None
        if any(_has_inanimate(sentence, ctx.inanimate) for sentence in ctx.views[ctx.first:view.index + 1]):
            return None
        return nearest
    return _male_antecedent(ctx, candidates, relevant)


def _male_antecedent(ctx: Context, candidates: list[Mention], relevant: list[Mention]) -> Mention | None:
    """"he" only for the subject of a clause in the window, with no person anywhere near.

    "Portugal is ready to sign, but first he wants …", "This city has its own magic. …
    He has his own provincial charm": the place or institution opens a clause (the
    latest one that does is taken), no man was named in the last ten sentences, and
    nobody at all (not even a person of unknown gender) is in the window.
    """
    if not _no_man_near(ctx, candidates):
        return None
    for m in reversed(relevant):
        if m.kind not in ("place", "org") or m.name.lower() in _PERSONAL_BODIES:
            continue
        if ctx.text[m.end - 2:m.end] in ("'s", "’s"):
            continue  # "Twitter's new buyer said he": the owner is not the subject
        if opens_clause(ctx.text, ctx.views[m.sentence], m) and not after_preposition(ctx.text, m):
            return m
    return None


def _no_man_near(ctx: Context, candidates: list[Mention]) -> bool:
    """No man named recently, and no person of any kind in the window: only then can "he"
    be a place or institution ("Spotify said that he …")."""
    return ctx.view.index - ctx.last_male > _PERSON_MEMORY and not any(
        m.kind == "person" and not plural(m) for m in candidates)


def _judge_reported(ctx: Context, candidates, subject, pronoun, gender) -> Mention | None:
    """"Moscow said that she …": only a person in reach or a ship before the pronoun blocks."""
    if blocked_between(candidates, subject, pronoun, gender):
        return None
    last = ctx.last_female if gender == "f" else ctx.last_male
    if ctx.view.index - last <= _PERSON_MEMORY:
        return None
    if any(m.gender == gender and m.kind in ("person", "pronoun") for m in candidates):
        return None
    if gender == "f":
        before = [t.lower for v in ctx.views[ctx.first:ctx.view.index] for t in v.tokens]
        before += [t.lower for t in ctx.view.tokens if t.start < pronoun.start]
        # A ship, vessel or storm (singular) named before the pronoun: "she" may be it.
        if any(word in ctx.inanimate and not (word.endswith("s") and word[:-1] in ctx.inanimate) for word in before):
            return None
    return subject


def _opens_main_clause_after(text: str, pronoun: Mention, person: Mention) -> bool:
    """The person is the subject right after the comma closing the pronoun's opening phrase."""
    between = text[pronoun.end:person.start]
    comma = between.rfind(",")
    return comma >= 0 and not between[comma + 1:].strip(" the")


_PREPOSITIONS = frozenset(
    "in at to from of near on into across over under through within without around inside outside by for with against between".split()
)


def after_preposition(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 16):mention.start].split()
    if before and before[-1].lower() in ("the", "its", "their", "this", "that"):
        before = before[:-1]
    return bool(before) and before[-1].lower() in _PREPOSITIONS


_CLAUSE_OPENERS = frozenset({"", ",", ";", ":", "and", "but", "while", "as", "because", "so"})
_DETERMINERS = ("the", "this", "that", "its")


def opens_clause(text: str, view: SentenceView, mention: Mention) -> bool:
    """True when the mention is the subject at the start of the sentence or a clause."""
    before = text[max(view.start, mention.start - 200):mention.start].rstrip()
    words = before.split()
    if mention.name[0].islower():
        # "The Swedish company", "Russia's army": skip the demonym or owner before the noun.
        while words and (words[-1][0].isupper() and words[-1].lower() not in _DETERMINERS
                         or words[-1].endswith(("'s", "’s"))):
            words.pop()
    if words and words[-1].lower() in _DETERMINERS:
        words.pop()
    if not words:
        return True
    last = words[-1].lower()
    return last in _CLAUSE_OPENERS or last.endswith((",", ";", ":"))


def _has_inanimate(view: SentenceView, inanimate: frozenset[str]) -> bool:
    """Whether a ship, vessel or storm is named in the sentence."""
    return view.once("inanimate", lambda: any(t.lower in inanimate for t in view.tokens))
