"""MTQA-BI-073: names transliterated from the Hebrew source in a spelling English does not use."""

from __future__ import annotations

import pytest

from mtqa.checkers.bilingual import BilingualChecker
from mtqa.checkers.bilingual.hebrew_spellings import attested, table, unusual_spellings, usual
from mtqa.config.settings import load_settings
from mtqa.readers.segments import Unit, document_from_units


@pytest.fixture(scope="module")
def checker():
    return BilingualChecker(load_settings(overrides={"checkers.bilingual.language_id": False}))


def test_a_guessed_spelling_is_flagged_at_its_span_with_the_usual_one_as_fix(checker):
    target = "Minister Miri Rajab said the law would pass."
    document = document_from_units("t", "t", [Unit(target=target, source="השרה מירי רגב אמרה כי החוק יעבור.", id="s1")], "he")
    (finding,) = [f for f in checker.check(document) if f.rule == "MTQA-BI-073"]
    assert (finding.start, finding.end, finding.text) == (14, 19, "Rajab")
    assert finding.suggestions == ("Regev",)
    assert finding.severity.value == "major"
    assert "Regev" in finding.message


def test_every_attested_spelling_passes_and_prefixes_are_taken_off():
    assert {"bennett", "benet"} <= usual()["בנט"][1]
    for spelling in ("Bennett", "Benet"):
        assert unusual_spellings("ראש הממשלה נפתלי בנט נאם.", f"Prime Minister Naftali {spelling} spoke.") == []
    # ו+ל+רגב: "and to Regev"
    assert unusual_spellings("הוא פנה ולרגב.", "He turned to Rajab.") == [(13, 18, "Rajab", "Regev")]


def test_an_h_is_a_spelling_choice_not_a_wrong_vowel():
    assert usual()["דקל"][0] == "dekel"
    assert unusual_spellings("ד\"ר דקל אמר.", "Dr. Dekhel said.") == []
    assert unusual_spellings("ד\"ר דקל אמר.", "Dr. Dackel said.") == [(4, 10, "Dackel", "Dekel")]


def test_common_words_construct_place_names_and_english_words_are_left_alone():
    assert "אשר" not in table()  # "which": too common a Hebrew word to read as a name
    assert unusual_spellings("העצרת בבני ברק הסתיימה בשקט.", "The rally in Bnei Brak ended quietly.") == []
    assert unusual_spellings("מלכת הפסטיבל הוכתרה.", "The Queen of the festival was crowned.") == []


def test_a_name_that_also_spells_a_source_word_the_table_lacks_is_not_flagged():
    # "Marai" reads as מאהר (Maher, in the table) but also as מרעי, a name the table lacks.
    assert unusual_spellings("מאהר מרעי דיווח.", "Maher Marai reported.") == []


def test_without_hebrew_in_the_source_nothing_is_looked_up():
    assert unusual_spellings("Der Minister sprach.", "Minister Rajab spoke.") == []


def test_a_spelling_two_names_share_is_attested_for_the_source_word_it_spells():
    assert dict(table()["גנץ"])["gantz"] >= 2
    assert attested("השר בני גנץ ביקר בבסיס.", "Gantz")
    assert not attested("השר בני גנץ ביקר בבסיס.", "Gantza")  # no name is spelt so
    assert not attested("הוא ביקר בבסיס.", "Gantz")  # the source does not hold the word
