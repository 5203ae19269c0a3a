"""XLIFF text the file marks as not to be translated is neither checked nor scored: units
under a `<group translate="no">` (inherited, as XLIFF 2 defines it and 1.2 tools read it),
and `<mrk translate="no">` / `<mrk mtype="protected">` inside a target, which stays in the
text as a masked placeholder and restores to its markup."""

from __future__ import annotations

import json

import pytest

from mtqa.config.settings import load_settings
from mtqa.readers import read_file
from mtqa.readers.inline import restore_span
from tests.conftest import run_mtqa

V20 = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
       'version="2.0" srcLang="de" trgLang="en"><file id="f1">\n{body}\n</file></xliff>\n')
V12 = ('<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
       'original="n" source-language="de" target-language="en" datatype="plaintext"><body>\n{body}\n'
       '</body></file></xliff>\n')
SLOGAN = "Wir sind die Zukunft und bleiben es für immer und ewig"


def _check(tmp_path, name: str, xml: str) -> list[tuple[str, str]]:
    (tmp_path / name).write_text(xml, encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "-f", "json", name, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    return [(f["rule"], f["text"]) for d in json.loads(result.stdout)["documents"] for f in d["findings"]]


@pytest.mark.parametrize("template, body", [
    (V20, '<group id="g1" translate="no"><group id="g2"><unit id="u2"><segment><source>Nicht.</source>'
          '<target>Do not translate the the this.</target></segment></unit></group></group>'
          '<unit id="u1"><segment><source>Gut.</source><target>Fine text the the here.</target></segment></unit>'),
    (V12, '<group id="g" translate="no"><trans-unit id="1"><source>Nicht.</source>'
          '<target>Do not translate the the this.</target></trans-unit></group>'
          '<trans-unit id="2"><source>Gut.</source><target>Fine text the the here.</target></trans-unit>'),
])
def test_units_in_a_group_marked_translate_no_are_skipped(tmp_path, template, body):
    assert _check(tmp_path, "g.xlf", template.format(body=body)) == [("MTQA-CORE-001", "the the")]
    (document,) = read_file(str(tmp_path / "g.xlf"), load_settings())
    assert document.text == "Fine text the the here."


def test_a_nearer_translate_yes_wins_over_the_group(tmp_path):
    body = ('<group id="g1" translate="no"><unit id="u2" translate="yes"><segment><source>Ja.</source>'
            '<target>Please check the the this.</target></segment></unit></group>')
    assert _check(tmp_path, "y.xlf", V20.format(body=body)) == [("MTQA-CORE-001", "the the")]


@pytest.mark.parametrize("template, mrk", [
    (V12, '<mrk mtype="protected">{}</mrk>'),
    (V20, '<mrk id="m1" translate="no">{}</mrk>'),
])
def test_protected_inline_text_is_kept_masked_and_restored(tmp_path, template, mrk):
    marked = mrk.format(SLOGAN)
    if template is V12:
        body = (f'<trans-unit id="1"><source>Die Kampagne heißt {marked}.</source>'
                f'<target>The campaign is called {marked}, the the paper said.</target></trans-unit>')
    else:
        body = (f'<unit id="1"><segment><source>Die Kampagne heißt {marked}.</source>'
                f'<target>The campaign is called {marked}, the the paper said.</target></segment></unit>')
    xml = template.format(body=body)
    assert _check(tmp_path, "p.xlf", xml) == [("MTQA-CORE-001", "the the")]  # no "untranslated German"
    (document,) = read_file(str(tmp_path / "p.xlf"), load_settings())
    assert document.text == f"The campaign is called {SLOGAN}, the the paper said."
    start = document.text.index(SLOGAN)
    assert document.is_masked(start, start + len(SLOGAN))
    assert SLOGAN not in document.analysis_text
    assert restore_span(document, 0, len(document.text)) \
        == f"The campaign is called {marked}, the the paper said."


def _unit(source: str, target: str) -> str:
    return V20.format(body=f'<unit id="1"><segment><source>{source}</source><target>{target}</target>'
                           '</segment></unit>')


def test_a_range_between_sm_translate_no_and_its_em_is_kept_masked_and_restored(tmp_path):
    marked = f'<sm id="m1" translate="no"/>{SLOGAN}<em startRef="m1"/>'
    target = f"The campaign is called {marked}, the the paper said."
    xml = _unit(f"Die Kampagne heißt {marked}.", target)
    assert _check(tmp_path, "sm.xlf", xml) == [("MTQA-CORE-001", "the the")]  # no "untranslated German"
    (document,) = read_file(str(tmp_path / "sm.xlf"), load_settings())
    assert document.text == f"The campaign is called {SLOGAN}, the the paper said."
    start = document.text.index(SLOGAN)
    assert document.is_masked(start, start + len(SLOGAN))
    assert SLOGAN not in document.analysis_text
    assert "the the paper" in document.analysis_text
    assert restore_span(document, 0, len(document.text)) == target


def test_a_protected_sm_range_across_paired_codes_masks_its_text_and_keeps_the_codes(tmp_path):
    """The range may start inside one code and end outside it; the codes still match the source's
    and the protected text is compared with nothing, wherever the codes fall in it."""
    source = ('Sie heißt <sm id="m2" translate="no"/>Wir sind <pc id="1">die die Zukunft</pc> '
              'und und<em startRef="m2"/>, sagt sie.')
    target = ('It is called <pc id="1"><sm id="m2" translate="no"/>Wir sind die die</pc> Zukunft '
              'und und<em startRef="m2"/>, the the paper said.')
    assert _check(tmp_path, "pc.xlf", _unit(source, target)) == [("MTQA-CORE-001", "the the")]
    (document,) = read_file(str(tmp_path / "pc.xlf"), load_settings())
    assert document.text == "It is called {1}Wir sind die die{/1} Zukunft und und, the the paper said."
    assert document.analysis_text.strip().startswith("It is called")
    assert "die" not in document.analysis_text and "und" not in document.analysis_text
    assert restore_span(document, 0, len(document.text)) == target


def test_an_sm_range_without_translate_no_is_checked(tmp_path):
    xml = _unit('Er sagt: <sm id="m1" type="term"/>das das<em startRef="m1"/>.',
                'He says: <sm id="m1" type="term"/>this is the the word<em startRef="m1"/>.')
    assert _check(tmp_path, "term.xlf", xml) == [("MTQA-CORE-001", "the the")]
