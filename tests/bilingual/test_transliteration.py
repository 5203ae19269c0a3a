"""Matching English names against the romanised source (anyascii), per script."""

from __future__ import annotations

import pytest

from mtqa.checkers.bilingual.transliteration import SourceNames

ZH = "本报记者尚睿报道：在江西省九江市湖口县，赵向国副书记7月26日表示"


@pytest.mark.parametrize("name", ["Jiujiang", "Hukou", "Xiangguo", "Jiangxi"])
def test_pinyin_runs_of_the_chinese_source_match(name):
    assert SourceNames(ZH).contains(name)


@pytest.mark.parametrize("name", ["Weisel", "Leiyumen", "Recieved", "Jiujang"])
def test_names_not_in_the_chinese_source_do_not_match(name):
    assert not SourceNames(ZH).contains(name)


def test_one_syllable_matches_only_with_its_capitalised_neighbour():
    names = SourceNames(ZH)
    assert not names.contains("Yue")  # 月 of the date, not a name
    assert not names.contains("Rui")
    assert names.contains("Rui", ("Shang",))


@pytest.mark.parametrize("name,source", [
    ("Zelensky", "Президент Зеленский встретился с премьером"),
    ("Shmygal", "встреча со Шмыгалем в Киеве"),
    ("Brozovic", "Brozović und Müller trafen sich"),
    ("Mueller", "Brozović und Müller trafen sich"),
])
def test_cyrillic_and_latin_sources_match_close_spellings(name, source):
    assert SourceNames(source).contains(name)


@pytest.mark.parametrize("name,source,lang", [
    ("Zdar", "stanicích Havlíčkův Brod, Žďár nad Sázavou", "cs"),  # diacritics dropped
    ("Žďár", "stanicích Havlíčkův Brod, Žďár nad Sázavou", "cs"),
    ("Langmajer", "v čele s Jiřím Langmajerem", "cs"),  # declined in the source
    ("Jiri", "v čele s Jiřím Langmajerem", "cs"),
    ("Raikkonen", "Kimi Räikkönens Abschied", "de"),
    ("Alfa-Bank", "а Альфа-Банк – найбільший", "uk"),
    ("Labutenko", "депутату Володимиру Лабутенку", "uk"),  # national system, nominative
    ("Kutna", "свою родину в Кутній Горі", "uk"),
    ("Hora", "свою родину в Кутній Горі", "uk"),
    ("Zelenskyy", "Зеленський сказав", "uk"),  # BGN/PCGN
    ("Zelenskyi", "Зеленський сказав", "uk"),  # national
    ("Nikulin", "с самим Никулиным Ю.", "ru"),
    ("Yegor", "шайбы забросили Егор Морозов", "ru"),
    ("Andrey", "встреча с Андреем", "ru"),
    ("Mozyr", "Проїжджаючи біля Мозиря", "uk"),
    ("Higashiya", "銀座〈ＨＩＧＡＳＨＩＹＡ ＧＩＮＺＡ〉など", "ja"),  # Latin words of any source count
    ("Maryinka", 'в районах Кремінної, Мар"їнки і Вугледара', "uk"),  # the apostrophe typed as "
    ("Lenta", 'На нижнем этаже большой Гипермаркет"Лента".', "ru"),  # a quotation mark
])
def test_exact_romanisations_and_copies_match(name, source, lang):
    assert SourceNames(source, lang).contains(name)


@pytest.mark.parametrize("name,source,lang", [
    ("Bebek", "журналіст Роман Бебех", "uk"),  # х is kh or h, never k
    ("Loubutenko", "депутату Володимиру Лабутенку", "uk"),
    ("Kutnia", "свою родину в Кутній Горі", "uk"),  # Кутній is Кутна, not a soft Кутня
    ("Poleva", "93-річна Оксана Польова", "uk"),
    ("Schulz", "sagte Olaf Schulze", "de"),  # German adds no ending but -s
    ("Krogman", "Ein Krogmann dem es fehlt", "de"),
    ("Tagawa", "佐川なら無料らしい", "ja"),  # 佐川 is Sagawa: another name (test_japanese_names.py)
    ("Cejlo", "vyhni se nejen Cejlu, ale i okolí", "cs"),  # the street Cejl: no neuter is guessed
    ("Zo", "Зо ви бачили мої фото", "uk"),  # two Cyrillic letters are no name
    ("Mozyry", "Проїжджаючи біля Мозиря", "uk"),  # Мозир (Mozyr): -я is -й only after a vowel
])
def test_near_misses_do_not_match(name, source, lang):
    assert not SourceNames(source, lang).contains(name)


