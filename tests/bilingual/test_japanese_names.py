"""Romaji names of a Japanese source: exact readings of the names it writes in kanji or kana."""

from __future__ import annotations

import pytest

from mtqa.checkers.bilingual import japanese
from mtqa.checkers.bilingual.transliteration import SourceNames

# A made-up local news item.
ARTICLE = ("千葉県市川市の会社員、松本美佐子さん（４２）は１日朝、東京メトロ南北線の麻布十番駅で降り、"
           "品川区に住む大野健太さんと高知へ向かった。武蔵小金井駅前では市長選の候補が演説し、"
           "歌手のミサコさんが手を振った。")


@pytest.mark.parametrize("name", [
    "Ichikawa", "Chiba", "Misako", "Matsumoto", "Shinagawa", "Kenta",
    "Ono", "Ohno", "Oono",  # 大野 オオノ: the long o plain, with h, doubled
    "Kochi", "Kouchi", "Kōchi",  # 高知 コウチ; the macron is dropped before the comparison
    "Musashi", "Koganei",  # 武蔵小金井: also each name inside the longer one
    "Azabu-Juban", "Azabu Juban", "Azabu-Juuban",  # 麻布十番, held whole by the dictionary
])
def test_names_of_the_source_match_their_romaji(name):
    assert SourceNames(ARTICLE, "ja").contains(name)


def test_a_word_of_a_name_the_dictionary_holds_whole_matches_beside_the_other():
    names = SourceNames("竹の塚駅で降りた", "ja")  # 竹の塚 タケノツカ, no name in its parts
    assert names.contains("Tsuka", ("Takeno",)) and names.contains("Takeno", ("Tsuka",))
    assert not names.contains("Tsuka") and not names.contains("Takeno")
    assert not names.contains("Tsuka", ("Takeo",))


@pytest.mark.parametrize("name", [
    "Ichikava", "Shikawa",  # 市川: a misspelling and a wrong reading of the kanji
    "Matumoto",  # Kunrei-shiki, not the Hepburn English news uses
    "Misaki",  # another given name
    "Fukumoto",  # a name the source does not hold
    "Kouho", "Kōho",  # 候補 (candidate) is a common noun: romanised, an untranslated word
    "Minamiboku",  # 南北線 is no name of the dictionary, and kanji are not read one by one
])
def test_other_spellings_do_not_match(name):
    assert not SourceNames(ARTICLE, "ja").contains(name)


def test_katakana_words_are_romanised_only_when_the_dictionary_has_them_as_names():
    source = "エミコさんはアピタでウサギのぬいぐるみとキキョウを買った。エミコットも見た。"
    names = SourceNames(source, "ja")
    assert names.contains("Emiko") and names.contains("Apita")
    assert not names.contains("Usagi")  # a rabbit, left untranslated
    assert not names.contains("Kikyo")  # a bellflower
    assert not SourceNames("エミコットを見た。", "ja").contains("Emiko")  # only as a whole word


def test_no_and_ke_between_kanji_are_read_either_way():
    assert SourceNames("竹ノ塚駅の近く", "ja").contains("Takenotsuka")  # the dictionary writes 竹の塚
    assert SourceNames("関ヶ原の戦い", "ja").contains("Sekigahara")


def test_a_place_name_matches_with_its_suffix():
    names = SourceNames("岡崎市福岡町の川で見つかった。さいたま市岩槻区にある。", "ja")
    assert names.contains("Fukuoka-cho") and names.contains("Fukuoka-machi") and names.contains("Iwatsuki-ku")
    assert not names.contains("Fukuoka-ku")  # 福岡町 is a town (cho), not a ward
    assert not names.contains("Cho") and not names.contains("Ku")  # the suffix is no name alone
    kyoto = SourceNames("四条河原町で降りた。", "ja")
    assert kyoto.contains("Kawaramachi") and not kyoto.contains("Kawaracho")  # 河原町 is read whole


def test_a_one_kanji_surname_counts_before_a_title_or_a_given_name():
    assert SourceNames("会見で森市長は述べた。", "ja").contains("Mori")
    assert SourceNames("林芳正外相が訪れた。", "ja").contains("Hayashi")
    assert not SourceNames("週に一度ランチする仲です。", "ja").contains("Naka")  # a relationship
    assert not SourceNames("週に一度ランチする仲", "ja").contains("Naka")  # also at the end
    assert not SourceNames("森の中を歩いた。", "ja").contains("Mori")  # a forest
    assert not SourceNames("東京都に住む。", "ja").contains("Higashi")  # 京都 is a place, not a given name


def test_kanji_alone_are_japanese_only_in_a_japanese_source():
    assert SourceNames("市川市長が会見", "ja").contains("Ichikawa")
    assert not SourceNames("市川市长会见记者", "zh").contains("Ichikawa")
    assert SourceNames("市川市长会见记者", "zh").contains("Shichuan")  # pinyin, as before


@pytest.mark.parametrize("reading,spellings", [
    ("トウキョウ", {"tokyo", "toukyo", "tokyou", "tohkyoh", "tookyoo"}),
    ("シンブン", {"shinbun", "shimbun"}),  # ん before b, m, p
    ("ハッチョウボリ", {"hatchobori", "hacchobori", "hatchoubori"}),  # っ before ch
    ("サッポロ", {"sapporo"}),
    ("ジュウバン", {"juban", "juuban"}),
    ("ふくもと", {"fukumoto"}),  # hiragana read as katakana
    ("シンイチ", {"shinichi"}),  # Shin'ichi: the apostrophe is not compared
    ("キョウコ", {"kyoko", "kyouko", "kyohko"}),
])
def test_readings_are_spelt_as_english_news_spells_them(reading, spellings):
    assert spellings <= japanese.romaji(reading)
    assert "tsuzi" not in japanese.romaji(reading)


def test_a_doubled_consonant_before_n_or_at_the_end_is_not_written():
    assert japanese.romaji("ウッ") == {"u"}
    assert all(word.isascii() for word in japanese.romaji("アッン"))


def test_hepburn_only():
    assert japanese.romaji("ツジ") == {"tsuji"}  # not Kunrei "tuzi"
    assert japanese.romaji("チチ") == {"chichi"}
    assert japanese.romaji("シャチョウ") >= {"shacho"} and "syatyo" not in japanese.romaji("シャチョウ")
    assert japanese.romaji("ABC") == frozenset()


def test_a_source_without_kana_or_kanji_does_not_load_the_dictionary():
    japanese._table.cache_clear()
    SourceNames("Президент Зеленский встретился с премьером", "ru")
    SourceNames("Brozović und Müller trafen sich", "de")
    SourceNames("在江西省九江市湖口县", "zh")
    assert japanese._table.cache_info().currsize == 0
    SourceNames("市川市に住む", "ja")
    assert japanese._table.cache_info().currsize == 1
