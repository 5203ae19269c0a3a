"""Gazetteers kept as data (places, institutions, demonyms, people, spellings) and their loader.

The document-level checkers need to know that "Moscow" can stand for a government, that
"Spotify" is a company, that "Meloni" is a woman and that "Kraschatyk" is a misspelling
of Khreshchatyk. Those facts
are data, edited without touching code: one small tab-separated file per kind, beside
this module, loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Spelling:
    variant: str
    canonical: str
    kind: str  # "misspelling" or "variant"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Lookup tables; multi-word names are keyed by their word tuple."""

    places: dict[tuple[str, ...], str]  # ("North", "Korea") -> "country"
    institutions: dict[tuple[str, ...], str]  # ("Kremlin",) -> "metonym"; nouns lower-case
    entity_types: dict[tuple[str, ...], str]  # ("Spotify",) -> "company", ("device",) -> "device"
    demonyms: dict[str, str]  # "Russian" -> "Russia"
    people: dict[tuple[str, ...], str]  # ("Vladimir", "Putin") -> "m"
    surnames: dict[str, str]  # "Putin" -> "m" (last word of a known person)
    titles: dict[str, str]  # "Mrs" -> "f"
    person_nouns: dict[str, str]  # "woman" -> "f", "president" -> "u"
    personal_things: frozenset[str]  # "name", "wife": what only a person has ("his name")
    spellings: dict[str, Spelling]  # "Kraschatyk" -> Spelling(...)
    inanimate_she: frozenset[str]  # "ship", "vessel", ...
    camelcase: frozenset[str]  # "iPhone", "eBay": camel case that is not two fused words
    max_name_words: int


def _rows(name: str) -> list[list[str]]:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return [[field.strip() for field in line.split("\t")] for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The packaged gazetteer (cached: every checker instance shares one copy)."""
    places = {tuple(row[0].split()): row[1] for row in _rows("places.tsv")}
    institutions = {tuple(row[0].split()): row[1] for row in _rows("institutions.tsv")}
    entity_types = {tuple(row[0].split()): row[1] for row in _rows("entity_types.tsv")}
    for words in entity_types:
        # Named entities count anywhere; lower-case nouns only after a determiner.
        institutions.setdefault(words, "noun" if words[0].islower() else "org")
    people = {tuple(row[0].split()): row[1] for row in _rows("people.tsv")}
    surnames: dict[str, str] = {}
    for words, gender in people.items():
        surnames.setdefault(words[-1], gender)
    titles: dict[str, str] = {}
    person_nouns: dict[str, str] = {}
    personal: set[str] = set()
    for word, role, gender in _rows("person_words.tsv"):
        if role == "owned":
            personal.add(word)
        else:
            (titles if role == "title" else person_nouns)[word] = gender
    spellings = {row[0]: Spelling(row[0], row[1], row[2]) for row in _rows("spellings.tsv")}
    inanimate = frozenset(row[0] for row in _rows("inanimate_she.txt"))
    longest = max(len(k) for table in (places, institutions, people) for k in table)
    return Gazetteer(
        places=places,
        institutions=institutions,
        entity_types=entity_types,
        demonyms={row[0]: row[1] for row in _rows("demonyms.tsv")},
        people=people,
        surnames=surnames,
        titles=titles,
        person_nouns=person_nouns,
        personal_things=frozenset(personal),
        spellings=spellings,
        inanimate_she=inanimate,
        camelcase=frozenset(row[0] for row in _rows("camelcase.txt")),
        max_name_words=longest,
    )
