"""Input benchmark: how often legacy encodings are decoded right, and what hostile inputs cost.

Encodings: WMT sources and references (``$MTQA_SHARED/corpus/wmt``) cut into short (5-line)
and long (50-line) pieces, encoded in the legacy code pages their language used, then
decoded by mtqa and, for comparison, by charset-normalizer's best guess (what mtqa used
before). A piece counts as right when the decoded text is exactly the original. Pieces
without a non-ASCII byte are left out (they are ASCII, hence UTF-8). Stray bytes: English
references with one to three random bytes 0x80–0xFF inserted; a decoding that turns them
into letters of another script (a false "untranslated text" finding) is counted.

Hostile inputs (timings live here, never in tests): an entity bomb, an external entity, a
FIFO, ``/dev/zero`` behind a link, and 50 MB on standard input, each through the real
``mtqa check`` in a child process (wall time and peak memory from ``wait4``).

Usage: python -m benchmarks.bench_inputs
Writes benchmarks/results/inputs.json and .md.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from pathlib import Path

from mtqa.errors import InputError
from mtqa.readers.decode import decode

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MTQA_SHARED", REPO.parent / "shared"))
CODECS = {"cs": ["cp1250", "iso-8859-2"], "de": ["cp1252", "latin-1"], "ru": ["cp1251", "koi8-r"],
          "uk": ["cp1251"], "he": ["cp1255"], "ja": ["shift_jis", "euc_jp"], "zh": ["gb18030"],
          "en": ["cp1252", "latin-1"]}
PIECES = 60  # per file, size and codec


def _pieces(path: Path, size: int, rng: random.Random) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    chunks = ["\n".join(lines[i:i + size]) + "\n" for i in range(0, len(lines) - size + 1, size)]
    rng.shuffle(chunks)
    return chunks


def _old_guess(data: bytes) -> str | None:
    """charset-normalizer's best guess with mtqa's former confidence floor (0.5)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None or 1.0 - best.chaos < 0.5 else str(best)


def _mtqa(data: bytes) -> str | None:
    try:
        return decode(data, "piece").text
    except InputError:
        return None


def encodings() -> list[dict]:
    rows = []
    rng = random.Random(7)
    for pair in sorted(SHARED.glob("corpus/wmt/*/*-en")):
        source_lang = pair.name.split("-")[0]
        for lang, path in ((source_lang, pair / "source.txt"), ("en", pair / "reference.txt")):
            for codec in CODECS.get(lang, []) if path.is_file() else []:
                for size in (5, 50):
                    counts = {"pieces": 0, "mtqa_right": 0, "mtqa_refused": 0, "old_right": 0, "old_refused": 0}
                    for piece in _pieces(path, size, rng):
                        truth = piece.encode(codec, "replace").decode(codec)
                        data = truth.encode(codec)
                        if data.isascii():
                            continue
                        counts["pieces"] += 1
                        for name, result in (("mtqa", _mtqa(data)), ("old", _old_guess(data))):
                            counts[f"{name}_right"] += result == truth
                            counts[f"{name}_refused"] += result is None
                        if counts["pieces"] == PIECES:
                            break
                    if counts["pieces"]:
                        rows.append({"file": f"{pair.parent.name}/{pair.name}/{path.name}", "lang": lang,
                                     "codec": codec, "lines": size, **counts})
    return rows


FOREIGN = ("ARABIC", "HEBREW", "CYRILLIC", "GREEK", "CJK", "HANGUL", "HIRAGANA", "KATAKANA", "THAI",
           "DEVANAGARI", "ARMENIAN", "GEORGIAN")


def _foreign_letters(text: str) -> bool:
    """Letters of a script the language checker would report as untranslated text."""
    return any(ch.isalpha() and unicodedata.name(ch, "").startswith(FOREIGN) for ch in text if not ch.isascii())


