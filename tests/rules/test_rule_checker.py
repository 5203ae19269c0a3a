"""The `rules` checker on the founding article, pack selection by source language, --select."""

from __future__ import annotations

import pytest

from mtqa.checkers.rules import RuleChecker
from mtqa.config.settings import load_settings
from mtqa.errors import ConfigError
from mtqa.model import Document
from mtqa.pipeline import Pipeline
from tests.conftest import overlaps

RULE_CLASSES = {"literal_idiom", "boilerplate"}


def settings(**overrides):
    values = {"checkers.grammar.enabled": False}
    values.update(overrides)
    return load_settings(overrides=values, search_from=None)


def seed_document(path, lang="he") -> Document:
    return Document(id="seed", path=str(path), text=path.read_text(encoding="utf-8"), source_lang=lang)


@pytest.fixture(scope="module")
def checker():
    return RuleChecker(settings())


def test_seed_calques_and_boilerplate_exact_spans(checker, seed_article, seed_expected):
    findings = list(checker.check(seed_document(seed_article)))
    got = {(f.start, f.end) for f in findings}
    must = [e for e in seed_expected if e["level"] == "must" and e["cls"] in RULE_CLASSES]
    assert {e["quote"] for e in must} >= {"extend her spirit", "compare before our eyes", "put Europe on its feet",
                                          "with a bad eye", "By Editor", "Leave a Reply"}
    for item in must:
        assert (item["start"], item["end"]) in got, item["quote"]


def test_seed_never_covers_not_items(checker, seed_article, seed_expected):
    findings = list(checker.check(seed_document(seed_article)))
    for item in (e for e in seed_expected if e["level"] == "not"):
        covering = [f.rule for f in findings if overlaps(f.start, f.end, item["start"], item["end"])]
        assert covering == [], item["quote"]


def test_seed_findings_carry_rule_metadata(checker, seed_article):
    findings = {f.text: f for f in checker.check(seed_document(seed_article))}
    bad_eye = findings["with a bad eye"]
    assert bad_eye.rule == "MTQA-HE-001" and bad_eye.checker == "rules"
    assert bad_eye.suggestions[0] == "unfavorably"
    assert bad_eye.applicability.value == "unsafe"
    assert findings["By Editor"].category == "other/boilerplate"


def test_unknown_source_runs_high_precision_rules_with_lower_confidence(checker, seed_article):
    known = {f.rule: f.confidence for f in checker.check(seed_document(seed_article, "he"))}
    unknown = {f.rule: f.confidence for f in checker.check(seed_document(seed_article, None))}
    assert "MTQA-HE-001" in unknown and unknown["MTQA-HE-001"] < known["MTQA-HE-001"]
    assert set(unknown) <= set(known)
    # Language-independent packs keep their confidence.
    assert unknown["MTQA-WEB-001"] == known["MTQA-WEB-001"]


def test_other_source_language_skips_hebrew_pack(checker, seed_article):
    rules = {f.rule for f in checker.check(seed_document(seed_article, "ru-RU"))}
    assert not any(r.startswith("MTQA-HE-") for r in rules)
    assert "MTQA-WEB-002" in rules


def test_unknown_source_policy_none():
    quiet = RuleChecker(settings(**{"checkers.rules.unknown_source": "none"}))
    doc = Document(id="d", path="d", text="It views the plan with a bad eye.")
    assert list(quiet.check(doc)) == []


def test_style_pack_is_off_until_enabled():
    doc = Document(id="d", path="d", text="He reviewed troops in Kiev.")
    assert list(RuleChecker(settings()).check(doc)) == []
    enabled = RuleChecker(settings(**{"checkers.rules.enable": ["style"]}))
    [finding] = enabled.check(doc)
    assert (finding.rule, finding.text, finding.suggestions) == ("MTQA-STYLE-001", "Kiev", ("Kyiv",))


def test_unknown_pack_name_in_config_is_an_error():
    with pytest.raises(ConfigError, match="unknown rule pack 'hebrew'"):
        RuleChecker(settings(**{"checkers.rules.enable": ["hebrew"]}))


def test_user_pack_from_config_path(tmp_path):
    pack = tmp_path / "house.yml"
    pack.write_text(
        "pack: house\nsource_langs: []\nrules:\n  - id: MTQA-HOUSE-001\n    name: no-utilize\n"
        "    title: utilize\n    category: style/awkward\n    severity: minor\n    message: use\n"
        "    substitute: {utilize: use}\n    examples: {bad: ['[[utilize]] it'], good: ['use it']}\n")
    checker = RuleChecker(settings(**{"checkers.rules.paths": [str(pack)]}))
    [finding] = checker.check(Document(id="d", path="d", text="We utilize it."))
    assert finding.rule == "MTQA-HOUSE-001" and finding.suggestions == ("use",)
    assert any(i.pack == "house" for i in checker.rule_infos())


def test_masked_spans_are_not_scanned():
    text = "By Editor\n\nLeave a Reply"
    doc = Document(id="d", path="d.md", text=text, masked=((0, 9),))
    rules = {f.rule for f in RuleChecker(settings()).check(doc)}
    assert rules == {"MTQA-WEB-002"}


def test_select_by_pack_name_through_the_pipeline(seed_article):
    with Pipeline(settings(select=["he-en"], source_lang="he"), checker_names=["rules"]) as pipeline:
        result = pipeline.check_document(seed_document(seed_article))
    rules = {f.rule for f in result.findings}
    assert rules and all(r.startswith("MTQA-HE-") for r in rules)


def test_describe_lists_packs_with_hashes(checker, seed_article):
    list(checker.check(seed_document(seed_article)))
    described = checker.describe()
    assert set(described["packs"]) == {"core", "web", "he-en", "ru-en", "ar-en", "de-en", "fr-en", "es-en", "it-en",
                                       "pt-en", "zh-en", "ja-en", "fa-en", "tr-en"}
    assert len(described["packs"]["he-en"]["sha256"]) == 16
