"""occurs_alone answers as the regex it replaces, on random texts of word and non-word characters."""

from __future__ import annotations

import random
import re

from mtqa.segment.words import occurs_alone


def test_occurs_alone_is_the_lookaround_regex():
    rng = random.Random(3)
    alphabet = "ab_1 .-éß\u0663x’"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3)))
        assert occurs_alone(text, word) == bool(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)), (text, word)
    assert occurs_alone("Ostrowska said; Ostrowskaannounced", "Ostrowska")
    assert not occurs_alone("Ostrowskaannounced and _Ostrowska", "Ostrowska")
