"""Cut-off and spliced sentences, and verbless fragments.

When MT segments a sentence differently from its source, or a scraper drops a block, a
sentence breaks off and the next one is glued to it: "the airports where But there is".
Three signals, each required to be unambiguous:

* a sentence opener ("But", "However", ...) capitalised right after a lower-case word
  with no punctuation between, or a pronoun/article opener ("The", "It", ...) right after a
  relative or subordinating word ("where The company"), followed by a lower-case word (so
  titles such as "the film The Road" or "in The Hague" do not match);
* a paragraph that ends without terminal punctuation followed by one starting lower-case;
* a paragraph that ends on an article, determiner or conjunction.

Verbless fragments are flagged only in the strongest form: ", although"/", though" +
a determiner phrase running to the end of the sentence with no verb-like word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from mtqa.model import Segment

_OPENERS = ("But|However|Although|Moreover|Furthermore|Meanwhile|Nevertheless|Nonetheless|Therefore|Thus|Hence|"
            "Besides|Additionally|Consequently|Instead")
_SUBORDINATES = frozenset("where which that when who whose whom because although though if than while whereas since "
                          "until unless".split())
# The opener and what follows it: these patterns anchor on the capitalised opener, and
# the spaces and the word before it are checked by hand (``_opener_matches``). As one pattern
# starting at every lower-case word (r"\b[a-z]+[ \t]+(But|…)[ \t]+[a-z]") the scan was most of
# this checker's time; the matches are the same.
_OPENER = re.compile(rf"({_OPENERS})[ \t]+[a-z]")
_SUBORDINATE_OPENER = re.compile(r"(The|This|It|There|They|These|Those|We|She|In|At|On|According)[ \t]+[a-z]")
_TERMINAL = frozenset(".!?:;…\"”’)]»*")
# Words a complete sentence cannot end on ("that", "to", "with", "can" can: "how to do
# that", "won't have to", "who he went with", "if I can").
_DANGLING = frozenset("the a an and or but where which whose its their our your my of".split())
_LIST_ITEM = re.compile(r"[a-z]{1,3}[.)]\s")
# "… flash floods - chinanews.com": a headline credited to its site, not a cut sentence.
_SITE_END = re.compile(r"\w\.[a-z]{2,6}\Z")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_FRAGMENT = re.compile(
    r",[ \t]+(although|though|even though)[ \t]+(another|a|an|the|this|that|its|his|her|their|some|no|any)[ \t]+"
    r"([^.!?;:,\"“”]*)[.!?]$"
)
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|"
    r"should|seems?|remains?|appears?|looks?|\w+ed|\w+ing|\w+en)\b"
)


# Fixed phrases whose -ing/-en word is not a verb of the clause.
_IDIOMS = re.compile(r"\b(?:for the time being|so to speak|generally speaking|in the long run)\b")


@dataclass(frozen=True, slots=True)
class Cut:
    start: int
    end: int
    kind: str  # "opener", "paragraph", "dangling", "fragment"
    message: str
    suggestion: str | None = None


def find_openers(text: str) -> Iterator[Cut]:
    for pattern in (_OPENER, _SUBORDINATE_OPENER):
        for start, match in _opener_matches(text, pattern):
            word_start = match.start(1)
            before = text[start:word_start].split()[0]
            yield Cut(
                start, match.end(1), "opener",
                f"'{match.group(1)}' starts a new sentence in the middle of one; the sentence before it was cut off",
                f"{before}. {match.group(1)}" if pattern is _OPENER else None,
            )


def _opener_matches(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
    """(start of the word before, match) where that whole word is lower-case a-z (``_OPENER``)
    or a subordinating word (``_SUBORDINATE_OPENER``); matches do not overlap, as a
    regex scan's do not."""
    done = 0
    for match in pattern.finditer(text):
        end = match.start()
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        start = end
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        word = text[start:end]
        if end == match.start() or start < done or not (
                word in _SUBORDINATES if pattern is _SUBORDINATE_OPENER
                else word.isascii() and word.isalpha() and word.islower()):
            continue
        done = match.end()
        yield start, match


def find_paragraph_cuts(text: str, paragraphs: tuple[Segment, ...], *, min_words: int = 6) -> Iterator[Cut]:
    for para, following in zip(paragraphs, paragraphs[1:]):
        last = text[para.end - 1]
        if last in _TERMINAL or not (last.isalpha() or last == ","):
            continue
        body = text[para.start:para.end]
        words = _WORD.findall(body)
        if len(words) < min_words:
            continue  # headlines, captions, bylines
        if not any(mark in body for mark in ".,;:"):
            continue  # an unpunctuated line is a headline or chat, not a cut sentence
        if _SITE_END.search(body):
            continue
        last_word = words[-1]
        last_start = para.start + body.rfind(last_word)
        first_word = _WORD.search(text, following.start, following.end)
        if first_word is None:
            continue
        lower_next = first_word.start() == following.start and text[following.start].islower()
        if _LIST_ITEM.match(text, following.start):
            lower_next = False
        dangling = last_word in _DANGLING  # lower case only: "team A" is a name
        if dangling and lower_next:
            yield Cut(last_start, first_word.end(), "paragraph",
                      f"the paragraph breaks off after '{last_word}' and the sentence continues in the next one")
        elif dangling:
            yield Cut(last_start, last_start + len(last_word), "dangling",
                      f"the paragraph ends on '{last_word}': the rest of the sentence is missing")
        elif lower_next:
            yield Cut(last_start, first_word.end(), "continued",
                      "the paragraph ends without punctuation and the next one continues in lower case")


def find_fragments(text: str, sentences: tuple[Segment, ...]) -> Iterator[Cut]:
    for sentence in sentences:
        if sentence.end - sentence.start < 30:
            continue
        body = text[sentence.start:sentence.end]
        match = _FRAGMENT.search(body)
        if match is None:
            continue
        rest = match.group(3)
        words = rest.split()
        if len(words) + 1 < 3 or len(words) > 12 or _VERBISH.search(_IDIOMS.sub("", rest)):
            continue
        if any(w.endswith("s") and not w.endswith("ss") for w in words[1:]):
            continue  # "the sunshine makes ...": a third-person verb is likely
        start = sentence.start + match.start(1)
        end = sentence.start + match.end(3)
        yield Cut(start, end, "fragment", f"'{text[start:end]}' has no verb: a clause is missing")
