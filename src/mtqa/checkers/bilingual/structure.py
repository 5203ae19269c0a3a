"""Segment-shape checks: sentence counts, length-ratio outliers, inline tags, finding spans."""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter

from mtqa.model import Document, Segment

# CJK letters (kana, han, half-width katakana).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
# Japanese chat and reviews separate sentences by a space instead of a full stop. A space
# after the kana only a sentence ends on (です/ます, ません, ね, よ, か, わ, だ, "笑")
# separates sentences: "わかりません まず". One after a noun or a particle separates the
# parts of a headline or a list ("アニメ 漫画", "「釘の森 」 「 可動役物 」"), which a
# translation joins, and one after る, た or い may be a verb or adjective before its noun
# ("文末につける ちゃんちゃん").
_CJK_SPACE = re.compile(rf"(?<=[すねよかわぞんだ笑])[ \u3000]+(?=[{_CJK}「『（【])")
_CLOSERS = "\"'»”’)\\]」』）】"
_OPENERS = "\"'«“„(\\[「『（【"
# A run of terminal marks counts once ("！！！", "?!", "！ ！"), with the closing quotes and
# brackets after it.
_RUN = re.compile(rf"[.!?؟…。！？．]+(?:[ \u3000]?[!?！？])*[{_CLOSERS}]*")
_SPACE = re.compile(r"\s*")
_ELLIPSIS = frozenset(".…。．")
_CJK_MARKS = frozenset("。！？")
# A period after these does not end a sentence: single letters, numbers (an ordinal in
# German and Czech: "15. Mai"), titles, and the abbreviations of news in the WMT languages.
_ABBREVIATION = re.compile(
    r"(?:\b[^\W\d_]|\d+|\b(?:Dr|Mr|Mrs|Ms|Prof|St|Nr|No|Art|Abs|bzw|usw|etc|ca|vs|Jr|Inc|Ltd|Co|Gen|Sen"
    r"|Lt|Col|Maj|Capt|Sgt|Gov|Rep|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Mio|Mrd|Tsd|excl|incl|approx"
    r"|li|re|ev|evtl|ggf|inkl|zzgl|vgl|sog|geb|gest|Str|Tel|Abb|Dipl|Ing|Hr|Fr|Jh|Jhd|Std|Min|Bd|Kap"
    r"|tzv|tj|např|atd|resp|mj|ul|nám|str|tel|tis|mil|mld|př"
    r"|т|г|гг|ул|вул|им|ім|тыс|тис|млн|млрд|руб|грн|см|др|пр|обл|просп|пл|напр|рис|ст|тел))\.$", re.IGNORECASE)
# Names with an exclamation mark in them.
_BRANDS = re.compile(r"\b(?:Yahoo|WoW)!$")


def _cjk(char: str) -> bool:
    return "\u3040" <= char <= "\u9fff" or "\uf900" <= char <= "\uffef"


def _cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def _letter(char: str) -> bool:
    return char.isalpha()


