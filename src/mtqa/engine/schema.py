"""The one schema of every rule code, and the strict validation that turns YAML into it.

A rule pack (`rules/*.yml`, run by the `rules` checker) and a checker's code file
(`checkers/codes/<checker>.yml`, codes a Python checker emits) share one rule schema; a
pack rule adds a matcher and a message, a checker code has neither (its checker finds the
span and writes the message). Every problem is reported as `file:line: what is wrong`
(Vale's and sqlfluff's habit), and unknown keys are errors: a typo such as `sugest:` must
not silently switch a feature off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtqa.categories import CATEGORIES
from mtqa.engine.yaml_lines import LineDict, LineList, PackError, load_yaml
from mtqa.model import Applicability, Severity
from mtqa.report import RuleInfo

CODE_RE = re.compile(r"^MTQA-[A-Z]{2,6}-\d{3}$")
# Codes of other tools keep their own ids behind a prefix (LanguageTool: LT-RULE_ID).
FOREIGN_CODE_RE = re.compile(r"^LT-[A-Z0-9_]+$|^LT-\*$")
KEBAB_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # rule and pack names
LANG_RE = re.compile(r"^[a-z]{2,3}$")
SPAN_RE = re.compile(r"\[\[(.*?)\]\]", re.S)
MATCHERS = ("phrases", "regex", "substitute")
# `{name}` in a message or suggestion: the matched text, the first suggestion, or a regex group.
# Every brace is read as part of one: a stray `{` or `}`, `{0}` or `{}` would reach the article.
BRACE_RE = re.compile(r"\{([^{}]*)\}|[{}]")
GROUP_NAME_RE = re.compile(r"\(\?P?<([A-Za-z_]\w*)>")
ENGINES = ("re2", "backtracking")

PACK_KEYS = {"pack", "title", "description", "source_langs", "default", "rules"}
CODES_KEYS = {"checker", "title", "description", "codes"}
CODE_KEYS = {"id", "name", "title", "description", "category", "severity", "link", "examples"}
RULE_KEYS = CODE_KEYS | {
    "message", *MATCHERS, "suggest", "applicability", "unless", "case_sensitive", "engine", "timeout_ms", "confidence",
}
REQUIRED_CODE_KEYS = ("id", "name", "title", "category", "severity", "description", "examples")
REQUIRED_RULE_KEYS = ("id", "name", "title", "category", "severity", "message", "examples")
# What a checker's example may carry besides its text: the aligned source or reference a
# bilingual or reference check needs, the source language, configuration overrides, and
# `xliff: true` when text and source are one XLIFF unit's inline markup.
CONTEXT_KEYS = {"source", "reference", "source_lang", "config", "xliff"}


@dataclass(frozen=True, slots=True)
class Example:
    """A text the rule must flag at exactly ``spans`` (a bad example) or must not flag (good)."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()
    suggest: str | None = None
    line: int = 0
    context: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Unless:
    """Context that cancels a match: anywhere near it, just before it, or just after it."""

    near: tuple[str, ...] = ()
    before: str | None = None
    after: str | None = None


@dataclass(slots=True)
class Rule:
    """One code: its metadata (every code has it) and, for pack rules, the matcher."""

    id: str
    name: str
    title: str
    category: str
    severity: Severity
    message: str = ""
    kind: str = ""  # one of MATCHERS; "" for a code a Python checker emits
    phrases: tuple[str, ...] = ()
    regex: str = ""
    substitute: dict[str, str] = field(default_factory=dict)
    suggest: tuple[str, ...] = ()
    applicability: Applicability = Applicability.UNSAFE
    unless: Unless = field(default_factory=Unless)
    link: str | None = None
    description: str = ""
    case_sensitive: bool = False
    engine: str = "re2"
    timeout_ms: int = 100
    confidence: float = 0.9
    bad: tuple[Example, ...] = ()
    good: tuple[Example, ...] = ()
    pack: str = ""
    checker: str = "rules"
    file: str = ""
    line: int = 0
    matcher_line: int = 0
    unless_line: int = 0

    def info(self) -> RuleInfo:
        """What reporters need (SARIF rule descriptors, the JSON report's `rules`)."""
        return RuleInfo(self.id, self.name, self.checker, self.category, self.severity, self.title,
                        self.description, self.link, self.pack or None)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def where_matcher(self) -> str:
        """Location of the matcher key, where pattern errors are reported."""
        return f"{self.file}:{self.matcher_line or self.line}"

    @property
    def where_unless(self) -> str:
        return f"{self.file}:{self.unless_line or self.line}"


