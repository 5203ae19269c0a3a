"""`mtqa fix`: apply safe suggestions to text and Markdown files, or show them as a diff."""

from __future__ import annotations

import os
import sys

import click

from mtqa.cli import common_overrides, config_option, no_grammar_option, refuse_selecting_nothing
from mtqa.errors import InputError, MtqaError


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff of the fixes and write nothing.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Also apply suggestions marked unsafe (they may change meaning; review the diff).")
@click.option("--select", multiple=True, metavar="X", help="Fix only these (same forms as `mtqa check --select`).")
@click.option("--ignore", multiple=True, metavar="X", help="Do not fix these.")
@no_grammar_option
@click.option("--source-lang", metavar="LANG", help="Language the text was translated from (he, ru, ar, …).")
@click.option("--force", is_flag=True,
              help="Also write read-only files, files with several hard links (the other links "
                   "keep the old text) and files behind a link in a folder that leads out of it.")
@config_option("Configuration file (default: mtqa.toml or [tool.mtqa] in pyproject.toml).")
def fix(paths, show_diff, unsafe_fixes, select, ignore, no_grammar, source_lang, force, config_file) -> None:
    """Apply the safe suggestions of `mtqa check` to text and Markdown files.

    Files are rewritten atomically (a failed write leaves the original untouched); a file
    whose check fails is never written, nor (without --force) a read-only file, one with
    several hard links, or a link in a folder to a file outside it. Other formats (HTML,
    JSONL, XLIFF…) are refused.

    \b
    Exit codes: 0 done (or nothing to fix), 1 with --diff when fixes are pending,
                2 when a file could not be checked or written.
    Examples:
      mtqa fix article.md --diff
      mtqa fix corpus/ --no-grammar
    """
    from mtqa.config.settings import load_settings
    from mtqa.atomic import atomic_write
    from mtqa.fix import WRITABLE, decode_for_fix, fix_text, make_document_factory, refuse_to_write, unified_diff
    from mtqa.pipeline import Pipeline
    from mtqa.readers import size_text
    from mtqa.readers.discovery import Notes, discover
    from mtqa.report import InputProblem
    from mtqa.reporters.text import escape_controls

    settings = load_settings(config_file, common_overrides(select, ignore, source_lang, no_grammar))
    refuse_selecting_nothing(settings, bool(select), no_grammar, "nothing would be fixed")
    errors = 0
    targets: list[str] = []
    notes = Notes()
    for item in discover(paths, settings, follow_outside_links=force, notes=notes):
        if isinstance(item, InputProblem):
            click.echo(f"mtqa: error: {item.path}: {item.message}", err=True)
            errors += 1
        elif not item.named and os.path.splitext(item.path)[1].lower() not in WRITABLE:
            continue  # found in a folder: other formats are simply not fix targets
        else:
            targets.append(item.path)
    for line in notes.lines("name it on the command line, or use --force, to fix it"):
        click.echo(f"mtqa: note: {escape_controls(line)}", err=True)
    fixed_files = applied = pending = unsafe_left = overlapping = 0
    with Pipeline(settings) as pipeline:
        for path in targets:
            try:
                make_document = make_document_factory(path, settings)
                with open(path, "rb") as handle:
                    data = handle.read()
                if len(data) > settings.max_bytes:
                    raise InputError(path, f"file too large to fix ({size_text(len(data))}; the limit is "
                                           f"{size_text(settings.max_bytes)})")
                text, encoding = decode_for_fix(data, path)
                result = fix_text(text, make_document,
                                  lambda doc: pipeline.check_document(doc).findings, unsafe=unsafe_fixes)
            except MtqaError as exc:
                click.echo(f"mtqa: error: {exc}", err=True)
                errors += 1
                continue
            except OSError as exc:
                click.echo(f"mtqa: error: {path}: {exc.strerror or exc}", err=True)
                errors += 1
                continue
            except Exception as exc:  # a checker failed: this file is not written
                click.echo(f"mtqa: error: {path}: check failed, file not written ({type(exc).__name__}: {exc})",
                           err=True)
                errors += 1
                continue
            unsafe_left += result.unsafe_left
            overlapping += result.overlapping
            if not result.converged:
                click.echo(f"mtqa: warning: {path}: fixes did not settle after {len(result.applied)} edits",
                           err=True)
            if not result.changed:
                continue
            if show_diff:
                sys.stdout.write(unified_diff(path, result.original, result.fixed))
                pending += len(result.applied)
                fixed_files += 1
                continue
            try:
                reason = None if force else refuse_to_write(path)
                if reason:
                    raise InputError(path, reason)
                with open(path, "rb") as handle:
                    if handle.read() != data:
                        raise InputError(path, "changed while it was being fixed; not written")
                atomic_write(path, encoding.encode(result.fixed))
            except MtqaError as exc:
                click.echo(f"mtqa: error: {exc}", err=True)
                errors += 1
                continue
            except OSError as exc:
                click.echo(f"mtqa: error: {path}: cannot write: {exc.strerror or exc}; file unchanged", err=True)
                errors += 1
                continue
            applied += len(result.applied)
            fixed_files += 1
    sys.stdout.flush()
    if show_diff:
        click.echo(f"mtqa: {pending} fix(es) would be applied in {fixed_files} file(s)", err=True)
    else:
        click.echo(f"mtqa: applied {applied} fix(es) in {fixed_files} file(s)", err=True)
    if unsafe_left:
        click.echo(f"mtqa: {unsafe_left} more suggestion(s) are unsafe; review them with --unsafe-fixes --diff",
                   err=True)
    if overlapping:
        click.echo(f"mtqa: {overlapping} suggestion(s) overlapped another fix and were left", err=True)
    if errors:
        sys.exit(2)
    sys.exit(1 if show_diff and pending else 0)
