"""'Egypt, which mediates between the sides, made it clear that she expects': a country
as the subject of a reporting verb whose complement opens with "she".

The general nearest-antecedent search gives up whenever any person of unknown gender is
in reach (a plural "leaders" two sentences back, an unknown capitalised name), which
misses exactly the commonest form of the leak: the country says something and the MT
calls it "she" in the reported clause. Here the grammar names the antecedent: the
pronoun is the subject of the clause the country's own verb introduces, with at most a
"which …" clause about the country in between. So only what stands *between* the
country and the pronoun can block (a woman named in the "which" clause), plus any woman
or female pronoun in the window, and a singular ship or storm named before the pronoun.
"""

from __future__ import annotations

import re

from mtqa.checkers.consistency.mentions import Mention

# Verbs that report what the subject says, wants or decides, each followed by "that" or
# directly by the reported clause. Written as a regex over the gap between the country
# and the pronoun.
_REPORTING = (
    r"said|says|say|announced|announces|stated|states|declared|declares|warned|warns|insisted|insists|"
    r"stressed|stresses|added|adds|noted|notes|explained|explains|emphasi[sz]ed|emphasi[sz]es|"
    r"underlined|underlines|reiterated|reiterates|repeated|confirmed|confirms|indicated|indicates|"
    r"claimed|claims|argued|argues|believes|believed|hopes|hoped|expects|expected|thinks|thought|"
    r"replied|responded|promised|promises|threatened|threatens|signall?ed|signals|clarified|"
    r"assured|assures|vowed|vows|pledged|pledges|hinted|hints|denied|denies|admitted|admits|"
    r"(?:made|makes|has\s+made|had\s+made)\s+(?:it\s+)?(?:clear|known|plain)|"
    r"let\s+it\s+be\s+known|told(?:\s+(?!that\b)[a-z]+){1,2}"
)
_ADVERBS = r"(?:also|again|then|later|now|repeatedly|publicly|officially|already|once\s+again|previously|earlier|has|had|have|would|will)"
_TIMES = r"(?:on\s+[A-Z][a-z]+day|today|yesterday|earlier|later|again|repeatedly|publicly|officially|this\s+week|last\s+week)"
_GAP = re.compile(
    r"^(?:\s*,\s*(?:which|that)\s[^,;:.!?\"“”()]{1,150},)?"  # a "which …" clause about the country
    rf"\s+(?:{_ADVERBS}\s+){{0,2}}(?:{_REPORTING})"
    rf"(?:\s+{_TIMES}){{0,2}}"
    r"(?:\s*,)?\s+(?:that\s+)?$"
)


def reporting_subject(text: str, candidates: list[Mention], pronoun: Mention, sentence: int) -> Mention | None:
    """The place or institution whose reporting verb introduces the pronoun's clause."""
    for mention in reversed(candidates):
        if mention.sentence != sentence or mention.start >= pronoun.start:
            continue
        if mention.kind not in ("place", "org"):
            continue
        gap = text[mention.end:pronoun.start]
        if len(gap) > 220 or not _GAP.match(gap):
            continue
        return mention
    return None


def blocked_between(candidates: list[Mention], subject: Mention, pronoun: Mention, gender: str = "f") -> bool:
    """Whether someone the pronoun could mean stands between the country and the pronoun."""
    for m in candidates:
        if not (subject.end <= m.start < pronoun.start):
            continue
        if m.kind == "pronoun" and m.gender == gender:
            return True
        if m.kind == "person" and m.gender in (gender, "u") and not plural(m):
            return True
    return False


def plural(mention: Mention) -> bool:
    """A lower-case person noun in the plural ("reporters", "officials"): not a "she"."""
    name = mention.name
    return name.islower() and name.endswith("s") and not name.endswith(("ss", "'s", "’s"))
