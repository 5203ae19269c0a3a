"""A malformed pack is refused with `file:line: problem`, never half-loaded."""

from __future__ import annotations

import re
import textwrap

import pytest

from mtqa.engine import PackError, load_rule_set, parse_pack_text

GOOD_RULE = """\
pack: mine
source_langs: []
rules:
  - id: MTQA-XX-001
    name: first-rule
    title: First
    category: style/awkward
    severity: minor
    message: "'{match}' is odd."
    phrases: ["odd phrase"]
    examples:
      bad: ["An [[odd phrase]] here."]
      good: ["A normal phrase here."]
"""


def error_line(text: str) -> tuple[int, str]:
    with pytest.raises(PackError) as info:
        parse_pack_text(textwrap.dedent(text), "pack.yml")
    message = str(info.value)
    match = re.match(r"^pack\.yml:(\d+): (.+)$", message)
    assert match, message
    return int(match.group(1)), match.group(2)


def test_good_pack_loads():
    pack = parse_pack_text(GOOD_RULE, "pack.yml")
    assert [r.id for r in pack.rules] == ["MTQA-XX-001"]
    assert pack.rules[0].bad[0].spans == ((3, 13),)


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("    phrases:", "    frases:", 10, "unknown rule key"),
        ("    category: style/awkward", "    category: style/odd", 7, "unknown category"),
        ("    severity: minor", "    severity: huge", 8, "severity"),
        ("  - id: MTQA-XX-001", "  - id: HE-1", 4, "must look like"),
        ("    name: first-rule", "    name: First Rule", 5, "kebab-case"),
        ('    phrases: ["odd phrase"]', '    phrases: ["odd phrase"]\n    regex: "odd"', 4, "exactly one matcher"),
        ('      bad: ["An [[odd phrase]] here."]', '      bad: ["An odd phrase here."]', 12, "no [[marked span]]"),
        ('      good: ["A normal phrase here."]', "      good: []", 13, "non-empty list"),
        ("    title: First", "    title: First\n    title: Again", 7, "duplicate key"),
        ("pack: mine", "pack: mine\nextra: 1", 2, "unknown key"),
        ("    severity: minor", "    severity: minor\n    confidence: 2", 9, "confidence"),
        ("    severity: minor", "    severity: minor\n    engine: perl", 9, "engine"),
        ("'{match}' is odd.", "{nope}: {match}", 9, "unknown placeholder {nope} in 'message'"),
        ('    phrases: ["odd phrase"]', '    phrases: ["odd phrase"]\n    suggest: "{suggestion}"', 11,
         "unknown placeholder {suggestion} in 'suggest'"),
        ('    phrases: ["odd phrase"]', "    regex: '(?P<w>odd) phrase'\n    suggest: '{v} one'", 11,
         "unknown placeholder {v} in 'suggest'; known: {match}, {w}"),
    ],
)
def test_malformed_pack_names_file_and_line(old, new, line, words):
    assert old in GOOD_RULE
    got_line, problem = error_line(GOOD_RULE.replace(old, new))
    assert got_line == line
    assert words in problem


def test_placeholders_the_matcher_fills_are_accepted():
    text = GOOD_RULE.replace('    phrases: ["odd phrase"]', "    regex: '(?P<w>odd) phrase'\n    suggest: '{w} one'")
    text = text.replace("'{match}' is odd.", "'{match}' ({w}, {suggestion}) is odd.")
    assert parse_pack_text(text, "pack.yml").rules[0].message == "'{match}' ({w}, {suggestion}) is odd."


@pytest.mark.parametrize(
    ("message", "suggest", "words"),
    [
        ("'{match}' is house style {0}.", "x", "unknown placeholder {0} in 'message'"),
        ("'{match}' is odd.", "{match", "unbalanced '{' in 'suggest' ('{match')"),
        ("'{match}' is odd.", "{}", "unknown placeholder {} in 'suggest'"),
        ("'{match}' is odd.", "{match.__class__}", "unknown placeholder {match.__class__} in 'suggest'"),
        ("'{match}' is odd.", "{{match}}", "unbalanced '{' in 'suggest'"),
        ("'{match}' is odd }", "x", "unbalanced '}' in 'message'"),
        ("'{match}' is odd {not a name}", "x", "unknown placeholder {not a name} in 'message'"),
    ],
)
def test_every_brace_must_be_a_placeholder_the_matcher_fills(message, suggest, words):
    """`_fill` replaces known `{name}`s only: any other brace would reach the finding and,
    through `mtqa fix`, the article."""
    text = GOOD_RULE.replace("'{match}' is odd.", message.replace('"', '\\"'))
    text = text.replace('    phrases: ["odd phrase"]', f'    phrases: ["odd phrase"]\n    suggest: ["{suggest}"]')
    line, problem = error_line(text)
    assert line == (9 if "'message'" in words else 11)
    assert words in problem


def test_invalid_yaml_reports_line():
    line, problem = error_line("pack: x\nrules:\n  - id: [unclosed\n")
    assert line >= 3 and "invalid YAML" in problem


def test_missing_examples_is_an_error():
    text = GOOD_RULE[: GOOD_RULE.index("    examples:")]
    line, problem = error_line(text)
    assert line == 4 and "examples" in problem


def test_regex_re2_cannot_compile_is_a_load_error(tmp_path):
    (tmp_path / "p.yml").write_text(GOOD_RULE.replace('phrases: ["odd phrase"]', r"regex: '(\w+) \1'"))
    with pytest.raises(PackError, match=r"p\.yml:10: MTQA-XX-001: RE2 cannot compile.*engine: backtracking"):
        from mtqa.engine import CompiledRules

        CompiledRules(load_rule_set((tmp_path,), builtin=False).rules)


def test_duplicate_code_across_files(tmp_path):
    (tmp_path / "a.yml").write_text(GOOD_RULE)
    (tmp_path / "b.yml").write_text(GOOD_RULE.replace("first-rule", "second-rule"))
    with pytest.raises(PackError, match=r"b\.yml:4: duplicate rule code 'MTQA-XX-001' \(first at .*a\.yml:4\)"):
        load_rule_set((tmp_path,), builtin=False)


def test_retired_code_cannot_be_reused(tmp_path):
    from mtqa.engine.loader import load_redirects

    (tmp_path / "redirects.yml").write_text("MTQA-XX-001: MTQA-XX-002\n")
    assert load_redirects(tmp_path / "redirects.yml") == {"MTQA-XX-001": "MTQA-XX-002"}
