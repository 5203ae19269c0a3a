"""MTQA-FLU-009: a translation that loops on one short unit is reported, once, as major.

The looping lines are WMT 2023 system outputs (NLLB_Greedy, uk-en line 371 and ru-en line
446) with their sources; the quiet ones repeat because their source does.
"""

from __future__ import annotations

from mtqa.checkers.fluency import FluencyChecker
from mtqa.config.settings import load_settings
from mtqa.readers.segments import Unit, document_from_units


def _findings(target: str, source: str | None = None, lang: str | None = None):
    document = document_from_units("t", "t", [Unit(target=target, source=source, id="1")], lang)
    return [f for f in FluencyChecker(load_settings()).check(document) if f.rule == "MTQA-FLU-009"]


def test_a_comma_separated_loop_is_major():
    target = "In, " * 133 + "In"
    found = _findings(target, "Заходимо, заходимо, заходимо...", "uk")
    assert [(f.text, f.severity.value) for f in found] == [(target, "major")]
    assert "134 times" in found[0].message


def test_a_name_loop_in_a_credit_list():
    target = "The number was worked on by: Simon Brond, Anastasia Gavrish, " + "Ivan Shely, " * 12 + "Ivan Shely."
    found = _findings(target, "Над номером работали: Саймон Бронд, Анастасия Гавриш, Борис Глейзеров.", "ru")
    assert len(found) == 1 and found[0].text.startswith("Ivan Shely, Ivan Shely")


def test_repetition_the_source_has_is_not_a_loop():
    assert _findings("La la la la la la la la la", "ля-ля-ля ля-ля-ля", "uk") == []
    assert _findings("Rumbling rumbling rumbling rumbling rumbling rumbling rumbling",
                     "ゴロゴロゴロゴロゴロゴロゴロゴロゴロゴロゴロゴロゴロゴロ", "ja") == []


def test_without_a_source_only_a_long_run_is_a_loop():
    assert _findings("Rumbling rumbling rumbling rumbling rumbling rumbling rumbling") == []
    assert len(_findings("In, " * 133 + "In")) == 1


def test_ordinary_emphasis_is_not_a_loop():
    assert _findings("Please, please, please, help us. Very, very good. Go, go, go!") == []


def _continuations(targets: list[str], sources: list[str]):
    units = [Unit(target=t, source=s, id=str(i)) for i, (t, s) in enumerate(zip(targets, sources), 1)]
    document = document_from_units("t", "t", units, "ru")
    return [f for f in FluencyChecker(load_settings()).check(document) if f.rule == "MTQA-FLU-008"]


def test_a_continuation_the_source_has_too_is_not_a_cut():
    # 2022 ru-en Online-B lines 1908-1909: the source segment ends on a comma as well.
    targets = ["They said that the companies, for various reasons, could not include in the price of cars earlier,",
               "says the expert."]
    assert _continuations(targets, ["Они сказали, что компании по разным причинам не могли закладывать в цену "
                                    "автомобилей ранее,", "говорит эксперт."]) == []
    assert len(_continuations(targets, ["Они сказали, что компании по разным причинам не могли закладывать в цену "
                                        "автомобилей ранее.", "Говорит эксперт."])) == 1
