"""Each bilingual rule fires on a bad segment pair (exact span) and stays quiet on a good one."""

from __future__ import annotations

import pytest

from mtqa.checkers.bilingual import BilingualChecker
from mtqa.config.settings import load_settings
from mtqa.readers.segments import Unit, document_from_units

# (code, source language, source, target, text of the finding or None for a unit-wide span)
BAD = [
    ("MTQA-BI-001", "de", "Der Zug fährt um acht Uhr ab.", "", ""),
    ("MTQA-BI-002", "de", "Die Regierung hat heute neue Regeln beschlossen.",
     "Die Regierung hat heute neue Regeln beschlossen.", None),
    ("MTQA-BI-010", "de", "Im Jahr 2021 kamen 350 Besucher.", "In 2021, 530 visitors came.", "530"),
    ("MTQA-BI-010", "ru", "Ущерб составил 1 250 000 рублей.", "The damage came to 1,350,000 roubles.", "1,350,000"),
    ("MTQA-BI-010", "zh", "去年共有3万人参加。", "Last year 300,000 people took part.", "300,000"),
    ("MTQA-BI-010", "ja", "午後3時半に始まった。", "It started at 4:30 p.m.", "4:30 p.m."),
    ("MTQA-BI-011", "cs", "Zemřelo 12 lidí a 40 bylo zraněno.", "Twelve people died and many were injured.", None),
    ("MTQA-BI-012", "ru", "Бюджет вырос на 3,5 млрд рублей.", "The budget grew by 3.5 million roubles.",
     "3.5 million"),
    ("MTQA-BI-012", "he", "החברה גייסה 40 מיליון דולר.", "The company raised $40 billion.", "40 billion"),
    ("MTQA-BI-012", "zh", "有1.34亿用户是“90后”。", "1.34 billion users are post-90s.", "1.34 billion"),
    ("MTQA-BI-014", "zh", "7月26日，舰队起航。", "On July 26, 2019, the fleet sailed.", "2019"),
    ("MTQA-BI-010", "de", "Anpfiff ist um 19 Uhr.", "Kick-off is at 8 PM.", "8"),
    ("MTQA-BI-013", "de", "Die Wahl findet im März statt.", "The election takes place in May 2022.", "May"),
    # A month range with one 月 (3至6月, March to June) still has its end month checked.
    ("MTQA-BI-013", "zh", "每年3至6月是樱桃的采摘季。", "Every year from March to July is the cherry season.", "July"),
    ("MTQA-BI-020", "de", "Mehr unter https://example.de/info.", "More at https://example.com/info.",
     "https://example.com/info"),
    ("MTQA-BI-021", "uk", "Пишіть на info@example.ua", "Write to info@example.com", "info@example.com"),
    ("MTQA-BI-022", "ru", "Об этом написал @kremlin_ru в Telegram.", "This was written by @kremlin in Telegram.",
     "@kremlin"),
    ("MTQA-BI-023", "de", "Folgen Sie uns unter #Bundestag2022", "Follow us at #Bundestag2021", "#Bundestag2021"),
    ("MTQA-BI-030", "de", "Wer hat das gesagt?", "Who said that.", None),
    ("MTQA-BI-031", "de", "Das ist gut.", "That is great!", "!"),
    ("MTQA-BI-050", "de", "Er kam. Er sah. Er siegte. Dann ging er.", "He came, saw and conquered, then left.", None),
    ("MTQA-BI-051", "de", "Er kam und ging.", "He came. He went. He returned. He left.", None),
]

GOOD = [
    ("de", "Der Fonds hat 2,5 Mio. Euro und 1.000 Stunden investiert.",
     "The fund invested €2.5 million and 1,000 hours."),
    ("cs", "Volby se konaly 10.8.2022 a účast byla 93,62 %.", "The election was held on August 10, 2022 with 93.62% turnout."),
    ("ru", "Начало в 18:30, билеты по 2 500 рублей.", "Starts at 6:30 p.m., tickets cost 2,500 roubles."),
    ("uk", "Понад 11 тисяч жертв, повідомили 9 лютого.", "More than 11 thousand victims, reported on February 9."),
    ("zh", "2022年北京地区高校毕业生预计达26.8万人，比去年增加1.6万人。",
     "In 2022, Beijing graduates are expected to reach 268,000, up 16,000 from last year."),
    ("ja", "米国の支援は約４億５０００万ドルに達した。", "US support reached around 450 million dollars."),
    ("ja", "令和３年１２月２５日午後５時から", "From 5 p.m. on December 25, 2021"),
    ("he", "מהנתונים עולה כי 74% מהנשים קיבלו החזר של 3,538 שקלים", "The data show 74% of women got a refund of NIS 3,538"),
    ("de", "Drei Kinder und zwei Erwachsene wurden verletzt.", "3 children and 2 adults were injured."),
    ("de", "Wie geht es weiter? Das bleibt offen!", "What next? That remains open!"),
    ("de", "Mehr unter www.example.de.", "More at www.example.de."),
    # A URL in Chinese text ends where the Chinese resumes, with no space.
    ("zh", "通过全国征兵网（网址：http://www.gfbzb.gov.cn）查询", "Via the recruitment website (http://www.gfbzb.gov.cn)"),
    # A decimal before a scale word is not a clock time (1.34 is also 1:34).
    ("zh", "有1.34亿用户是“90后”。", "134 million users are post-90s."),
    ("he", "החברה גייסה 1.25 מיליון דולר.", "The company raised $1.25 million."),
    # Written differently in English, not missing: clock hours, scores, "a" for 1, approximate tens.
    ("de", "Bereits am Mittwoch (19 Uhr) empfangen die Riesen die Skyliners.", "On Wednesday (7 PM) the giants host the Skyliners."),
    ("de", "Die Partie war beim 3:10 nach 20 Minuten gelaufen.", "The game was over with 3-10 after 20 minutes."),
    ("uk", "Ми були вдома ще о 15.00.", "We were still home at 3 pm."),
    ("ja", "今は１週間くらいで完了します。", "Right now it takes about a week to complete."),
    ("zh", "他每天都要看几十名病人。", "He sees dozens of patients every day."),
    ("ja", "独自のメソッドで9割以上の方が上達を実感！", "More than 90% of students improve with our method!"),
    ("zh", "当天14时40分左右，飞机撞上住宅楼。", "At about 14: 40 that day, the plane hit a house."),
    ("zh", "数据(7月25日08H00-7月26日08H00)", "Data (from 08:00 on July 25 to 08:00 on July 26)"),
    ("liv", "Īlma temperatūr vȯzīs +22 C sōņõ.", "The air temperature will reach +22 C."),
    # One 月 after a range or a list of months names all of them.
    ("zh", "每年3至6月是樱桃的采摘季，9、10月是苹果季。",
     "Every year from March to June is the cherry season, and September and October are the apple season."),
    ("ja", "見頃は４～６月です。", "The best time to see them is April to June."),
]


