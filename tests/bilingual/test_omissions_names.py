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


# Two source sentences of about the same length: lengths alone cannot tell which one the
# translation kept, what it carries over can.
SCORE = "הקבוצה ניצחה אמש 3:1 במשחק החוץ בחיפה מול היריבה הוותיקה."
COACH = "המאמן אמר אחרי המשחק כי השחקנים הראו אופי רב ונחישות גדולה."
MEETING = "ראש הממשלה נתניהו נפגש הבוקר עם השרים לדיון ארוך בתקציב."


def test_a_number_the_translation_holds_keeps_its_sentence():
    target = "Last night the team won 3:1 in an away game in Haifa against its old and experienced rival."
    (omission,) = dropped_sentences(f"{SCORE} {COACH}", target, "he")
    assert omission.position == len(target)
    assert omission.dropped == COACH


def test_a_name_the_translation_spells_keeps_its_sentence():
    target = ("Prime Minister Netanyahu met with the ministers this morning for a long and detailed "
              "discussion of the budget.")
    (omission,) = dropped_sentences(f"{COACH} {MEETING}", target, "he")
    assert omission.position == 0
    assert omission.dropped == COACH


def test_a_short_sentence_joined_to_a_long_one_is_not_dropped():
    source = "Потім зателефонувала всім, хто з нею спілкувалася. Це 6-7 людей."
    assert dropped_sentences(source, "Then I called everyone who talked to her, 6 or 7 people.", "uk") == []


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


def _bi070(source: str, target: str) -> list[str]:
    from mtqa.checkers.bilingual import BilingualChecker
    from mtqa.config.settings import load_settings
    from mtqa.readers.segments import Unit, document_from_units

    checker = BilingualChecker(load_settings(overrides={"checkers.bilingual.language_id": False}))
    document = document_from_units("t", "t", [Unit(target=target, source=source, id="s1")], "he")
    return [document.text[f.start:f.end] for f in checker.check(document) if f.rule == "MTQA-BI-070"]


def test_an_exonym_of_a_source_place_is_the_source_name():
    """Nablus is שכם and Tiberias טבריה, though neither spells the Hebrew letters; a
    garbled name beside them is still reported."""
    source = "השוטרים עצרו שני חשודים בשכם ובטבריה, ואחר כך שוחררו אחרי חקירה של עמית גולן."
    good = "Police arrested two suspects in Nablus and Tiberias, who were later released after questioning by Amit Golan."
    bad = "Police arrested two suspects in Nablus and Tiberias, who were later released after questioning by Amitz Golan."
    assert _bi070(source, good) == []
    assert _bi070(source, bad) == ["Amitz"]
    # Without the place in the source, the exonym is a name the source does not have.
    assert _bi070("השוטרים עצרו שני חשודים בחברון.", "Police arrested two suspects in Nablus.") == ["Nablus"]


def test_the_english_name_of_a_desert_and_a_people():
    source = "השבט הבדואי הקים מאהל במדבר יהודה, ליד מצפה של אלון ברק."
    good = "The Bedouin tribe set up a camp in the Judean Desert, near Alon Barak's lookout."
    bad = "The Bedouin tribe set up a camp in the Judean Desert, near Alon Braqet's lookout."
    assert _bi070(source, good) == []
    assert _bi070(source, bad) == ["Braqet"]
    # A people in a spoken form (התימוני, the Yemenite, with its vav).
    assert _bi070("מאיפה הזמר התימוני הזה?", "Where is this Yemenite singer from?") == []
    assert _bi070("מאיפה הזמר התימוני הזה?", "Where is this Temanite singer from?") == ["Temanite"]


def test_a_url_in_a_chinese_source_is_as_long_in_english():
    """A link after a Chinese caption is 26 characters of English, not 26 Chinese ones
    (about 100 of English): the whole caption, translated, is not short for its source."""
    source = "（新华社图：北京冬奥会的场馆已经全部完工并通过验收。）pic.twitter.com/Ab12Cd34Ef"
    whole = "(Xinhua photo: the Beijing Winter Olympic venues are all finished and approved. ) pic.twitter.com/Ab12Cd34Ef"
    assert dropped_sentences(source, whole, "zh") == []
    dropped = dropped_sentences(source, "pic.twitter.com/Ab12Cd34Ef", "zh")
    assert [(o.position, o.dropped) for o in dropped] == [(0, "（新华社图：北京冬奥会的场馆已经全部完工并通过验收。）")]
