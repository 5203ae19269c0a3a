"""HTML report: self-contained, escaped, one highlight per finding, index by score, keyboard reachable."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from mtqa.reporters import render
from tests.reporters.conftest import build_report

HOSTILE = '<script>alert("x")</script>'


class _Collector(HTMLParser):
    """Tags, attributes and text as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.script_bodies: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        (self.script_bodies if self._in_script else self.text).append(data)


def _parse(html: str) -> _Collector:
    parser = _Collector()
    parser.feed(html)
    return parser


def _hostile_report():
    text = f"Intro. The quote {HOSTILE} ends & \"so\" <b>does</b> this.\nSecond line here.\n"
    return build_report([("<odd> & path.txt", text, [
        {"rule": "MTQA-T-001", "quote": HOSTILE, "message": "message with <img src=x onerror=alert(1)>",
         "suggestions": ["</mark><script>alert(2)</script>"], "applicability": "safe"},
        {"rule": "MTQA-T-002", "quote": "ends & \"so\"", "checker": "fluency", "category": "fluency/grammar",
         "severity": "minor"},
    ])])


def test_everything_is_escaped():
    html = render(_hostile_report(), "html")
    parsed = _parse(html)
    assert [t for t, _ in parsed.tags].count("script") == 1  # only the report's own filter script
    assert not any(t == "img" for t, _ in parsed.tags)
    text = "".join(parsed.text)
    assert HOSTILE in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "</mark><script>alert(2)</script>" in text
    assert "<odd> & path.txt" in text
    assert "alert" not in "".join(parsed.script_bodies)


def test_self_contained_no_network():
    html = render(_hostile_report(), "html")
    parsed = _parse(html)
    for tag, attrs in parsed.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed")
        assert "src" not in attrs, (tag, attrs)
        for name, value in attrs.items():
            if name == "href":
                assert value.startswith("#"), value
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert urls <= {"http://www.w3.org/2000/svg"}
    csp = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in csp


def test_every_finding_has_a_highlight_row_and_anchor():
    text = "alpha beta gamma delta epsilon\nzeta eta\n"
    report = build_report([("a.txt", text, [
        {"rule": "MTQA-T-001", "quote": "beta gamma"},
        {"rule": "MTQA-T-002", "quote": "gamma delta", "severity": "critical"},  # crosses the first
        {"rule": "MTQA-T-003", "quote": "beta gamma delta", "severity": "minor"},  # starts with the first
        {"rule": "MTQA-T-004", "start": 0, "end": 0, "severity": "minor"},  # empty span
        {"rule": "MTQA-T-005", "quote": "epsilon\nzeta"},  # crosses a line
    ])])
    html = render(report, "html")
    parsed = _parse(html)
    marks = [a for t, a in parsed.tags if t == "mark"]
    covered: dict[str, str] = {}
    # Text of each finding = concatenated text of the pieces listing it.
    pieces = re.findall(r'<mark class="hl[^"]*" data-f="([^"]+)"[^>]*>(.*?)<span class="tip"', html, re.S)
    for ids, piece in pieces:
        for fid in ids.split():
            covered[fid] = covered.get(fid, "") + piece
    findings = report.documents[0].findings
    assert sorted(covered) == sorted(f"d0f{i}" for i in range(len(findings)))
    for i, f in enumerate(findings):
        assert covered[f"d0f{i}"] == f.text
    anchors = [a for a in marks if "data-anchor" in a]
    assert all(a.get("tabindex") == "0" for a in anchors)
    row_links = re.findall(r'<tr data-finding="(d0f\d+)"[^>]*>.*?<a href="#([^"]+)"', html)
    ids = {a["id"] for a in anchors}
    assert len(row_links) == len(findings)
    assert all(target in ids for _, target in row_links)
    # The worst severity among overlapping findings colours a piece.
    crossing = [a for a in marks if set(a["data-f"].split()) >= {"d0f2", "d0f3"}]
    assert crossing and all("sev-critical" in a["class"] for a in crossing)


def test_corpus_index_sorted_by_score_and_chart(report_from_corpus):
    html = render(report_from_corpus, "html")
    index = html.split('id="index-title"', 1)[1].split("</table>", 1)[0]
    scores = [float(s) for s in re.findall(r'<a href="#doc-\d+">[^<]*</a></td><td class="num">([\d.]+)</td>', index)]
    assert len(scores) == len(report_from_corpus.documents)
    assert scores == sorted(scores)
    assert '<svg class="chart" role="img"' in html
    for category in {f.category for _, f in report_from_corpus.iter_findings()}:
        assert f">{category}</text>" in html
    for doc in report_from_corpus.documents:
        assert f"<dt>score</dt><dd>{doc.score:g}</dd>" in html


def test_filters_list_every_category_severity_and_checker():
    html = render(_hostile_report(), "html")
    boxes = {(a["data-group"], a["value"]) for t, a in _parse(html).tags if t == "input"}
    assert boxes == {("severity", "major"), ("severity", "minor"), ("category", "style/awkward"),
                     ("category", "fluency/grammar"), ("checker", "rules"), ("checker", "fluency")}


def test_without_document_text_the_quoted_lines_are_highlighted():
    report = _hostile_report()
    report.documents[0].text = None
    html = render(report, "html")
    assert html.count('class="excerpt"') == 1
    assert len(set(re.findall(r'data-f="(d0f\d)"', html))) == 2