@pytest.fixture(scope="module")
def checker():
    return BilingualChecker(load_settings(overrides={"checkers.bilingual.language_id": False}))


def _check(checker, lang, source, target):
    document = document_from_units("t", "t", [Unit(target=target, source=source, id="s1")], lang)
    return document, list(checker.check(document))


@pytest.mark.parametrize("code,lang,source,target,text", BAD, ids=[f"{b[0]}-{b[1]}" for b in BAD])
def test_bad_pair_fires_with_exact_span(checker, code, lang, source, target, text):
    document, findings = _check(checker, lang, source, target)
    hits = [f for f in findings if f.rule == code]
    assert hits, [(f.rule, f.text) for f in findings]
    for finding in hits:
        assert document.text[finding.start:finding.end] == finding.text
        assert finding.segment == "s1"
    if text is not None:
        assert text in [f.text for f in hits]


@pytest.mark.parametrize("lang,source,target", GOOD, ids=[f"{g[0]}-{i}" for i, g in enumerate(GOOD)])
def test_good_pair_is_quiet(checker, lang, source, target):
    _, findings = _check(checker, lang, source, target)
    assert findings == [], [(f.rule, f.text, f.message) for f in findings]


def test_length_outliers_relative_to_the_document(checker):
    base = [("Der Ausschuss tagt am Montag im Rathaus.", "The committee meets on Monday at the town hall.")] * 30
    pairs = base + [("Der Ausschuss hat nach langer Debatte am Montag im Rathaus einen neuen Haushalt beschlossen.",
                     "Budget.")]
    units = [Unit(target=t, source=s, id=str(i)) for i, (s, t) in enumerate(pairs)]
    document = document_from_units("t", "t", units, "de")
    findings = [f for f in checker.check(document) if f.rule.startswith("MTQA-BI-06")]
    assert [(f.rule, f.text) for f in findings] == [("MTQA-BI-060", "Budget.")]


def test_latin_text_in_a_chinese_source_is_as_long_in_english(checker):
    """A placeholder or a product name in a Chinese source is not four times longer in
    English, as Chinese characters are; a translation that drops the Chinese text around
    the product name is still short."""
    base = [("委员会周一在市政厅开会，讨论明年的预算。",
             "The committee meets at the city hall on Monday to discuss next year's budget.")] * 30

    def outliers(source, target):
        units = [Unit(target=t, source=s, id=str(i)) for i, (s, t) in enumerate(base + [(source, target)])]
        return [(f.rule, f.text) for f in checker.check(document_from_units("t", "t", units, "zh"))
                if f.rule.startswith("MTQA-BI-06")]

    assert outliers("好的，您的订单号是 #ORDERNUMBER#，请查收。", "OK, your order number is #ORDERNUMBER#, please check.") == []
    assert outliers("推荐理由：这款 SmartClean Pro 3000 扫地机器人噪音很小，而且价格便宜。",
                    "Recommended: the SmartClean Pro 3000 robot vacuum is quiet and cheap.") == []
    assert outliers("推荐理由：这款 SmartClean Pro 3000 扫地机器人噪音很小，而且价格便宜，电池可以用一整天，清洁效果也非常好。",
                    "SmartClean Pro 3000.") == [("MTQA-BI-060", "SmartClean Pro 3000.")]


def test_untranslated_target_by_language_id():
    checker = BilingualChecker(load_settings())
    source = "Die Bundesregierung hat am Mittwoch ein neues Klimaschutzgesetz beschlossen."
    target = "Die Bundesregierung hat am Mittwoch ein neues Gesetz zum Klimaschutz beschlossen."
    document = document_from_units("t", "t", [Unit(target=target, source=source, id="s1")], "de")
    assert [f.rule for f in checker.check(document)] == ["MTQA-BI-003"]
