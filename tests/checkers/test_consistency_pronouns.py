"""Gendered pronouns for countries, companies and devices: both genders, antecedents a
sentence or two back, and the people, quotes and owners that must keep the rule silent.

Sentences are from WMT MT outputs (he, uk, ru, de, zh -> en) unless marked as built.
"""

from __future__ import annotations

import pytest

from mtqa.checkers.consistency import ConsistencyChecker
from mtqa.checkers.consistency.pronouns import suggest
from mtqa.config.settings import load_settings
from mtqa.gazetteers import load
from mtqa.model import Document

CODE = "MTQA-CONS-001"


@pytest.fixture(scope="module")
def checker():
    return ConsistencyChecker(load_settings())


def hits(checker, text: str) -> list[tuple[str, int, str, str]]:
    """(pronoun, offset, antecedent, suggestion) of every pronoun finding."""
    found = checker.check(Document(id="t", path="t", text=text))
    return [(f.text, f.start, f.evidence, f.suggestions[0]) for f in found if f.rule == CODE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # uk-en: the country two clauses back, "he" from Ukrainian pro-drop.
        ("Russia borders 14 countries.\nHe attacked 10 of them.", [("He", 29, "Russia", "It")]),
        # uk-en: possessive "her" before a noun is "its".
        ("Russia is not interested in building healthy economic ties.\nHer priority is to rebuild the USSR.",
         [("Her", 60, "Russia", "Its")]),
        # uk-en: "her" after a preposition and before a comma is an object: "it".
        ("Russia is not interested in creating healthy economic ties.\nFor her, the first priority is to recreate the USSR.",
         [("her", 64, "Russia", "it")]),
        # de-en: a bank named in the gazetteer of companies, "she" from German "die Bank".
        ("Deutsche Bank, for example, was long considered relatively generous with a limit of 100,000 euros.\n"
         "Now she has just halved the allowance.", [("she", 103, "Deutsche Bank", "it")]),
        # he-en: "the company" (a noun after a demonym) two sentences back, three pronouns.
        ("So, will it also be launched here in our small country?\nThe Swedish company is not currently saying much.\n"
         "She didn't even share how many trials for the device she is currently running.",
         [("She", 106, "the company", "It"), ("she", 159, "the company", "it")]),
        # ru-en: "he" for a city, the subject two sentences back ("the city" in between is no subject).
        ("This city has a special magic, some character, its charisma.\nAnd this is the city to which you want to return.\n"
         "He has his own provincial charm.", [("He", 111, "the city", "It"), ("his", 118, "the city", "its")]),
        # built: a contraction keeps the apostrophe out of the span.
        ("Spotify is not saying much. She's keeping the numbers secret.", [("She", 28, "Spotify", "It")]),
        # built: a company as the subject of its own reporting verb, "he" included.
        ("Gazprom said that he would cut supplies to Europe.", [("he", 18, "Gazprom", "it")]),
    ],
)
def test_flagged(checker, text, expected):
    assert hits(checker, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Apposition: the person is who "she" means.
        "Ana Pérez, Spain's ambassador, said she would stay in Madrid.",
        "Kowalczyk, Poland's ambassador to NATO, said she would stay.",
        # zh-en: a person heads the apposition after the organisation.
        "Barkley, CEO of the Diriya Biennale Foundation, said he hoped that this Biennale would establish a dialogue.",
        # A person between the country and the pronoun.
        "Russia has sent a new envoy. The diplomat met officials in Kyiv, and he said the talks went well.",
        # de-en: the man comes after the pronoun, as the subject of the main clause.
        "The US election 2020: still stolen.\nA day after his conviction for sexual abuse, Donald Trump takes questions.",
        # Speakers: after a quotation, or "…, he said" without quotation marks.
        "Russia will win the war. \u201cWe are ready,\u201d he said.",
        "The US election was stolen, he said.",
        # he-en: what only a person has ("his name").
        "Since the operation, the IDF has forbidden the publication of his name for security reasons.",
        # he-en: the owner ("Twitter's") is not the subject of "said".
        "Twitter's new buyer said he would reverse the decision.",
        # uk-en: a person noun opening the sentence.
        "Ukraine is far away. Bride number six is about to give birth and needs our help. She's alone now.",
        # he-en: a first name alone is a woman.
        "Sophie lashed out at the city councilwoman in her response.",
        # de-en: "the 102-year-old" is a person.
        "\u201cThe movement keeps me young,\u201d says the 102-year-old to BILD. Her advice to everyone: sports.",
        # ru-en: animals may be "he".
        "The ant's impressed.\nMoscow, by the way, hasn't seen him.",
        # uk-en: a robot in a story is a character.
        "This robot is big, yellow and strong. He is thirty two years old.",
        # zh-en: a personal story, where "she" is a colleague.
        "The company asked me to work overtime and I had no lunch. She wanted to order take-out.",
        # Ships keep "she".
        "The tanker left Odesa on Monday. She will reach Istanbul by Friday.",
    ],
)
def test_not_flagged(checker, text):
    assert hits(checker, text) == []


@pytest.mark.parametrize(
    ("pronoun", "after", "expected"),
    [
        ("his", (" ", "fleet"), "its"),
        ("His", (" ", "fleet"), "Its"),
        ("HIS", (" ", "fleet"), "ITS"),
        ("He", (" ", "wants"), "It"),
        ("him", (".", ""), "it"),
        ("himself", (" ", "in"), "itself"),
        ("herself", (".", ""), "itself"),
        ("her", (" ", "fleet"), "its"),
        ("her", (", ", "the"), "it"),
        ("her", (" ", "the"), "it"),
        ("her", (" ", "to"), "it"),
        ("She", (" ", "said"), "It"),
    ],
)
def test_suggestion_keeps_case_and_form(pronoun, after, expected):
    assert suggest(pronoun, after) == expected


def test_entity_types_are_data():
    gaz = load()
    assert gaz.entity_types[("Spotify",)] == "company" and gaz.institutions[("Spotify",)] == "org"
    assert gaz.entity_types[("device",)] == "device" and gaz.institutions[("device",)] == "noun"
    assert set(gaz.entity_types.values()) <= {
        "company", "party", "organisation", "society", "ministry", "army", "government", "media", "city", "device",
    }
    assert "name" in gaz.personal_things and "year-old" in gaz.person_nouns
