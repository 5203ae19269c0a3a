"""Naturalness checker: a tiny model built from a fixture, exact spans, modes and model errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from mtqa.checkers.base import CheckerUnavailable
from mtqa.checkers.naturalness import NaturalnessChecker, default_model_path, features
from mtqa.checkers.naturalness.additive import Additive, load, save
from mtqa.config.settings import load_settings
from mtqa.model import Document, Segment
from tests.conftest import run_mtqa

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "naturalness" / "tiny_model.json"


def build_fixture_model(path: Path) -> Path:
    spec = json.loads(FIXTURE.read_text(encoding="utf-8"))
    stumps = [dict(s, split_feature=features.NAMES.index(s["split_feature"])) if "split_feature" in s else s
              for s in spec["stumps"]]
    save(path, Additive.from_stumps(stumps, features.N_FEATURES), spec["bigrams"], spec["header"])
    return path


@pytest.fixture(scope="module")
def model_path(tmp_path_factory):
    return build_fixture_model(tmp_path_factory.mktemp("nat") / "tiny.npz")


def checker(model_path, **options):
    overrides = {"checkers.naturalness.model": str(model_path)}
    overrides |= {f"checkers.naturalness.{k}": v for k, v in options.items()}
    return NaturalnessChecker(load_settings(overrides=overrides))


def test_stumps_become_step_functions_that_score_like_the_stumps(model_path):
    stumps = [{"leaf_value": 0.25},
              {"split_feature": 0, "threshold": 2.0, "left_child": {"leaf_value": 1.0}, "right_child": {"leaf_value": -1.0}},
              {"split_feature": 0, "threshold": 4.0, "left_child": {"leaf_value": 0.5}, "right_child": {"leaf_value": 2.0}},
              {"split_feature": 1, "threshold": 0.0, "left_child": {"leaf_value": -3.0}, "right_child": {"leaf_value": 3.0}}]
    model = Additive.from_stumps(stumps, 2)
    x = np.array([[1.0, 0.0], [2.0, 1.0], [3.0, -1.0], [4.0, 0.5], [9.0, 0.0]])
    by_hand = [0.25 + sum((s["left_child"] if row[s["split_feature"]] <= s["threshold"] else s["right_child"])["leaf_value"]
                          for s in stumps[1:]) for row in x]
    assert np.allclose(np.log(model.probability(x) / (1 - model.probability(x))), by_hand)
    loaded = load(model_path)
    assert loaded.bigrams.table() == {"minister said": 6.9, "the minister": 7.5}


def test_flags_a_run_of_unknown_words_with_exact_offsets(model_path):
    text = "The minister said the zorblax quuxle was ready. Nothing else here is odd."
    found = list(checker(model_path).check(Document(id="t", path="t", text=text)))
    assert [(f.start, f.end, f.text, f.rule, f.category) for f in found] == [
        (18, 40, "the zorblax quuxle was", "MTQA-NAT-001", "style/awkward")]  # the flagged words and one either side
    assert found[0].message.startswith("'zorblax quuxle' reads like machine translation: a word that is rare")
    assert 0.5 <= found[0].confidence <= 1.0
    assert str(found[0].severity) == "minor"  # however confident: on human news they are mostly rare names


def test_a_number_the_source_lacks_is_a_cue_and_thousands_separators_are_read_whole(model_path):
    target = "Police said 13 people were hurt; women earned 9,740 shekels."
    source = "המשטרה אמרה כי 12 בני אדם נפצעו; הנשים השתכרו 9,740 שקלים."
    doc = Document(id="t", path="t", text=target, source_text=source, units=(Segment(0, len(target), id="1", source=source),))
    found = list(checker(model_path).check(doc))
    assert [(f.start, f.end, f.text, f.rule, f.category, str(f.severity)) for f in found] == [
        (7, 21, "said 13 people", "MTQA-NAT-001", "style/awkward", "minor")]
    assert "a number the source does not have" in found[0].message


def test_pieces_scored_together_score_as_they_would_alone():
    zipf = {"the": 7.7, "minister": 5.0, "said": 6.0, "it": 7.0, "rained": 3.5}
    bigrams = features.Bigrams.from_table({"the minister": 7.5, "minister said": 6.9})
    pieces = [("The minister said 9,740.", "9,740"), ("It rained.", None), ("", None), ("Said the minister", "x")]
    together = features.document_features(pieces, zipf, bigrams)
    alone = [features.document_features([p], zipf, bigrams) for p in pieces]
    assert together.text == [w for a in alone for w in a.text] == [
        "The", "minister", "said", "9,740", "It", "rained", "Said", "the", "minister"]
    assert np.array_equal(together.x, np.vstack([a.x for a in alone]))
    assert together.piece.tolist() == [0, 0, 0, 0, 1, 1, 3, 3, 3]
    row = dict(zip(features.NAMES, together.x[1]))
    assert (row["bigram_prev"], row["bigram_next"], row["zipf_prev"], row["zipf_next2"]) == (7.5, 6.9, 7.7, 0.0)
    assert dict(zip(features.NAMES, together.x[3]))["number_not_in_source"] == 0.0


def test_min_confidence_and_recall_mode_change_what_is_reported(model_path):
    text = "He met Xqzt at dawn."
    doc = Document(id="t", path="t", text=text)
    assert [f.text for f in checker(model_path).check(doc)] == ["met Xqzt at"]
    assert list(checker(model_path, min_confidence=0.99).check(doc)) == []
    recall = checker(model_path, mode="recall")
    assert recall.min_confidence == 0.1
    assert len(list(recall.check(doc))) >= 1


def test_missing_model_file_is_a_one_line_error(tmp_path):
    missing = tmp_path / "nowhere.npz"
    with pytest.raises(CheckerUnavailable) as err:
        checker(missing)
    assert str(err.value).count("\n") == 0
    assert str(missing) in str(err.value) and "not found" in str(err.value)


def test_cli_ignore_switches_it_off(model_path, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The minister said the zorblax quuxle was ready.\n", encoding="utf-8")
    config = tmp_path / "mtqa.toml"
    config.write_text(f'[checkers.naturalness]\nmodel = "{model_path.as_posix()}"\n', encoding="utf-8")
    rules = lambda result: [f["rule"] for d in json.loads(result.stdout)["documents"] for f in d["findings"]]  # noqa: E731
    on = run_mtqa("check", "--no-grammar", "--config", str(config), "--format", "json", str(article))
    assert "MTQA-NAT-001" in rules(on), on.stderr
    off = run_mtqa("check", "--no-grammar", "--config", str(config), "--ignore", "naturalness", "--format", "json", str(article))
    assert "MTQA-NAT-001" not in rules(off)


def test_the_packaged_model_loads_and_describes_itself():
    model = load(default_model_path())
    assert model.header["features"] == list(features.NAMES)
    assert 0 < model.header["recall_min_confidence"] <= model.header["default_min_confidence"] < 1


def test_the_model_loads_the_same_from_its_uncompressed_copy_or_without_one(tmp_path, monkeypatch):
    def arrays(model):
        a = model.additive
        return ([c.tobytes() for c in a.cuts], [v.tobytes() for v in a.values], a.bias, model.header,
                model.bigrams.vocabulary, model.bigrams.keys.tobytes(), model.bigrams.values.tobytes())

    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "cache"))
    first = load(default_model_path())  # inflates the file and keeps the copy
    assert len(list((tmp_path / "cache" / "naturalness").glob("*.npz"))) == 1
    assert arrays(load(default_model_path())) == arrays(first)  # from the copy
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "a-file"))  # no folder can be made there
    assert arrays(load(default_model_path())) == arrays(first)


def test_a_name_the_article_repeats_is_trusted(model_path):
    text = "Zorblax met Quuxle on Monday. Zorblax left early."
    found = list(checker(model_path).check(Document(id="t", path="t", text=text)))
    assert [(f.start, f.end, f.text) for f in found] == [(8, 21, "met Quuxle on")]


def test_a_name_its_source_spells_is_trusted(model_path):
    """"A name to check against the source": when the segment's source (romanised) has it,
    it was checked; a name the source lacks is still flagged."""
    target = "The minister met Quuxle on Monday."
    def found(source):
        doc = Document(id="t", path="t", text=target, source_text=source,
                       units=(Segment(0, len(target), id="1", source=source),))
        return [(f.start, f.end, f.text) for f in checker(model_path).check(doc)]

    assert found("Der Minister traf am Montag Herrn Quuxle.") == []
    assert found("Der Minister traf am Montag Herrn Schmidt.") == [(13, 26, "met Quuxle on")]
    assert found("部长周一会见了库克斯尔。") == [(13, 26, "met Quuxle on")]  # not the pinyin of the source


@pytest.mark.parametrize("max_forms", [200_000, 5])  # 5: the form tables start afresh on most documents
def test_the_scorer_gives_exactly_the_log_odds_of_the_feature_rows(monkeypatch, tmp_path, max_forms):
    """Every bit: reported confidences are rounded from these, and thresholds compare them;
    and a word it passes over could not have reached the floor."""
    import math

    from mtqa import wordlists
    from mtqa.checkers.naturalness import compact
    from mtqa.checkers.naturalness import scorer as scorer_module
    from mtqa.checkers.naturalness.scorer import Scorer

    monkeypatch.setattr(scorer_module, "MAX_FORMS", max_forms)
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path))
    model = load(default_model_path())
    small = compact.load(default_model_path())
    zipf = wordlists.english_zipf()
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    lines = [line for path in sorted(corpus.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    pieces = [(line, None) for line in lines] + [
        ("Police said 13 people were hurt; women earned 9,740 shekels.", "נפצעו 12 בני אדם; 9,740 שקלים"),
        ("", None), ("...", "x"), ("The the THE the, said: \"Said\" — 1,000,000 (Zürich) é_x", "Zürich 1000000"),
        ("Ministry of Foreign Affairs ministry's al-Assad’s 3.5% U.S. e-mail", None), ("one", "one")]
    scorer = Scorer(small, zipf)
    floors = [small.floor(model.header[key]) for key in ("default_min_confidence", "recall_min_confidence")]
    assert all(-5 < floor < 0 for floor in floors)
    reached = 0
    for batch in (pieces, pieces[::-1], pieces[:1], pieces[-3:], pieces):  # the last: every form already known
        rows = features.document_features(batch, zipf, model.bigrams)
        contributions = model.additive.contributions(rows.x)
        log_odds = contributions.sum(axis=1) + model.additive.bias
        every = scorer.score(batch, -math.inf)
        assert [w for words in every.words for w in words] == rows.text
        assert [(c.piece, c.word) for c in every.candidates] == [
            (p, i) for p, words in enumerate(every.words) for i in range(len(words))]
        assert np.array([c.contributions for c in every.candidates]).reshape(contributions.shape).tobytes() == \
            contributions.tobytes()
        assert np.array([c.log_odds for c in every.candidates]).tobytes() == log_odds.tobytes()
        for floor in floors:
            passed = {(c.piece, c.word): c for c in scorer.score(batch, floor).candidates}
            first = np.concatenate([[0], np.cumsum([len(words) for words in every.words])])
            needed = [(p, i - first[p]) for i, p in enumerate(rows.piece.tolist()) if log_odds[i] >= floor]
            assert all(passed[key] == every.candidates[first[key[0]] + key[1]] for key in needed)
            assert len(passed) <= max(10, len(rows.text) / 4)  # most words are passed over
            reached += len(needed)
    assert reached > 20
    fast, split = scorer_module.GAP_WORD_NO_UNDERSCORE.split, scorer_module.GAP_WORD.split
    assert all(fast(text) == split(text) for text, _ in pieces if "_" not in text)
    assert fast("é_x") != split("é_x")  # why text with "_" takes the other
    probability = np.concatenate([model.header["calibration"]["raw"], np.linspace(-0.5, 1.5, 2001)])
    assert [small.calibrate(p) for p in probability.tolist()] == model.calibrate(probability).tolist()


def test_a_run_with_the_models_cached_copy_does_not_import_numpy(model_path, tmp_path):
    """Importing numpy cost more than all the scoring of a run over short documents."""
    import os
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("The minister said the zorblax quuxle was ready.\n", encoding="utf-8")
    config = tmp_path / "mtqa.toml"
    config.write_text(f'[checkers.naturalness]\nmodel = "{model_path.as_posix()}"\n', encoding="utf-8")
    script = ("import sys; from mtqa.cli import main\n"
              "sys.argv = ['mtqa', 'check', '--no-grammar', '-j', '1', '-q', '--format', 'json', *sys.argv[1:]]\n"
              "try:\n    main()\nexcept SystemExit:\n    pass\nprint('numpy' in sys.modules, file=sys.stderr)")
    env = {**os.environ, "MTQA_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", script, "--config", str(config), str(article)],
                           capture_output=True, text=True, env=env) for _ in range(2)]
    assert [r.stderr.split()[-1] for r in runs] == ["True", "False"], runs[-1].stderr  # the first run converts the file
    found = [[(f["rule"], f["start"], f["end"], f["message"]) for d in json.loads(r.stdout)["documents"]
              for f in d["findings"]] for r in runs]
    assert found[0] == found[1] and ("MTQA-NAT-001", 18, 40) == found[1][0][:3]


def test_the_shapes_of_many_words_are_each_words_shape():
    words = ["The", "THE", "I", "a", "9,740", "3.5", "U.S", "al-Assad’s", "Zürich", "é", "running", "sing", "nation", "relation",
             "tion", "bed", "carried", "quickly", "fly", "cats", "gas", "worker", "her", "national", "pal", "active",
             "hive", "x2", "x²", "٣a", "COVID-19", "ŁÓDŹ", "e-mail", "won't", "O’Neill"]
    lows, columns = features.shapes(words)
    features._SHAPES.clear()
    alone = [features._shape(word) for word in words]
    assert lows == [shape[0] for shape in alone]
    assert columns.tolist() == [list(shape[1:]) for shape in alone]
    assert dict(zip(words, columns[:, 4].tolist()))["relation"] == 1 + features.SUFFIXES.index("tion")
    assert dict(zip(words, columns[:, 4].tolist()))["nation"] == 0  # too short to have a suffix


def _wmt_documents(wmt_dir: Path) -> list[Document]:
    """Real documents: 2022 ru-en systems cut by docids.txt (short articles) and 2023 he-en with its source."""
    from mtqa.readers import iter_documents

    ru = wmt_dir / "2022" / "ru-en"
    he = wmt_dir / "2023" / "he-en"
    found: list[Document] = []
    for run_options, files in (({"doc_ids_file": str(ru / "docids.txt")}, sorted((ru / "systems").glob("*.txt"))[:2]),
                               ({"source_file": str(he / "source.txt")}, sorted((he / "systems").glob("*.txt"))[:1])):
        settings = load_settings(overrides={"checkers.grammar.enabled": False}, run_options=run_options)
        found += [d for d in iter_documents([str(f) for f in files], settings) if isinstance(d, Document)]
    return found


def test_a_batch_of_documents_gets_exactly_the_findings_each_document_gets_alone(wmt_dir):
    from mtqa.pipeline import Pipeline, batches

    documents = _wmt_documents(wmt_dir)
    settings = load_settings(overrides={"checkers.grammar.enabled": False})
    alone = NaturalnessChecker(settings)
    each = [list(alone.check(d)) for d in documents]
    assert sum(map(len, each)) >= 20 and sum(1 for d in documents if d.has_source) >= 1
    together = NaturalnessChecker(settings)  # its own form table: what it saw first must not matter
    assert together.check_batch(documents[::-1]) == each[::-1]
    with Pipeline(settings) as pipeline:
        batched = [r for batch in batches(documents, 50, 40_000) for r in pipeline.check_documents(batch)]
    with Pipeline(settings) as pipeline:
        single = [pipeline.check_document(d) for d in documents]
    assert [r.findings for r in batched] == [r.findings for r in single]
    assert [(r.lines, r.metrics, r.words, r.penalty) for r in batched] == [(r.lines, r.metrics, r.words, r.penalty)
                                                                           for r in single]
    assert any(f.checker == "naturalness" for r in batched for f in r.findings)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_model_that_breaks_on_first_use_costs_only_its_own_findings(tmp_path, jobs):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"The dictatormost feared man left in {2000 + i}. He go home.\n", encoding="utf-8")
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a model " * 20)  # a file, so the run starts; unreadable when first scored
    config = tmp_path / "mtqa.toml"
    config.write_text(f'[checkers.naturalness]\nmodel = "{broken.as_posix()}"\n', encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "--jobs", jobs, "--config", str(config), "--format", "json", str(folder))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert "naturalness" in report["provenance"]["failed"]
    assert [[f["rule"] for f in d["findings"]] for d in report["documents"]] == [["MTQA-FLU-001"]] * 3
