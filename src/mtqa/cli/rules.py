"""`mtqa rules`: list, show and test rules, and regenerate the rule reference."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mtqa.cli import config_option
from mtqa.config.settings import load_settings
from mtqa.engine import docs as rule_docs
from mtqa.engine.examples import check_examples
from mtqa.engine.loader import pack_files
from mtqa.engine.registry import Registry, load_registry
from mtqa.errors import MtqaError

_config_option = config_option("Configuration file whose [checkers.rules] paths add the project's own packs.")


def _rule_set(config_file: str | None, extra: tuple[Path, ...] = ()) -> Registry:
    settings = load_settings(config_file)
    paths = tuple(settings.config_dir / Path(p) for p in settings.checker_options("rules")["paths"])
    return load_registry(paths + extra)


@click.group()
def rules() -> None:
    """List, show and test every rule code mtqa can emit (packs and checkers).

    \b
    Examples:
      mtqa rules list --pack he-en
      mtqa rules show MTQA-HE-001
      mtqa rules test my-pack.yml
      mtqa rules docs --check
    """


@rules.command("list")
@click.option("--pack", "packs", multiple=True, metavar="PACK",
              help="Only rules of this pack or checker (repeatable).")
@_config_option
def list_rules(packs: tuple[str, ...], config_file: str | None) -> None:
    """One line per rule: code, name, pack (or checker), severity, category, title."""
    registry = _rule_set(config_file)
    known = set(registry.rule_set.packs) | set(registry.checkers())
    unknown = sorted(set(packs) - known)
    if unknown:
        raise MtqaError(f"unknown rule pack or checker {unknown[0]!r}; known: {', '.join(sorted(known))}")
    for rule in registry.rules:
        where = rule.pack or rule.checker
        if packs and where not in packs:
            continue
        pack = registry.rule_set.packs.get(rule.pack)
        state = "  (off by default)" if pack and not pack.default_enabled else ""
        click.echo(f"{rule.id:<15} {rule.name:<34} {where:<6} {rule.severity.value:<8} "
                   f"{rule.category:<24} {rule.title}{state}")


@rules.command("show")
@click.argument("code")
@_config_option
def show(code: str, config_file: str | None) -> None:
    """Everything about one rule (a code, a retired code, or a kebab-case name)."""
    registry = _rule_set(config_file)
    rule = registry.resolve(code)
    if rule is None:
        raise MtqaError(f"{code}: no such rule (see `mtqa rules list`)")
    if code.strip().upper() in registry.rule_set.redirects:
        click.echo(f"{code.upper()} is retired; it now means {rule.id}.\n")
    click.echo(rule_docs.render_rule(rule, level=1))


@rules.command("test")
@click.argument("targets", nargs=-1, metavar="[PATH|CODE]...")
@_config_option
def test(targets: tuple[str, ...], config_file: str | None) -> None:
    """Run rules' own examples: bad texts must be flagged at the marked span, good texts not.

    With no argument every loaded rule is tested; a PATH (pack file or folder) is loaded
    next to the shipped packs and only its rules are tested; a CODE tests one rule.
    Exit code 1 when an example fails.
    """
    paths = tuple(Path(t) for t in targets if Path(t).exists())
    codes = [t for t in targets if not Path(t).exists()]
    rule_set = _rule_set(config_file, paths)
    chosen = []
    if paths:
        files = {f.resolve() for p in paths for f in pack_files(p)}
        chosen += [r for r in rule_set.rules if Path(r.file).resolve() in files]
    for code in codes:
        rule = rule_set.resolve(code)
        if rule is None:
            raise MtqaError(f"{code}: no such rule or file")
        chosen.append(rule)
    if not targets:
        chosen = list(rule_set.rules)
    results = check_examples(chosen)
    for problem in (problem for rule in chosen for problem in results[rule.id]):
        click.echo(f"FAIL {problem}")
    failed = sum(1 for rule in chosen if results[rule.id])
    examples = sum(len(r.bad) + len(r.good) for r in chosen)
    click.echo(f"{len(chosen) - failed} of {len(chosen)} rules passed ({examples} examples).")
    sys.exit(1 if failed else 0)


@rules.command("docs")
@click.option("--output", "-o", type=click.Path(file_okay=False), default="docs/rules", show_default=True,
              help="Folder for the generated Markdown.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when the folder is out of date.")
def docs(output: str, check: bool) -> None:
    """Generate the rule reference (a Markdown page per pack and per checker) from the registry.

    Only pages it generated (their first line says so) are overwritten or removed; other
    Markdown files in the folder are left alone, and one holding a page's name is an error.
    """
    rule_set = load_registry()
    folder = Path(output)
    if check:
        if not folder.is_dir():  # a wrong -o or working directory: not 24 pages "out of date"
            raise MtqaError(f"{folder}: no such folder (name the rule reference's folder with -o)")
        problems = rule_docs.staleness(rule_set, folder)
        for name, problem in sorted(problems.items()):
            click.echo(f"{folder / name}: {problem}; run `mtqa rules docs`")
        sys.exit(1 if problems else 0)
    written, refused = rule_docs.write(rule_set, folder)
    for old_page in rule_docs.obsolete(rule_docs.generate(rule_set), folder):
        (folder / old_page).unlink(missing_ok=True)
        click.echo(f"removed {folder / old_page}")
    click.echo(f"{len(written)} page(s) written to {folder}")
    others = [name for name in rule_docs.foreign(folder) if name not in refused]
    if others:
        click.echo(f"left alone: {len(others)} other Markdown file(s) in {folder} ({', '.join(others[:3])}"
                   f"{', …' if len(others) > 3 else ''})")
    for name in refused:
        click.echo(f"mtqa: error: {folder / name}: not generated by `mtqa rules docs`; not overwritten "
                   "(move it or choose another --output)", err=True)
    sys.exit(2 if refused else 0)
