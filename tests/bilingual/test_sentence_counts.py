"""Sentence-count parity (MTQA-BI-050/051) counts sentences, not punctuation style.

The pairs are lines of the WMT 2022/2023 system outputs that a reviewer judged: a run of
marks is one sentence end, an ellipsis ends none, German abbreviations do not split, a
full stop with no space after it does, a Japanese space after a sentence-final kana does,
and a chat source with no sentence mark at all is not counted. A real difference still is.
"""

from __future__ import annotations

import pytest

from mtqa.checkers.bilingual import BilingualChecker
from mtqa.checkers.bilingual.structure import sentence_spans
from mtqa.config.settings import load_settings
from mtqa.readers.segments import Unit, document_from_units


def _findings(lang: str, source: str, target: str) -> list:
    checker = BilingualChecker(load_settings(overrides={"checkers.bilingual.language_id": False}))
    document = document_from_units("t", "t", [Unit(target=target, source=source, id="s1")], lang)
    return list(checker.check(document))


def _rules(lang: str, source: str, target: str) -> list[str]:
    return [f.rule for f in _findings(lang, source, target)]


QUIET = [
    ("ja", "頭は多少使いますが、楽しいですよ！！！", "I use my head a little, but it's fun!!!"),
    ("ja", "電池ボックスの蓋は閉まりますか？？？", "Does the battery box lid close?"),
    ("ja", "初回の特典を目当てに手続きしましたが。。。", "I went through the procedure for the first time benefits..."),
    ("ja", "キン肉マンに向けた「神がかりの運の強さにだけはたよらないでくれ ！ ！ 」",
     "\"Don't just rely on the strength of your miraculous luck!\""),
    ("ja", "FacebookやInstagramなどで、いいね！をくれない友達にもいいね！しますか？",
     "Do you like posts from friends who don't like your posts on Facebook or Instagram?"),
    ("ja", "軍内の新型コロナ感染者が30人増える...全員ブレイクスルー感染＝韓国（WoW!Korea ） - Yahoo!ニュース",
     "30 more people infected with the new coronavirus in the military ... All breakthrough infections = "
     "South Korea (WoW!Korea)-Yahoo! News"),
    ("de", "Haben die Ausstellung ins Leben gerufen: die Initiatoren Sebastian Freytag (li.) und Georg Elben (re.) "
           "stehen mit Künstler Christian Freudenberger vor seinem Wandbild.",
     "The initiators of the exhibition, Sebastian Freytag (left) and Georg Elben (right), stand with artist "
     "Christian Freudenberger in front of his mural."),
    ("uk", "Привіт.Сузана допоможи.Мені прийшла виплата за березень.Це нам на двох з Юльою чи тільки мені ,не можу "
           "розібратися, чому така сума .",
     "Hello. Susana, help. I received the payment for March. Is it for the two of us with Yulia or just me, I "
     "can't figure out why such an amount."),
    ("uk", "пані оглянула квартиру Я думаю сподобалося вона вам зателефонує",
     "The lady looked around the apartment. I think she liked it. She'll call you."),
]


@pytest.mark.parametrize(("lang", "source", "target"), QUIET)
def test_punctuation_style_is_not_a_sentence_difference(lang, source, target):
    assert not {"MTQA-BI-050", "MTQA-BI-051"} & set(_rules(lang, source, target))


def test_a_run_of_marks_ends_one_sentence_and_an_ellipsis_none():
    assert len(sentence_spans("いったいいつまで続くのでしょうか？？？？")) == 1
    assert len(sentence_spans("Так .дякую вам.будемо виходити!!!все буде добре.!!!")) == 4
    assert len(sentence_spans("If you look, it's possible... but I don't know anything... sorry")) == 1


def test_japanese_space_after_a_sentence_end_splits_but_not_in_a_headline():
    assert len(sentence_spans("正直、なぜこんなに高評価なのかわかりません まず中のワタはポリなんですが")) == 2
    assert len(sentence_spans("アニメ 漫画 ゲームで主人公の名前ではない作品と言えば何を思い浮かべますか？")) == 1
    assert len(sentence_spans("xVASynth 2で作った音声をゲームで使えるように.lip(リップシンク)と.fuz(音声)に変換するためのツール。")) == 1


def test_a_real_difference_is_still_reported():
    assert "MTQA-BI-050" in _rules("de", "Er kam. Er sah. Er siegte. Dann ging er.",
                                   "He came, saw and conquered, then left.")
    assert "MTQA-BI-051" in _rules("uk", "Доброго ранку. Засобів у нас вистачає.",
                                   "Good morning. We have enough. It is nice. We are glad. Call us.")


