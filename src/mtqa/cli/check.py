"""`mtqa check`: read inputs, run the checkers, write a report, set the exit code."""

from __future__ import annotations

import sys

import click

from mtqa.cli import split_list
from mtqa.checkers import CheckerUnavailable
from mtqa.config.settings import load_settings
from mtqa.errors import MtqaError
from mtqa.gates import EXIT_ERROR, EXIT_GATE, exit_code, gate_failures
from mtqa.reporters import available_formats, render
from mtqa.cli.progress import Progress
from mtqa.cli.output import write_output


def _split(values: tuple[str, ...]) -> list[str] | None:
    return split_list(values) or None  # None: not given, so the config decides


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "-f", "format_", type=click.Choice(available_formats()), default=None,
              help="Report format (default: text, or `format` in the config).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to FILE instead of standard output.")
@click.option("--select", multiple=True, metavar="X",
              help="Report only these: rule code prefix (MTQA-HE), pack (he-en), checker (grammar) "
                   "or MQM category (fluency/spelling). Repeat or separate with commas.")
@click.option("--ignore", multiple=True, metavar="X", help="Do not report these (same forms as --select).")
@click.option("--no-grammar", is_flag=True, help="Do not run the grammar checker (LanguageTool).")
@click.option("--source-lang", metavar="LANG",
              help="Language the text was translated from (he, ru, ar, …); selects rule packs.")
@click.option("--source", "source_file", type=click.Path(dir_okay=True), default=None,
              help="Source text aligned line by line with the input (a file, or a mirrored folder).")
@click.option("--reference", "reference_file", type=click.Path(dir_okay=True), default=None,
              help="Human reference aligned line by line with the input (a file or a mirrored folder).")
@click.option("--fail-on", type=click.Choice(["minor", "major", "critical"]), default=None,
              help="Exit 1 when a finding of this severity or worse is reported.")
@click.option("--max-mqm", type=click.FloatRange(min=0), default=None, metavar="N",
              help="Exit 1 when a document's MQM penalty per 1,000 words exceeds N (0 = no limit).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: mtqa.toml or [tool.mtqa] in pyproject.toml, searched upward).")
@click.option("--languagetool-url", default=None, metavar="URL",
              help="Use this LanguageTool server instead of the one mtqa manages.")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None,
              help="Report and gate only findings not recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Record the current findings as the baseline in FILE.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: only on a terminal).")
def check(paths, format_, output, select, ignore, no_grammar, source_lang, source_file, reference_file,
          fail_on, max_mqm, config_file, languagetool_url, baseline, write_baseline, color) -> None:
    """Check machine-translated articles for translation artifacts.

    PATH is a file, a folder (searched recursively for .txt, .md, .html, .jsonl, .tsv,
    .xlf/.xliff and .tmx files), a quoted glob ('site/**/*.md') or - for standard input.

    \b
    Examples:
      mtqa check article.txt
      mtqa check corpus/ --source-lang he --format json -o report.json
      mtqa check site/ --no-grammar --fail-on major
    """
    overrides = {
        "format": format_,
        "select": _split(select),
        "ignore": _split(ignore),
        "source_lang": source_lang,
        "fail_on": fail_on,
        "max_mqm": max_mqm,
        "checkers.grammar.enabled": False if no_grammar else None,
        "checkers.grammar.url": languagetool_url,
    }
    run_options = {
        "source_file": source_file,
        "reference_file": reference_file,
        "baseline": baseline,
        "write_baseline": write_baseline,
    }
    settings = load_settings(config_file, overrides, run_options=run_options)
    if settings.baseline:  # a bad baseline should fail before a long run, not after it
        from mtqa.baseline import read_baseline

        read_baseline(settings.baseline)
    format_name = settings.format
    if format_name not in available_formats():
        raise MtqaError(f"unknown format {format_name!r}; choose from {', '.join(available_formats())}")
    if format_name == "html":
        settings = _with(settings, keep_text=True)
    from mtqa.pipeline import Pipeline

    progress = Progress(enabled=len(paths) > 1 or any(_is_dir(p) for p in paths))
    try:
        with Pipeline(settings) as pipeline:
            report = pipeline.run(paths, on_document=progress.advance)
    except CheckerUnavailable as exc:
        progress.close()
        click.echo(f"mtqa: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    progress.close()
    from mtqa.cli.postprocess import apply_run_options

    report = apply_run_options(report, settings)
    for error in report.errors:
        click.echo(f"mtqa: error: {error.path}: {error.message}", err=True)
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    write_output(render(report, format_name, color=use_color and format_name == "text"), output)
    code = exit_code(report, settings)
    if code == EXIT_GATE:
        # Say why in the log, whatever the report format or destination.
        for reason in gate_failures(report, settings):
            click.echo(f"mtqa: gate failed: {reason}", err=True)
    sys.exit(code)


def _is_dir(path: str) -> bool:
    import os

    return path != "-" and os.path.isdir(path)


def _with(settings, **changes):
    import dataclasses

    return dataclasses.replace(settings, **changes)
