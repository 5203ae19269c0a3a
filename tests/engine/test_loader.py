"""Parsed packs come back from mtqa's cache as they were parsed, and a changed pack is parsed again."""

from __future__ import annotations

from mtqa.engine import load_rule_set
from mtqa.engine.loader import _parse_cached
from tests.engine.test_schema import GOOD_RULE


def test_a_cached_pack_is_the_parsed_pack_and_an_edit_is_seen(tmp_path, monkeypatch):
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "cache"))
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "p.yml").write_text(GOOD_RULE, encoding="utf-8")
    _parse_cached.cache_clear()
    parsed = load_rule_set((packs,), builtin=False).rules
    assert len(list((tmp_path / "cache" / "rule-packs").iterdir())) == 1
    _parse_cached.cache_clear()
    assert load_rule_set((packs,), builtin=False).rules == parsed
    (packs / "p.yml").write_text(GOOD_RULE.replace("'{match}' is odd.", "'{match}' reads oddly."), encoding="utf-8")
    _parse_cached.cache_clear()
    assert [r.message for r in load_rule_set((packs,), builtin=False).rules] == ["'{match}' reads oddly."]
