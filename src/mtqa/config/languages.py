"""What a `source_lang` value means: an ISO 639 code from a code, a name or an endonym.

People write "he", "he-IL", "heb", "iw", "Hebrew" or "עברית" for the same language; the
rule packs are keyed by the ISO 639-1 code, so a value that is not turned into it
silently loses the language's pack. ``languages.toml`` (the ISO 639-1 languages with
their other codes and names) answers the common cases without loading anything big;
only a value it does not know is looked up in the whole of ISO 639-3 (pycountry).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from functools import cache, lru_cache
from importlib import resources

_SUBTAG = re.compile(r"[-_]")
_CODE = re.compile(r"^[a-z]{2,3}$")
_LONGEST_NAME = 60


class UnknownLanguage(ValueError):
    """A value that is neither a language name nor an ISO 639 code."""


@cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """(every listed code or name, case-folded -> ISO 639-1 code; code -> English name)."""
    text = resources.files("mtqa.config").joinpath("languages.toml").read_text(encoding="utf-8")
    lookup: dict[str, str] = {}
    english: dict[str, str] = {}
    for code, names in tomllib.loads(text).items():
        lookup[code] = code
        english[code] = next((n for n in names if len(n) > 3 and n.isascii()), code)
        for name in names:
            lookup[name.casefold()] = code
    return lookup, english


def _iso639_3(key: str) -> str | None:
    """A language of ISO 639-3 (codes and names), for values languages.toml lacks."""
    import pycountry

    try:
        found = pycountry.languages.lookup(key)
    except LookupError:
        return None
    return getattr(found, "alpha_2", None) or found.alpha_3


@lru_cache(maxsize=256)
def language_code(value: str | None) -> str | None:
    """The ISO 639 code ``value`` means ('he-IL', 'iw', 'heb', 'Hebrew' -> 'he'); None for empty.

    Raises UnknownLanguage, with the likeliest code, for anything else ('xx', 'Hebrw').
    """
    if value is None or not value.strip():
        return None
    key = " ".join(value.split()).casefold()
    lookup, _ = _table()
    if key in lookup:
        return lookup[key]
    if len(key) > _LONGEST_NAME:
        raise UnknownLanguage(_unknown(value))
    primary = _SUBTAG.split(key, 1)[0]
    if primary != key and _CODE.match(primary) and primary in lookup:
        return lookup[primary]
    # Every two-letter code is in the table: only longer codes and names are worth a look.
    found = None if len(primary) == 2 else _iso639_3(primary if _CODE.match(primary) else key)
    if found is not None:
        return found
    raise UnknownLanguage(_unknown(value))


def _unknown(value: str) -> str:
    lookup, english = _table()
    if len(value) > _LONGEST_NAME:  # (a request body's worth of text is no language name)
        return f"unknown language {value[:20]!r}…: give an ISO 639 code such as 'he', 'ru' or 'ar'"
    close = difflib.get_close_matches(value.strip().casefold(), [k for k in lookup if len(k) > 3], n=1, cutoff=0.75)
    if close:
        code = lookup[close[0]]
        return f"unknown language {value!r}: did you mean {code!r} ({english[code]})?"
    return (f"unknown language {value!r}: give an ISO 639 code such as 'he', 'ru' or 'ar', "
            "or an English language name")


def normalise_lang(value: str | None) -> str | None:
    """The lenient form, for values inside documents: an unknown value means unknown (None)."""
    try:
        return language_code(value)
    except UnknownLanguage:
        return None
