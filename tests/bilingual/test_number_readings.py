"""Ways of writing a number that the number checks read (from the WMT human references and
MT outputs), each with a real error of the same shape that must still be reported."""

from __future__ import annotations

import pytest

from mtqa.checkers.bilingual import BilingualChecker
from mtqa.config.settings import load_settings
from mtqa.readers.segments import Unit, document_from_units

NUMBER_RULES = ("MTQA-BI-010", "MTQA-BI-011", "MTQA-BI-012", "MTQA-BI-014")

# (source language, source, a translation that renders the number correctly)
GOOD = [
    # Anonymised names that MT spaced out.
    ("ja", "#Product2#税抜1980円", "# Product2 # 1980 yen excluding tax"),
    ("ja", "年中無休の日本語カスタマーサービス。", "24 / 7 Japanese customer service."),
    ("ja", "セブンイレブンなど、様々なコンビニが存在しています。", "There are stores such as 7-Eleven."),
    ("ru", "Плотность ткани - 116 г/м².", "The density of the fabric is 116 g/m2."),
    ("ru", "Согласно данным ЮНЕСКО, женщины составляют 30% исследователей.-0-",
     "According to UNESCO, women make up 30% of researchers."),
    # Year ranges with two digits for the second year.
    ("ja", "マキシモヴィッチ（１８２７～９１年）", "Maximowicz (1827-1891)"),
    ("he", "לקראת עונת 2022/2023.", "for the 2022-23 season."),
    # Japanese eras beside a Western year, and their one-letter forms.
    ("ja", "その発端は明治２３（１８９０）年の事故にある。", "It goes back to an accident in 1890."),
    ("ja", "１９０３（明治３６）年に発表した。", "He published it in 1903."),
    ("ja", "H11年式17クラウンエステートに乗っています。", "I drive a '99 Crown Estate 17."),
    ("ja", "H11年式のクラウンです。", "It is a 1999 Crown."),
    # Clock times: a range that writes "pm" once, Russian 10-00, an hour given by a word.
    ("uk", "Якби можна було 13:00-14:00.", "If from 1 to 2 pm is OK."),
    ("ru", "Часы работы с 10-00 до 22-00.", "The opening hours are from 10 to 22."),
    ("uk", "Лише з шостої години вечора.", "Only from 6 p.m."),
    ("de", "Am Montag um 18.00 Uhr beginnt der Vortrag.", "The lecture starts on Monday at 6 pm."),
    ("ja", "12日午後0時31分ごろ、地震があった。", "At around 12:31 pm on the 12th, there was an earthquake."),
    # Halves, tenths and fractions.
    ("he", "התאומות תמרה ונעמה (16 וחצי).", "The twins, Tamara and Naama (16.5)."),
    ("ja", "１分～１分半で到着してしまう。", "It takes about 1-1.5 minutes to arrive."),
    ("ja", "氷がまだ５割くらい残っている。", "About half of the ice is still there."),
    ("ja", "上昇した分の２分の１を給付する。", "Half of the increase will be paid."),
    # Phone numbers written with nakaguro; space-grouped numbers that are two numbers.
    ("ja", "問い合わせは同協会（０１９８・６２・１３３３）へ。", "Contact the association on 0198-62-1333."),
    ("ru", "Матрас Promtex-Orient Monolit Combi 16 100x185 см", "Promtex-Orient Monolit Combi 16 mattress 100x185 cm"),
    ("uk", "3 квітня вивезено 410 тіл.", "On April 3 410 bodies were removed."),
    # Scale words before the number, and number words the lexicon builds.
    ("uk", "За їхніми словами, \"Азову\" так тисяч 100 в Україні.", "They said Azov had around 100,000 soldiers."),
    ("cs", "Sedmadvacetiletý muž spadl z okna.", "The 27-year-old man fell from a window."),
    ("cs", "Jednatřicetiletý plzeňský rodák bude na střídačce.", "The 31-year-old Pilsen native will be on the bench."),
    ("de", "Er ist siebenundzwanzig Jahre alt.", "He is 27 years old."),
    ("cs", "K průvodu asi čtyřtisícovky demonstrantů se přidávají další.", "Others joined about 4,000 demonstrators."),
    ("ru", "Работает круглосуточно, что очень удобно.", "It's open 24 hours a day, which is very convenient."),
    ("ru", "Кухня на четверку, всё понравилось.", "Food was a 4, we liked everything."),
    ("de", "Die Kredite werden nicht zu Null.", "The credits do not go to 0."),
    ("ja", "２０代の会社員女性が訪れた。", "A company employee in her twenties visited."),
    # Hebrew letter numerals and the singular shekel.
    ("he", "עד כיתה ט' למד בבית הספר בכפר.", "Until the 9th grade he studied at the village school."),
    ("he", "מוזיקה ישראלית ברשת ג'.", "Israeli music on Channel 3."),
    ("he", "הוא לומד בכיתה י\"ב.", "He is in 12th grade."),
    ("he", "שלא יזמינו סתם שטויות בשקל", "so that people won't order trinkets for 1 NIS"),
    # Roman numerals and codes typed with Cyrillic letters.
    ("uk", "Україна посідає VIII місце в світі та І місце в Європі.",
     "Ukraine ranks 8th in the world and 1st in Europe."),
    ("ru", "Прекрасно помню ЧМЭЗ на станции.", "I remember the ChME3 at the station well."),
    # Set renderings.
    ("ja", "私の使用頻度1位は、大泣きの絵文字。", "My most used emoji is the crying face."),
    ("ja", "近畿は「南えちぜん山海里」が1位", "Minami-Echizen Sankairi comes top in Kinki"),
    ("ja", "１人暮らししてましたよ。", "I was living alone."),
    ("ja", "ベストアンサーを１度も貰ったことがありません。", "I have never received the best answer."),
    ("ja", "１件でも１人でも多く手伝いをしたい。", "We want to help as many people as possible."),
    ("ja", "アルカリ乾電池 単3", "AA Alkaline Batteries"),
    ("ja", "追加料金も0円で安心", "No additional fees for peace of mind."),
    ("ja", "水銀0(ゼロ)使用。", "Contains no mercury."),
    ("ja", "24時間365日利用可能。", "Available 24/7."),
    ("ja", "24時間態勢で稼働中だった工場。", "A factory operating around the clock."),
    ("ja", "WEBなら24hご注文OK", "Order online at any time of the day"),
    ("uk", "Раптом повернулися на 180 градусів і почали його обожнювати.",
     "Suddenly they turned around and started to worship him."),
    ("uk", "А ви б змогли адаптуватись з 0 за місяць.", "Could you adapt from scratch in a month?"),
    ("ja", "なんでそんな相手が3位決定戦にいるのよ", "Why is such an opponent in the bronze medal game?"),
    ("ja", "ベスト８以上の入賞を目指す。", "They hope to reach the quarterfinals or higher."),
    ("ru", "В 1/4 финала оформили ничью.", "In the quarterfinals they drew."),
    ("ja", "２，3日過ぎても飲めます。", "You can drink it after a few days."),
    ("de", "Karton im Karton, dass es 100% zu keinen Druckstellen kommt.",
     "A box in a box, so it definitely stays pristine."),
    # Numerals inside Chinese idioms are no counts.
    ("zh", "投保中，为客户货比三家。", "While insuring, I compare all the companies for my client."),
    ("zh", "使“雷鸣潜艇”成为“核三位一体中最重要的武器”。", "It makes the submarine the most important weapon of the nuclear triad."),
    # Invisible format characters from web text between a number and its scale word.
    ("zh", "江西财政紧急下达2.8亿元资金", "Jiangxi urgently releases 280\u200bmillion yuan of funds."),
    ("zh", "江西财政紧急下达2.8亿元资金", "Jiangxi urgently releases 280\u00ad million yuan of funds."),
    ("zh", "江西财政紧急下达2.8亿元资金", "Jiangxi urgently releases 280\u2060million yuan of funds."),
]

