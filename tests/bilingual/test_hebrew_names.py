"""MTQA-BI-072: Hebrew names rendered by their meaning or spelled out letter by letter."""

from __future__ import annotations

import re

import pytest

from mtqa.checkers.bilingual import BilingualChecker
from mtqa.checkers.bilingual.hebrew_names import _has_english, _latin_key, _pattern, by_meaning, gazetteer
from mtqa.config.settings import load_settings
from mtqa.readers.segments import Unit, document_from_units


@pytest.fixture(scope="module")
def checker():
    return BilingualChecker(load_settings(overrides={"checkers.bilingual.language_id": False}))


def _findings(checker, source, target, lang="he"):
    document = document_from_units("t", "t", [Unit(target=target, source=source, id="s1")], lang)
    return [f for f in checker.check(document) if f.rule == "MTQA-BI-072"]


def _spans(source, target):
    return [(start, end, text) for start, end, text, _ in by_meaning(source, target)]


def test_a_city_by_its_meaning_is_flagged_at_its_exact_span_with_the_name_as_suggestion(checker):
    target = "Prices rose most in Ashkelon and in Streets, the report said."
    (finding,) = _findings(checker, "המחירים עלו בעיקר באשקלון וברחובות, נמסר בדוח.", target)
    assert (finding.start, finding.end, finding.text) == (36, 43, "Streets")
    assert finding.suggestions == ("Rehovot",)
    assert finding.severity.value == "major"
    assert finding.category == "accuracy/mistranslation"


def test_prefix_letters_are_taken_off_the_hebrew_form():
    # ו+ב+רחובות ("and in Rehovot"), ל+ישראל היום ("to Israel Hayom"), ב+מג"ב
    assert _spans("וברחובות נפתח מרכז חדש.", "And in Streets a new centre opened.") == [(7, 14, "Streets")]
    assert _spans('כך אמר בכיר לישראל היום.', "A senior official told Israel Today.") == [(23, 35, "Israel Today")]
    assert _spans('שוטר במג"ב נפצע.', "An officer in the MGB was injured.") == [(18, 21, "MGB")]


def test_every_spelling_of_gershayim_and_geresh_is_one():
    for source in ('לוחם מג"ב נפצע.', "לוחם מג״ב נפצע.", "לוחם מג''ב נפצע.", "לוחם מג”ב נפצע."):
        assert _spans(source, "A MGB fighter was hurt.") == [(2, 5, "MGB")], source
    assert _spans("הראיון ברשת ב׳ הבוקר", "the interview on Network B this morning") == [(17, 26, "Network B")]


def test_no_finding_when_the_established_name_is_there_in_any_spelling():
    assert _spans("ההפגנה ברחובות הסתיימה.", "The demonstration in Rehovot ended; Streets were quiet.") == []
    assert _spans("ההפגנה ברחובות הסתיימה.", "The demonstration in Rechovot ended; Streets were quiet.") == []
    assert _spans("באר שבע", "Be'er-Sheva, the city of seven wells") == []
    assert _spans('סא"ל מ. קיבל צל"ש', "Lt.-Col. M. received a citation") == []


def test_no_finding_without_a_hebrew_source(checker):
    assert by_meaning("", "A report in Israel Today said so.") == []
    assert by_meaning("Ein Bericht in Israel Hayom.", "A report in Israel Today said so.") == []
    document = document_from_units("t", "t", [Unit(target="A report in Israel Today said so.", id="s1")], "he")
    assert [f for f in checker.check(document) if f.rule == "MTQA-BI-072"] == []


def test_the_plain_meaning_of_the_word_is_no_name():
    # רחובות is also "streets": lower case, a street name, a sentence start say nothing about Rehovot.
    assert _spans("אלפים צעדו ברחובות העיר.", "Thousands marched through the streets of the city.") == []
    assert _spans("בצומת הרחובות הרצל וז'בוטינסקי", "at the junction of Herzl and Jabotinsky Streets") == []
    assert _spans("רחובות העיר היו ריקים.", "Streets of the city were empty.") == []
    assert _spans("ישראל היום במצב קשה.", "Israel today is in a difficult situation.") == []


def test_letter_renderings_of_an_acronym():
    source = 'סא"ל מ. קיבל צל"ש על פעילותו'
    assert _spans(source, "S.A.L. M. received the Sal'sh for his activity") == [(0, 6, "S.A.L."), (23, 29, "Sal'sh")]
    # A free vowel does not open a rendering: "U.S." is no reading of ת"א.
    assert _spans('ד"ר נוס, ראש שירותי בריאות הציבור בת"א', "Dr. Nuss, head of the U.S. public health service") == []
    # Nor does one close it: "SLA" is no reading of ז"ל (nor of צל"ש).
    assert _spans('הוענק צל"ש לסא"ל ח\' ז"ל', "the SLA was awarded to Lt. Col. H.") == []
    # Letters count only where the source writes the acronym, not the name in full.
    assert _spans("הקונצרט בתל אביב", "the concert in TA") == []


def test_a_person_named_by_meaning_beside_the_other_half_of_the_name():
    assert _spans("הזמר אביב גפן הופיע.", "The singer Spring Geffen performed.") == [(11, 17, "Spring")]
    assert _spans("השר גדעון סער אמר.", "Minister Gideon Storm said.") == [(16, 21, "Storm")]
    # The season, and the Arab Spring, are no first name.
    assert _spans("באביב הבא ייפתח המוזיאון.", "Next Spring the museum will open.") == []
    assert _spans("מאז האביב הערבי", "since the Arab Spring protests") == []
    assert _spans("הזמר אביב גפן הופיע.", "The singer Aviv Geffen performed.") == []


def test_a_club_by_its_meaning():
    source = "אנתוני בנט שוחרר מהפועל ירושלים"
    assert _spans(source, "Anthony Bennett released from the Jerusalem labor camp") == [(44, 49, "labor")]
    assert _spans(source, "Anthony Bennett released by Hapoel Jerusalem") == []


def test_the_gazetteer_is_consistent():
    names = {id(n): n for entries in gazetteer().values() for n in entries}.values()
    assert len(names) > 300
    for name in names:
        assert name.forms and name.english, name
        assert all(form and all(re.fullmatch(r'[\u05d0-\u05ea"]+|\d+', w) for w in form) for form in name.forms), name
        assert name.role in (None, "first", "last", "both"), name
        for literal in name.literals:
            _pattern(literal)
            # A literal that contains one of the English forms could never be reported.
            key = _latin_key(literal)
            assert not _has_english(key, name), (literal, name.english)
