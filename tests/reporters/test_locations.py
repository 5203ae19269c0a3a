"""Segment-based inputs: a finding's location names the segment id, not only a line."""

from __future__ import annotations

import json

import pytest

from mtqa.config import load_settings
from mtqa.pipeline import Pipeline
from mtqa.reporters import render


@pytest.mark.parametrize("format_name", ["markdown", "junit", "github"])
def test_jsonl_locations_show_the_segment_id(tmp_path, format_name):
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps({"id": i, "target": t}) + "\n" for i, t in
                            [("s-17", "The talks went well."), ("s-18", "The the minister said so.")]),
                    encoding="utf-8")
    with Pipeline(load_settings(None, {"checkers.grammar.enabled": False})) as pipeline:
        report = pipeline.run([str(path)])
    assert any(f.segment == "s-18" for _, f in report.iter_findings())
    assert "(segment s-18)" in render(report, format_name)
