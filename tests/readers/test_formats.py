"""Each input format becomes Documents whose offsets point into the right text."""

from __future__ import annotations

import json

from mtqa.config import load_settings
from mtqa.readers import iter_documents, read_file
from mtqa.readers.markdown import masked_spans


def _settings(**overrides):
    return load_settings(None, overrides)


def test_markdown_masks_front_matter_code_and_urls(tmp_path):
    text = (
        "---\ntitle: A\nsource_lang: he\n---\n\n# Heading\n\nSee [the report](https://example.org/x) "
        "and `inline code`.\n\n```\nLeave a Reply\n```\n\nBody text.\n"
    )
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    (doc,) = read_file(str(path), _settings())
    assert doc.text == text
    assert doc.source_lang == "he"
    analysis = doc.analysis_text
    assert len(analysis) == len(text)
    assert "Leave a Reply" not in analysis
    assert "title" not in analysis
    assert "example.org" not in analysis and "inline code" not in analysis
    assert "the report" in analysis and "Body text." in analysis
    assert doc.is_masked(text.index("Leave"), text.index("Leave") + 5)


def test_markdown_unclosed_fence_masks_to_end():
    text = "Intro.\n\n```\ncode forever\nstill code"
    spans = masked_spans(text)
    assert spans[-1][1] == len(text)


def test_command_line_source_lang_overrides_front_matter(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\nsource_lang: he\n---\nText.\n", encoding="utf-8")
    (doc,) = read_file(str(path), _settings(source_lang="ru"))
    assert doc.source_lang == "ru"


def test_html_article_text_is_extracted(tmp_path):
    html = (
        "<html><head><title>T</title></head><body><nav>Home | News | Sport</nav><article><h1>Port strike</h1>"
        + "".join(f"<p>Paragraph {i} says the dock workers went on strike over pensions on Wednesday.</p>"
                  for i in range(5))
        + "</article><footer>Copyright 2024 Example News</footer></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(html, encoding="utf-8")
    (doc,) = read_file(str(path), _settings())
    assert "Paragraph 3 says the dock workers" in doc.text
    assert "<p>" not in doc.text and "Copyright" not in doc.text


def test_jsonl_groups_lines_by_doc_and_keeps_units(tmp_path):
    lines = [
        {"doc": "a", "id": "s1", "source": "Eins.", "target": "One."},
        {"doc": "b", "id": "s1", "target": "Other."},
        {"doc": "a", "id": "s2", "source": "Zwei.", "target": "Two.", "reference": "Two."},
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    doc_a, doc_b = read_file(str(path), _settings())
    assert (doc_a.id, doc_b.id) == ("a", "b")
    assert doc_a.text == "One.\nTwo."
    assert [doc_a.text[u.start:u.end] for u in doc_a.units] == ["One.", "Two."]
    assert [u.id for u in doc_a.units] == ["s1", "s2"]
    assert doc_a.units[0].source == "Eins." and doc_a.units[1].reference == "Two."
    assert doc_a.has_source and not doc_b.has_source


def test_tsv_reads_source_and_target(tmp_path):
    path = tmp_path / "a.tsv"
    path.write_text("source\ttarget\nHallo Welt.\tHello world.\nTschüss.\tBye.\n", encoding="utf-8")
    (doc,) = read_file(str(path), _settings())
    assert doc.text == "Hello world.\nBye."
    assert [u.source for u in doc.units] == ["Hallo Welt.", "Tschüss."]


def test_folder_walk_honours_include_and_exclude(tmp_path):
    (tmp_path / "keep").mkdir()
    (tmp_path / "skip").mkdir()
    (tmp_path / "keep" / "a.txt").write_text("Alpha text.", encoding="utf-8")
    (tmp_path / "keep" / "b.md").write_text("Beta text.", encoding="utf-8")
    (tmp_path / "keep" / "c.py").write_text("print()", encoding="utf-8")
    (tmp_path / "skip" / "d.txt").write_text("Delta text.", encoding="utf-8")
    settings = load_settings(None, {"inputs.exclude": ["skip"], "inputs.include": ["*.txt", "*.md"]})
    paths = [d.path for d in iter_documents([str(tmp_path)], settings)]
    assert [p.rsplit("/", 1)[-1] for p in paths] == ["a.txt", "b.md"]