def stray_bytes() -> dict:
    rng = random.Random(11)
    counts = {"pieces": 0, "mtqa_foreign": 0, "mtqa_refused": 0, "old_foreign": 0, "old_refused": 0}
    for path in sorted(SHARED.glob("corpus/wmt/*/*-en/reference.txt")):
        for piece in _pieces(path, 50, rng)[:40]:
            data = piece.encode("ascii", "ignore")
            for _ in range(rng.randint(1, 3)):
                at = rng.randrange(len(data))
                data = data[:at] + bytes([rng.randrange(0x80, 0x100)]) + data[at:]
            counts["pieces"] += 1
            for name, result in (("mtqa", _mtqa(data)), ("old", _old_guess(data))):
                counts[f"{name}_refused"] += result is None
                counts[f"{name}_foreign"] += result is not None and _foreign_letters(result)
    return counts


def _run(args: list[str], stdin=None, timeout: float = 600) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "mtqa", "check", "--no-grammar", "--format", "json", *args],
                                 cwd=tmp, stdin=stdin or subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE)
        timer = threading.Timer(timeout, child.kill)  # a hang is a result too
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        timer.cancel()
        wall = time.perf_counter() - started
        stderr = child.stderr.read().decode("utf-8", "replace")
    line = next((x for x in stderr.splitlines() if x.startswith("mtqa: error:")), stderr.strip()[-200:])
    return {"exit_code": os.waitstatus_to_exitcode(status), "wall_seconds": round(wall, 2),
            "peak_mb": round(usage.ru_maxrss / 1024), "outcome": line.split(": ", 3)[-1]}


def hostile() -> dict:
    lol = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    cases = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "bomb.xlf").write_text(
            f'<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY lol0 "lol">{lol}]><xliff version="1.2"><file>'
            "<body><trans-unit id='1'><source>&lol9;</source><target>&lol9;</target></trans-unit></body>"
            "</file></xliff>", encoding="utf-8")
        (folder / "external.tmx").write_text(
            '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY s SYSTEM "file:///etc/passwd">]><tmx version="1.4">'
            '<header srclang="de"/><body><tu><tuv xml:lang="en"><seg>&s;</seg></tuv></tu></body></tmx>',
            encoding="utf-8")
        os.mkfifo(folder / "pipe.txt")
        (folder / "zero.txt").symlink_to("/dev/zero")
        for name in ("bomb.xlf", "external.tmx", "pipe.txt", "zero.txt"):
            cases[name] = _run([str(folder / name)], timeout=120)
        big = folder / "big.txt"
        with open(big, "wb") as handle:
            handle.write(b"The minister said that the talks would resume on Monday. " * 900_000)  # 52 MB
        with open(big, "rb") as handle:
            cases["stdin 52 MB"] = _run(["-"], stdin=handle)
    return cases


def main() -> None:
    if not SHARED.joinpath("corpus/wmt").is_dir():
        sys.exit(f"shared WMT corpus not found under {SHARED}")
    out = {"encodings": encodings(), "stray_bytes": stray_bytes(), "hostile": hostile()}
    results = REPO / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "inputs.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    md = ["# Inputs", "", "Legacy encodings decoded exactly (pieces of WMT text; mtqa vs charset-normalizer's "
          "best guess, refusals in brackets):", "",
          "| file | codec | lines | pieces | mtqa right | old right |", "|---|---|---:|---:|---:|---:|"]
    totals = {"pieces": 0, "mtqa_right": 0, "old_right": 0}
    for row in out["encodings"]:
        md.append(f"| {row['file']} | {row['codec']} | {row['lines']} | {row['pieces']} | {row['mtqa_right']} "
                  f"({row['mtqa_refused']}) | {row['old_right']} ({row['old_refused']}) |")
        for key in totals:
            totals[key] += row[key]
    md.append(f"| **all** | | | {totals['pieces']} | {totals['mtqa_right']} | {totals['old_right']} |")
    s = out["stray_bytes"]
    md += ["", f"English with 1–3 stray bytes ({s['pieces']} pieces): letters of another script invented by "
               f"mtqa {s['mtqa_foreign']} (refused {s['mtqa_refused']}), by the old guess {s['old_foreign']} "
               f"(refused {s['old_refused']}).", "", "| hostile input | exit | seconds | peak MB | outcome |", "|---|---:|---:|---:|---|"]
    for name, row in out["hostile"].items():
        md.append(f"| {name} | {row['exit_code']} | {row['wall_seconds']} | {row['peak_mb']} | {row['outcome']} |")
    (results / "inputs.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print("\n".join(md))


if __name__ == "__main__":
    main()
