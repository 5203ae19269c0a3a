"""Candidate antecedents in a sentence: places and institutions versus people (with gender).

A tiny rule-based recogniser in place of NER (no spaCy model can be shipped): gazetteer
names, titles ("Mrs", "Prime Minister" + name), first names with a known gender
("Giorgia Meloni"), person nouns ("the woman", "the president"), gendered pronouns, and
runs of unknown capitalised words, which might be people and therefore count as a person
of unknown gender. The checker only needs to know whether a country is the nearest
candidate and whether any person of the pronoun's gender could be meant instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from mtqa import wordlists
from mtqa.checkers.consistency.text import Token
from mtqa.gazetteers import Gazetteer

_SPEECH_VERBS = frozenset(
    "said says told added noted stressed explained wrote believes thinks argued warned insisted "
    "claimed recalled replied asked announced admitted".split()
)
_NOT_NAMES = frozenset(
    """The A An This That These Those It Its In On At By For From With Of To And But Or If When
    While As After Before Since Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December I We You They
    He She His Her Our Their My Your North South East West Northern Southern Eastern Western
    Central New Old Mr Mrs Ms Dr St""".split()
)
_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
# Pronoun token -> (gender, length of the pronoun). "she's", "he'll": the tokenizer keeps
# the apostrophe, and the mention is the pronoun part. One lookup per token (hot path).
PRONOUNS = {w: ("f" if w in _FEMALE_PRONOUNS else "m", len(w)) for w in _FEMALE_PRONOUNS | _MALE_PRONOUNS}
PRONOUNS.update(
    (p + a + end, ("f" if p == "she" else "m", len(p))) for p in ("he", "she") for a in "'’" for end in ("s", "d", "ll")
)
_NOUN_DETERMINERS = frozenset({"the", "its", "their", "our", "this", "that"})
# A person noun followed by one of these is a verb with its object ("accused him").
_OBJECT_AFTER_VERB = frozenset({"him", "them", "us", "me", "himself", "themselves"})


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: str  # "place", "org" or "person"
    gender: str | None  # persons: "f", "m" or "u"
    name: str
    sentence: int


_UNSEEN = object()
_MAX_ROLES = 200_000  # distinct lower-case words remembered (a bound for huge corpora)

_GUESSER_GENDER = {"female": "f", "mostly_female": "f", "male": "m", "mostly_male": "m", "andy": "u"}


@lru_cache(maxsize=50_000)
def first_name_gender(word: str) -> str | None:
    """"f", "m", "u" (used by both), or None when ``word`` is not a known first name."""
    if len(word) < 2 or not word[0].isupper() or word in _NOT_NAMES:
        return None
    return _GUESSER_GENDER.get(wordlists.first_name_gender(word))


@lru_cache(maxsize=100_000)
def _very_common(word: str) -> bool:
    """Function words and common words capitalised after a semicolon or in a title."""
    return wordlists.zipf(word.lower()) >= 5.0


@lru_cache(maxsize=100_000)
def _rare(word: str) -> bool:
    return wordlists.zipf(word.lower()) < 3.0


class MentionFinder:
    """Finds mentions sentence by sentence; remembers the people a document has named."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        tables = (gazetteer.places, gazetteer.institutions, gazetteer.people)
        self._first_words = frozenset(key[0] for table in tables for key in table)
        # Per document: a word of a full name seen earlier -> that person's gender.
        self.aliases: dict[str, str] = {}
        self._roles: dict[str, tuple[str | None, bool] | None] = {}

    def reset(self) -> None:
        self.aliases = {}

    def _gazetteer_match(self, text: str, tokens: list[Token], j: int) -> tuple[int, str, str | None] | None:
        if tokens[j].text not in self._first_words and tokens[j].base not in self._first_words:
            return None
        gaz = self.gaz
        # A name's words are joined by one space or hyphen each: only the run from j so
        # joined is tried, longest first.
        run, longest = 1, min(gaz.max_name_words, len(tokens) - j)
        while run < longest and text[tokens[j + run - 1].end:tokens[j + run].start] in (" ", "-"):
            run += 1
        texts = [t.text for t in tokens[j:j + run - 1]]
        for length in range(run, 0, -1):
            words = (*texts[:length - 1], tokens[j + length - 1].base)
            if words in gaz.people:
                return length, "person", gaz.people[words]
            kind = gaz.places.get(words)
            if kind is not None:
                return length, "place", None
            kind = gaz.institutions.get(words)
            if kind is not None and kind != "noun":
                return length, "org", None
        return None

    def _lower_role(self, low: str) -> tuple[str | None, bool] | None:
        """A lower-case word's person gender and whether it is an institution noun
        ("the ministry"), or None when it is neither; remembered per word."""
        word = low
        if "-" in low:  # "daughter-in-law", "ex-wife", "the 102-year-old"
            parts = low.split("-")
            low = "year-old" if low.endswith("year-old") else parts[0] if parts[0] != "ex" else parts[1]
        nouns = self.gaz.person_nouns
        gender = nouns.get(low)
        if gender is None and low.endswith("s"):
            if low[-2:-1] in ("'", "’"):  # "the ant's", "the owner's"
                gender = nouns.get(low[:-2])
            else:
                gender = nouns.get(low[:-1]) or nouns.get(low[:-2] if low.endswith("es") else "")
        noun = self.gaz.institutions.get((low,)) == "noun"
        role = None if gender is None and not noun else (gender, noun)
        if len(self._roles) >= _MAX_ROLES:
            self._roles.clear()
        self._roles[word] = role
        return role

    def find(self, text: str, tokens: list[Token], sentence: int) -> list[Mention]:
        gaz = self.gaz
        roles = self._roles
        out: list[Mention] = []
        n = len(tokens)
        j = 0
        while j < n:
            tok = tokens[j]
            word = tok.text
            low = tok.lower
            pronoun = PRONOUNS.get(low)
            if pronoun is not None:
                gender, size = pronoun
                out.append(Mention(tok.start, tok.start + size, "pronoun", gender, word[:size], sentence))
                j += 1
                continue
            if not tok.capitalised:
                role = roles.get(low, _UNSEEN)
                if role is _UNSEEN:
                    role = self._lower_role(low)
                if role is None:  # most words: neither a person noun nor an institution noun
                    j += 1
                    continue
                gender, noun = role
                if gender is not None and j + 1 < n and tokens[j + 1].lower in _OBJECT_AFTER_VERB:
                    gender = None  # a verb with its object: "officials accused him", "nurse them"
                if gender is not None:
                    out.append(Mention(tok.start, tok.end, "person", gender, word, sentence))
                elif noun and j > 0 and (
                    tokens[j - 1].lower in _NOUN_DETERMINERS
                    or tokens[j - 1].text in gaz.demonyms
                    or tokens[j - 1].text.endswith(("'s", "’s"))
                ):
                    out.append(Mention(tok.start, tok.end, "org", None, word, sentence))
                j += 1
                continue
            hit = self._gazetteer_match(text, tokens, j)
            if hit is not None:
                length, kind, gender = hit
                after = j + length
                if (kind == "place" and length == 1 and after < n and tokens[after].capitalised
                        and tokens[after].text not in _NOT_NAMES and text[tokens[j].end:tokens[after].start] == " "
                        and self._gazetteer_match(text, tokens, after) is None and not tokens[after].text.isupper()):
                    # "Jordan Peterson", "Georgia Meloni": a place name used as a first name.
                    k = after
                    while k < n and tokens[k].capitalised and tokens[k].text not in _NOT_NAMES:
                        k += 1
                    gender = first_name_gender(tok.text) or "u"
                    self._remember(tokens[j:k], gender)
                    out.append(Mention(tok.start, tokens[k - 1].end, "person", gender, text[tok.start:tokens[k - 1].end], sentence))
                    j = k
                    continue
                end_tok = tokens[j + length - 1]
                name = text[tok.start:end_tok.start + len(end_tok.base)]
                if kind == "person":
                    self._remember(tokens[j:j + length], gender)
                out.append(Mention(tok.start, end_tok.end, kind, gender, name, sentence))
                j += length
                continue
            base = tok.base
            title_gender = gaz.titles.get(base.rstrip("."))
            if title_gender is not None and j + 1 < n and tokens[j + 1].capitalised:
                k = j + 1
                while k < n and tokens[k].capitalised and tokens[k].text not in _NOT_NAMES:
                    k += 1
                if k > j + 1:
                    gender = title_gender
                    if gender == "u":
                        gender = first_name_gender(tokens[j + 1].text) or gaz.surnames.get(tokens[k - 1].base) or "u"
                    self._remember(tokens[j + 1:k], gender)
                    out.append(Mention(tok.start, tokens[k - 1].end, "person", gender, text[tok.start:tokens[k - 1].end], sentence))
                    j = k
                    continue
            known = None if base in _NOT_NAMES else self.aliases.get(base) or gaz.surnames.get(base)
            if known is not None:
                out.append(Mention(tok.start, tok.end, "person", known, word, sentence))
                j += 1
                continue
            first = first_name_gender(word)
            if first is not None and j + 1 < n and tokens[j + 1].capitalised and tokens[j + 1].text not in _NOT_NAMES:
                k = j + 1
                while k < n and tokens[k].capitalised and tokens[k].text not in _NOT_NAMES:
                    k += 1
                self._remember(tokens[j:k], first)
                out.append(Mention(tok.start, tokens[k - 1].end, "person", first, text[tok.start:tokens[k - 1].end], sentence))
                j = k
                continue
            # A first name alone ("Sophie lashed out"), or a person noun opening the
            # sentence ("Bride number six is due"), is a person too.
            gender = first if first is not None and not _very_common(word) else (
                gaz.person_nouns.get(low) if tok.initial else None)
            if gender is not None:
                out.append(Mention(tok.start, tok.end, "person", gender, word, sentence))
                j += 1
                continue
            if word in gaz.demonyms and j > 0 and (j + 1 == n or text[tok.end:tokens[j + 1].start].strip()):
                # A demonym standing alone is a person: "the missing Czech."
                out.append(Mention(tok.start, tok.end, "person", "u", word, sentence))
                j += 1
                continue
            if word not in _NOT_NAMES and word not in gaz.demonyms and not word.isupper() and not _very_common(word):
                # Unknown capitalised words may be a person whose gender we cannot tell
                # ("Duncan took ... with her"): they count as a person of unknown gender.
                k = j
                while k < n and tokens[k].capitalised and tokens[k].text not in _NOT_NAMES:
                    k += 1
                speaker = k < n and tokens[k].lower in _SPEECH_VERBS
                # A sentence-initial word is capitalised anyway; it counts only when it
                # is rare as a word ("Kowalska arrived", not "Yesterday").
                if k - j >= 2 and gaz.institutions.get((tokens[k - 1].base.lower(),)) == "noun":
                    # "Gulf Cooperation Council", "Revolutionary Guard Party": a named body.
                    out.append(Mention(tok.start, tokens[k - 1].end, "org", None, text[tok.start:tokens[k - 1].end], sentence))
                    j = k
                    continue
                if not tok.initial or speaker or k - j >= 2 or _rare(word):
                    out.append(Mention(tok.start, tokens[k - 1].end, "person", "u", text[tok.start:tokens[k - 1].end], sentence))
                    j = k
                    continue
            j += 1
        return out

    def _remember(self, tokens: list[Token], gender: str | None) -> None:
        if gender in ("f", "m"):
            for tok in tokens:
                if len(tok.base) > 2:
                    self.aliases.setdefault(tok.base, gender)
