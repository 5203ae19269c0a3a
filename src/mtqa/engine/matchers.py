"""Compile rules into as few passes over a text as possible, on engines that cannot hang.

All RE2 rules of a selection go into one ``re2.Set``: a single linear-time pass over the
UTF-8 bytes says which rules match anywhere. Only those rules (almost always none) then run
their own RE2 search to find positions. A pattern RE2 cannot compile (backreferences,
lookaround) is a load error unless the rule opts into ``engine: backtracking``; such rules
run on the ``regex`` module with a per-document time limit, and a timeout skips the rule
for that document instead of hanging the check. A rule that has timed out MAX_TIMEOUTS
times is switched off for the rest of the run: a pattern that runs away on this corpus
would otherwise charge its full time limit on every document. The run's counter is the
compiled rules' own unless the caller gives one (`mtqa serve` counts each request apart). A backtracking pattern of a
shape the engine knows (a doubled word) first gets a cheap test that every text it can
match passes, so the costly pattern runs only on the few documents that pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import re2
import regex

from mtqa.engine.phrases import PhraseError, ascii_word, phrase_pattern
from mtqa.engine.schema import Rule
from mtqa.engine.yaml_lines import PackError
from mtqa.offsets import Utf8Index

FLAG_GROUP = re.compile(r"^flag\d*$")
CONTEXT = 100  # characters each side of a match that `unless.near` looks at (within the line)
_SET_MEMORY = 64 << 20
# Rules per RE2 set. RE2 builds a set's DFA while it scans, and the states of one set of
# all rules are many and large: on 8,000 news segments that took 0.18 s of CPU against
# 0.07 s for sets of 48 rules (each state is smaller and fewer combinations occur), at
# 0.01 s more per pass once built. Small sets also keep a DFA within its memory (a set
# that outgrows it would report no match).
_SET_SIZE = 48
_RULE_MEMORY = 8 << 20
MAX_TIMEOUTS = 3
_ASCII_REPEAT = re.compile(r"(?<![a-z])([a-z]++)[ \t]++\1(?![a-z])")


def repeated_word(text: str) -> bool:
    """Two neighbouring words the same but for case, spaces or tabs between them: what a
    doubled-word pattern such as ``(?i)\\b(?P<w>[A-Za-z]+)[ \\t]+(?P=w)\\b`` needs.

    On the ``regex`` module that pattern is tried at every position (0.08 s of CPU on
    8,000 news segments, more than all RE2 rules together); this test is a third of that
    and passes one document in two hundred. Under ``(?i)`` the letter class also takes
    İ, ı, ſ and the Kelvin sign, so the text is case-folded with the Turkish i's made
    plain "i" first: a word the pattern sees doubled is then doubled in a-z as well. The
    pattern cannot hang: it starts only where a run of letters starts, and possessive
    runs never give letters back.
    """
    if "İ" in text or "ı" in text:
        text = text.replace("İ", "i").replace("ı", "i")
    return _ASCII_REPEAT.search(text.casefold()) is not None


# A pattern that opens with a word boundary, a group of the letters a-z (any case), spaces
# or tabs and a back-reference to that group, maybe all in one more group, and no
# quantifier that could skip them: a doubled word, whatever follows.
_OPENS_WITH_REPEAT = re.compile(r"\\b(\(\?P<\w+>)?\(\?P<(\w+)>\[A-Za-z\]\+\)\[ \\t\]\+\(\?P=\2\)(?(1)\))(?![?*{])")


def prefilter(pattern: str):
    """The cheap test every match of a backtracking ``pattern`` needs, or None.

    One shape is known: a pattern that opens with a doubled word (`_OPENS_WITH_REPEAT`)
    and has no top-level alternative, which `repeated_word` tests.
    """
    if _OPENS_WITH_REPEAT.match(pattern) is None or _top_level_alternative(pattern):
        return None
    return repeated_word


def _top_level_alternative(pattern: str) -> bool:
    """Whether ``pattern`` has a ``|`` outside every group and character class."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 2 if pattern[i + 1:i + 3] == "^]" else 1 if pattern[i + 1:i + 2] == "]" else 0
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


@dataclass(frozen=True, slots=True)
class Match:
    """One rule hit: code-point span into the scanned text, the text, and its suggestions."""

    rule: Rule
    start: int
    end: int
    text: str
    suggestions: tuple[str, ...]
    message: str


def _options(max_mem: int) -> re2.Options:
    options = re2.Options()
    options.max_mem = max_mem
    options.log_errors = False
    return options


def _words_pattern(text: str) -> str:
    """A literal key of a substitute map: exact words, any whitespace between them."""
    # Either apostrophe matches either (one pass: the class must not be rewritten again).
    body = r"\s+".join(re.sub(r"['’]", "['’]", re.escape(w)) for w in text.split())
    start = r"\b" if ascii_word(text[:1]) else ""
    end = r"\b" if ascii_word(text[-1:]) else ""
    return f"{start}{body}{end}"