@dataclass(slots=True)
class Pack:
    """A pack: the union of every file that declares the same name (he-en/calques.yml, …)."""

    name: str
    title: str
    description: str
    source_langs: tuple[str, ...]
    default_enabled: bool
    rules: list[Rule] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


class _Checker:
    """Collects the context (file name) for error messages while walking one pack."""

    def __init__(self, filename: str) -> None:
        self.filename = filename

    def fail(self, line: int, problem: str):
        raise PackError(f"{self.filename}:{line}: {problem}")

    def top(self, data: Any, keys: set[str], what: str, name: str, items: str) -> tuple[LineDict, LineList]:
        """The file's mapping (only ``keys``) and its non-empty list ``items``."""
        if not isinstance(data, LineDict):
            self.fail(getattr(data, "line", 1), f"a {what} must be a mapping with {name!r} and {items!r}")
        for key in data:
            if key not in keys:
                self.fail(data.line_of(key), f"unknown key {key!r}; expected one of: {', '.join(sorted(keys))}")
        if not isinstance(data.get(items), LineList) or not data[items]:
            self.fail(data.line_of(items), f"{items!r} must be a non-empty list")
        return data, data[items]

    def string(self, data: LineDict, key: str, *, required: bool = True) -> str:
        if key not in data:
            if required:
                self.fail(data.line, f"missing required key {key!r}")
            return ""
        value = data[key]
        if not isinstance(value, str) or not value.strip():
            self.fail(data.line_of(key), f"{key!r} must be a non-empty string")
        return value

    def strings(self, data: LineDict, key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(data.line_of(key), f"{key!r} must be a string or a list of strings")
        return tuple(value)


def parse_pack_file(path: Path | str) -> Pack:
    """Read and validate one pack file; raise PackError('file:line: …') on any problem."""
    path = Path(path)
    filename = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{filename}:1: cannot read rule pack: {exc}") from None
    return parse_pack_text(text, filename)


def parse_pack_text(text: str, filename: str) -> Pack:
    c = _Checker(filename)
    data, rules_data = c.top(load_yaml(text, filename), PACK_KEYS, "rule pack", "pack", "rules")
    name = c.string(data, "pack")
    if not KEBAB_RE.match(name):
        c.fail(data.line_of("pack"), f"pack name {name!r} must be kebab-case (e.g. he-en)")
    langs = c.strings(data, "source_langs")
    for lang in langs:
        if not LANG_RE.match(lang):
            c.fail(data.line_of("source_langs"), f"source language {lang!r} must be an ISO 639 code such as 'he'")
    default = data.get("default", "on")
    if default not in ("on", "off", True, False):
        c.fail(data.line_of("default"), "'default' must be 'on' or 'off'")
    rules = [_parse_rule(c, item, rules_data.line_of(i), name) for i, item in enumerate(rules_data)]
    return Pack(
        name=name,
        title=data.get("title", name) if isinstance(data.get("title", name), str) else name,
        description=str(data.get("description", "")).strip(),
        source_langs=langs,
        default_enabled=default in ("on", True),
        rules=rules,
        files=[filename],
    )


def parse_codes_file(path: Path | str) -> list[Rule]:
    """Read a checker's code file (`checkers/codes/<checker>.yml`); errors are `file:line: …`."""
    c = _Checker(str(path))
    data, items = c.top(load_yaml(Path(path).read_text(encoding="utf-8"), str(path)), CODES_KEYS, "code file",
                        "checker", "codes")
    checker = c.string(data, "checker")
    return [_parse_meta(c, item, items.line_of(i), checker=checker) for i, item in enumerate(items)]


def _parse_meta(c: _Checker, data: Any, line: int, *, checker: str, pack: str = "") -> Rule:
    """The fields every code has; a checker's code has nothing else."""
    allowed, required = (RULE_KEYS, REQUIRED_RULE_KEYS) if pack else (CODE_KEYS, REQUIRED_CODE_KEYS)
    if not isinstance(data, LineDict):
        c.fail(line, "each rule must be a mapping")
    for key in data:
        if key not in allowed:
            c.fail(data.line_of(key), f"unknown rule key {key!r}")
    for key in required:
        if key not in data:
            c.fail(data.line, f"rule {data.get('id', '?')}: missing required key {key!r}")
    code = c.string(data, "id")
    if not (CODE_RE.match(code) or (not pack and FOREIGN_CODE_RE.match(code))):
        c.fail(data.line_of("id"), f"rule id {code!r} must look like MTQA-HE-012")
    name = c.string(data, "name")
    if not KEBAB_RE.match(name):
        c.fail(data.line_of("name"), f"{code}: name {name!r} must be kebab-case")
    category = c.string(data, "category")
    if category not in CATEGORIES:
        c.fail(data.line_of("category"), f"{code}: unknown category {category!r}; expected one of: {', '.join(CATEGORIES)}")
    try:
        severity = Severity.parse(c.string(data, "severity"))
    except ValueError as exc:
        c.fail(data.line_of("severity"), f"{code}: {exc}")
    rule = Rule(
        id=code, name=name, title=c.string(data, "title"), category=category, severity=severity,
        description=c.string(data, "description", required=False).strip(),
        link=c.string(data, "link", required=False) or None,
        pack=pack, checker=checker, file=c.filename, line=data.line,
    )
    if not pack and not ("What it flags:" in rule.description and "Why it matters:" in rule.description):
        c.fail(data.line_of("description"), f"{code}: the description says 'What it flags: …' and 'Why it matters: …'")
    rule.bad, rule.good = _parse_examples(c, data["examples"], data.line_of("examples"), code, context=not pack)
    return rule


def _parse_rule(c: _Checker, data: Any, line: int, pack: str) -> Rule:
    rule = _parse_meta(c, data, line, checker="rules", pack=pack)
    code = rule.id
    try:
        rule.applicability = Applicability(data.get("applicability", "unsafe"))
    except ValueError:
        c.fail(data.line_of("applicability"), f"{code}: applicability must be safe, unsafe or display-only")
    kinds = [k for k in MATCHERS if k in data]
    if len(kinds) != 1:
        c.fail(data.line, f"{code}: a rule needs exactly one matcher ({', '.join(MATCHERS)}); found {len(kinds)}")
    kind = rule.kind = kinds[0]
    rule.message = c.string(data, "message")
    rule.suggest = c.strings(data, "suggest")
    rule.matcher_line = data.line_of(kind)
    rule.unless_line = data.line_of("unless") if "unless" in data else 0
    if kind == "phrases":
        rule.phrases = c.strings(data, "phrases")
        if not rule.phrases:
            c.fail(data.line_of("phrases"), f"{code}: 'phrases' is empty")
    elif kind == "regex":
        rule.regex = c.string(data, "regex")
    else:
        value = data["substitute"]
        if not isinstance(value, LineDict) or not value or not all(
            isinstance(k, str) and isinstance(v, str) and k.strip() for k, v in value.items()
        ):
            c.fail(data.line_of("substitute"), f"{code}: 'substitute' must map wrong text to right text")
        rule.substitute = dict(value)
    if "case_sensitive" in data:
        if not isinstance(data["case_sensitive"], bool):
            c.fail(data.line_of("case_sensitive"), f"{code}: 'case_sensitive' must be true or false")
        rule.case_sensitive = data["case_sensitive"]
    rule.engine = data.get("engine", "re2")
    if rule.engine not in ENGINES:
        c.fail(data.line_of("engine"), f"{code}: engine must be one of {', '.join(ENGINES)}")
    if rule.engine == "backtracking" and kind != "regex":
        c.fail(data.line_of("engine"), f"{code}: only 'regex' rules can use the backtracking engine")
    timeout = data.get("timeout_ms", 100)
    if not isinstance(timeout, int) or isinstance(timeout, bool) or not 1 <= timeout <= 10_000:
        c.fail(data.line_of("timeout_ms"), f"{code}: timeout_ms must be an integer from 1 to 10000")
    rule.timeout_ms = timeout
    confidence = data.get("confidence", 0.9)
    if not isinstance(confidence, (int, float)) or isinstance(confidence, bool) or not 0 < confidence <= 1:
        c.fail(data.line_of("confidence"), f"{code}: confidence must be a number in (0, 1]")
    rule.confidence = float(confidence)
    rule.unless = _parse_unless(c, data, code)
    _check_placeholders(c, data, rule)
    return rule


def _check_placeholders(c: _Checker, data: LineDict, rule: Rule) -> None:
    """Braces the matcher cannot fill would reach every finding, and through `mtqa fix` the
    article, literally: `{nope}`, `{0}`, `{}`, `{match.__class__}`, an unclosed `{match`."""
    groups = set(GROUP_NAME_RE.findall(rule.regex)) if rule.kind == "regex" else set()
    for key, texts, known in (("message", [rule.message], {"match", "suggestion", *groups}),
                              ("suggest", rule.suggest, {"match", *groups})):
        names = ", ".join(f"{{{k}}}" for k in sorted(known))
        for text in texts:
            for brace in BRACE_RE.finditer(text):
                name = brace.group(1)
                if name is None:
                    c.fail(data.line_of(key), f"{rule.id}: unbalanced {brace.group()!r} in {key!r} ({text!r}); "
                                              f"braces only write placeholders: {names}")
                if name not in known:
                    c.fail(data.line_of(key), f"{rule.id}: unknown placeholder {{{name}}} in {key!r}; known: {names}")


def _parse_unless(c: _Checker, data: LineDict, code: str) -> Unless:
    if "unless" not in data:
        return Unless()
    value = data["unless"]
    line = data.line_of("unless")
    if isinstance(value, (str, list)):
        return Unless(near=c.strings(data, "unless"))
    if isinstance(value, LineDict):
        extra = set(value) - {"near", "before", "after"}
        if extra:
            c.fail(line, f"{code}: 'unless' keys are near, before and after (found {sorted(extra)})")
        for key in ("before", "after"):
            if key in value and not isinstance(value[key], str):
                c.fail(value.line_of(key), f"{code}: unless.{key} must be a regex string")
        return Unless(near=c.strings(value, "near"), before=value.get("before"), after=value.get("after"))
    c.fail(line, f"{code}: 'unless' must be a regex, a list of regexes, or a mapping near/before/after")


def _parse_examples(c: _Checker, value: Any, line: int, code: str, context: bool = False):
    """Bad examples mark the flagged spans in [[double brackets]]; a checker's examples may
    also carry the context its check needs (``CONTEXT_KEYS``)."""
    if not isinstance(value, LineDict):
        c.fail(line, f"{code}: 'examples' must be a mapping with 'bad' and 'good' lists")
    for key in value:
        if key not in ("bad", "good"):
            c.fail(value.line_of(key), f"{code}: unknown examples key {key!r}")
    bad_items, good_items = value.get("bad"), value.get("good")
    for key, items in (("bad", bad_items), ("good", good_items)):
        if not isinstance(items, LineList) or not items:
            c.fail(value.line_of(key), f"{code}: examples.{key} must be a non-empty list")
    keys = {"text", "suggest"} | (CONTEXT_KEYS if context else set())
    parsed: dict[str, list[Example]] = {"bad": [], "good": []}
    for kind, items in (("bad", bad_items), ("good", good_items)):
        for i, item in enumerate(items):
            item_line = items.line_of(i)
            extra: dict = {}
            if isinstance(item, LineDict):
                if set(item) - keys or not isinstance(item.get("text"), str):
                    c.fail(item_line, f"{code}: an example is a string or a mapping with "
                                      f"{', '.join(repr(k) for k in sorted(keys))}")
                extra = {k: v for k, v in item.items() if k != "text"}
                item = item["text"]
            if not isinstance(item, str):
                c.fail(item_line, f"{code}: an example must be text (bad ones mark the flagged span in [[double brackets]])")
            text, spans = strip_markers(item)
            if kind == "bad" and not spans:
                c.fail(item_line, f"{code}: bad example has no [[marked span]]: {item!r}")
            if kind == "good" and (spans or "suggest" in extra):
                c.fail(item_line, f"{code}: a good example must be plain text without [[markers]]")
            suggest = extra.pop("suggest", None)
            parsed[kind].append(Example(text=text, spans=spans, suggest=suggest, line=item_line, context=extra))
    return tuple(parsed["bad"]), tuple(parsed["good"])


def strip_markers(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove `[[…]]` markers; return the plain text and the spans they marked."""
    text_parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = length = 0
    for m in SPAN_RE.finditer(marked):
        before = marked[pos:m.start()]
        text_parts.append(before)
        length += len(before)
        inner = m.group(1)
        spans.append((length, length + len(inner)))
        text_parts.append(inner)
        length += len(inner)
        pos = m.end()
    text_parts.append(marked[pos:])
    return "".join(text_parts), tuple(spans)
