"""The source-support lexicon measured for the naturalness model (scripts/, not shipped)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
sys.path.insert(0, str(SCRIPTS))

import build_source_lexicon as build  # noqa: E402
import source_support as support  # noqa: E402


def test_stem_joins_inflections_and_cuts_long_words():
    assert support.stem("elected") == support.stem("elects") == "elect"
    assert support.stem("governor") == support.stem("governments") == "govern"
    assert support.stem("Minister's") == support.stem("ministers") == "minist"


def test_hebrew_keys_strip_one_or_two_prefix_letters():
    assert support.hebrew_keys("והבחירות") == ["והבחירות", "הבחירות", "בחירות"]
    assert support.hebrew_keys("כֶּלֶב") == ["כלב", "לב"]  # points dropped; כ is also a prefix letter
    assert support.hebrew_keys("אב") == ["אב"]


def test_ibm1_learns_the_word_that_follows_a_source_word_across_sentences():
    pairs = [(["כלב", "גדול"], ["dog", "big"]), (["כלב", "קטן"], ["dog", "small"]),
             (["חתול", "גדול"], ["cat", "big"]), (["חתול", "קטן"], ["cat", "small"])]
    table = build.ibm1(pairs)
    assert table["כלב"] == {"dog"}
    assert table["קטן"] == {"small"}


def test_wiktionary_lines_give_one_word_translations(tmp_path):
    path = tmp_path / "en-he.txt"
    path.write_text("# comment\n"
                    "dog {n} (animal) :: כֶּלֶב {m} /kélev/, כלבה {f}\n"
                    "attorney general {n} (officer) :: תובע כללי {m}\n", encoding="utf-8")
    table = build.wiktionary_table(path)
    assert table["כלב"] == {"dog"} and table["כלבה"] == {"dog"}
    assert "תובע" not in table  # a two-word translation is not split into words


def test_support_columns_mark_supported_unsupported_and_function_words():
    tables = {"he": support.Lexicon({"כלב": "dog", "נבח": "bark"})}
    texts = ["The", "dog", "barked", "at", "cats", "The", "dog"]
    owner = [0, 0, 0, 0, 0, 1, 1]
    columns = support.support_columns(texts, owner, [("הכלב נבח", "he"), ("הכלב", "de")], tables)
    assert columns[:, 0].tolist() == [-1.0, 1.0, 1.0, -1.0, 0.0, -1.0, -1.0]  # piece 1: no German lexicon
    assert columns[1, 1] == -1.0 and columns[1, 2] == 1.0  # neighbours
    assert columns[0, 3] == pytest.approx(1 / 3)  # one of three content words unsupported
    assert columns[0, 4] == 0.0  # both source words have their translation in the sentence
