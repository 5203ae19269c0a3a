"""The shipped rule set as a whole: codes, names, categories, examples, sizes, docs."""

from __future__ import annotations

from mtqa.engine import docs, load_rule_set
from mtqa.engine.registry import load_registry

RULE_SET = load_rule_set()
PREFIX = {"core": "CORE", "web": "WEB", "he-en": "HE", "ru-en": "RU", "ar-en": "AR", "style": "STYLE",
          "de-en": "DE", "fr-en": "FR", "es-en": "ES", "it-en": "IT", "pt-en": "PT", "zh-en": "ZH", "ja-en": "JA",
          "fa-en": "FA", "tr-en": "TR"}


def test_codes_carry_their_pack_prefix():
    wrong = [r.id for r in RULE_SET.rules if r.id.split("-")[1] != PREFIX[r.pack]]
    assert wrong == []


def test_every_rule_has_a_description():
    missing = [r.id for r in RULE_SET.rules
               if "What it flags" not in r.description or "Why it matters" not in r.description]
    assert missing == []


def test_language_packs_are_big_enough():
    sizes = {name: len(pack.rules) for name, pack in RULE_SET.packs.items()}
    assert sizes["he-en"] >= 40
    assert sizes["ru-en"] >= 25
    assert sizes["ar-en"] >= 10
    assert {"core", "web", "style"} <= set(sizes)


def test_packs_declare_their_languages_and_defaults():
    packs = RULE_SET.packs
    assert packs["he-en"].source_langs == ("he",)
    assert "ru" in packs["ru-en"].source_langs
    assert packs["ar-en"].source_langs == ("ar",)
    assert packs["core"].source_langs == () and packs["web"].source_langs == ()
    assert packs["style"].default_enabled is False
    assert all(p.default_enabled for n, p in packs.items() if n != "style")


def test_generated_docs_are_current(repo_root):
    stale = docs.stale(load_registry(), repo_root / "docs" / "rules")
    assert stale == [], f"docs/rules out of date ({stale}); run `mtqa rules docs`"


def test_docs_hold_no_machine_paths():
    for text in docs.generate(load_registry()).values():
        assert "/work/" not in text and "/home/" not in text