def test_a_chinese_sentence_cut_at_its_commas_asks_for_a_reread_not_an_addition():
    [cut] = [f for f in _findings(
        "zh", "该市开通了一座新桥，耗资二十亿元，交通量下降了三分之一，居民表示欢迎。",
        "The city opened a new bridge. It cost two billion yuan. Traffic fell by a third. Residents welcomed it.")
        if f.rule == "MTQA-BI-051"]
    assert cut.message.startswith("the translation cuts the source's 1 sentence(s) into 4 at its commas")
    assert cut.confidence == 0.3
    [added] = [f for f in _findings(
        "zh", "该市开通了一座新桥。居民表示欢迎。",
        "The city opened a new bridge. It cost a lot. Traffic fell. Residents welcomed it. More will come.")
        if f.rule == "MTQA-BI-051"]
    assert added.message == "source has 2 sentences, translation 5"


# Question and exclamation parity (MTQA-BI-030/031), on lines of the same outputs.
PARITY_QUIET = [
    ("uk", "можете сказати мені пароль від wi-fi", "Can you tell me the password to the wi-fi?"),
    ("de", "Warum ist das heute ein Problem", "Why is this a problem today?"),
    ("ja", "11日から気管がムズムズ？ する感じがあります。", "From the 11th, my windpipe feels like it's getting stuffy."),
    ("ja", "週1?の技術支援", "Technical support once a week"),
    ("ja", "初めはキツイ？と思いましたが馴染むと平気に。", "At first, I thought it was tough, but I got used to it."),
    ("ja", "殺られても「可哀想！」って思わなくて済むから。", "Because even if I die, you won't have to feel sorry for me."),
    ("ja", "先ず、見た目と値段の安さに一目ぼれして即！購入しました。", "I fell for its looks and price and bought it at once."),
    ("ja", "米、援助の武器弾薬がウクライナに到着（CNN.co.jp） - Yahoo!ニュース",
     "U.S. aid arms and ammunition arrive in Ukraine - CNN.co.jp"),
]


@pytest.mark.parametrize(("lang", "source", "target"), PARITY_QUIET)
def test_punctuating_a_chat_question_or_dropping_a_hedge_is_not_a_parity_error(lang, source, target):
    assert not {"MTQA-BI-030", "MTQA-BI-031"} & set(_rules(lang, source, target))


def test_a_lost_question_is_still_reported():
    assert "MTQA-BI-030" in _rules("ja", "お守りをそのまま入れて大丈夫ですか？", "I put the charm in my wallet.")
    assert "MTQA-BI-030" in _rules("de", "Das ist gut.", "Is that good?")
    assert "MTQA-BI-030" in _rules("uk", "Я не знаю як бути?І у дітей заняття онлайн.",
                                   "I don't know what to do. The children have classes online.")


# Copies of an English source (MTQA-BI-002) and identifiers reformatted (MTQA-BI-010).
def test_an_english_source_kept_as_it_is_is_no_untranslated_copy():
    for text in ("Video Board CMOS RAM", "48Hours Weekend Sale",
                 ">A **low-budget film** or **low-budget movie** is a motion picture shot with little to no funding "
                 "from a major film studio or private investor."):
        assert "MTQA-BI-002" not in _rules("de", text, text)
    assert "MTQA-BI-002" in _rules("de", "Das ist so nicht richtig gewesen.", "Das ist so nicht richtig gewesen.")


def test_source_numbers_joined_by_a_point_are_an_identifier_not_a_new_number():
    rules = _rules("de", "Die E 95 02 wurde als Ersatz für die zukünftige Museumslokomotive E 77 10 als "
                         "Weichenheizanlage auf dem Hauptbahnhof Halle aufgestellt.",
                   "The E 95.02 was installed as a replacement for the future museum locomotive E 77.10 as a switch "
                   "heating system at Halle main station.")
    assert not {"MTQA-BI-010", "MTQA-BI-011"} & set(rules)
    assert "MTQA-BI-010" not in _rules("ru", "Твой мир приключений +7 905 989 9172 What’s App",
                                       "Your World of Adventures +7.905.989.9172 What's App")
    # One source number written with spaces is still one number: a German thousands point is wrong.
    assert "MTQA-BI-010" in _rules("ru", "Из них первой дозой: подростки - 144 613.", "Of these, adolescents - 144.613.")
    assert "MTQA-BI-010" in _rules("de", "Es kamen 3 oder 5 Leute.", "3.5 people came.")


# Length outliers in a short document (MTQA-BI-060/061), against the language's usual ratio.
def test_a_short_document_is_judged_against_the_usual_ratio():
    assert "MTQA-BI-061" in _rules("uk", "Джерело: Генштаб ЗСУ",
                                   "Source: General Staff of the Armed Forces of the Russian Federation")
    assert "MTQA-BI-061" in _rules("ru", "\"Милан\" - \"Торино\" - 1:0 (0:0)",
                                   "\"Milan\" - \"Torino\" - 1:0 (0:0) The first match of the season was played in "
                                   "the stadium of Milan.")
    assert not {"MTQA-BI-060", "MTQA-BI-061"} & set(_rules("uk", "Джерело: Генштаб ЗСУ",
                                                           "Source: General Staff of the Armed Forces of Ukraine"))
