"""Sentence and paragraph segmentation with exact offsets into the document text."""