def rule_pattern(rule: Rule) -> str:
    """The rule's whole pattern with its flags: `^`/`$` are line anchors; case-insensitive by default."""
    if rule.kind == "phrases":
        try:
            body = "|".join(phrase_pattern(p) for p in rule.phrases)
        except PhraseError as exc:
            raise PackError(f"{rule.where_matcher}: {rule.id}: {exc}") from None
    elif rule.kind == "substitute":
        keys = sorted(rule.substitute, key=len, reverse=True)
        body = "|".join(_words_pattern(k) for k in keys)
    else:
        body = rule.regex
    flags = "m" if rule.case_sensitive else "mi"
    return f"(?{flags})(?:{body})"


def _normal(text: str, case_sensitive: bool) -> str:
    text = " ".join(text.replace("’", "'").split())
    return text if case_sensitive else text.lower()


def match_case(suggestion: str, matched: str) -> str:
    """Give a suggestion the capitalisation of the text it replaces (Kiev -> Kyiv, THE -> …)."""
    # Only a word passes its case on; mojibake such as "Ã¼" starts with a capital by
    # accident of encoding, and its repair "ü" stays lower case.
    if not suggestion or not matched or not (len(matched) == 1 or matched[1].isalpha() or matched[1].isspace()):
        return suggestion
    if matched.isupper() and len(matched) > 1 and suggestion.lower() == suggestion:
        return suggestion.upper()
    if matched[0].isupper() and suggestion[0].islower():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


