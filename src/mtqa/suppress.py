"""Inline suppression comments and accepted words: exceptions the project writes down.

Comments (in Markdown, HTML and plain text alike, since they are HTML comments)::

    <!-- mtqa-disable -->                 every rule off from here
    <!-- mtqa-disable MTQA-HE-012, fluency -->   these rules off (code prefix, checker or category)
    <!-- mtqa-enable -->                  back on (all, or the listed ones)
    <!-- mtqa-disable-next-line [X, …] -->  nothing (or only X) reported on the next line

A finding is dropped when its start falls in a region where its rule is off. In
Markdown, a comment inside code or front matter is quoted, not written: it silences nothing. Accepted
words (``[vocabulary] accept``) are honoured for every checker: a finding whose span
lies inside an accepted word or name is dropped, so "Khreshchatyk" stops being a
spelling error once the newsroom accepts it.

HTML inputs are checked on their extracted article text, where comments no longer
exist; the reader keeps the markup in ``metadata["markup"]`` and each comment is placed
where the text that follows it begins in the extracted text.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from mtqa.checkers.vocabulary import term_pattern
from mtqa.config.settings import Settings
from mtqa.model import Document, Finding
from mtqa.readers.lineends import lf_view
from mtqa.selection import specificity

# A comment's body stops at the next "<!--" too: an unclosed one does not swallow the next
# comment, and a run of unclosed ones is scanned once, not once each to the end of the text.
_BODY = r"((?:(?!<!--).)*?)-->"
_DIRECTIVE = re.compile(r"<!--\s*mtqa-(disable-next-line|disable|enable)(?=\s|-->)" + _BODY, re.S | re.I)
# A comment meant as a directive ("mtqa-disable-nextline", "mtqa-ignore", "mtqa disable")
# that is none: warned about, since it silences nothing.
_LOOKALIKE = re.compile(r"<!--\s*mtqa(?:-\w|[\s_:]+(?:disable|enable))" + _BODY, re.S | re.I)
_TAG = re.compile(r"<[^>]*>|<!--.*?-->", re.S)
_SKIPPED_ELEMENTS = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>", re.S | re.I)
_ANCHOR_WORDS = 6


@dataclass(frozen=True)
class Directive:
    kind: str  # "disable", "enable" or "disable-next-line"
    targets: tuple[str, ...]  # empty: every rule
    start: int  # where the directive takes effect, as an offset into the document text
    end: int


def _targets(raw: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in re.split(r"[,\s]+", raw.strip()) if t.strip())


def _matches(finding: Finding, targets: tuple[str, ...]) -> bool:
    return not targets or any(specificity(finding, target) >= 0 for target in targets)


def directives(document: Document) -> list[Directive]:
    """The document's directives with offsets into ``document.text``."""
    markup = document.metadata.get("markup")
    if isinstance(markup, str):
        return _html_directives(markup, document.text)
    quoted = _quoted(document)
    return [Directive(m.group(1).lower(), _targets(m.group(2)), m.start(), m.end())
            for m in _DIRECTIVE.finditer(document.text) if not quoted(m.start())]


def _quoted(document: Document) -> Callable[[int], bool]:
    """Whether an offset lies in Markdown code or front matter, where a comment is an
    example ("write `<!-- mtqa-disable -->` above a passage"), not a directive."""
    if document.metadata.get("format") != "markdown":
        return lambda offset: False
    from mtqa.readers.lineends import lf_view
    from mtqa.readers.markdown import code_spans

    spans = code_spans(lf_view(document.text))
    starts = [start for start, _ in spans]

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < spans[i][1]

    return inside


def _html_directives(markup: str, text: str) -> list[Directive]:
    """Place each comment of the markup where the text after it starts in the extracted text."""
    found: list[Directive] = []
    cursor = 0
    for m in _DIRECTIVE.finditer(markup):
        following = _SKIPPED_ELEMENTS.sub(" ", markup[m.end():m.end() + 4000])
        words = html.unescape(_TAG.sub(" ", following)).split()[:_ANCHOR_WORDS]
        position = len(text)
        for size in range(len(words), 0, -1):
            pattern = r"\s+".join(re.escape(w) for w in words[:size])
            hit = re.compile(pattern).search(text, cursor)
            if hit:
                position = hit.start()
                break
        cursor = position
        found.append(Directive(m.group(1).lower(), _targets(m.group(2)), position, position))
    return found


