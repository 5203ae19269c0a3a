"""Batching and UTF-16 offset mapping, without a server."""

from __future__ import annotations

from mtqa.languagetool.batching import SEPARATOR, make_batches, pieces
from mtqa.offsets import Utf16Index


def paragraphs(text):
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def utf16_span(batch_text, start, end):
    index = Utf16Index(batch_text)
    return index.to_utf16(start), index.to_utf16(end) - index.to_utf16(start)


def test_every_word_maps_back_to_the_document():
    text = "😀 First line here.\nSecond 🇺🇦 line, 𠀀 with more.\n\n\nThird line.\n"
    for max_chars in (10, 25, 1000):
        for batch in make_batches(text, paragraphs(text), max_chars):
            assert len(batch.text) <= max_chars or len(batch.batch_starts) == 1
            for word in ("line", "First", "more", "Third"):
                at = batch.text.find(word)
                if at < 0:
                    continue
                offset, length = utf16_span(batch.text, at, at + len(word))
                start, end = batch.to_document(offset, length)
                assert text[start:end] == word


def test_lines_become_separate_paragraphs_in_the_request():
    text = "One.\nTwo.\nThree."
    [batch] = make_batches(text, paragraphs(text), 1000)
    assert batch.text == SEPARATOR.join(["One.", "Two.", "Three."])
    assert batch.doc_starts == (0, 5, 10)


def test_match_in_separator_is_dropped_and_match_never_leaks_into_next_paragraph():
    text = "Alpha beta.\nGamma delta."
    [batch] = make_batches(text, paragraphs(text), 1000)
    sep = batch.text.index(SEPARATOR)
    assert batch.to_document(sep, 1) is None
    start, end = batch.to_document(0, len(batch.text))
    assert text[start:end] == "Alpha beta."


def test_astral_character_inside_the_match_counts_once():
    text = "x 😀😀 y"
    [batch] = make_batches(text, paragraphs(text), 1000)
    start, end = batch.to_document(2, 4)  # two emoji = four UTF-16 units
    assert text[start:end] == "😀😀"


def test_long_paragraph_is_cut_at_sentence_ends():
    text = " ".join(f"Sentence number {i} is here." for i in range(100))
    cut = list(pieces(text, [(0, len(text))], 300))
    assert all(end - start <= 300 for start, end in cut)
    assert all(text[start:end].rstrip().endswith(".") for start, end in cut[:-1])
    assert "".join(text[s:e] for s, e in cut).replace(" ", "") == text.replace(" ", "")
