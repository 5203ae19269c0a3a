"""Fluency checker: fused words, cut-off sentences, paragraph cuts and fragments."""

from __future__ import annotations

import pytest

from mtqa.checkers.fluency import FluencyChecker
from mtqa.config.settings import load_settings
from mtqa.model import Document
from tests.conftest import overlaps


@pytest.fixture(scope="module")
def checker():
    return FluencyChecker(load_settings())


def run(checker, text: str, **settings) -> list:
    if settings:
        checker = FluencyChecker(load_settings(overrides=settings))
    return list(checker.check(Document(id="t", path="t", text=text)))


def hits(findings, rule: str) -> list[str]:
    return [f.text for f in findings if f.rule == rule]


def test_seed_article(checker, seed_article, seed_expected):
    text = seed_article.read_text(encoding="utf-8")
    findings = list(checker.check(Document(id="seed", path="seed", text=text)))
    wanted = {"dictatormost": "MTQA-FLU-001", "where But": "MTQA-FLU-004"}
    for item in seed_expected:
        if item["quote"] in wanted:
            assert [f for f in findings if f.rule == wanted[item["quote"]]
                    and overlaps(f.start, f.end, item["start"], item["end"])], item["quote"]
        if item["level"] == "not":
            assert not [f for f in findings if overlaps(f.start, f.end, item["start"], item["end"])], item["quote"]
    fused = [f for f in findings if f.rule == "MTQA-FLU-001"]
    assert [f.suggestions for f in fused] == [("dictator most",)]


# Fused words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule", "flagged", "split"),
    [
        ("He is the most corrupt dictatormost on earth.", "MTQA-FLU-001", "dictatormost", "dictator most"),
        ("Prices rose in the economyjobsand housing.", "MTQA-FLU-001", "economyjobsand", "economy jobs and"),
        ("The talks ended beforeRussian troops arrived.", "MTQA-FLU-002", "beforeRussian", "before Russian"),
        ("The boat reached the harbour.Photo by the agency.", "MTQA-FLU-003", "harbour.Photo", "harbour. Photo"),
        ("The council met. Parliamentvoted against the plan.", "MTQA-FLU-001", "Parliamentvoted", "Parliament voted"),
        ("Mayor Lena Ostrowska spoke. Later Ostrowskaannounced it.", "MTQA-FLU-001", "Ostrowskaannounced", "Ostrowska announced"),
        ("Work on the newtram line stopped.", "MTQA-FLU-001", "newtram", "new tram"),
    ],
)
def test_fused_words_flagged(checker, text, rule, flagged, split):
    findings = [f for f in run(checker, text) if f.rule == rule]
    assert [(f.text, f.suggestions) for f in findings] == [(flagged, (split,))]


@pytest.mark.parametrize(
    "text",
    [
        "Buy the new iPhone on eBay or watch it on YouTube.",  # camel-case brands
        "Read more at https://example.com/newsarticlesummary and www.example.org/dictatormost",  # URLs
        "Write to press@example.com or follow #dictatormost and @worldnews today.",  # e-mail, hashtag, handle
        "The well-known pro-government outlet-owner spoke.",  # hyphenated words
        "Nevertheless, the doorstep notwithstanding, the bilateralism held.",  # closed compounds, derivations
        "The recordholder found the dustheap near the arrowwood.",  # compounds missing from the list
        "McDonald and MacArthur met O'Neill and DeSantis.",  # names
        "Greenberg and Silverstein met Johnsonville officials in Newcastle.",  # names that end like words
        "When fishing backcast, the camerawomen and canistherapy staff waited.",  # rare real words
    ],
)
def test_fused_words_traps_not_flagged(checker, text):
    found = [f for f in run(checker, text) if f.rule in ("MTQA-FLU-001", "MTQA-FLU-002", "MTQA-FLU-003")]
    assert found == []


def test_fused_content_words_the_document_writes_apart(checker):
    text = "Talks between the coalition partners broke down. Later the coalitionpartners met again."
    findings = [f for f in run(checker, text) if f.rule == "MTQA-FLU-001"]
    assert [(f.text, f.suggestions) for f in findings] == [("coalitionpartners", ("coalition partners",))]


def test_fused_content_words_without_document_evidence_not_flagged(checker):
    # Two content words and no open form in the document: a compound the word list lacks.
    assert [f for f in run(checker, "Later the coalitionpartners met again.") if f.rule == "MTQA-FLU-001"] == []


def test_fused_word_accepted(checker):
    assert run(checker, "The dictatormost spoke.", **{"vocabulary.accept": ["dictatormost"]}) == []


# Cut-off sentences ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("It is hard to protect the airports where But there is at least the potential.", "where But"),
        ("The council met on Monday and However the vote was delayed.", "and However"),
        ("The plant where The workers went on strike closed.", "where The"),
    ],
)
def test_cut_off_sentence_flagged(checker, text, flagged):
    assert hits(run(checker, text), "MTQA-FLU-004") == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "She starred in the film The Road and moved to The Hague.",  # titles, names with "The"
        "He said that The Guardian had the story first.",
        "The word \u201cBut\u201d opens the poem.",  # quoted opener
        "It was late. But there was still hope.",  # a proper sentence break
        "Pride And Prejudice is on tonight.",  # title case
    ],
)
def test_cut_off_traps_not_flagged(checker, text):
    assert hits(run(checker, text), "MTQA-FLU-004") == []


