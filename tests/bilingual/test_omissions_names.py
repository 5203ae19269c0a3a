"""Dropped source sentences located at the start or end, and names no Hebrew source word spells."""

from __future__ import annotations

import pytest

from mtqa.checkers.bilingual.names import foreign_names, letter_readings, spells
from mtqa.checkers.bilingual.omissions import dropped_sentences

SOURCE = ("המחירים עלו בחדות במרץ, כך מסרה הלשכה המרכזית לסטטיסטיקה ביום שלישי בבוקר. "
          "העלייה החדה ביותר נרשמה במחירי הדיור והמזון, והממשלה הודיעה על צעדים חדשים לבלימתה. "
          "שר האוצר אמר כי הצעדים ייכנסו לתוקף כבר בחודש הבא.")
FIRST = "Prices rose sharply in March, the Central Bureau of Statistics said on Tuesday morning."
SECOND = ("The steepest rise was in housing and food prices, and the government announced new measures "
          "to curb it.")
THIRD = "The finance minister said the measures would take effect as early as next month."


def test_sentences_dropped_at_the_end_are_placed_at_the_end():
    target = f"{FIRST} {SECOND}"
    (omission,) = dropped_sentences(SOURCE, target, "he")
    assert omission.position == len(target)
    assert omission.dropped.startswith("שר האוצר")


def test_sentences_dropped_at_the_start_are_placed_at_the_start():
    target = f"{SECOND} {THIRD}"
    (omission,) = dropped_sentences(SOURCE, target, "he")
    assert omission.position == 0
    assert omission.dropped.startswith("המחירים")


def test_a_complete_or_merged_translation_has_no_omission():
    assert dropped_sentences(SOURCE, f"{FIRST} {SECOND} {THIRD}", "he") == []
    merged = f"{FIRST[:-1]}; {SECOND[0].lower()}{SECOND[1:-1]}, and {THIRD[0].lower()}{THIRD[1:]}"
    assert dropped_sentences(SOURCE, merged, "he") == []


def test_an_unknown_source_language_is_not_guessed():
    assert dropped_sentences(SOURCE, FIRST, None) == []
    assert dropped_sentences(SOURCE, FIRST, "xx") == []


@pytest.mark.parametrize(("latin", "hebrew"), [
    ("engelman", "אנגלמן"), ("matanyahu", "מתניהו"), ("ramalah", "רמאללה"), ("oded", "עודד"),
    ("jenin", "ג'נין"), ("kalfon", "כלפון"), ("tsfat", "צפת"), ("mendelsohn", "מנדלסון"),
])
def test_transliterations_are_read_back(latin, hebrew):
    assert spells(latin, letter_readings(hebrew))


@pytest.mark.parametrize(("latin", "hebrew"), [("metindjo", "מתניהו"), ("yoyogi", "יוגב"), ("kalpon", "כלב")])
def test_other_letters_are_not_the_name(latin, hebrew):
    assert not spells(latin, letter_readings(hebrew))


def test_foreign_names_in_a_translation():
    source = "מבקר המדינה מתניהו אנגלמן השתתף בכנס השנתי של אוניברסיטת תל אביב ובירך את ישי כלפון."
    good = "State Comptroller Matanyahu Engelman attended Tel Aviv University's annual conference and greeted Ishai Kalfon."
    bad = "State Comptroller Metindjo Engelman attended Tel Aviv University's annual conference and greeted Ishai Kalfon."
    assert foreign_names(source, good) == []
    assert [name for _, _, name in foreign_names(source, bad)] == ["Metindjo"]
    assert foreign_names("Ein deutscher Satz über Metindjo.", bad) == []  # not a Hebrew source
