"""The data that flows one way through mtqa: Document -> Segment -> Finding (-> mtqa.report).

Findings are frozen so no stage can quietly rewrite another's result; a Document builds
its own findings (``Document.finding``) so that text, line, column and segment fields are
always derived from the offsets in one place.
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field
from typing import Any

from mtqa.categories import validate_category
from mtqa.offsets import LineIndex
from mtqa.segment import paragraph_spans, sentence_spans


class Severity(enum.Enum):
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r}; expected minor, major or critical") from None

    def __str__(self) -> str:
        return self.value


_SEVERITY_RANK = {Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}


class Applicability(enum.Enum):
    """How sure a suggestion is (ruff's fix safety): `mtqa fix` applies only `safe` by default."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence or an aligned unit: ``start``/``end`` are offsets into the document text.

    ``origin`` is where the unit's target text starts in the input file, as a 1-based
    (line, column), for readers that build the document text out of the file (JSON Lines,
    TSV, XLIFF, TMX) so its lines are not the file's. The column is None where the text's
    characters are not the file's (an escape, an entity, inline markup, a line break).
    """

    start: int
    end: int
    id: str | None = None
    source: str | None = None
    reference: str | None = None
    origin: tuple[int, int | None] | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    checker: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    text: str
    suggestions: tuple[str, ...] = ()
    confidence: float = 1.0
    evidence: str | None = None
    applicability: Applicability = Applicability.UNSAFE
    segment: str | None = None
    segment_start: int | None = None
    segment_end: int | None = None
    # Its unit's ``origin`` moved to the finding's start: where it is in the file when ``line``
    # and ``column`` count in a text the reader built (not in the JSON report; baselines
    # never depend on it).
    origin: tuple[int, int | None] | None = None

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule, self.message)

    def to_dict(self) -> dict[str, Any]:
        """The JSON report's finding: fields in this order, optional ones only when set."""
        data = {name: getattr(self, name) for name in _JSON_FIELDS}
        data.update(severity=self.severity.value, suggestions=list(self.suggestions),
                    confidence=round(self.confidence, 3))
        if self.suggestions:
            data["applicability"] = self.applicability.value
        if self.evidence is not None:
            data["evidence"] = self.evidence
        if self.segment is not None:
            data.update(segment=self.segment, segment_start=self.segment_start, segment_end=self.segment_end)
        return data


_JSON_FIELDS = ("rule", "checker", "category", "severity", "message", "start", "end", "line", "column", "text",
                "suggestions", "confidence")


@dataclass(slots=True, eq=False)
class Document:
    """One article (or one group of aligned segments) exactly as read.

    ``text`` is the decoded target text; every offset in mtqa points into it.
    ``masked`` lists spans no checker may flag (Markdown front matter and code, for
    example); ``analysis_text`` is ``text`` with those spans blanked to spaces, so
    checkers can scan it without ever shifting an offset.
    ``units`` are reader-provided aligned segments (JSONL, TSV, XLIFF, parallel files);
    plain articles have none and are segmented into sentences.
    """

    id: str
    path: str
    text: str
    source_text: str | None = None
    source_lang: str | None = None
    reference_text: str | None = None
    units: tuple[Segment, ...] = ()
    masked: tuple[tuple[int, int], ...] = ()
    # Lines of the file before this document's text (a document cut out of a line file).
    line_offset: int = 0
    metadata: dict[str, Any] = field(default_factory=dict)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # Readers pass on what the file says ("Hebrew" in front matter, "he-IL" in a JSONL
        # field); checkers compare codes. An unknown value means an unknown language.
        if self.source_lang is not None:
            from mtqa.config.languages import normalise_lang

            self.source_lang = normalise_lang(self.source_lang)

    def _cached(self, key: str, make):
        """``make()``, computed once per document (the text never changes)."""
        value = self._cache.get(key)
        if value is None:
            value = self._cache[key] = make()
        return value

    @property
    def line_index(self) -> LineIndex:
        return self._cached("line_index", lambda: LineIndex(self.text))

    @property
    def analysis_text(self) -> str:
        return self._cached("analysis_text", lambda: blank_spans(self.text, self.masked))

    @property
    def sentences(self) -> tuple[Segment, ...]:
        """Sentence segments (within each unit for segment-based inputs), computed once."""
        return self._cached("sentences", lambda: tuple(Segment(s, e) for s, e in sentence_spans(
            self.analysis_text, [(u.start, u.end) for u in self.units] or [(0, len(self.text))])))

    @property
    def paragraphs(self) -> tuple[Segment, ...]:
        return self._cached("paragraphs", lambda: tuple(Segment(s, e) for s, e in paragraph_spans(self.analysis_text)))

    @property
    def has_source(self) -> bool:
        return self.source_text is not None or any(u.source is not None for u in self.units)

    @property
    def has_reference(self) -> bool:
        return self.reference_text is not None or any(u.reference is not None for u in self.units)

    def is_masked(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.masked)

    def unit_index(self, offset: int) -> int | None:
        """Index of the aligned unit containing ``offset``, or None."""
        if not self.units:
            return None
        starts = self._cached("unit_starts", lambda: [u.start for u in self.units])
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.units[i].start <= offset <= self.units[i].end:
            return i
        return None

    def finding(
        self,
        *,
        rule: str,
        checker: str,
        category: str,
        severity: Severity | str,
        message: str,
        start: int,
        end: int,
        suggestions: tuple[str, ...] | list[str] = (),
        confidence: float = 1.0,
        evidence: str | None = None,
        applicability: Applicability | str = Applicability.UNSAFE,
    ) -> Finding:
        """Build a Finding whose text, line, column and segment fields match its offsets."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"{rule}: span {start}-{end} outside document of length {len(self.text)}")
        line, column = self.line_index.line_col(start)
        line += self.line_offset
        index = self.unit_index(start)
        segment = seg_start = seg_end = origin = None
        if index is not None:
            unit = self.units[index]
            segment = unit.id if unit.id is not None else str(index + 1)
            seg_start, seg_end = start - unit.start, min(end, unit.end) - unit.start
            if unit.origin is not None:
                origin = (unit.origin[0], None if unit.origin[1] is None else unit.origin[1] + seg_start)
        return Finding(
            rule=rule,
            checker=checker,
            category=validate_category(category),
            severity=Severity.parse(severity),
            message=message,
            start=start,
            end=end,
            line=line,
            column=column,
            text=self.text[start:end],
            suggestions=tuple(suggestions),
            confidence=confidence,
            evidence=evidence,
            applicability=Applicability(str(applicability)),
            segment=segment,
            segment_start=seg_start,
            segment_end=seg_end,
            origin=origin,
        )


def blank_spans(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` with each span replaced by spaces (newlines kept), preserving every offset."""
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if start >= end:
            continue
        parts.append(text[pos:start])
        parts.append("".join("\n" if ch == "\n" else " " for ch in text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)

