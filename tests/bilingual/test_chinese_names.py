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


def test_a_japanese_given_name_beside_its_family_name_is_read_in_japanese():
    """山田修二 is Shuji Yamada, not Shantian Xiuer: beside the romanised family name the
    source writes, the given name is Japanese; alone, it is a pinyin word the source lacks."""
    source = "山田修二教授在会上发表了演讲，李明远主持了会议。"
    assert _names(source, "Professor Shuji Yamada gave a speech; Li Mingyuan chaired the meeting.") == []
    assert _names(source, "Professor Yamada Shuji gave a speech; Li Mingyuan chaired the meeting.") == []
    assert _names(source, "Professor Shuji gave a speech; Li Mingyuan chaired the meeting.") == ["Shuji"]
    assert _names(source, "Professor Shuji Yamada gave a speech; Li Mingshan chaired the meeting.") == ["Mingshan"]
