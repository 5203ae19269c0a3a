"""XLIFF 1.2, XLIFF 2.0 and TMX: placeholders, exact spans through inline tags, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from mtqa.config.settings import load_settings
from mtqa.pipeline import Pipeline
from mtqa.readers import read_file
from mtqa.readers.inline import restore_span
from mtqa.readers.xmlsafe import child, local_name

DATA = Path(__file__).parent / "data"
FILES = ["news-1.2.xlf", "news-2.0.xlf", "memory.tmx"]


def _settings():
    return load_settings(overrides={"checkers.bilingual.language_id": False})


def _shape(element) -> list:
    """Local names, attributes and text of an element's content, namespaces ignored."""
    out = [element.text or ""]
    for sub in element:
        out.append((local_name(sub), dict(sorted(sub.attrib.items())), _shape(sub), sub.tail or ""))
    return out


def _targets(path: Path) -> list:
    root = etree.fromstring(path.read_bytes())
    found = []
    for element in root.iter():
        name = local_name(element)
        if name == "trans-unit" and element.get("translate") != "no" or name == "segment":
            found.append(child(element, "target"))
        elif name == "tu":
            found.append(child(element.findall("{*}tuv")[1] if element.findall("{*}tuv") else element.findall("tuv")[1],
                               "seg"))
    return found


@pytest.mark.parametrize("name", FILES)
def test_round_trip_restores_target_markup(name):
    path = DATA / name
    (document,) = read_file(str(path), _settings())
    originals = _targets(path)
    assert len(document.units) == len(originals)
    for unit, original in zip(document.units, originals):
        if original is None:
            assert unit.start == unit.end  # a missing target is an empty unit
            continue
        restored = restore_span(document, unit.start, unit.end)
        rebuilt = etree.fromstring(f"<t>{restored}</t>".encode("utf-8"))
        assert _shape(rebuilt) == _shape(original), restored


@pytest.mark.parametrize("name", FILES)
def test_placeholders_are_masked_and_offsets_exact(name):
    (document,) = read_file(str(DATA / name), _settings())
    tags = [t for entry in document.metadata["inline_tags"].values() for t in entry["target"]]
    assert tags
    for tag in tags:
        assert document.text[tag.start:tag.end] == tag.token
        if tag.masked:
            assert document.analysis_text[tag.start:tag.end].strip() == ""
    for unit in document.units:
        assert "\n" not in document.text[unit.start:unit.end]


def _findings(name):
    with Pipeline(_settings(), ["bilingual"]) as pipeline:
        report = pipeline.run([str(DATA / name)])
    assert not report.errors
    return [f for _, f in report.iter_findings()]


def test_xliff_12_spans_inside_inline_tags():
    findings = _findings("news-1.2.xlf")
    (document,) = read_file(str(DATA / "news-1.2.xlf"), _settings())
    scale = next(f for f in findings if f.rule == "MTQA-BI-012")
    assert scale.text == "2.5 billion" and scale.segment == "t1"
    assert document.text[scale.start:scale.end] == "2.5 billion"
    # The span maps back into the XML: inside <g id="1">, which stays outside it.
    assert restore_span(document, scale.start, scale.end) == "2.5 billion"
    assert restore_span(document, scale.start - 3, scale.end + 4) == '<g id="1">2.5 billion</g>'
    assert document.text[document.units[0].start:document.units[0].end].endswith("euros & more.")
    codes = {(f.rule, f.segment) for f in findings}
    assert ("MTQA-BI-040", "t2") in codes  # <ph id="3"> dropped
    assert ("MTQA-BI-001", "t3") in codes  # no <target>
    assert all(f.segment != "t4" for f in findings)  # translate="no"


def test_xliff_20_segments_and_code_points():
    findings = _findings("news-2.0.xlf")
    (document,) = read_file(str(DATA / "news-2.0.xlf"), _settings())
    assert [u.id for u in document.units] == ["u1/s1", "u1/s2"]
    assert document.text.endswith("roubles!")  # <cp hex="0021"/> is the character itself
    wrong = next(f for f in findings if f.rule == "MTQA-BI-010")
    assert (wrong.text, wrong.segment) == ("21", "u1/s1")
    assert any(f.rule == "MTQA-BI-011" and f.segment == "u1/s1" for f in findings)
    assert not any(f.rule.startswith("MTQA-BI-04") for f in findings)  # tags match


def test_tmx_spans_and_checks():
    findings = _findings("memory.tmx")
    (document,) = read_file(str(DATA / "memory.tmx"), _settings())
    assert document.source_lang == "he"
    by_rule = {f.rule: f for f in findings}
    assert by_rule["MTQA-BI-010"].text == "51"
    assert document.text[by_rule["MTQA-BI-010"].start:by_rule["MTQA-BI-010"].end] == "51"
    assert by_rule["MTQA-BI-020"].text == "www.example.com"
    assert "MTQA-BI-030" in by_rule  # the source asks, the translation states
    assert "MTQA-BI-041" in by_rule  # <hi> only in the target
    assert by_rule["MTQA-BI-041"].evidence == "{/2} {2}"


@pytest.mark.parametrize("name, old, new", [("news-1.2.xlf", 'source-language="de"', 'source-language="iw-IL"'),
                                             ("memory.tmx", '"he"', '"iw"')])
def test_legacy_hebrew_code_iw_reads_as_hebrew(tmp_path, name, old, new):
    """XLIFF and TMX use the one language-code normaliser: 'iw-IL' is Hebrew, as on the command line."""
    text = (DATA / name).read_text(encoding="utf-8")
    changed = text.replace(old, new)
    assert changed != text
    path = tmp_path / name
    path.write_text(changed, encoding="utf-8")
    (document,) = read_file(str(path), _settings())
    assert document.source_lang == "he"
