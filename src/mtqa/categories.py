"""The closed MQM category list: checkers may only emit these, so reports stay comparable."""

from __future__ import annotations

CATEGORIES: tuple[str, ...] = (
    "accuracy/mistranslation",
    "accuracy/omission",
    "accuracy/addition",
    "accuracy/untranslated",
    "fluency/grammar",
    "fluency/spelling",
    "fluency/punctuation",
    "fluency/inconsistency",
    "fluency/register",
    "style/awkward",
    "terminology/inconsistent",
    "locale/convention",
    "other/boilerplate",
)

_CATEGORY_SET = frozenset(CATEGORIES)


def validate_category(value: str) -> str:
    """Return ``value`` or raise ValueError naming the allowed values (used by loaders)."""
    if value not in _CATEGORY_SET:
        raise ValueError(f"unknown MQM category {value!r}; expected one of: {', '.join(CATEGORIES)}")
    return value
