"""Defects the translation copied from its source are not reported (mtqa.copied, copied.toml).

Real CLI on real files for the rule packs' and checkers' codes; a real LanguageTool server
for LanguageTool's rules. The lines are WMT 2022/2023 uk/ru/ja-en outputs and sources.
"""

from __future__ import annotations

import json

import pytest

from mtqa.copied import source_tests
from mtqa.engine.registry import load_registry
from mtqa.pipeline import Pipeline
from mtqa.readers.segments import Unit, document_from_units
from tests.conftest import run_mtqa

TARGET = [
    "Excuse me please .",                                        # source: "будь-ласка ." (copied)
    "It is used by people who rarely buy tickets .",             # source: no space (the MT's)
    "Read also: Zelensky ordered humanitarian aid to Turkey",    # source: "Читайте також:"
    "Read also: Zelensky ordered humanitarian aid to Turkey",    # source: no label
    "Everything is fine, the coach praises her) that's the most important thing.",
    "For the new autumn coats, click here.",                     # source: "…はこちら"
    "I ask you , one of them is barely standing , shouting .",   # source has one " ,", target two
]
SOURCE = [
    "Вибачте будь-ласка .",
    "Этим пользуются люди, которые редко покупают билеты.",
    "Читайте також: Зеленський наказав відправити до Туреччини гумдопомогу",
    "Зеленський наказав відправити до Туреччини гумдопомогу",
    "Всё очень нравится именно ей, тренер хвалит) это самое главное.",
    "人気&新作アウターはこちら。",
    "Я вас прошу , один з них ледве стоїть, кричить.",
]


def _findings(tmp_path, *extra: str) -> set[tuple[int, str]]:
    target = tmp_path / "mt.txt"
    target.write_text("\n".join(TARGET) + "\n", encoding="utf-8")
    result = run_mtqa("check", str(target), "--no-grammar", "--format", "json", "-q", "--exit-zero",
                      "--source-lang", "uk", *extra, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    return {(f["line"], f["rule"]) for d in report["documents"] for f in d["findings"]}


def test_a_defect_the_source_has_is_not_reported_and_one_the_mt_made_is(tmp_path):
    source = tmp_path / "src.txt"
    source.write_text("\n".join(SOURCE) + "\n", encoding="utf-8")
    found = _findings(tmp_path, "--source", str(source))
    assert (1, "MTQA-CORE-004") not in found
    assert (2, "MTQA-CORE-004") in found
    assert (3, "MTQA-WEB-007") not in found
    assert (4, "MTQA-WEB-007") in found  # a label the source does not have: the pipeline added it
    assert (5, "MTQA-CORE-010") not in found  # the Russian smiley, kept as it stands
    assert (6, "MTQA-WEB-008") not in found
    assert (7, "MTQA-CORE-004") in found  # two spaced commas for the source's one: the MT added one


def test_without_a_source_every_defect_is_reported(tmp_path):
    found = _findings(tmp_path)
    for line, rule in [(1, "MTQA-CORE-004"), (3, "MTQA-WEB-007"), (5, "MTQA-CORE-010"), (6, "MTQA-WEB-008")]:
        assert (line, rule) in found


@pytest.mark.parametrize("code,source,count", [
    ("LT-UPPERCASE_SENTENCE_START", "тоді напиши мені, як ти підеш", 1),
    ("LT-UPPERCASE_SENTENCE_START", "жодної, що після війни. жодної, що ти не думала.", 2),
    ("LT-UPPERCASE_SENTENCE_START", "なぜですか？", 0),  # uncased: a lower-case start is the MT's
    ("LT-UPPERCASE_SENTENCE_START", "fx相場のmt4やmt5って何ですか？", 0),  # a Latin term, no sentence
    ("LT-UPPERCASE_SENTENCE_START", "Госпитализированы будут около 175 тыс. пациентов.", 0),  # an abbreviation
    ("LT-DOUBLE_PUNCTUATION", "zwei Füßen gehalten..leider", 1),
    ("LT-DOUBLE_PUNCTUATION", "Подешевше було б краще.....ми", 1),
    ("LT-DOUBLE_PUNCTUATION", "Я думаю... что", 0),  # an ellipsis
    ("LT-DOUBLE_PUNCTUATION", "楽しかった、、、また行きたい", 0),  # 、、、 rendered as ",,,," is the MT's
    ("LT-SENTENCE_WHITESPACE", "Привіт.Сузана допоможи.Мені прийшла виплата", 2),
    ("LT-SENTENCE_WHITESPACE", "支援団体とか探せばありそうだけど……ゴメン", 0),
    ("MTQA-CORE-009", "Вона не все розуміє що вони говорять( Але вчора прийшла", 1),
    ("MTQA-CORE-009", "支障がないレベルだと思います（私がこのように感じるだけです）", 0),
    ("MTQA-WEB-018", "вам надо включить JavaScript или использовать другой браузер", 2),
    ("MTQA-WEB-007", "► Читайте також: Ціни знову зростають", 1),
    ("MTQA-WEB-007", "Він порадив: читайте також новини", 0),  # not a label opening the line
])
def test_source_tests(code, source, count):
    tests = source_tests()[code]
    assert sum(len(p.findall(source)) for p in tests) == count


def test_every_listed_code_exists():
    registry = load_registry()
    for code in source_tests():
        assert code.startswith("LT-") or code in registry.by_code, code


def test_languagetool_lower_case_start_copied_from_a_cased_source_only(grammar_settings):
    """The same lower-case MT line: copied from Ukrainian, the MT's own from Japanese."""
    line = "then please write to me how you will go."
    units = [("uk", "тоді напиши мені як ти підеш."), ("ja", "どうやって行くか教えてください。")]
    settings = grammar_settings()
    with Pipeline(settings, ["grammar"]) as pipeline:
        results = [pipeline.check_document(document_from_units(lang, lang, [Unit(line, id="1", source=source)], lang))
                   for lang, source in units]
    rules = [{f.rule for f in result.findings} for result in results]
    assert "LT-UPPERCASE_SENTENCE_START" not in rules[0]
    assert "LT-UPPERCASE_SENTENCE_START" in rules[1]
