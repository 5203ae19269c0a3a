"""Chinese names whose English is not the pinyin of the source's characters (MTQA-BI-071)."""

from __future__ import annotations

from mtqa.checkers.bilingual.chinese_names import unsourced_names


def _names(source: str, target: str) -> list[str]:
    return [name for _, _, name in unsourced_names(source, target)]


def test_an_abbreviation_spelt_out_in_english_is_the_source_name():
    """交大 is 交通大学, Jiaotong University; a misheard name beside it is still reported."""
    source = "西安交大的张明远教授表示，新校区明年启用。"
    assert _names(source, "Professor Zhang Mingyuan of Xi'an Jiaotong University said the new campus opens next year.") == []
    assert _names(source, "Professor Zhang Mingshan of Xi'an Jiaotong University said the new campus opens next year.") == [
        "Mingshan"]
    # Without 交大 in the source, Jiaotong is a name the source does not have.
    assert _names("西安大学的张明远教授表示，新校区明年启用。",
                  "Professor Zhang Mingyuan of Xi'an Jiaotong University said the new campus opens next year.") == [
        "Jiaotong"]


def test_a_brand_and_a_borrowed_word_keep_their_english_names():
    assert _names("这台美的空调很省电，我还顺便买了两斤龙眼。",
                  "This Midea air conditioner saves power, and I also bought a kilo of longans. Longan is sweet.") == []
    assert _names("这台格力空调很省电。", "This Midea air conditioner saves power.") == ["Midea"]
