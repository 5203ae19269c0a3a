"""`mtqa score`: rank MT systems against a reference (sacrebleu) and by mtqa's own findings."""

from __future__ import annotations

import click

from mtqa.errors import MtqaError


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
@click.option("--artifacts/--no-artifacts", default=True, show_default=True,
              help="Run mtqa's checkers on each system and report findings per 1,000 words.")
@click.option("--grammar", is_flag=True, help="Include the grammar checker (LanguageTool) in the artifact rates.")
@click.option("--source-lang", metavar="LANG", default=None, help="Language the systems translated from.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: mtqa.toml or [tool.mtqa] in pyproject.toml, searched upward).")
def score(systems, reference, source, format_, output, metric_names, n_samples, artifacts, grammar,
          source_lang, config_file) -> None:
    """Score MT systems against a reference: BLEU, chrF and TER (sacrebleu), significance
    of each system against the first (paired bootstrap), and artifact rates by MQM category.

    \b
    Examples:
      mtqa score -r ref.en sys1.en sys2.en
      mtqa score -r ref.en -s src.de sys1.en sys2.en --format markdown -o board.md
    """
    from mtqa.cli.output import write_output
    from mtqa.config.settings import load_settings
    from mtqa.metrics import leaderboard
    from mtqa.metrics.scores import METRICS

    metrics = [m.strip().lower() for m in metric_names.split(",") if m.strip()]
    unknown = [m for m in metrics if m not in METRICS]
    if unknown or not metrics:
        raise MtqaError(f"unknown metric {', '.join(unknown) or '(none)'}; choose from {', '.join(METRICS)}")
    settings = load_settings(config_file, {"checkers.grammar.enabled": grammar, "source_lang": source_lang})
    if not artifacts:
        board = leaderboard.build(reference, systems, source=source, metrics=metrics, n_samples=n_samples)
    else:
        from mtqa.checkers import CheckerUnavailable, available_checkers
        from mtqa.pipeline import Pipeline

        # The reference checker would only restate the metrics; artifacts are what the others find.
        names = [n for n in available_checkers() if n != "reference"]
        try:
            with Pipeline(settings, names) as pipeline:
                board = leaderboard.build(reference, systems, source=source, pipeline=pipeline,
                                          metrics=metrics, n_samples=n_samples)
        except CheckerUnavailable as exc:
            raise MtqaError(str(exc)) from None
    write_output(leaderboard.render(board, format_), output)
