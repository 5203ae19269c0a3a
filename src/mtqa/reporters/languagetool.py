"""A check result as LanguageTool's /v2/check answer (RuleMatchesAsJsonSerializer's shape),
so every LanguageTool client shows mtqa's findings; offsets are UTF-16 units, as in Java.
``LANGUAGES`` is the /v2/languages answer."""

from __future__ import annotations

import bisect
from collections.abc import Mapping

from mtqa import __version__
from mtqa.model import Document, Finding
from mtqa.offsets import Utf16Index
from mtqa.report import DocumentResult, RuleInfo

# MQM category -> (LanguageTool category id, name, ITS issue type). LanguageTool's own ids
# where one fits, so clients that colour by category (TYPOS red, STYLE blue) do so here.
CATEGORY_MAP: Mapping[str, tuple[str, str, str]] = {
    "fluency/grammar": ("GRAMMAR", "Grammar", "grammar"),
    "fluency/spelling": ("TYPOS", "Possible Typo", "misspelling"),
    "fluency/punctuation": ("PUNCTUATION", "Punctuation", "typographical"),
    "fluency/inconsistency": ("MTQA_INCONSISTENCY", "Inconsistency", "inconsistency"),
    "fluency/register": ("STYLE", "Style", "register"),
    "style/awkward": ("STYLE", "Style", "style"),
    "accuracy/mistranslation": ("MTQA_ACCURACY", "Translation accuracy", "mistranslation"),
    "accuracy/omission": ("MTQA_ACCURACY", "Translation accuracy", "omission"),
    "accuracy/addition": ("MTQA_ACCURACY", "Translation accuracy", "addition"),
    "accuracy/untranslated": ("MTQA_ACCURACY", "Translation accuracy", "untranslated"),
    "terminology/inconsistent": ("MTQA_TERMINOLOGY", "Terminology", "terminology"),
    "locale/convention": ("MTQA_LOCALE", "Locale convention", "locale-violation"),
    "other/boilerplate": ("MTQA_BOILERPLATE", "Boilerplate", "other"),
}

# English only: mtqa checks English targets. Variants share the server's one pipeline.
LANGUAGES = (
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "English (New Zealand)", "code": "en", "longCode": "en-NZ"},
    {"name": "English (South African)", "code": "en", "longCode": "en-ZA"},
)
CONTEXT_CHARS = 40  # LanguageTool's default context size on each side


def lt_category(category: str) -> tuple[str, str, str]:
    found = CATEGORY_MAP.get(category)
    if found:
        return found
    top = category.split("/")[0]
    return (f"MTQA_{top.upper()}", top.capitalize(), "uncategorized")


def render(document: Document, result: DocumentResult, language: Mapping[str, str],
           rules: Mapping[str, RuleInfo], checkers: list[str], incomplete: bool = False) -> dict:
    """The /v2/check answer for ``result`` (its findings already filtered by the request);
    ``incomplete`` when a checker gave up (LanguageTool's own warning for that)."""
    text = document.text
    index = Utf16Index(text)
    sentences = document.sentences if text.strip() else ()
    sentence_starts = [s.start for s in sentences]
    matches = [_match(f, text, index, sentences, sentence_starts, rules.get(f.rule))
               for f in result.findings]
    return {
        "software": {"name": "mtqa", "version": __version__, "buildDate": None, "apiVersion": 1,
                     "premium": False, "premiumHint": None, "status": ""},
        "warnings": {"incompleteResults": incomplete},
        "language": {"name": language["name"], "code": language["longCode"],
                     "detectedLanguage": {"name": language["name"], "code": language["longCode"],
                                          "confidence": 1.0, "source": "mtqa"}},
        "matches": matches,
        "sentenceRanges": [[index.to_utf16(s.start), index.to_utf16(s.end)] for s in sentences],
        "mtqa": {"checkers": checkers, "words": result.words, "mqm_per_1000_words": result.mqm_per_1000_words,
                 "score": result.score},
    }


def _match(f: Finding, text: str, index: Utf16Index, sentences, sentence_starts, info: RuleInfo | None) -> dict:
    start16, end16 = index.to_utf16(f.start), index.to_utf16(f.end)
    ctx_start, ctx_end = max(0, f.start - CONTEXT_CHARS), min(len(text), f.end + CONTEXT_CHARS)
    prefix = "..." if ctx_start > 0 else ""
    suffix = "..." if ctx_end < len(text) else ""
    before = text[ctx_start:f.start]
    context = (prefix + before + text[f.start:f.end] + text[f.end:ctx_end] + suffix).replace("\n", " ")
    sentence = ""
    i = bisect.bisect_right(sentence_starts, f.start) - 1
    if 0 <= i < len(sentences):
        sentence = text[sentences[i].start:sentences[i].end]
    cat_id, cat_name, issue = lt_category(f.category)
    rule = {"id": f.rule, "description": (info.title if info and info.title else f.message),
            "issueType": issue, "category": {"id": cat_id, "name": cat_name}}
    if info and info.link:
        rule["urls"] = [{"value": info.link}]
    return {
        "message": f.message,
        "shortMessage": "",
        "replacements": [{"value": s} for s in f.suggestions],
        "offset": start16,
        "length": end16 - start16,
        "context": {"text": context, "offset": len(prefix) + start16 - index.to_utf16(ctx_start),
                    "length": end16 - start16},
        "sentence": sentence,
        "type": {"typeName": "UnknownWord" if cat_id == "TYPOS" else "Other"},
        "rule": rule,
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
        "mtqa": {"checker": f.checker, "category": f.category, "severity": f.severity.value,
                 "confidence": round(f.confidence, 3), "applicability": f.applicability.value},
    }
