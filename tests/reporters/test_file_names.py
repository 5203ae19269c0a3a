"""File names that are not UTF-8 (bytes the OS hands over as lone surrogates) in every format."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from mtqa.config import load_settings
from mtqa.pipeline import Pipeline
from mtqa.reporters import available_formats, render
from mtqa.reporters.sarif import report_to_sarif

NAME = b"caf\xe9 news.txt"


@pytest.fixture
def odd_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), NAME), "wb") as handle:
        handle.write(b"The the minister said.\n")
    with open(os.path.join(os.fsencode(folder), b"missing-\xff.txt"), "wb") as handle:
        handle.write(b"")  # an input error, so the name is in the error list too
    return folder


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_every_format_writes_valid_utf8(odd_folder, monkeypatch, relative):
    monkeypatch.chdir(odd_folder.parent)
    settings = load_settings(None, {"checkers.grammar.enabled": False})
    with Pipeline(settings) as pipeline:
        report = pipeline.run(["in" if relative else str(odd_folder)])
    assert report.documents and report.errors
    for name in available_formats():
        text = render(report, name)
        text.encode("utf-8")  # raises on a lone surrogate
        assert "caf\ufffd news.txt" in text or name == "sarif", name
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in report_to_sarif(report)["runs"][0]["results"]}
    assert all(uri.endswith("caf%E9%20news.txt") for uri in uris), uris


@pytest.mark.parametrize("format_name,expected", [("json", "in/caf\ufffd news.txt".encode()),
                                                  ("text", "in/caf\ufffd news.txt".encode()),
                                                  ("sarif", b"in/caf%E9%20news.txt")])
def test_cli_writes_the_report_file(odd_folder, tmp_path, format_name, expected):
    out = tmp_path / f"report.{format_name}"
    result = subprocess.run([sys.executable, "-m", "mtqa", "check", "--no-grammar", "--format", format_name,
                             "-o", str(out), "in"], capture_output=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 2, result.stderr  # the empty file is an input error
    assert b"Traceback" not in result.stderr
    assert expected in out.read_bytes()


@pytest.mark.parametrize(("name", "uri"), [("a#1.txt", "a%231.txt"), ("c:d.txt", "c%3Ad.txt"),
                                           ("50% off?.txt", "50%25%20off%3F.txt")])
def test_sarif_uris_encode_characters_that_end_a_path(tmp_path, name, uri):
    """`#` starts a fragment, `?` a query, and `c:` a scheme: unencoded, the URI names another file."""
    (tmp_path / name).write_text("He said the the thing.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mtqa", "check", "--no-grammar", "-f", "sarif", name],
                            cwd=tmp_path, capture_output=True, text=True)
    run = json.loads(result.stdout)["runs"][0]
    assert run["artifacts"] == [{"location": {"uri": uri}}]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} == {uri}
