"""`mtqa check`: read inputs, run the checkers, write a report, set the exit code."""

from __future__ import annotations

import dataclasses
import os
import sys

import click

from mtqa.cli import (common_overrides, config_option, languagetool_url_option, no_grammar_option,
                      nonempty_path, refuse_selecting_nothing)
from mtqa.checkers import CheckerUnavailable
from mtqa.config.languages import UnknownLanguage, language_code
from mtqa.config.settings import load_settings
from mtqa.errors import MtqaError
from mtqa.gates import EXIT_ERROR, EXIT_GATE, EXIT_OK, exit_code, gate_failures
from mtqa.reporters import available_formats, render
from mtqa.reporters.marker import file_head
from mtqa.reporters.text import escape_controls, render_statistics
from mtqa.reporters.regions import printable_report
from mtqa.reporters.text import render as render_text
from mtqa.cli.progress import Progress
from mtqa.cli.output import check_destinations, write_output

# English variants LanguageTool checks (its English module holds them all).
LANGUAGES = ["en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-ZA"]


def _language(ctx, param, value: str | None) -> str | None:
    """--source-lang as its ISO 639 code: 'Hebrew' and 'he-IL' mean 'he'; 'xx' is a usage error."""
    try:
        return language_code(value)
    except UnknownLanguage as exc:
        raise click.BadParameter(str(exc)) from None


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
@no_grammar_option
@click.option("--source-lang", metavar="LANG", callback=_language,
              help="Language the text was translated from (he, ru, ar, …, or its name: Hebrew); "
                   "selects rule packs.")
@click.option("--source", "source_file", type=click.Path(dir_okay=True), default=None, callback=nonempty_path,
              help="Source text aligned line by line with the input (a file, or a mirrored folder).")
@click.option("--reference", "reference_file", type=click.Path(dir_okay=True), default=None, callback=nonempty_path,
              help="Human reference aligned line by line with the input (a file or a mirrored folder).")
@click.option("--fail-on", type=click.Choice(["minor", "major", "critical"]), default=None,
              help="Exit 1 when a finding of this severity or worse is reported.")
@click.option("--max-mqm", type=click.FloatRange(min=0), default=None, metavar="N",
              help="Exit 1 when a document's MQM penalty per 1,000 words exceeds N (0 = no limit).")
@config_option()
@languagetool_url_option
@click.option("--baseline", type=click.Path(dir_okay=False), default=None, callback=nonempty_path,
              help="Report and gate only findings not recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Record the current findings as the baseline in FILE.")
@click.option("--min-severity", type=click.Choice(["minor", "major", "critical"]), default=None,
              help="Show only findings of this severity or worse; the others are not shown, scored or "
                   "gated (like Vale's --minAlertLevel).")
@click.option("--language", type=click.Choice(LANGUAGES), default=None,
              help="English variant of the grammar checker (default: en-US, or [checkers.grammar] "
                   "language in the config): its rules and the spelling of its suggestions (en-GB: 'colur' -> "
                   "'colour'). Spellings known as the other variant's ('color', 'centre') are accepted under both.")
@click.option("--statistics", is_flag=True,
              help="Print how often each rule fired (count, code, severity, title) instead of the "
                   "findings (text format only).")
@click.option("--quiet", "-q", is_flag=True,
              help="Print only the findings: no summary, no progress and no notes on stderr "
                   "(errors and failed gates are still printed).")
@click.option("--exit-zero", is_flag=True,
              help="Exit 0 even when the gate fails (--fail-on, --max-mqm); input errors still exit 2.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: only on a terminal, and not when NO_COLOR is set).")
@click.option("--doc-ids", "doc_ids_file", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              callback=nonempty_path,
              help="Document id of every line of a line file (one a line, as WMT's docids); "
                   "adjacent lines sharing an id form one document (an id that comes back later is an error).")
@click.option("--split-docs", type=click.Choice(["blank-line"]), default=None,
              help="Cut line files into documents at empty lines.")
