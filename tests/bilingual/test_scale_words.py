"""Scale words written without a digit, and ranges that write their scale word once."""

from __future__ import annotations

import pytest

from mtqa.checkers.bilingual.numbers import compare


def _flags(source: str, target: str, lang: str | None) -> tuple[list[str], list[str]]:
    result = compare(source, target, lang)
    return [n.text for n in result.unexplained_target], [n.text for n in result.missing_source]


@pytest.mark.parametrize("lang", ["he", None])
def test_a_hebrew_scale_word_alone_explains_one_of_it(lang):
    source = "העלות מוערכת בכמיליארד שקלים עבור שנת 2022."
    assert _flags(source, "The cost is estimated at NIS 1 billion for 2022.", lang) == ([], [])
    assert _flags(source, "The cost is estimated at NIS 2 billion for 2022.", lang) == (["2 billion"], [])


@pytest.mark.parametrize("lang", ["ar", None])
def test_an_arabic_scale_word_alone_or_after_digits_is_read(lang):
    assert _flags("بلغت التكلفة نحو مليار دولار.", "The cost reached about 1 billion dollars.", lang) == ([], [])
    assert _flags("وخصصت الحكومة 5 مليارات دولار.", "The government set aside 5 billion dollars.", lang) == ([], [])
    assert _flags("وخصصت الحكومة 5 مليارات دولار.", "The government set aside 5 million dollars.", lang) \
        == (["5 million"], [])
    assert _flags("بلغت التكلفة نحو مليار دولار.", "The cost reached about 3 billion dollars.", lang) \
        == (["3 billion"], [])


@pytest.mark.parametrize(("source", "target"), [
    ("התופעה התבטאה בכ-20 עד 30 אלף שב\"חים.", "It was 20,000 to 30,000 people."),
    ("הרשויות הכוללות בין 50 ל־150 אלף תושבים.", "Authorities with between 50,000 and 150,000 inhabitants."),
    ("От 5 до 7 млн человек.", "From 5 to 7 million people."),
])
def test_a_range_shares_its_scale_word(source, target):
    assert _flags(source, target, None) == ([], [])


def test_a_changed_range_end_is_still_flagged():
    assert _flags("בין 50 ל־150 אלף תושבים.", "between 60,000 and 150,000 inhabitants.", "he")[0] == ["60,000"]
