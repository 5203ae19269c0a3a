"""XLIFF and TMX files not in plain UTF-8 carry `encoding` in the JSON report, as text files
do: the charset their XML declaration names, or the BOM's; never a guess."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_mtqa

XLIFF = ('<?xml version="1.0" encoding="{encoding}"?>\n'
         '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="fr" '
         'target-language="en" datatype="plaintext" original="a"><body>\n'
         '<trans-unit id="1"><source>Il a dit à Montréal.</source>'
         '<target>He said the the thing in Montréal.</target></trans-unit>\n</body></file></xliff>\n')
TMX = ('<?xml version="1.0" encoding="{encoding}"?>\n<tmx version="1.4"><header srclang="fr" datatype="plaintext" '
       'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>\n'
       '<tu tuid="1"><tuv xml:lang="fr"><seg>Il a dit à Montréal.</seg></tuv>'
       '<tuv xml:lang="en"><seg>He said the the thing in Montréal.</seg></tuv></tu>\n</body></tmx>\n')


@pytest.mark.parametrize(("name", "template", "declared", "codec", "reported"), [
    ("l1.xlf", XLIFF, "ISO-8859-1", "latin-1", "iso8859-1"),
    ("w.tmx", TMX, "windows-1252", "cp1252", "cp1252"),
    ("u16.xlf", XLIFF, "UTF-16", "utf-16", "utf-16"),
    ("bom.tmx", TMX, "UTF-8", "utf-8-sig", "utf-8-sig"),
    ("plain.xlf", XLIFF, "UTF-8", "utf-8", None),
])
def test_the_report_names_the_encoding_of_an_xml_file(tmp_path, name, template, declared, codec, reported):
    (tmp_path / name).write_bytes(template.format(encoding=declared).encode(codec))
    result = run_mtqa("check", "--no-grammar", "-f", "json", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (document,) = json.loads(result.stdout)["documents"]
    assert [f["text"] for f in document["findings"] if f["rule"] == "MTQA-CORE-001"] == ["the the"]
    encoding = {k: v for k, v in document.items() if k.startswith("encoding")}
    assert encoding == ({"encoding": reported, "encoding_guessed": False} if reported else {})
