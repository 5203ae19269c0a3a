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


def test_abjad_sources_are_not_used():
    # Hebrew romanises without vowels: a wrongly vowelled name would match too.
    names = SourceNames("ד\"ר מרדכי שמעונוב")
    assert not names.usable and not names.contains("Shamounov")