def test_paragraph_cut_on_function_word(checker):
    text = "Although the jets are coming, protecting the airports, the bases and\nthe roads remains hard.\n"
    assert hits(run(checker, text), "MTQA-FLU-005") == ["and\nthe"]


def test_paragraph_without_punctuation_continues_lower_case(checker):
    text = "The storm hit the coast on Monday, cutting power to thousands\nof homes in the region.\n"
    findings = run(checker, text)
    assert [(f.text, f.severity.value) for f in findings if f.rule == "MTQA-FLU-008"] == [("thousands\nof", "minor")]


def test_headline_and_list_items_not_cut(checker):
    text = (
        "Storm hits the coast\n\nThe storm hit the coast on Monday.\n"
        "The penalty is two years, if the act is serious, or\nd) if the harm is grave.\n"
        "lower case headline without any punctuation at all\nnext line here\n"
    )
    findings = run(checker, text)
    assert hits(findings, "MTQA-FLU-005") == [] and hits(findings, "MTQA-FLU-008") == []


def test_dangling_paragraph_end(checker):
    text = "Hereafter, the device changes back to the\n1. New parts are listed below.\n"
    assert hits(run(checker, text), "MTQA-FLU-006") == ["the"]


def test_verbless_fragment(checker):
    text = "The enthusiasm is a little less contagious than he had hoped, although another vision for the time being."
    assert hits(run(checker, text), "MTQA-FLU-007") == ["although another vision for the time being"]


def test_elliptical_clause_with_verb_not_fragment(checker):
    text = "The plan is popular with voters, although the cost is still rising fast."
    assert hits(run(checker, text), "MTQA-FLU-007") == []


def test_offsets_match_text_in_segmented_input(checker):
    from mtqa.model import Segment

    text = "The talks ended beforeRussian troops arrived.\nHe is the dictatormost."
    units = (Segment(0, 45, "a"), Segment(46, len(text), "b"))
    findings = list(checker.check(Document(id="u", path="u", text=text, units=units)))
    assert {(f.text, f.segment) for f in findings} == {("beforeRussian", "a"), ("dictatormost", "b")}
    assert all(text[f.start:f.end] == f.text for f in findings)


def test_legitimate_paragraph_endings_not_dangling(checker):
    text = (
        "We asked the chatbot, step by step, how to do that\nOn the 9th, a company employee said so.\n"
        "The winners were Toyo, Mie and Tenri University team A\nThe final is on Sunday.\n"
        "If you go to the doctor tomorrow, I will go if I can\nI have to bring another test.\n"
    )
    assert [f.rule for f in run(checker, text) if f.rule in ("MTQA-FLU-005", "MTQA-FLU-006")] == []


def test_clause_with_third_person_verb_not_fragment(checker):
    text = "She wears a hat thrown on before leaving, even though the sunshine makes additional headgear unnecessary."
    assert hits(run(checker, text), "MTQA-FLU-007") == []


def test_openers_are_found_where_one_regex_from_every_lower_case_word_finds_them():
    """The anchored scan gives the matches of the plain patterns it replaced, overlaps included."""
    import random
    import re

    from mtqa.checkers.fluency import cutoff

    plain = [re.compile(r"\b[a-z]+[ \t]+(" + cutoff._OPENERS + r")[ \t]+[a-z]"),
             re.compile(r"\b(?:" + "|".join(sorted(cutoff._SUBORDINATES)) + r")[ \t]+"
                        r"(The|This|It|There|They|These|Those|We|She|In|At|On|According)[ \t]+[a-z]")]
    rng = random.Random(5)
    vocab = ["a", "foo", "Foo", "where", "somewhere", "_", "é", "1", "But", "However", "The", "These", "It", ",",
             "b", "if", "though", "although", "B", "In", "Instead", "x\n"]
    for _ in range(3000):
        text = "".join(rng.choice(vocab) + rng.choice(["", " ", " ", "\t", " \t"]) for _ in range(rng.randint(1, 12)))
        expected = [(m.start(), m.end(1)) for p in plain for m in p.finditer(text)]
        assert [(c.start, c.end) for c in cutoff.find_openers(text)] == expected, repr(text)


def test_headline_credited_to_its_site_is_not_a_cut(checker):
    """A news headline ends on the site's name ("- chinanews.com"); the next paragraph may
    start in lower case, but nothing was cut."""
    text = ("Storm Hanna landed in Texas, may trigger river surges and flash floods - chinanews.com\n"
            "according to the weather service, rain will continue.\n"
            "The storm hit the coast on Monday, cutting power to thousands\nof homes in the region.\n")
    assert [f.text for f in run(checker, text) if f.rule == "MTQA-FLU-008"] == ["thousands\nof"]