@click.option("--stdin-filename", metavar="NAME", default=None,
              help="Read standard input (-) as the file NAME: its extension chooses the reader "
                   "(.md: Markdown, with front matter and code masked) and reports name NAME.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None, metavar="N",
              help="Check documents in N worker processes (default: all cores; 1 = in this process).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run on this machine, or on a Dask cluster (pip install 'mtqa[dask]').")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler address for --engine dask (default: a local cluster).")
def check(paths, format_, output, select, ignore, no_grammar, source_lang, source_file, reference_file,
          fail_on, max_mqm, config_file, languagetool_url, baseline, write_baseline, min_severity, language,
          statistics, quiet, exit_zero, color, doc_ids_file, split_docs, stdin_filename, jobs, engine,
          scheduler) -> None:
    """Check machine-translated articles for translation artifacts.

    PATH is a file, a folder (searched recursively for .txt, .md/.markdown, .html/.htm,
    .jsonl, .tsv, .xlf/.xliff and .tmx files, or what [inputs] include names), a quoted
    glob ('site/**/*.md') or - for standard input.

    \b
    Exit codes: 0 clean, 1 a gate failed (--fail-on, --max-mqm; 0 with --exit-zero),
                2 usage, configuration or input error, 130 interrupted, 143 SIGTERM.
    Examples:
      mtqa check article.txt
      mtqa check corpus/ --source-lang he --format json -o report.json
      mtqa check site/ --no-grammar --fail-on major
      mtqa check corpus/ --no-grammar --statistics
    """
    overrides = common_overrides(select, ignore, source_lang, no_grammar, languagetool_url) | {
        "format": format_, "fail_on": fail_on, "max_mqm": max_mqm, "checkers.grammar.language": language}
    run_options = {
        "source_file": source_file,
        "reference_file": reference_file,
        "baseline": baseline,
        "write_baseline": write_baseline,
        "doc_ids_file": doc_ids_file,
        "split_docs": split_docs,
        "stdin_filename": stdin_filename,
    }
    if stdin_filename is not None and "-" not in paths:
        raise click.UsageError("--stdin-filename names standard input: give - as an input")
    if doc_ids_file is not None and split_docs is not None:  # the ids would win, and --split-docs do nothing
        raise click.UsageError("--doc-ids and --split-docs both say where documents end: give one")
    settings = load_settings(config_file, overrides, run_options=run_options)
    refuse_selecting_nothing(settings, bool(select), no_grammar)
    if settings.baseline:  # a bad baseline should fail before a long run, not after it
        from mtqa.baseline import read_baseline

        read_baseline(settings.baseline)
    format_name = settings.format
    if format_name not in available_formats():
        raise MtqaError(f"unknown format {format_name!r}; choose from {', '.join(available_formats())}")
    if statistics and format_name != "text":
        given = f"--format {format_name}" if format_ else \
            f"format = {format_name!r} of {settings.config_path or 'the configuration'} (add --format text)"
        raise MtqaError(f"--statistics prints a text table; it cannot be combined with {given}")
    _refuse_overwriting_inputs(_inputs(paths, settings, quiet), settings, output)
    if settings.write_baseline:
        from mtqa.baseline import check_replaceable

        check_replaceable(settings.write_baseline)
    if format_name == "html":
        settings = dataclasses.replace(settings, keep_text=True)
    from mtqa import engines

    progress = Progress(enabled=not quiet and (len(paths) > 1 or any(p != "-" and os.path.isdir(p) for p in paths)))
    try:
        report = engines.run(settings, paths, jobs=jobs or engines.default_jobs(), engine=engine,
                             scheduler=scheduler, on_document=progress.advance)
    except CheckerUnavailable as exc:
        progress.close()
        click.echo(f"mtqa: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    progress.close()
    from mtqa.cli.postprocess import apply_run_options

    report = apply_run_options(report, settings, quiet=quiet, min_severity=min_severity)
    for error in report.errors:
        click.echo(f"mtqa: error: {escape_controls(f'{error.path}: {error.message}')}", err=True)
    for reason in report.provenance.get("failed", {}).values():
        click.echo(f"mtqa: error: {escape_controls(reason)} (the report lacks its findings from there on)", err=True)
    if not quiet:
        for warning in rule_timeouts(report):
            click.echo(f"mtqa: warning: {warning}", err=True)
        for path, encoding in dict.fromkeys((d.path, d.encoding) for d in report.documents if d.encoding_guessed):
            click.echo(f"mtqa: warning: {escape_controls(path)}: not UTF-8; read as {encoding} "
                       "(a guess: save it as UTF-8 to be sure)", err=True)
        for document in report.documents:
            for warning in document.warnings:
                click.echo(f"mtqa: warning: {escape_controls(f'{document.path}:{warning}')}", err=True)
        if settings.split_docs and not settings.doc_ids_file:
            from mtqa.readers.docsplit import not_split_note

            note = not_split_note(d.path for d in report.documents)
            if note:
                click.echo(f"mtqa: note: {note}", err=True)
    # On a terminal unless NO_COLOR is set (no-color.org); --color/--no-color decide outright.
    use_color = color if color is not None else (
        output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    if statistics:
        text = render_statistics(printable_report(report))
    elif format_name == "text":
        text = render_text(printable_report(report), color=use_color, summary=not quiet)
    else:
        text = render(report, format_name)
    if output not in (None, "-"):  # a file next to the articles: the next folder run must know it
        text = file_head("text" if statistics else format_name) + text
    write_output(text, output)
    code = exit_code(report, settings)
    if _checked_nothing(report, "--select" if select else "select", quiet):
        code = EXIT_ERROR
    if code == EXIT_GATE:
        # Say why in the log, whatever the report format or destination.
        for reason in gate_failures(report, settings):
            click.echo(f"mtqa: gate failed: {escape_controls(reason)}", err=True)
        if exit_zero:
            code = EXIT_OK
    sys.exit(code)


def _checked_nothing(report, option: str, quiet: bool) -> bool:
    """Say which selected checkers had nothing to check (`--select bilingual`, no input with a
    source); True when that is every checker of the run: it checked nothing and would pass
    any gate, as `--select grammar --no-grammar` would (refused before the run)."""
    idle = report.provenance.get("checked_nothing", {})
    if idle and set(idle) == set(report.provenance.get("checkers", ())):
        for name, why in idle.items():
            click.echo(f"mtqa: error: {option} {name}: {why}; nothing was checked", err=True)
        return True
    if not quiet:
        for name, why in idle.items():
            click.echo(f"mtqa: warning: {name} checked nothing: {why}", err=True)
    return False


def _inputs(paths, settings, quiet: bool) -> list[str]:
    """The files the run will read, found once before it starts: `-` given twice stops it
    before anything is read, and what was skipped (links out of a folder, a file given
    twice) is said once here, not again when the run finds the files."""
    from mtqa.readers.discovery import Found, Notes, discover

    notes = Notes()
    inputs = [item.path for item in discover(paths, settings, notes=notes) if isinstance(item, Found)]
    if not quiet:
        for line in notes.lines():
            click.echo(f"mtqa: note: {escape_controls(line)}", err=True)
    return inputs


def _refuse_overwriting_inputs(inputs: list[str], settings, output) -> None:
    """-o or --write-baseline naming an input would replace the article with its report."""
    inputs = inputs + [p for p in (settings.source_file, settings.reference_file, settings.doc_ids_file,
                                   settings.stdin_filename) if p]
    check_destinations({"--output": output, "--write-baseline": settings.write_baseline}, inputs)
    # A report over the baseline would lose it; --write-baseline over it is a refresh.
    check_destinations({"--output": output}, [settings.baseline] if settings.baseline else [])


def rule_timeouts(report) -> list[str]:
    """One line per backtracking rule that ran out of time (the JSON report has the counts)."""
    from mtqa.engine.matchers import MAX_TIMEOUTS

    timeouts = report.provenance.get("checker_details", {}).get("rules", {}).get("timeouts", {})
    lines = []
    for code, count in sorted(timeouts.items()):
        line = f"rule {code} ran out of time on {count} document(s) and found nothing there"
        if count >= MAX_TIMEOUTS:
            line += "; it was switched off for the rest of the run"
        lines.append(line)
    return lines
