"""The shipped model as plain Python lists, read without numpy.

A run scores few words exactly (``scorer.py``), so it needs the model's step functions
and its bigram table, not numpy: importing numpy was 7–8% of a run over short documents,
more than all the scoring. The first use of a model file reads it with numpy
(``additive.load``, the definition) and keeps the same numbers in mtqa's cache folder as
a marshal file under a hash of the model file's bytes; later runs read that file. A cache
folder that cannot be written costs numpy's import in every run, never a result.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import math
from array import array
from bisect import bisect_left, bisect_right
from pathlib import Path
from typing import NamedTuple

from mtqa.checkers.naturalness.forms import NAMES

LAYOUT = "compact2"  # of the cache file: a new layout gets new files, old ones are never misread


class ModelError(Exception):
    """The model file is missing or not one this version reads; the message is one line."""


class Pairs:
    """The model's bigram table: log10 count of a pair of lower-case words, 0 when absent.

    Sorted integer keys over a small vocabulary (as ``features.Bigrams``), searched with
    ``bisect`` one pair at a time: a run looks up the pairs of the few sentences that can
    hold a finding."""

    def __init__(self, vocabulary: str, keys: tuple[str, bytes], hundredths: bytes) -> None:
        self._vocabulary = vocabulary
        self._keys = array(*keys)
        self._hundredths = array("i", hundredths)  # a value is a whole number of hundredths (additive.load)
        self._index: dict[str, int] | None = None

    def pair(self, first: str, second: str) -> float:
        """log10 count of the pair of lower-case words; 0 when the table lacks it."""
        index = self._index
        if index is None:  # 20,000 words: built when the first pair is asked for
            vocabulary = self._vocabulary.split("\n") if self._vocabulary else []
            index = self._index = dict(zip(vocabulary, range(len(vocabulary))))
        a, b = index.get(first, -1), index.get(second, -1)
        if a < 0 or b < 0 or not self._keys:
            return 0.0
        key = a * len(index) + b
        at = bisect_left(self._keys, key)
        return self._hundredths[at] / 100 if at < len(self._keys) and self._keys[at] == key else 0.0


class Compact(NamedTuple):
    """One step function per feature (``cuts[f]``, ``values[f]``: as ``additive.Additive``)."""

    cuts: list[list[float]]
    values: list[list[float]]
    bias: float
    pairs: Pairs
    header: dict

    def step(self, feature: int, x: float) -> float:
        """What feature ``feature`` adds to a word's log-odds at value ``x`` (``np.searchsorted``, side left)."""
        return self.values[feature][bisect_left(self.cuts[feature], x)]

    def calibrate(self, probability: float) -> float:
        """Raw probability -> share of such findings that were right on held-back data, as ``np.interp``."""
        raw, precision = self.header["calibration"]["raw"], self.header["calibration"]["precision"]
        if probability <= raw[0]:
            return precision[0]
        if probability >= raw[-1]:
            return precision[-1]
        j = bisect_right(raw, probability) - 1
        slope = (precision[j + 1] - precision[j]) / (raw[j + 1] - raw[j])
        return slope * (probability - raw[j]) + precision[j]

    def floor(self, min_confidence: float) -> float:
        """A log-odds below which no word reaches ``min_confidence``: the probability at the
        last calibration point before the first that reaches it (between two points that
        both fall short, the line between them does too); -inf when the first point reaches it."""
        raw, precision = self.header["calibration"]["raw"], self.header["calibration"]["precision"]
        first = next((j for j, p in enumerate(precision) if p >= min_confidence), len(precision))
        below = raw[first - 1] if first > 0 else 0.0
        if below <= 0.0:
            return -math.inf
        if below >= 1.0:
            return math.inf
        return math.log(below / (1.0 - below))


def load(path: Path) -> Compact:
    """The model at ``path``, from its cached copy when there is one (``ModelError`` if unreadable)."""
    from mtqa.languagetool.install import cache_root

    try:
        packed = path.read_bytes()
    except OSError:
        raise ModelError(f"{path}: naturalness model file not found "
                         "(build it with scripts/build_naturalness_model.py)") from None
    stored = cache_root() / "naturalness" / f"{hashlib.blake2b(packed, digest_size=16).hexdigest()}.{LAYOUT}.marshal"
    try:
        parts = marshal.loads(stored.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        parts = _convert(path)
        try:
            from mtqa.atomic import atomic_write

            stored.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(str(stored), marshal.dumps(parts))
        except OSError:
            pass
    header, cuts, values, bias, vocabulary, keys, hundredths = parts
    return Compact(cuts, values, bias, Pairs(vocabulary, keys, hundredths), json.loads(header))


def _convert(path: Path) -> tuple:
    """The model file read by ``additive.load`` (with numpy), as marshal-able plain values: the
    pair keys in four bytes when they fit, and the pair values, which ``additive.load`` rounds
    to hundredths (``rint(100 x) / 100``), as whole hundredths (Python's ``k / 100`` is the same
    division): 2 MB to read instead of 4."""
    from mtqa.checkers.naturalness import import_numpy

    np = import_numpy()
    from mtqa.checkers.naturalness.additive import load as load_arrays

    model = load_arrays(path)
    features = model.header.get("features", list(NAMES))
    if list(features) != list(NAMES) or len(model.additive.cuts) != len(NAMES):
        raise ModelError(f"{path}: its features are not the {len(NAMES)} this version computes")
    a, b = model.additive, model.bigrams
    hundredths = np.rint(b.values * 100)
    if not np.array_equal(hundredths / 100, b.values):
        raise ModelError(f"{path}: its word pair values are not in hundredths")
    wide = array("I").itemsize != 4 or (len(b.keys) and int(b.keys.max()) >= 2**32)
    keys = ("q", b.keys.astype(np.int64).tobytes()) if wide else ("I", b.keys.astype(np.uint32).tobytes())
    return (json.dumps(model.header), [c.tolist() for c in a.cuts], [v.tolist() for v in a.values], float(a.bias),
            "\n".join(b.vocabulary), keys, hundredths.astype(np.int32).tobytes())
