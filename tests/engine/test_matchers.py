"""Matching: phrase tolerance, context cancellation, offsets, and runs that cannot hang."""

from __future__ import annotations

import textwrap

import pytest

from mtqa.engine import CompiledRules, load_rule_set, parse_pack_text


def compile_rule(matcher: str, extra: str = "", bad: str = "[[x]]", good: str = "y") -> CompiledRules:
    text = textwrap.dedent(f"""\
        pack: t
        source_langs: []
        rules:
          - id: MTQA-TT-001
            name: t
            title: t
            category: style/awkward
            severity: minor
            message: "{{match}} -> {{suggestion}}"
        """) + textwrap.indent(textwrap.dedent(matcher + extra), "    ") + textwrap.indent(
        f"examples:\n  bad: [{bad!r}]\n  good: [{good!r}]\n", "    ")
    return CompiledRules(parse_pack_text(text, "t.yml").rules)


def spans(compiled: CompiledRules, text: str) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.text) for m in compiled.scan(text)]


def test_phrase_inflections_and_whitespace():
    rules = compile_rule('phrases: ["view with a bad eye"]\n')
    for text in ("It views with a bad eye", "it viewed with a  bad\neye", "VIEWING WITH A BAD EYE"):
        assert len(spans(rules, text)) == 1, text
    assert spans(rules, "overview with a bad eyes") == []


def test_phrase_placeholders_optional_and_exact_words():
    rules = compile_rule('phrases: ["extend {poss} spirit", "=stick in the? wheels"]\n')
    assert [s[2] for s in spans(rules, "extend her spirit; sticks in wheels; stick in the wheels")] == [
        "extend her spirit", "stick in the wheels"]


def test_apostrophes_match_both_styles():
    rules = compile_rule("""phrases: ["it's not a secret"]\n""")
    assert len(spans(rules, "It’s not a secret.")) == 1


def test_offsets_are_code_points_after_astral_characters():
    rules = compile_rule('phrases: ["bad eye"]\n')
    text = "🙂 Zürich “views” it with a bad eye"
    [(start, end, found)] = spans(rules, text)
    assert text[start:end] == found == "bad eye"


def test_flag_group_reports_only_its_span():
    rules = compile_rule(r"regex: 'views (?P<flag>with a bad eye)'" + "\n")
    assert spans(rules, "He views with a bad eye") == [(9, 23, "with a bad eye")]


def test_unless_before_after_and_near():
    rules = compile_rule('phrases: ["give a shoulder"]\n', "unless:\n  after: '^ to cry'\n  before: 'never $'\n  near: 'sofa'\n")
    assert spans(rules, "They give a shoulder.") != []
    assert spans(rules, "They give a shoulder to cry on.") == []
    assert spans(rules, "They never give a shoulder.") == []
    assert spans(rules, "On the sofa they give a shoulder.") == []


def test_substitute_keeps_capitalisation():
    rules = compile_rule('substitute: {"kiev": "kyiv", "the ukraine": "Ukraine"}\n')
    found = list(rules.scan("Kiev and kiev and The Ukraine"))
    assert [(m.text, m.suggestions) for m in found] == [("Kiev", ("Kyiv",)), ("kiev", ("kyiv",)),
                                                        ("The Ukraine", ("Ukraine",))]


def test_substitute_keys_with_an_apostrophe_match_either_apostrophe():
    rules = compile_rule('substitute: {"don\'t worry": "no worries"}\n')
    found = list(rules.scan("Don't worry and don’t worry."))
    assert [m.text for m in found] == ["Don't worry", "don’t worry"]


def test_pathological_regex_on_re2_finds_nothing():
    rules = compile_rule(r"regex: '(a+)+$'" + "\n")
    text = "a" * 200_000 + "b"
    assert spans(rules, text) == []


def test_catastrophic_backtracking_regex_is_bounded():
    rules = compile_rule(r"regex: '(a|aa)+c'" + "\nengine: backtracking\ntimeout_ms: 50\n")
    text = "a" * 60 + "b"
    assert spans(rules, text) == []
    assert rules.timeouts == {"MTQA-TT-001": 1}


