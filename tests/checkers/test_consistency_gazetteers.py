"""The packaged gazetteers load, are well formed and agree with each other."""

from __future__ import annotations

from mtqa.gazetteers import load


def test_gazetteers_load_and_are_consistent():
    gaz = load()
    assert ("North", "Korea") in gaz.places and gaz.places[("Russia",)] == "country"
    assert gaz.institutions[("Kremlin",)] == "metonym"
    assert gaz.people[("Giorgia", "Meloni")] == "f" and gaz.surnames["Putin"] == "m"
    assert gaz.titles["Mrs"] == "f" and gaz.person_nouns["woman"] == "f"
    assert set(gaz.places.values()) <= {"country", "capital", "city", "region"}
    assert set(gaz.institutions.values()) <= {"metonym", "org", "noun"}
    assert set(gaz.people.values()) <= {"m", "f"}
    assert set(gaz.titles.values()) | set(gaz.person_nouns.values()) <= {"m", "f", "u"}
    for entry in gaz.spellings.values():
        assert entry.kind in ("misspelling", "variant"), entry
        assert entry.canonical != entry.variant
        assert entry.canonical not in gaz.spellings, f"{entry.canonical} is canonical and a variant"
    assert gaz.spellings["Kraschatyk"].canonical == "Khreshchatyk"
    assert gaz.spellings["Kharkov"].canonical == "Kharkiv"
    assert "ship" in gaz.inanimate_she and "iPhone" in gaz.camelcase
