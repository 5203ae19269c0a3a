"""The trained model as plain arrays, scored with numpy: no learning library at run time.

The build script trains boosted *stumps* (one split per tree), which add up to one step
function per feature: a generalised additive model. Scoring a word is one binary search
per feature, all words at once, and the model can say which feature pushed a word over
the line, which is what the finding's message reports. Depth-6 trees were measured too
(docs/naturalness.md): same ranking quality, ten times slower to score.

The file is an ``.npz`` without pickles: numbers, the bigram table (a UTF-8 vocabulary and
integer pair keys, ``features.Bigrams``) and a JSON header (feature names, calibration,
defaults).
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
from pathlib import Path
from typing import NamedTuple

import numpy as np

from mtqa.checkers.naturalness.compact import ModelError  # noqa: F401 (raised here, caught by the checker)
from mtqa.checkers.naturalness.features import Bigrams

FORMAT = "mtqa-naturalness/3"


class Additive(NamedTuple):
    """One step function per feature: ``values[f][i]`` applies when ``cuts[f][i-1] < x <= cuts[f][i]``."""

    cuts: list[np.ndarray]
    values: list[np.ndarray]
    bias: float

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """(words, features) log-odds each feature adds for each word."""
        out = np.empty(x.shape, dtype=np.float64)
        for f, (cuts, values) in enumerate(zip(self.cuts, self.values)):
            out[:, f] = values[np.searchsorted(cuts, x[:, f], side="left")]
        return out

    def probability(self, x: np.ndarray) -> np.ndarray:
        if not len(x):
            return np.zeros(0)
        return self.logistic(self.contributions(np.asarray(x, dtype=np.float64)))

    def logistic(self, contributions: np.ndarray) -> np.ndarray:
        """Each word's probability from its (words, features) contributions, summed in feature order."""
        raw = contributions.sum(axis=1) + self.bias
        return 1.0 / (1.0 + np.exp(-raw))

    @classmethod
    def from_stumps(cls, trees: list[dict], n_features: int) -> Additive:
        """LightGBM ``tree_structure`` dicts of depth <= 1 (the first holds the base score)."""
        splits: list[list[tuple[float, float, float]]] = [[] for _ in range(n_features)]
        bias = 0.0
        for node in trees:
            if "leaf_value" in node:
                bias += node["leaf_value"]
                continue
            left, right = node["left_child"], node["right_child"]
            if "leaf_value" not in left or "leaf_value" not in right or node.get("decision_type", "<=") != "<=":
                raise ValueError("only numeric stumps ('<=' splits of depth 1) can be exported")
            splits[node["split_feature"]].append((node["threshold"], left["leaf_value"], right["leaf_value"]))
        cuts, values = [], []
        for stumps in splits:
            c = np.array(sorted({t for t, _, _ in stumps}), dtype=np.float64)
            # Bin i holds x <= c[i] (and > c[i-1]); the last bin holds x above every cut.
            v = np.array([sum(lv if i < len(c) and c[i] <= t else rv for t, lv, rv in stumps) for i in range(len(c) + 1)])
            cuts.append(c)
            values.append(v)
        return cls(cuts, values, bias)


class Model(NamedTuple):
    additive: Additive
    bigrams: Bigrams
    header: dict

    def calibrate(self, probability: np.ndarray) -> np.ndarray:
        """Raw probability -> share of such findings that were right on held-back data."""
        table = self.header["calibration"]
        return np.interp(probability, table["raw"], table["precision"])


def save(path: Path, model: Additive, bigrams: dict[str, float], header: dict) -> None:
    """``bigrams`` maps "w1 w2" (lower case) to log10 of its count in English text."""
    table = Bigrams.from_table(bigrams)
    with open(path, "wb") as handle:
        np.savez_compressed(
            handle,
            cut_counts=np.array([len(c) for c in model.cuts], dtype=np.int32),
            cuts=np.concatenate(model.cuts) if model.cuts else np.zeros(0),
            values=np.concatenate(model.values) if model.values else np.zeros(0),
            bias=np.array([model.bias]),
            bigram_vocabulary=np.frombuffer("\n".join(table.vocabulary).encode("utf-8"), dtype=np.uint8),
            bigram_keys=table.keys,
            bigram_values=table.values.astype(np.float32),
            header=np.frombuffer(json.dumps({"format": FORMAT, **header}).encode("utf-8"), dtype=np.uint8),
        )


def _stored(path: Path) -> Path | io.BytesIO:
    """The model file's arrays stored uncompressed: from mtqa's cache folder, under a hash of
    the file's bytes, written there on first use.

    Inflating the bigram table was most of the time to load the model (13 ms of 18 on the
    build machine); read stored it takes 3 ms, and hashing the file 1 ms (mtqa.wordlists
    keeps its tables the same way). The packaged file stays compressed; a cache folder that
    cannot be written costs the time, never a result.
    """
    from mtqa.languagetool.install import cache_root

    packed = path.read_bytes()
    stored = cache_root() / "naturalness" / f"{hashlib.blake2b(packed, digest_size=16).hexdigest()}.npz"
    if stored.is_file():
        return stored
    with np.load(io.BytesIO(packed), allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    try:
        from mtqa.atomic import atomic_write

        stored.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(str(stored), buffer.getvalue())
    except OSError:
        pass
    buffer.seek(0)
    return buffer


def load(path: Path) -> Model:
    try:
        with np.load(_stored(path), allow_pickle=False) as data:
            header = json.loads(data["header"].tobytes().decode("utf-8"))
            if header.get("format") != FORMAT:
                raise ModelError(f"{path}: not a {FORMAT} model (format {header.get('format')!r})")
            # Each member once: indexing ``data`` reads the member again.
            counts, all_cuts, all_values = data["cut_counts"].tolist(), data["cuts"], data["values"]
            cut_at = [0, *itertools.accumulate(counts)]
            value_at = [0, *itertools.accumulate(c + 1 for c in counts)]
            cuts = [all_cuts[cut_at[i] : cut_at[i + 1]] for i in range(len(counts))]
            values = [all_values[value_at[i] : value_at[i + 1]] for i in range(len(counts))]
            vocabulary = data["bigram_vocabulary"].tobytes().decode("utf-8").split("\n")
            bigrams = Bigrams(vocabulary, data["bigram_keys"], data["bigram_values"].astype(np.float64).round(2))
            additive = Additive(cuts, values, float(data["bias"][0]))
    except FileNotFoundError:
        raise ModelError(f"{path}: naturalness model file not found (build it with scripts/build_naturalness_model.py)") from None
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"{path}: unreadable naturalness model ({exc})") from None
    return Model(additive, bigrams, header)