# (source language, source, a wrong translation, the rule that must fire)
BAD = [
    ("zh", "江西财政紧急下达2.8亿元资金", "Jiangxi urgently releases 380\u200bmillion yuan of funds.", "MTQA-BI-010"),
    ("ja", "#Product2#税抜1980円", "# Product2 # 1890 yen excluding tax", "MTQA-BI-010"),
    ("ru", "Плотность ткани - 116 г/м².", "The density of the fabric is 161 g/m2.", "MTQA-BI-010"),
    ("ja", "マキシモヴィッチ（１８２７～９１年）", "Maximowicz (1827-1881)", "MTQA-BI-010"),
    ("he", "לקראת עונת 2022/2023.", "for the 2022-24 season.", "MTQA-BI-011"),
    ("ja", "その発端は明治２３（１８９０）年の事故にある。", "It goes back to an accident in 1980.", "MTQA-BI-011"),
    ("ja", "H11年式のクラウンです。", "It is a 2011 Crown.", "MTQA-BI-011"),
    ("uk", "Якби можна було 13:00-14:00.", "If from 1 to 2 am is OK.", "MTQA-BI-011"),
    ("ru", "Часы работы с 10-00 до 22-00.", "The opening hours are from 10 to 20.", "MTQA-BI-010"),
    ("uk", "Лише з шостої години вечора.", "Only from 7 p.m.", "MTQA-BI-010"),
    ("de", "Am Montag um 18.00 Uhr beginnt der Vortrag.", "The lecture starts on Monday at 4 pm.", "MTQA-BI-010"),
    ("ja", "12日午後0時31分ごろ、地震があった。", "At around 12:31am on the 12th, there was an earthquake.",
     "MTQA-BI-010"),
    ("he", "התאומות תמרה ונעמה (16 וחצי).", "The twins, Tamara and Naama (17.5).", "MTQA-BI-010"),
    ("ja", "氷がまだ５割くらい残っている。", "A third of the ice is still there.", "MTQA-BI-011"),
    ("ja", "上昇した分の２分の１を給付する。", "The increase will be paid in full.", "MTQA-BI-011"),
    ("ja", "問い合わせは同協会（０１９８・６２・１３３３）へ。", "Contact the association on 0198-62-1338.",
     "MTQA-BI-010"),
    ("uk", "3 квітня вивезено 410 тіл.", "On April 3 401 bodies were removed.", "MTQA-BI-010"),
    ("liv", "laz võttõg ilzõ mingizt 25 000 bildõ", "to reach some 25 000 billions", "MTQA-BI-012"),
    ("uk", "За їхніми словами, \"Азову\" так тисяч 100 в Україні.", "They said Azov had around 10,000 soldiers.",
     "MTQA-BI-010"),
    ("cs", "Sedmadvacetiletý muž spadl z okna.", "The 72-year-old man fell from a window.", "MTQA-BI-010"),
    ("cs", "K průvodu asi čtyřtisícovky demonstrantů se přidávají další.", "Others joined about 40,000 demonstrators.",
     "MTQA-BI-010"),
    ("he", "עד כיתה ט' למד בבית הספר בכפר.", "Until the 8th grade he studied at the village school.", "MTQA-BI-010"),
    ("he", "שלא יזמינו סתם שטויות בשקל", "so that people won't order trinkets for 10 NIS", "MTQA-BI-010"),
    ("ja", "近畿は「南えちぜん山海里」が1位", "Minami-Echizen Sankairi comes third in Kinki", "MTQA-BI-011"),
    ("ja", "近畿は「南えちぜん山海里」が1位", "Minami-Echizen Sankairi comes 2nd in Kinki", "MTQA-BI-010"),
    ("ja", "アルカリ乾電池 単3", "AAA Alkaline Batteries", "MTQA-BI-011"),
    ("ja", "追加料金も0円で安心", "Additional fees of 100 yen.", "MTQA-BI-010"),
    ("ja", "２，3日過ぎても飲めます。", "You can drink it after a week.", "MTQA-BI-011"),
    ("ja", "なんでそんな相手が3位決定戦にいるのよ", "Why is such an opponent in the final?", "MTQA-BI-011"),
    ("uk", "Раптом повернулися на 180 градусів.", "Suddenly they turned 90 degrees.", "MTQA-BI-010"),
    ("ja", "WEBなら24hご注文OK", "Order online within 12 hours", "MTQA-BI-010"),
    ("zh", "以上三种都是最好的喝法。", "The above are the best ways to drink it.", "MTQA-BI-011"),
    # Only a whole scale word before a number scales it, and a decimal comma is no "2 or 3".
    ("ru", "Всего сотрудников 500.", "There are 50,000 employees in total.", "MTQA-BI-010"),
    ("cs", "Inflace činila 2,3 %, uvedlo několik ekonomů.", "Inflation was low, several economists said.",
     "MTQA-BI-011"),
]


@pytest.fixture(scope="module")
def checker():
    return BilingualChecker(load_settings(overrides={"checkers.bilingual.language_id": False}))


def _number_findings(checker, lang, source, target):
    document = document_from_units("t", "t", [Unit(target=target, source=source, id="s1")], lang)
    return [(f.rule, f.text) for f in checker.check(document) if f.rule in NUMBER_RULES]


@pytest.mark.parametrize("lang,source,target", GOOD, ids=[f"{g[0]}-{i}" for i, g in enumerate(GOOD)])
def test_a_number_written_another_way_is_read(checker, lang, source, target):
    assert _number_findings(checker, lang, source, target) == []


@pytest.mark.parametrize("lang,source,target,rule", BAD, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)])
def test_a_wrong_number_of_the_same_shape_is_still_reported(checker, lang, source, target, rule):
    assert rule in [r for r, _ in _number_findings(checker, lang, source, target)]
