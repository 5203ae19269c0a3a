"""LanguageTool's HTTP API (`/v2/check`, `/v2/languages`) spoken by mtqa.

Requests are LanguageTool's form fields; answers are LanguageTool's JSON (the shape of
languagetool-core's RuleMatchesAsJsonSerializer), so every client of LanguageTool —
language-tool-python, browser extensions, LTeX, office add-ins — shows mtqa's findings.
This module reads the requests; the answer is rendered by ``mtqa.reporters.languagetool``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from mtqa.config.languages import UnknownLanguage, language_code
from mtqa.model import Document, Finding, blank_spans
from mtqa.offsets import LineIndex
from mtqa.readers.lineends import CrlfDocument, lf_view
from mtqa.readers.lineends import document as read_document
from mtqa.reporters.languagetool import LANGUAGES, lt_category

_BY_CODE = {lang["longCode"].lower(): lang for lang in LANGUAGES}


class BadRequest(ValueError):
    """Answered with 400 and the message, as LanguageTool does."""


@dataclass
class CheckRequest:
    text: str
    language: dict
    masked: tuple[tuple[int, int], ...] = ()
    line_breaks: tuple[int, ...] = ()
    mother_tongue: str | None = None
    enabled_rules: frozenset[str] = frozenset()
    disabled_rules: frozenset[str] = frozenset()
    enabled_categories: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    enabled_only: bool = False

    def document(self) -> Document:
        """The text as sent; CRLF line ends read as a file's are (Windows clients send them),
        and markup whose `interpretAs` breaks a line read as that line break."""
        if self.line_breaks:
            return AnnotatedDocument(id="<request>", path="<request>", text=self.text, masked=self.masked,
                                     source_lang=self.mother_tongue, metadata={LINE_BREAKS: self.line_breaks})
        return read_document(id="<request>", path="<request>", text=self.text, masked=self.masked,
                        source_lang=self.mother_tongue)

    def keeps(self, finding: Finding) -> bool:
        """LanguageTool's rule and category switches, applied to one finding."""
        category_id = lt_category(finding.category)[0]
        # Grammar findings are `LT-<LanguageTool rule id>`; clients configured for
        # LanguageTool name the bare id, so both spellings switch the rule.
        names = {finding.rule, finding.rule.removeprefix("LT-"), finding.checker}
        categories = {category_id, finding.category, finding.category.split("/")[0], finding.checker}
        if self.disabled_rules & names or self.disabled_categories & categories:
            return False
        if self.enabled_only:
            return bool(self.enabled_rules & names or self.enabled_categories & categories)
        return True


def _ids(form: Mapping[str, str], key: str) -> frozenset[str]:
    return frozenset(x.strip() for x in form.get(key, "").split(",") if x.strip())


def parse_check_form(form: Mapping[str, str], max_text_chars: int) -> CheckRequest:
    """Validate LanguageTool's /v2/check form fields; raise BadRequest like LanguageTool does."""
    language = (form.get("language") or "").strip()
    if not language:
        raise BadRequest("Missing 'language' parameter, e.g. 'language=en-US' or 'language=auto'")
    if language.lower() == "auto":
        lang = _BY_CODE["en-us"]
    else:
        lang = _BY_CODE.get(language.lower())
        if lang is None:
            raise BadRequest(f"'{language}' is not a language code known to mtqa: mtqa checks English text "
                             "only (en, en-US, en-GB, …)")
    if "text" in form and "data" in form:
        raise BadRequest("Set only one of the parameters 'text' or 'data'")
    if "text" in form:
        text, masked, breaks = form["text"], (), ()
    elif "data" in form:
        text, masked, breaks = parse_annotated_data(form["data"])
    else:
        raise BadRequest("Missing 'text' or 'data' parameter")
    if len(text) > max_text_chars:
        raise TextTooLong(f"text exceeds the limit of {max_text_chars} characters ({len(text)} characters)")
    try:  # a typo in a plug-in's setting must not turn the source-language packs off unseen
        mother = language_code(form.get("motherTongue"))
    except UnknownLanguage as exc:
        raise BadRequest(f"'motherTongue': {exc}") from None
    request = CheckRequest(
        text=text, language=lang, masked=masked, line_breaks=breaks, mother_tongue=mother,
        enabled_rules=_ids(form, "enabledRules"), disabled_rules=_ids(form, "disabledRules"),
        enabled_categories=_ids(form, "enabledCategories"), disabled_categories=_ids(form, "disabledCategories"),
        enabled_only=form.get("enabledOnly", "").lower() == "true",
    )
    if request.enabled_only and not (request.enabled_rules or request.enabled_categories):
        raise BadRequest("You cannot specify 'enabledOnly=true' without enabledRules or enabledCategories")
    return request


class TextTooLong(BadRequest):
    """Answered with 413, LanguageTool's status for texts over maxTextLength."""


def parse_annotated_data(raw: str) -> tuple[str, tuple[tuple[int, int], ...], tuple[int, ...]]:
    """LanguageTool's `data` parameter: the text, its markup spans and its line breaks.

    The document keeps every part as sent so offsets refer to the client's original
    string; markup spans are masked (blanked for checkers, never flagged). LanguageTool
    reads markup as its `interpretAs`, and editors send `"\n\n"` there for paragraph
    tags that hold no newline (`</p><p>`): as many of the markup's last characters as
    `interpretAs` has line breaks are read as line breaks (``line_breaks``, offsets into
    the text), so paragraphs, sentences and line-anchored rules see the paragraphs the
    client sees. Other characters of `interpretAs` are not checked, as markup is not.
    """
    try:
        data = json.loads(raw)
        parts = data["annotation"]
        if not isinstance(parts, list):
            raise TypeError
    except (ValueError, KeyError, TypeError, RecursionError):
        raise BadRequest("'data' must be JSON like {\"annotation\": [{\"text\": \"…\"}, {\"markup\": \"…\"}]}") from None
    pieces: list[str] = []
    masked: list[tuple[int, int]] = []
    breaks: list[int] = []
    pos = 0
    for part in parts:
        if not isinstance(part, dict) or not isinstance(part.get("text", part.get("markup")), str):
            raise BadRequest("each 'annotation' item needs a string 'text' or 'markup'")
        if "text" in part:
            piece = part["text"]
        else:
            piece = part["markup"]
            if piece:
                masked.append((pos, pos + len(piece)))
                interpret = part.get("interpretAs")
                if isinstance(interpret, str):
                    count = min(len(piece), lf_view(interpret).count("\n"))
                    breaks.extend(range(pos + len(piece) - count, pos + len(piece)))
        pieces.append(piece)
        pos += len(piece)
    return "".join(pieces), tuple(masked), tuple(breaks)


LINE_BREAKS = "line_breaks"


def _with_breaks(text: str, breaks: tuple[int, ...]) -> str:
    chars = list(text)
    for i in breaks:
        chars[i] = "\n"
    return "".join(chars)


class AnnotatedDocument(CrlfDocument):
    """Annotated text whose markup stands for line breaks (``metadata[LINE_BREAKS]``, as
    ``parse_annotated_data`` finds them): checkers and line numbers read those characters as
    LF, the text and its offsets stay as sent. A subclass for the reason CrlfDocument is one."""

    __slots__ = ()

    @property
    def analysis_text(self) -> str:
        return self._cached("analysis_text", lambda: _with_breaks(
            blank_spans(lf_view(self.text), self.masked), self.metadata[LINE_BREAKS]))

    @property
    def line_index(self) -> LineIndex:
        return self._cached("line_index", lambda: LineIndex(
            _with_breaks(lf_view(self.text), self.metadata[LINE_BREAKS])))