def _ends_sentence(text: str, start: int, end: int, limit: int) -> int | None:
    """Where the next sentence starts if the run of marks text[start:end] ends one, else None."""
    run = text[start:end]
    marks = run.rstrip(_CLOSERS).replace(" ", "").replace("\u3000", "")
    if set(marks) <= _ELLIPSIS and (len(marks) > 1 or marks == "…"):
        return None  # an ellipsis trails off; "。。。" and "..." end no sentence
    gap = _SPACE.match(text, end, limit).end()
    if start == 0 or gap >= limit:
        return None
    before, after = text[start - 1], text[gap]
    if _cjk(before) and not _CJK_MARKS & set(marks):
        # A half-width mark after Japanese: "ですか?次は" ends a sentence, "ように.lip"
        # (a file name) and "ヤフオク! PayPay" (a name) do not.
        return gap if ("!" in marks or "?" in marks) and _cjk(after) else None
    if _CJK_MARKS & set(marks):
        if gap == end and after == "を":
            return None  # "いいね！を押す": a mark inside a word
        return gap
    window = text[max(0, start - 64):end].rstrip(_CLOSERS)
    if marks == "." and _ABBREVIATION.search(window[-8:]):
        return None  # "Dr.", "z. B.", "1." (an ordinal in German and Czech), "li."
    if _BRANDS.search(window[-8:]):
        return None
    if gap > end:  # ". Next": any letter after the space, past an opening quote
        while gap < limit and text[gap] in _OPENERS:
            gap += 1
        return gap if gap < limit and _letter(text[gap]) and not text[gap].isdigit() else None
    # No space: "Привіт.Сузана", "center.The", "скінчилась!!!все", but not "example.com"
    if before == " " and start >= 2:
        before = text[start - 2]
    if not (_letter(before) and _letter(after)) or _cjk(before) or _cjk(after):
        return None
    if "!" in marks or "?" in marks or (_cyrillic(before) and _cyrillic(after)):
        return gap
    return gap if before.islower() and after.isupper() else None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` by a language-neutral rule, to compare the
    sentence counts of a source and its translation.

    A run of terminal marks ends a sentence once; an ellipsis ends none; abbreviations and
    ordinals do not split; a full stop with no space after it splits when a capital (or,
    in Cyrillic, any letter) follows, as in chat; so does a space between two CJK letters
    and a bullet between headlines. A piece with no letter or digit is not a sentence.
    """
    start = len(text) - len(text.lstrip())
    limit = len(text.rstrip())
    if start >= limit:
        return []
    cuts = []
    for match in _RUN.finditer(text, start, limit):
        following = _ends_sentence(text, match.start(), match.end(), limit)
        if following is not None:
            cuts.append((match.end(), following))
    cuts.extend((m.start(), m.end()) for m in _CJK_SPACE.finditer(text, start, limit))
    cuts.extend((m.start(), m.end()) for m in _BULLET.finditer(text, start, limit))
    spans = []
    for end, following in sorted(cuts):
        if end <= start:
            continue
        piece = text[start:end]
        if any(c.isalnum() for c in piece):
            spans.append((start, len(piece.rstrip()) + start))
            start = following
    if spans and not any(c.isalnum() for c in text[start:limit]):
        spans[-1] = (spans[-1][0], limit)
    else:
        spans.append((start, limit))
    return spans


_BULLET = re.compile(r"\s+•\s+")
_MARK = re.compile("[.!?؟…。！？．]")


def has_sentence_mark(text: str) -> bool:
    return _MARK.search(text) is not None


def ends_with_mark(text: str) -> bool:
    """Whether the text ends in a sentence mark (past closing quotes and brackets)."""
    end = text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(end) and _MARK.fullmatch(end[-1]) is not None


_CLAUSE_BREAK = re.compile(r"[，；：,;:]")


def clause_breaks(text: str) -> int:
    """Commas, semicolons and colons: where a Chinese or Japanese sentence, which runs its
    clauses together with commas, may be cut into English sentences."""
    return len(_CLAUSE_BREAK.findall(text))


_CLAUSE_MARK = re.compile(r"[?？؟!！]+")


def clause_marks(text: str) -> tuple[int, int]:
    """(question marks, exclamation marks) of ``text`` that end a clause.

    Japanese writes a mark inside a sentence too: a hedge ("ムズムズ？ する感じ", "週1?の"),
    a quoted thought ("キツイ？と思いました", "ゼルダじゃないのかよ！ って"), a word ("即！購入"
    is not, "いいね！を" is): a mark followed by hiragana (past closers and spaces) continues
    the sentence, as does an exclamation mark followed directly by a letter ("Yahoo!ニュース",
    "即！購入") and a question mark between Latin and a letter. A run
    ("？？？", "!?") counts once for each kind it holds.
    """
    questions = exclamations = 0
    for match in _CLAUSE_MARK.finditer(text):
        after = match.end()
        if after < len(text) and text[after].isalpha() and (
                "!" in match.group() or "！" in match.group() or text[match.start() - 1:match.start()].isascii()):
            continue
        while after < len(text) and (text[after] in _CLOSERS or text[after] in " \u3000"):
            after += 1
        if after < len(text) and "\u3040" <= text[after] <= "\u309f":
            continue
        run = match.group()
        questions += any(c in "?？؟" for c in run)
        exclamations += any(c in "!！" for c in run)
    return questions, exclamations


def unit_span(document: Document, unit: Segment) -> tuple[int, int]:
    """The span a unit-level finding marks: the unit's text, trimmed, clear of placeholders.

    Findings overlapping a masked placeholder are dropped by the pipeline, so a unit with
    inline tags is marked by its longest unmasked stretch; an empty unit by its position.
    """
    text = document.analysis_text
    start, end = unit.start, unit.end
    inside = sorted((s, e) for s, e in document.masked if s < end and start < e)
    stretches, pos = [], start
    for s, e in inside + [(end, end)]:
        stretches.append((pos, max(pos, s)))
        pos = max(pos, e)
    best = max(stretches, key=lambda se: len(text[se[0]:se[1]].strip()))
    s, e = best
    piece = text[s:e]
    if not piece.strip():
        return start, start
    s += len(piece) - len(piece.lstrip())
    e -= len(piece) - len(piece.rstrip())
    return s, e


def tag_differences(source_tokens: list[str], target_tokens: list[str]) -> tuple[list[str], list[str]]:
    """(tokens of the source missing in the target, tokens of the target not in the source)."""
    src, tgt = Counter(t for t in source_tokens if t), Counter(t for t in target_tokens if t)
    return sorted((src - tgt).elements()), sorted((tgt - src).elements())


def length_outliers(pairs: list[tuple[int, float, int]], min_units: int, z_limit: float,
                    min_factor: float) -> dict[int, tuple[float, float]]:
    """Units whose target/source length ratio is an outlier for this document.

    ``pairs`` are (unit index, source length, target length). Returns index ->
    (ratio, median ratio) for the outliers: robust z-score of the log ratio (median/MAD)
    above ``z_limit`` *and* at least ``min_factor`` times off the median, so a tight
    distribution does not turn small differences into findings.
    """
    usable = [(i, s, t) for i, s, t in pairs if s > 0 and t > 0]
    if len(usable) < min_units:
        return {}
    logs = [math.log(t / s) for _, s, t in usable]
    median = statistics.median(logs)
    # A floor on the spread: a document of near-identical ratios must not make every
    # small difference an outlier.
    mad = max(statistics.median(abs(x - median) for x in logs) * 1.4826, 0.1)
    outliers = {}
    for (i, s, t), x in zip(usable, logs):
        if abs(x - median) / mad > z_limit and abs(x - median) >= math.log(min_factor):
            outliers[i] = (t / s, math.exp(median))
    return outliers


# A document too short for its own distribution (fewer than ``length_min_units`` segments:
# most Ukrainian and Japanese WMT documents) is judged against the language's usual ratio
# (``ratios.toml``): a segment at least PRIOR_FACTOR times off it and PRIOR_SPREADS spreads
# of the language's log ratio away.
PRIOR_FACTOR = 2.5
PRIOR_SPREADS = 5.0


def prior_outliers(pairs: list[tuple[int, float, int]], ratio: float, spread: float) -> dict[int, tuple[float, float]]:
    """Units whose target/source length ratio is far from the language's usual ``ratio``:
    index -> (ratio, usual ratio), like ``length_outliers``."""
    outliers = {}
    for i, s, t in pairs:
        if s > 0 and t > 0:
            x = math.log(t / (ratio * s))
            if abs(x) >= math.log(PRIOR_FACTOR) and abs(x) / spread > PRIOR_SPREADS:
                outliers[i] = (t / s, ratio)
    return outliers
