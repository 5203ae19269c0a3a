"""Turn a rule's phrase (plain words with a little syntax) into a linear-time RE2 pattern.

Editors write phrases the way they read them ("view with a bad eye"); the engine makes
them tolerant of whitespace, apostrophe style and simple English inflections so one
phrase covers view/views/viewed/viewing. The syntax (documented in rules/README.md):

- words are separated by spaces and match across any run of whitespace;
- a content word of three or more letters also matches its -s/-es/-ed/-ing forms;
  ``=word`` matches the word only as written;
- ``a|b`` is a choice of words (each inflected); a trailing ``?`` makes a token optional;
- placeholders: ``{poss}`` (his, her, its, their, …), ``{obj}`` (him, her, it, them, …),
  ``{refl}`` (himself, herself, …), ``{subj}``, ``{word}`` (any one word),
  ``{words}`` (one to three words); ``{word?}`` (or ``{word}?``) makes any of them optional.
"""

from __future__ import annotations

import re

# Words that never inflect (and would produce wrong forms if they did).
FUNCTION_WORDS = frozenset(
    """a an the of on in at to for with by from into onto over under up down out off and or but
    nor not no his her its their my our your him them me us it he she they we you i this that these
    those is are was were be been being has have had do does did will would can could may might must
    shall should as than then so if there here one some any all who whom which what per via""".split()
)

PLACEHOLDERS = {
    "poss": r"(?:his|her|its|their|my|our|your|one['’]s)",
    "obj": r"(?:him|her|it|them|me|us|you)",
    "subj": r"(?:he|she|it|they|we|you|i)",
    "refl": r"(?:himself|herself|itself|themselves|myself|ourselves|yourself|yourselves|oneself)",
    "word": r"[\w'’-]+",
    "words": r"[\w'’-]+(?:\s+[\w'’-]+){0,2}",
}

_VOWELS = frozenset("aeiou")
_SPACE = r"\s+"
_TOKEN_RE = re.compile(r"^\{(\w+)(\??)\}(\??)$")


class PhraseError(ValueError):
    """A phrase uses syntax the engine does not know (reported with the pack's file:line)."""


def inflections(word: str) -> list[str]:
    """The word and its regular -s/-es/-ed/-ing forms (lower case), longest first."""
    w = word.lower()
    forms = {w}
    if len(w) < 3 or not w.isalpha() or w in FUNCTION_WORDS:
        return [w]
    if w.endswith("y") and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith("e"):
        forms |= {w + "s", w + "d", w[:-1] + "ing"}
    else:
        forms |= {w + "s", w + "ed", w + "ing"}
        if w.endswith(("s", "x", "z", "ch", "sh", "o")):
            forms.add(w + "es")
        if w[-1] not in _VOWELS and w[-1] not in "wxy" and w[-2] in _VOWELS and w[-3] not in _VOWELS:
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return sorted(forms, key=lambda f: (-len(f), f))


def _literal(text: str) -> str:
    """Escape a word for RE2, letting straight and curly apostrophes match each other."""
    out = []
    for ch in text:
        if ch in "'’":
            out.append("['’]")
        elif ch.isalnum() or ch == "_":
            out.append(ch)
        else:
            out.append("\\" + ch if ch in r".^$*+?()[]{}|\/-" else ch)
    return "".join(out)


def _token(token: str) -> tuple[str, bool]:
    """(pattern, optional) for one space-separated token of a phrase."""
    placeholder = _TOKEN_RE.match(token)
    if placeholder:
        name, inner, outer = placeholder.groups()
        if name not in PLACEHOLDERS:
            raise PhraseError(f"unknown placeholder {{{name}}}; known: {', '.join(sorted(PLACEHOLDERS))}")
        return PLACEHOLDERS[name], bool(inner or outer)
    optional = token.endswith("?") and len(token) > 1
    if optional:
        token = token[:-1]
    if "{" in token or "}" in token:
        raise PhraseError(f"placeholder {token!r} must stand alone between spaces")
    choices = []
    for choice in token.split("|"):
        if not choice:
            raise PhraseError(f"empty choice in {token!r}")
        if choice.startswith("="):
            choices.append(_literal(choice[1:]))
        else:
            forms = inflections(choice) if choice.isalpha() else [choice]
            choices.append("|".join(_literal(f) for f in forms))
    pattern = choices[0] if len(choices) == 1 and "|" not in choices[0] else "(?:" + "|".join(choices) + ")"
    return pattern, optional


def phrase_pattern(phrase: str) -> str:
    """RE2 pattern (without flags) matching ``phrase`` as whole words."""
    tokens = phrase.split()
    if not tokens:
        raise PhraseError("empty phrase")
    parts: list[str] = []
    for i, token in enumerate(tokens):
        pattern, optional = _token(token)
        if optional:
            # The separator travels with the optional word so "a b? c" matches "a c".
            parts.append(f"(?:{_SPACE}{pattern})?" if i else f"(?:{pattern}{_SPACE})?")
        else:
            parts.append(f"{_SPACE}{pattern}" if parts and not (i and _optional_first(parts)) else pattern)
    body = "".join(parts)
    first, last = tokens[0].lstrip("=").rstrip("?"), tokens[-1].rstrip("?")
    start = r"\b" if ascii_word(first[:1]) or first.startswith("{") else ""
    end = r"\b" if ascii_word(last[-1:]) or last.endswith("}") else ""
    return f"{start}{body}{end}"


def _optional_first(parts: list[str]) -> bool:
    """True when every part so far is a leading optional group that carries its own space."""
    return all(p.startswith("(?:") and p.endswith(f"{_SPACE})?") for p in parts)


def ascii_word(ch: str) -> bool:
    """RE2's \\b only knows ASCII word characters; other edges get no boundary."""
    return bool(ch) and ch.isascii() and (ch.isalnum() or ch == "_")
