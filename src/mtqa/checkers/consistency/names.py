"""Names spelt two ways in one document, and names the gazetteer knows are misspelt.

Transliteration from scripts without vowels (Hebrew, Arabic) or through a pivot language
gives one person or place several spellings: Zelensky/Zelenskyy, Gallant/Galant,
Kharkov/Kharkiv. Capitalised words are grouped by a consonant skeleton (vowels, y, w and
h dropped, doubled letters merged, k/c/q and z/s/ts merged); two forms in a group that are
also close in edit distance are one name spelt two ways, and the rarer form is flagged.
A place the gazetteer knows is spelt right, so it is never the flagged form, and a form
with another first letter is another name, not its misspelling (the athlete Yardan
beside the country Jordan). Two single forms with different first letters are one name
only when they stand close together (Hancock/Hankook Energy three lines apart), not
across the document (Klaudia Tanner, Claudia Muntschick).
The gazetteer of canonical spellings catches a misspelling even when it occurs once
("Kraschatyk" -> Khreshchatyk).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from mtqa.checkers.consistency.text import SentenceView, capitalised_words
from mtqa.gazetteers import Gazetteer
from mtqa.segment.words import occurs_alone

_SKELETON_DROP = str.maketrans({c: None for c in "aeiouyhwáéíóúàèìòùäëïöüâêîôû'’-"})
_SKELETON_MERGE = str.maketrans({"c": "k", "q": "k", "z": "s", "j": "y", "v": "b", "ð": "d"})
_DOUBLE = re.compile(r"(.)\1+")
# Endings that make a different word of the same stem, not a second spelling.
# Two single forms with different first letters farther apart than this are two names.
_NEAR_SENTENCES = 5
_SUFFIXES = ("s", "n", "an", "ian", "i", "is", "ese", "ns", "es", "ia", "a", "ans", "ians", "ish", "ic", "ist", "ists", "ism")


@dataclass(frozen=True, slots=True)
class NameVariant:
    start: int
    end: int
    form: str
    preferred: str
    count: int
    preferred_count: int


@lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    return _DOUBLE.sub(r"\1", word.lower().translate(_SKELETON_MERGE).translate(_SKELETON_DROP))


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _same_stem(a: str, b: str) -> bool:
    short, long_ = sorted((a.lower(), b.lower()), key=len)
    return any(long_ == short + suffix or (short.endswith(("a", "e", "y")) and long_ == short[:-1] + suffix)
               for suffix in _SUFFIXES)


def find_name_variants(
    text: str,
    views: list[SentenceView],
    gazetteer: Gazetteer,
    *,
    common_word: Callable[[str], float],
    accept: frozenset[str],
    min_length: int = 5,
    two_names: Callable[[str, list[tuple[int, int]], str, list[tuple[int, int]]], bool] | None = None,
) -> Iterator[NameVariant]:
    """``two_names(form, its spans, preferred, its spans)``: does the source say the two
    forms are two names (sources.py)? Such a pair is not reported."""
    counts: Counter[str] = Counter()
    where: dict[str, list[tuple[int, int]]] = {}
    sentence_of: dict[str, int] = {}  # the sentence of a form's first occurrence
    together: set[frozenset[str]] = set()
    spellings, places = gazetteer.spellings, gazetteer.places
    for index, words in enumerate(capitalised_words(text, views)):
        in_sentence: set[str] = set()
        for start, word in words:
            if len(word) < min_length or word.isupper():
                continue  # most capitalised words: short ones ("The", "In") never make a long base
            base = word[:-2] if word.endswith(("'s", "’s")) else word  # Token.base
            if len(base) < min_length or base in accept or base in spellings:
                continue
            counts[base] += 1
            where.setdefault(base, []).append((start, start + len(base)))
            sentence_of.setdefault(base, index)
            in_sentence.add(base)
        if len(in_sentence) > 1:  # pairs of forms with one skeleton, from one skeleton per form
            alike: dict[str, list[str]] = {}
            for form in in_sentence:
                alike.setdefault(skeleton(form), []).append(form)
            for forms in alike.values():
                together.update(frozenset((a, b)) for a in forms for b in forms if a < b)
    groups: dict[str, list[str]] = {}
    for form in counts:
        groups.setdefault(skeleton(form), []).append(form)
    for forms in groups.values():
        if len(forms) < 2:
            continue
        forms.sort(key=lambda f: (-counts[f], where[f][0][0]))
        first, flagged = forms[0], set()
        for other in forms[1:]:
            if not _variant_pair(first, other, common_word):
                continue
            preferred, form = first, other
            if (other,) in places:  # a known place is spelt right (Jordan, Beersheba) ...
                if (first,) in places or counts[other] < counts[first]:
                    continue
                preferred, form = other, first  # ... so of two equals the other one is flagged
            if form[0] != preferred[0] and (
                    (preferred,) in places  # Yardan Jerbi, Kanade Tagami: not Jordan, Canada
                    or (counts[form] == counts[preferred] == 1
                        and abs(sentence_of[form] - sentence_of[preferred]) > _NEAR_SENTENCES)):
                continue  # another initial: another name, unless the two stand close together
            # Both forms well used, or side by side in one sentence ("Wardle's
            # Wordle"): two names, not one spelt twice. A doubled letter is no second
            # name, even in one sentence ("President Zelensky thanked ..., and a
            # spokesman for Zelenskyy said").
            if counts[form] > max(2, counts[preferred] // 3):
                continue
            if frozenset((form, preferred)) in together and not _doubled_letter(form, preferred):
                continue
            if form in flagged:
                continue
            if two_names is not None and two_names(form, where[form], preferred, where[preferred]):
                continue
            flagged.add(form)
            for start, end in where[form]:
                yield NameVariant(start, end, form, preferred, counts[form], counts[preferred])


def _variant_pair(a: str, b: str, common_word) -> bool:
    if a.lower() == b.lower() or _same_stem(a, b):
        return False
    if a[0].lower() != b[0].lower() and {a[0], b[0]} not in ({"C", "K"}, {"K", "Q"}, {"Y", "J"}, {"I", "Y"}):
        return False
    distance = edit_distance(a.lower(), b.lower(), 2)
    if distance > 2 or distance > len(min(a, b, key=len)) // 3:
        return False
    # Two known words or names ("Berber"/"Barber", "Sergio"/"Sergei") are two things,
    # not one name spelt twice; a misspelling is rare in any word list.
    if common_word(a) >= 2.5 and common_word(b) >= 2.5:
        return False
    return not _inflected(a, b)


def _doubled_letter(a: str, b: str) -> bool:
    """The forms differ by one letter written twice in one of them (Zelensky/Zelenskyy,
    Galant/Gallant): a transliteration habit, never a second name."""
    short, long_ = sorted((a.lower(), b.lower()), key=len)
    if len(long_) != len(short) + 1:
        return False
    return any(long_[i] == long_[i - 1] and long_[:i] + long_[i + 1:] == short for i in range(1, len(long_)))


def _inflected(a: str, b: str) -> bool:
    """Forms that differ only in their last few letters are inflections or gendered
    forms (Tolstoy/Tolstaya, Evgeny/Evgeniya, Argentina/Argentinean), except a doubled
    last letter (Zelensky/Zelenskyy) or one vowel before the same final consonant
    (Kharkov/Kharkiv)."""
    a, b = a.lower(), b.lower()
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    da, db = a[p:], b[p:]
    if len(da) > 3 or len(db) > 3 or p < 4:
        return False
    short, long_ = sorted((da, db), key=len)
    if not short and len(long_) == 1 and long_ == a[p - 1]:
        return False  # doubled final letter
    if len(da) == len(db) == 2 and da[1] == db[1] and da[0] in "aeiouy" and db[0] in "aeiouy":
        return False  # one vowel before the same final consonant
    return True


@dataclass(frozen=True, slots=True)
class KnownMisspelling:
    start: int
    end: int
    variant: str
    canonical: str
    kind: str


def _has_word(text: str, word: str) -> bool:
    """``re.search(rf"\\b{re.escape(word)}\\b", text)``: for a word that starts and ends
    with a word character, a boundary is no word character beside it."""
    if word[:1].isalnum() and word[-1:].isalnum():
        return occurs_alone(text, word)
    return re.search(rf"\b{re.escape(word)}\b", text) is not None


def spelling_pattern(gazetteer: Gazetteer) -> re.Pattern[str] | None:
    """The variants, longest first, each ending where no word character or hyphen follows.

    The "no word character or hyphen before" half is tested in code (`_variant_matches`): a
    pattern that opens with a look-behind is tried at every position of the text, while
    one that opens with the variants' first letters lets the engine skip to them (4x
    less time on news)."""
    variants = sorted(gazetteer.spellings, key=len, reverse=True)
    if not variants:
        return None
    return re.compile(r"(?:" + "|".join(re.escape(v) for v in variants) + r")(?![\w-])")


def _variant_matches(text: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    r"""``finditer`` of the pattern with ``(?<![\w-])`` in front: the first match found
    from a position is the one the look-behind pattern finds there (the alternatives are
    tried in the same order), and where the look-behind fails the search resumes one
    character on, as the look-behind pattern's scan would. A word character is
    alphanumeric or the underscore."""
    at = 0
    while (match := pattern.search(text, at)) is not None:
        if match.start() == 0 or not (text[match.start() - 1].isalnum() or text[match.start() - 1] in "_-"):
            yield match
            at = match.end()
        else:
            at = match.start() + 1


def find_known_misspellings(
    text: str, pattern: re.Pattern[str] | None, gazetteer: Gazetteer, *, accept: frozenset[str], variants: bool
) -> Iterator[KnownMisspelling]:
    if pattern is None:
        return
    for match in _variant_matches(text, pattern):
        entry = gazetteer.spellings[match.group()]
        # A dated variant is house style (off unless asked), but beside its preferred form
        # in the same document ("Kharkov" and "Kharkiv") it is an inconsistency.
        if entry.variant in accept or (entry.kind == "variant" and not variants
                                       and not _has_word(text, entry.canonical)):
            continue
        yield KnownMisspelling(match.start(), match.end(), entry.variant, entry.canonical, entry.kind)
