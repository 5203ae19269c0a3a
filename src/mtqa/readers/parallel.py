"""Line-aligned source and reference files (`--source FILE`, `--reference FILE`).

Line *i* of the sidecar file belongs to line *i* of the input (or to unit *i* of a
segment-based input such as JSONL). A folder given as the sidecar mirrors the input
folder: `mtqa check mt/ --source src/` pairs `mt/a/b.txt` with `src/a/b.txt`. The
document text is never changed, so offsets stay exact; the lines become the document's
aligned units.
"""

from __future__ import annotations

import glob
import os
from dataclasses import replace

from mtqa.config.settings import Settings
from mtqa.errors import InputError
from mtqa.model import Document, Segment
from mtqa.readers.discovery import fixed_folder
from mtqa.readers.lines import line_spans, split_lines


def sidecar_path(sidecar: str, input_path: str, root: str) -> str:
    """The sidecar file for ``input_path``: the file itself, or its mirror under a folder.

    The mirror is taken relative to the folder the input was found in: the folder given,
    or a quoted glob's fixed leading folders (`'mt/**/*.txt'` pairs `mt/pol/a.txt` with
    `src/pol/a.txt`, as `mt/` does, not with `src/a.txt`).
    """
    if not os.path.isdir(sidecar):
        return sidecar
    if not os.path.isdir(root) and glob.has_magic(root):
        root = fixed_folder(root)
    if os.path.isdir(root):
        relative = os.path.relpath(input_path, root)
    else:
        relative = os.path.basename(input_path)
    return os.path.join(sidecar, relative)


def read_lines(path: str, settings: Settings) -> list[str]:
    from mtqa.readers import load_bytes
    from mtqa.readers.decode import decode

    if not os.path.lexists(path):
        raise InputError(path, "no such file (aligned file for --source/--reference)")
    return split_lines(decode(load_bytes(path, settings.max_bytes), path).text)


def _sidecar(documents: list[Document], root: str, option: str, given: str | None, carried: str) -> str | None:
    """The aligned file to read for these documents, or None.

    A file that carries its own sources (XLIFF, TMX, JSONL or TSV with a source field) or
    references keeps them: they are aligned unit by unit, a sidecar only by line count, and
    swapping them without a word would check the targets against other text. So an aligned
    file named for such a file is an error; a mirrored folder that has no file for it is not
    (the file needs none), and the others in the folder still get theirs.
    """
    if not given:
        return None
    path = sidecar_path(given, documents[0].path, root)
    if not any(getattr(d, carried) is not None for d in documents):
        return path
    if os.path.isdir(given) and not os.path.lexists(path):
        return None
    what = "sources" if option == "--source" else "references"
    raise InputError(documents[0].path, f"has its own {what}; {option} {path} would replace them "
                                        f"({option} is for files without {what})")


def attach(document: Document, sources: list[str] | None, references: list[str] | None,
           names: tuple[str | None, str | None] = (None, None)) -> Document:
    """``document`` with aligned source/reference lines; InputError when counts differ."""
    if document.units:
        spans = [(u.start, u.end) for u in document.units]
        ids = [u.id for u in document.units]
        kind = "segments"
    else:
        spans = line_spans(document.text)
        ids = [str(i + 1) for i in range(len(spans))]
        kind = "lines"
    for lines, name in ((sources, names[0]), (references, names[1])):
        if lines is not None and len(lines) != len(spans):
            raise InputError(
                document.path,
                f"{len(spans)} {kind}, but the aligned file {name or ''} has {len(lines)} lines".replace("  ", " "),
            )
    units = []
    for i, (start, end) in enumerate(spans):
        old = document.units[i] if document.units else None
        units.append(Segment(
            start, end, id=ids[i],
            source=sources[i] if sources is not None else (old.source if old else None),
            reference=references[i] if references is not None else (old.reference if old else None),
            origin=old.origin if old else None,
        ))
    return replace(
        document,
        units=tuple(units),
        source_text="\n".join(u.source or "" for u in units) if sources is not None else document.source_text,
        reference_text="\n".join(u.reference or "" for u in units) if references is not None
        else document.reference_text,
        _cache={},
    )


def attach_sidecars(documents: list[Document], root: str, settings: Settings) -> list[Document]:
    """The documents of one input file with ``settings.source_file``/``reference_file`` attached.

    Line *i* of the aligned file belongs to record *i* of the input file, whichever of its
    documents holds it: a JSONL file's documents (lines sharing `doc`) may interleave, so
    their counts are checked together, not the first document's against the whole file.
    """
    if not documents:
        return documents
    names = tuple(_sidecar(documents, root, option, given, carried)
                  for option, given, carried in (("--source", settings.source_file, "source_text"),
                                                 ("--reference", settings.reference_file, "reference_text")))
    sources, references = (read_lines(path, settings) if path else None for path in names)
    if sources is None and references is None:
        return documents
    if len(documents) == 1:
        return [attach(documents[0], sources, references, names)]
    counts = [len(d.units) or len(line_spans(d.text)) for d in documents]
    for lines, name in zip((sources, references), names):
        if lines is not None and len(lines) != sum(counts):
            raise InputError(documents[0].path, f"{sum(counts)} segments in {len(documents)} documents, "
                                                f"but the aligned file {name} has {len(lines)} lines")
    attached = []
    offset = 0
    for document, count in zip(documents, counts):
        order = document.metadata.get("records") or range(offset, offset + count)
        offset += count
        attached.append(attach(document,
                               [sources[i] for i in order] if sources is not None else None,
                               [references[i] for i in order] if references is not None else None,
                               names))
    return attached
