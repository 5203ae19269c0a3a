"""`mtqa score`: rank MT systems against a reference (sacrebleu) and by mtqa's own findings."""

from __future__ import annotations

import os

import click

from mtqa.cli import config_option
from mtqa.errors import MtqaError

# sacrebleu's BLEU tokenizers (its -tok choices); listed here so --help does not import it.
# Not its "spm": a deprecated alias of flores101 (same tokenizer, same signature).
TOKENIZERS = ["13a", "intl", "zh", "ja-mecab", "ko-mecab", "char", "none", "flores101", "flores200"]


@click.command()
@click.argument("systems", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False), metavar="SYS...")
@click.option("--reference", "-r", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Human reference, one segment a line, aligned with every SYS file.")
@click.option("--source", "-s", "source", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Source text aligned with the systems: adds the bilingual checks to the artifact rates.")
@click.option("--format", "-f", "format_", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="Leaderboard format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the leaderboard to FILE instead of standard output.")
@click.option("--metrics", "metric_names", default="bleu,chrf,ter", show_default=True, metavar="LIST",
              help="Comma-separated metrics: bleu, chrf, ter (TER is the slow one).")
@click.option("--bootstrap", "n_samples", type=click.IntRange(min=1), default=1000, show_default=True,
              metavar="N", help="Paired bootstrap resamples for significance against the first system.")
@click.option("--confidence", "-ci", is_flag=True,
              help="Add a 95% confidence interval to every score (bootstrap resampling with --bootstrap N "
                   "samples, as sacrebleu --confidence; shown as μ = mean ± half-width).")
@click.option("--tokenize", "-tok", type=click.Choice(TOKENIZERS), default=None,
              help="BLEU tokenizer, as sacrebleu -tok (default 13a; zh, ja-mecab, char, intl, none…). "
                   "The signature records it. ja-mecab and ko-mecab need sacrebleu[ja] or sacrebleu[ko]; "
                   "flores101 and flores200 need sentencepiece and download their model once.")
@click.option("--lowercase", "-lc", is_flag=True,
              help="Case-insensitive BLEU, as sacrebleu -lc (TER is case-insensitive unless "
                   "--ter-case-sensitive).")
@click.option("--chrf-word-order", "-cw", type=click.IntRange(0, 2), default=0, show_default=True,
              help="chrF word n-gram order: 2 gives chrF++.")
@click.option("--ter-case-sensitive", is_flag=True, help="Case-sensitive TER.")
@click.option("--artifacts/--no-artifacts", default=True, show_default=True,
              help="Run mtqa's checkers on each system and report findings per 1,000 words.")
@click.option("--grammar", is_flag=True, help="Include the grammar checker (LanguageTool) in the artifact rates.")
@click.option("--source-lang", metavar="LANG", default=None, help="Language the systems translated from.")
@config_option()
def score(systems, reference, source, format_, output, metric_names, n_samples, confidence, tokenize, lowercase,
          chrf_word_order, ter_case_sensitive, artifacts, grammar, source_lang, config_file) -> None:
    """Score MT systems against a reference: BLEU, chrF and TER (sacrebleu), significance
    of each system against the first (paired bootstrap), and artifact rates by MQM category.

    Scores equal the sacrebleu CLI's for the same options; the signatures say which were used.

    \b
    Examples:
      mtqa score -r ref.en sys1.en sys2.en
      mtqa score -r ref.en sys1.en --confidence --no-artifacts
      mtqa score -r ref.zh sys1.zh --tokenize zh --chrf-word-order 2
      mtqa score -r ref.en -s src.de sys1.en sys2.en --format markdown -o board.md
    """
    from mtqa.cli.output import check_destinations, write_output
    from mtqa.config.settings import load_settings
    from mtqa.metrics import leaderboard
    from mtqa.metrics.scores import METRICS, make_metric

    _check_seed(os.environ.get("SACREBLEU_SEED"))
    if confidence and n_samples < 2:  # one resample has no spread: the interval would silently vanish
        raise click.UsageError("--confidence needs --bootstrap 2 or more resamples")
    # -o naming a system, the reference or the source would replace it with the leaderboard.
    check_destinations({"--output": output}, [*systems, reference, *([source] if source else [])])
    systems = _distinct(systems)
    metrics = [m.strip().lower() for m in metric_names.split(",") if m.strip()]
    unknown = [m for m in metrics if m not in METRICS]
    if unknown or not metrics:
        raise MtqaError(f"unknown metric {', '.join(unknown) or '(none)'}; choose from {', '.join(METRICS)}")
    settings = load_settings(config_file, {"checkers.grammar.enabled": grammar, "source_lang": source_lang})
    options = {
        "bleu": {"tokenize": tokenize, "lowercase": lowercase},
        "chrf": {"word_order": chrf_word_order},
        "ter": {"case_sensitive": ter_case_sensitive},
    }
    for name in metrics:  # a tokenizer that cannot load fails now, not after the checkers have started
        make_metric(name, options[name])
    scoring = {"metrics": metrics, "n_samples": n_samples, "confidence": confidence, "options": options,
               "on_guess": _warn_guess}
    if not artifacts:
        board = leaderboard.build(reference, systems, source=source, **scoring)
    else:
        from mtqa.checkers import available_checkers
        from mtqa.pipeline import Pipeline

        # The reference checker would only restate the metrics; artifacts are what the others find.
        names = [n for n in available_checkers() if n != "reference"]
        with Pipeline(settings, names) as pipeline:
            board = leaderboard.build(reference, systems, source=source, pipeline=pipeline, **scoring)
    from mtqa.reporters.leaderboard import render
    from mtqa.reporters.marker import leaderboard_head

    head = leaderboard_head(format_) if output not in (None, "-") else ""  # a later folder run skips the file
    write_output(head + render(board, format_), output)


def _warn_guess(path: str, encoding: str) -> None:
    """The same warning `mtqa check` gives: a guessed decoding is never silent."""
    from mtqa.reporters.text import escape_controls

    click.echo(f"mtqa: warning: {escape_controls(path)}: not UTF-8; read as {encoding} "
               "(a guess: save it as UTF-8 to be sure)", err=True)


def _distinct(paths: tuple[str, ...]) -> list[str]:
    """Each file once, however its path is spelt: a system paired with itself would be
    'significantly different' (sacrebleu's test gives p = 1/(N+1) for equal scores), and
    its CLI likewise ignores a repeated system."""
    import os

    from mtqa.reporters.text import escape_controls

    seen: dict[tuple[int, int], str] = {}
    kept = []
    for path in paths:
        status = os.stat(path)
        first = seen.get((status.st_dev, status.st_ino))
        if first is None:
            seen[(status.st_dev, status.st_ino)] = path
            kept.append(path)
        else:
            same = "given more than once" if path == first else f"the same file as {escape_controls(first)}"
            click.echo(f"mtqa: warning: {escape_controls(path)}: {same}; scored once", err=True)
    return kept


def _check_seed(seed: str | None) -> None:
    """sacrebleu reads SACREBLEU_SEED as a whole number, or "none" for a random seed; any
    other value ends its bootstrap in a traceback, after the checkers have run."""
    if seed is None or seed.strip().lower() == "none":
        return
    try:
        int(seed)
    except ValueError:
        raise MtqaError(f"SACREBLEU_SEED={seed!r}: the bootstrap seed must be a whole number, or none "
                        "for a random one") from None