def test_a_quoted_latin_word_counts_only_in_a_source_of_another_script():
    assert SourceNames("ahamo、POVO、LINEMOはキャリアなの？", "ja").quotes("ahamo")
    assert SourceNames("Лише внизу додала пояснення що таке inkaso.", "uk").quotes("inkaso")
    assert not SourceNames("Ich habe es knapp geschafft", "de").quotes("knapp")  # untranslated German


def test_abjad_sources_are_not_used():
    # Hebrew romanises without vowels: a wrongly vowelled name would match too.
    names = SourceNames("ד\"ר מרדכי שמעונוב")
    assert not names.usable and not names.contains("Shamounov")


@pytest.mark.parametrize("name,source", [
    ("Kasatonov", "包括“卡萨托诺夫上将”号护卫舰"),
    ("Brozovic", "反击中布罗佐维奇送出长距离直塞"),
    ("Azmin", "马来西亚国际贸易和工业部部长阿兹明·阿里表示"),
])
def test_a_foreign_name_matches_its_chinese_transcription(name, source):
    assert SourceNames(source).contains(name)


@pytest.mark.parametrize("name,source", [
    ("Cocosiri", "于12时到达可可西里索南达杰保护站"),  # sounds alike, but English says Hoh Xil
    ("Kasatonov", "包括“海军中将库拉科夫”号大型反潜舰"),  # another name
    ("Lukaku", "反击中布罗佐维奇送出长距离直塞"),
])
def test_an_unknown_or_absent_name_is_no_transcription(name, source):
    assert not SourceNames(source).contains(name)


@pytest.mark.parametrize("name,neighbour,source", [
    ("Qiu", "Jianping", "大中华区总经理仇建平说"),  # 仇 is Chou in words, Qiu as a surname
    ("Chongqing", "", "重庆市已累计退捕渔船3403艘"),  # 重 is zhong in 重要
    ("Xiamen", "", "在厦门举行"),
    ("Junyi", "Jike", "吉克隽逸和刘烨作为运动助理"),
])
def test_characters_read_as_names_read_them(name, neighbour, source):
    assert SourceNames(source).contains(name, (neighbour,) if neighbour else ())


def test_pinyin_names_not_in_the_chinese_source_are_found():
    from mtqa.checkers.bilingual.chinese_names import is_pinyin_name, unsourced_names

    source = "理事会副会长彭捷宁表示，葛平坦言，延安的余额宝用户存了更多钱。"
    target = ("Peng Jining, vice president of the council, said that Ge Pingyan said frankly that "
              "users of Yu'ebao in Yan'an in Shaanxi and Shanghai saved more.")
    # 捷宁 is Jiening; 葛平 said (坦言) frankly; Yu'ebao and Yan'an are the source's, Shaanxi
    # (陕西, by pinyin Shanxi) is the gazetteer's, Shanghai is English.
    assert [name for _, _, name in unsourced_names(source, target)] == ["Jining", "Pingyan"]
    assert unsourced_names("用户存了更多钱。", "Users of Yu'ebao saved more.") == [(9, 16, "Yu'ebao")]
    assert unsourced_names("Пенг сказал.", "Peng Jining said.") == []  # no Chinese source
    assert is_pinyin_name("Shuangxi-Neihuang") and is_pinyin_name("Jining")
    assert not is_pinyin_name("jining") and not is_pinyin_name("Wojtaszczykiewicz") and not is_pinyin_name("Samnan")