def directive_warnings(document: Document, unknown: Callable[[list[str]], list[str]]) -> list[str]:
    """``line: problem`` for each directive that silences nothing it seems to mean to.

    A malformed directive, or a target that names no rule code, checker or category
    (``unknown`` finds those), would otherwise be ignored without a word, and the findings
    it was written for reported on every run.
    """
    markup = document.metadata.get("markup")
    source = markup if isinstance(markup, str) else document.text
    comments = list(_LOOKALIKE.finditer(source))
    if not comments:
        return []
    quoted = _quoted(document)
    comments = [m for m in comments if not quoted(m.start())]
    offset = 0 if isinstance(markup, str) else document.line_offset
    warnings: list[str] = []
    valid = {m.start(): m for m in _DIRECTIVE.finditer(source)}
    for m in comments:
        line = lf_view(source).count("\n", 0, m.start()) + 1 + offset
        directive = valid.get(m.start())
        if directive is None:
            shown = " ".join(m.group(0).split())
            warnings.append(f"{line}: {shown!r} is not an mtqa directive and suppresses nothing "
                            "(use mtqa-disable, mtqa-enable or mtqa-disable-next-line)")
            continue
        for target in unknown(list(_targets(directive.group(2)))):
            warnings.append(f"{line}: mtqa-{directive.group(1).lower()} {target!r} names no rule code, checker "
                            "or category, and suppresses nothing")
    return warnings


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end


def suppressed_regions(document: Document) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, targets) regions where findings are dropped; targets () means all rules."""
    text = lf_view(document.text)  # a lone CR ends a line too
    regions: list[tuple[int, int, tuple[str, ...]]] = []
    open_all: int | None = None
    open_rules: dict[str, int] = {}
    from_markup = isinstance(document.metadata.get("markup"), str)
    for d in directives(document):
        if d.end > d.start:  # the comment itself is never a finding (plain text keeps it visible)
            regions.append((d.start, d.end, ()))
        if d.kind == "disable-next-line":
            if from_markup:  # the comment sits before the text it silences
                start, end = _line_bounds(text, min(d.start, max(len(text) - 1, 0)))
            else:
                _, line_end = _line_bounds(text, d.end)
                start, end = _line_bounds(text, min(line_end + 1, len(text)))
            regions.append((start, end, d.targets))
        elif d.kind == "disable":
            if not d.targets:
                open_all = d.end if open_all is None else open_all
            for t in d.targets:
                open_rules.setdefault(t, d.end)
        else:  # enable
            if not d.targets:
                if open_all is not None:
                    regions.append((open_all, d.start, ()))
                    open_all = None
                for t, s in open_rules.items():
                    regions.append((s, d.start, (t,)))
                open_rules.clear()
            for t in d.targets:
                if t in open_rules:
                    regions.append((open_rules.pop(t), d.start, (t,)))
    if not from_markup:  # a comment meant as a directive is not text to check either
        regions.extend((m.start(), m.end(), ()) for m in _LOOKALIKE.finditer(text) if not _DIRECTIVE.match(m.group(0)))
    if open_all is not None:
        regions.append((open_all, len(text), ()))
    regions.extend((s, len(text), (t,)) for t, s in open_rules.items())
    return regions


_accept_pattern = lru_cache(maxsize=8)(term_pattern)


def filter_findings(document: Document, findings: list[Finding], settings: Settings) -> list[Finding]:
    """The pipeline hook: drop findings in suppressed regions or on accepted words."""
    regions = suppressed_regions(document) if "mtqa-" in document.text or "markup" in document.metadata else []
    pattern = _accept_pattern(tuple(settings.accept_words)) if settings.accept_words else None
    accepted = [m.span() for m in pattern.finditer(document.text)] if pattern is not None else []
    if not regions and not accepted:
        return findings
    return [f for f in findings if not any(s <= f.start < e and _matches(f, targets) for s, e, targets in regions)
            and not any(s <= f.start and f.end <= e for s, e in accepted)]
