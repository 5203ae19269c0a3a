"""The `mtqa score` leaderboard (a plain dict built by mtqa.metrics.leaderboard) as text,
JSON or Markdown."""

from __future__ import annotations

import json

from mtqa.metrics.scores import HIGHER_IS_BETTER, LABELS


def _score(cell: dict, with_p: bool, with_ci: bool = False) -> str:
    text = f"{cell['score']:.2f}"
    if with_ci and cell.get("ci") is not None:
        text += f" (μ = {cell['mean']:.2f} ± {cell['ci']:.2f})"  # sacrebleu's --confidence notation
    if with_p and cell.get("p_value") is not None:
        text += f" (p={cell['p_value']:.3f}){'*' if cell['significant'] else ''}"
    return text


def _table(board: dict) -> tuple[list[str], list[list[str]]]:
    metrics = board["metrics"]
    with_p = board["significance"] is not None
    header = ["System"] + [LABELS[m] + ("" if HIGHER_IS_BETTER[m] else " (lower is better)") for m in metrics]
    has_artifacts = any("artifacts" in r for r in board["systems"])
    if has_artifacts:
        header += ["Words", "Artifacts/1k words"]
    rows = []
    for row in board["systems"]:
        cells = [row["system"]] + [_score(row[m], with_p, bool(board.get("confidence"))) for m in metrics]
        if has_artifacts:
            cells += [str(row["artifacts"]["words"]), f"{row['artifacts']['per_1000_words']:.2f}"]
        rows.append(cells)
    return header, rows


def _category_table(board: dict) -> tuple[list[str], list[list[str]]] | None:
    systems = [r for r in board["systems"] if "artifacts" in r]
    categories = sorted({c for r in systems for c in r["artifacts"]["by_category"]})
    if not systems or not categories:
        return None
    header = ["Category"] + [r["system"] for r in systems]
    rows = [[c] + [f"{r['artifacts']['by_category'].get(c, 0.0):.2f}" for r in systems] for c in categories]
    return header, rows


def _plain(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(x) for x in column) for column in zip(header, *rows)]
    line = lambda cells: "  ".join(c.ljust(w) if i == 0 else c.rjust(w)  # noqa: E731
                                   for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    return [line(header), "  ".join("-" * w for w in widths)] + [line(r) for r in rows]


def _markdown(header: list[str], rows: list[list[str]]) -> list[str]:
    esc = lambda c: c.replace("|", "\\|")  # noqa: E731
    out = ["| " + " | ".join(esc(h) for h in header) + " |",
           "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
    return out + ["| " + " | ".join(esc(c) for c in r) + " |" for r in rows]


def _notes(board: dict) -> list[str]:
    notes = [f"{board['segments']} segments; reference {board['reference']}"]
    if board["significance"]:
        sig = board["significance"]
        notes.append(f"p: {sig['test']} against {sig['baseline']} ({sig['samples']} resamples); "
                     f"* = p < {sig['threshold']}")
    if board.get("confidence"):
        notes.append(f"μ ± x: mean and 95% confidence interval over {board['confidence']['samples']} "
                     "bootstrap resamples")
    if board["checkers"]:
        notes.append("artifacts: findings of mtqa checkers " + ", ".join(board["checkers"]) +
                     " per 1,000 words of system output")
    notes += [f"{LABELS[m]} signature: {board['signatures'][m]}" for m in board["metrics"]]
    return notes


def render(board: dict, format_name: str = "text") -> str:
    if format_name == "json":
        return json.dumps(board, ensure_ascii=False, indent=2) + "\n"
    table = _plain if format_name == "text" else _markdown
    lines = []
    if format_name == "markdown":
        lines += ["## MT systems", ""]
    lines += table(*_table(board))
    categories = _category_table(board)
    if categories is not None:
        lines += ["", "## Artifacts per 1,000 words by MQM category", ""] if format_name == "markdown" else \
            ["", "Artifacts per 1,000 words by MQM category"]
        lines += table(*categories)
    lines.append("")
    lines += [("- " if format_name == "markdown" else "") + n for n in _notes(board)]
    return "\n".join(lines) + "\n"