def _fill(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


class _CompiledRule:
    """A rule ready to scan. An RE2 rule's own pattern is compiled on its first hit: the set
    pass says whether it matches at all, and most rules never do in a run."""

    __slots__ = ("rule", "pattern", "_search", "_flag_groups", "near", "before", "after", "subst", "prefilter")

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.pattern = rule_pattern(rule)
        self._search = None
        if rule.engine == "backtracking":
            try:
                self._ready(regex.compile(self.pattern, regex.V0))
            except regex.error as exc:
                raise PackError(f"{rule.where_matcher}: {rule.id}: invalid regex: {exc}") from None
        flags = "" if rule.case_sensitive else "(?i)"
        self.near = [self._compile_context(rule, f"{flags}(?:{p})") for p in rule.unless.near]
        self.before = self._compile_context(rule, f"{flags}(?:{rule.unless.before})$") if rule.unless.before else None
        self.after = self._compile_context(rule, f"{flags}^(?:{rule.unless.after})") if rule.unless.after else None
        self.subst = {_normal(k, rule.case_sensitive): v for k, v in rule.substitute.items()}
        self.prefilter = prefilter(rule.regex) if rule.engine == "backtracking" else None

    def _ready(self, compiled) -> None:
        self._search = compiled
        # Groups named flag, flag2, … mark the span to report (RE2 has no lookaround, so
        # context is matched outside them); the first that took part in a match wins.
        names = {(k.decode() if isinstance(k, bytes) else k): v for k, v in compiled.groupindex.items()}
        self._flag_groups = [names[n] for n in sorted(names, key=lambda n: (len(n), n)) if FLAG_GROUP.match(n)]

    @property
    def search(self):
        if self._search is None:
            self.compile()
        return self._search

    @property
    def flag_groups(self) -> list[int]:
        self.search  # noqa: B018 - compiled on first use
        return self._flag_groups

    def compile(self) -> None:
        """The rule's own RE2 pattern (a load error when RE2 cannot compile it)."""
        rule = self.rule
        try:
            options = _options(_RULE_MEMORY)
            # Phrase lists and substitute maps want the longest alternative, not the first.
            options.longest_match = rule.kind != "regex"
            compiled = re2.compile(self.pattern.encode("utf-8"), options)
        except re2.error as exc:
            raise PackError(
                f"{rule.where_matcher}: {rule.id}: RE2 cannot compile the pattern ({_reason(exc)}); rewrite it, or set "
                "'engine: backtracking' to run it with a time limit"
            ) from None
        self._ready(compiled)

    @staticmethod
    def _compile_context(rule: Rule, pattern: str):
        try:
            return re2.compile(pattern, _options(_RULE_MEMORY))
        except re2.error as exc:
            raise PackError(f"{rule.where_unless}: {rule.id}: RE2 cannot compile the 'unless' pattern: {_reason(exc)}") from None

    def cancelled(self, text: str, start: int, end: int) -> bool:
        if not (self.near or self.before or self.after):
            return False
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        lo, hi = max(line_start, start - CONTEXT), min(line_end, end + CONTEXT)
        if self.before is not None and self.before.search(text[lo:start]):
            return True
        if self.after is not None and self.after.search(text[end:hi]):
            return True
        window = text[lo:hi]
        return any(p.search(window) for p in self.near)

    def suggestions(self, matched: str, groups: dict[str, str]) -> tuple[str, ...]:
        rule = self.rule
        if rule.kind == "substitute":
            right = self.subst.get(_normal(matched, rule.case_sensitive))
            return (match_case(right, matched),) if right is not None else ()
        values = {"match": matched, **groups}
        return tuple(match_case(_fill(s, values), matched) if "{match}" not in s else _fill(s, values)
                     for s in rule.suggest)


class CompiledRules:
    """A selection of rules compiled for scanning: one RE2 set pass, then per-hit searches."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = list(rules)
        compiled = [_CompiledRule(r) for r in self.rules]
        self._linear = [c for c in compiled if c.rule.engine == "re2"]
        self._bounded = [c for c in compiled if c.rule.engine == "backtracking"]
        self._sets: list[tuple[int, re2.Set]] = []
        for first in range(0, len(self._linear), _SET_SIZE):
            rule_set = re2.Set.SearchSet(_options(_SET_MEMORY))
            for c in self._linear[first:first + _SET_SIZE]:
                try:
                    rule_set.Add(c.pattern.encode("utf-8"))
                except re2.error:
                    c.compile()  # the rule's own compile says what is wrong, with file and line
                    raise
            rule_set.Compile()
            self._sets.append((first, rule_set))
        # Rule code -> documents on which it timed out (and so reported nothing).
        self.timeouts: dict[str, int] = {}

    def scan(self, text: str, timeouts: dict[str, int] | None = None) -> Iterator[Match]:
        """Every match of every rule, in rule order then text order. ``timeouts`` is the
        run's counter of rule timeouts (default: ``self.timeouts``), read and updated."""
        if not text:
            return
        timeouts = self.timeouts if timeouts is None else timeouts
        if self._sets:
            data = text.encode("utf-8")
            hits = sorted(first + i for first, rule_set in self._sets for i in rule_set.Match(data) or ())
            if hits:
                to_cp = Utf8Index(text).to_code_points
                for i in hits:
                    yield from self._scan_linear(self._linear[i], text, data, to_cp)
        for c in self._bounded:
            if timeouts.get(c.rule.id, 0) < MAX_TIMEOUTS and (c.prefilter is None or c.prefilter(text)):
                yield from self._scan_bounded(c, text, timeouts)

    def _emit(self, c: _CompiledRule, text: str, start: int, end: int, groups: dict[str, str]):
        if start >= end or c.cancelled(text, start, end):
            return None
        matched = text[start:end]
        suggestions = c.suggestions(matched, groups)
        values = {"match": matched, "suggestion": suggestions[0] if suggestions else "", **groups}
        return Match(c.rule, start, end, matched, suggestions, _fill(c.rule.message, values))

    def _scan_linear(self, c: _CompiledRule, text: str, data: bytes, to_cp) -> Iterator[Match]:
        names = c.search.groupindex
        for m in c.search.finditer(data):
            b_start, b_end = _flag_span(m, c.flag_groups)
            groups = {}
            for name, number in names.items():
                value = m.group(number)
                key = name.decode("utf-8") if isinstance(name, bytes) else name
                groups[key] = value.decode("utf-8") if value is not None else ""
            found = self._emit(c, text, to_cp(b_start), to_cp(b_end), groups)
            if found is not None:
                yield found

    def _scan_bounded(self, c: _CompiledRule, text: str, timeouts: dict[str, int]) -> Iterator[Match]:
        found: list[Match] = []
        try:
            # The limit scales with the text (per 100,000 characters) so a long article is
            # not cut off by a budget meant for a page; a runaway pattern still stops.
            budget = c.rule.timeout_ms / 1000 * max(1.0, len(text) / 100_000)
            for m in c.search.finditer(text, timeout=budget):
                start, end = _flag_span(m, c.flag_groups)
                hit = self._emit(c, text, start, end, {k: v or "" for k, v in m.groupdict().items()})
                if hit is not None:
                    found.append(hit)
        except TimeoutError:
            # A runaway pattern costs at most its time limit; its partial results are dropped.
            timeouts[c.rule.id] = timeouts.get(c.rule.id, 0) + 1
            return
        yield from found


def _flag_span(m, groups: list[int]) -> tuple[int, int]:
    for group in groups:
        span = m.span(group)
        if span[0] >= 0:
            return span
    return m.span(0)


def _reason(exc: Exception) -> str:
    """RE2's message without the bytes repr its Python wrapper adds."""
    arg = exc.args[0] if exc.args else exc
    return arg.decode("utf-8", "replace") if isinstance(arg, bytes) else str(arg)