def test_backtracking_engine_allows_backreferences():
    rules = compile_rule(r"regex: '\b(?P<w>\w+) (?P=w)\b'" + "\nengine: backtracking\n")
    assert spans(rules, "in the the city") == [(3, 10, "the the")]


def test_one_set_pass_finds_what_each_rule_finds_alone(seed_article):
    rule_set = load_rule_set()
    text = seed_article.read_text(encoding="utf-8")
    together = sorted((m.rule.id, m.start, m.end) for m in CompiledRules(rule_set.rules).scan(text))
    alone = sorted((m.rule.id, m.start, m.end) for r in rule_set.rules for m in CompiledRules([r]).scan(text))
    assert together == alone
    assert together  # the seed article does fire


def test_re2_rules_share_a_few_set_passes():
    from mtqa.engine.matchers import _SET_SIZE

    rule_set = load_rule_set()
    compiled = CompiledRules(rule_set.rules)
    bounded = sum(1 for r in rule_set.rules if r.engine == "backtracking")
    linear = len(rule_set.rules) - bounded
    passes = len(compiled._sets) + len(compiled._bounded)  # full passes over a text with no hits
    assert passes == -(-linear // _SET_SIZE) + bounded
    assert passes <= 12 and bounded <= 2


@pytest.mark.parametrize("phrase", ["{nope} x", "a {poss}x b", "a || b"])
def test_bad_phrase_syntax_is_a_load_error(phrase):
    from mtqa.engine import PackError

    with pytest.raises(PackError, match=r"^t\.yml:10: MTQA-TT-001: "):
        compile_rule(f'phrases: ["{phrase}"]\n')


def test_match_case_carries_only_a_words_case():
    from mtqa.engine.matchers import match_case

    assert match_case("kyiv", "Kiev") == "Kyiv"
    assert match_case("the", "THE") == "THE"
    # Mojibake starts with a capital by accident of encoding: "Ã¼" is "ü", not "Ü".
    assert match_case("ü", "Ã¼") == "ü"


def test_doubled_word_prefilter_finds_what_the_rule_finds():
    rules = compile_rule(r"regex: '\b(?P<w>[A-Za-z]+)[ \t]+(?P=w)\b'" + "\nengine: backtracking\n")
    assert rules._bounded[0].prefilter is not None
    assert spans(rules, "in The\tthe city") == [(3, 10, "The\tthe")]
    assert spans(rules, "a \u212aelvin kelvin, the then") == [(2, 15, "\u212aelvin kelvin")]
    assert spans(rules, "in the\nthe city, the then") == []


def test_repeated_word_passes_every_doubled_word():
    from mtqa.engine.matchers import repeated_word

    assert repeated_word("the the") and repeated_word("İt it") and repeated_word("was ſo so")
    assert not repeated_word("the then the") and not repeated_word("the\nthe") and not repeated_word("ab b")


@pytest.mark.parametrize("pattern", [
    r"\b(?P<w>[A-Za-z]+)[ \t]+(?P=w)?",  # the second word may be missing
    r"\b(?P<f>(?P<w>[A-Za-z]+)[ \t]+(?P=w))*x",
    r"\b(?P<w>[A-Za-z]+)[ \t]+(?P=w)|x",  # a top-level alternative needs no doubled word
    r"\b(?P<f>(?P<w>[A-Za-z]+)[ \t]+(?P=w)|y)",
    r"(?P<w>\w+) (?P=w)",
])
def test_no_prefilter_where_a_match_needs_no_doubled_ascii_word(pattern):
    from mtqa.engine.matchers import prefilter

    assert prefilter(pattern) is None


def test_the_shipped_doubled_word_rule_is_prefiltered():
    compiled = CompiledRules(r for r in load_rule_set().rules if r.id == "MTQA-CORE-001")
    assert compiled._bounded[0].prefilter is not None
