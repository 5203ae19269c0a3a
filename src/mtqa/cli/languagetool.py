"""`mtqa languagetool fetch|start|stop|status`: get LanguageTool and keep one server running."""

from __future__ import annotations

import sys

import click

from mtqa.cli import config_option


@click.group()
def languagetool() -> None:
    """Manage the local LanguageTool server used by the grammar checker.

    \b
    mtqa languagetool fetch     download LanguageTool (English) into the user cache
    mtqa languagetool start     start a server that later `mtqa check` runs reuse
    mtqa languagetool status    show whether it runs, and where
    mtqa languagetool stop      stop it
    """


@languagetool.command()
@click.option("--quiet", "-q", is_flag=True, help="Print nothing when all goes well.")
def fetch(quiet: bool) -> None:
    """Download LanguageTool with Maven (once; later runs only verify)."""
    from mtqa.languagetool.install import fetch as do_fetch, installed

    already = installed() is not None
    say = (lambda message: None) if quiet else (lambda message: click.echo(message, err=True))
    installation = do_fetch(log=say)
    if not quiet:
        state = "already installed" if already else "installed"
        click.echo(f"LanguageTool {installation.version} {state} in {installation.directory}")


@languagetool.command()
@config_option("Configuration file with a [checkers.grammar] table (heap, server properties).")
def start(config_file: str | None) -> None:
    """Start a LanguageTool server in the background and leave it running."""
    from mtqa.config.settings import load_settings
    from mtqa.languagetool.state import start_daemon

    state, started = start_daemon(dict(load_settings(config_file).checker_options("grammar")))
    verb = "started" if started else "already running"
    click.echo(f"LanguageTool {state.get('version')} {verb} at {state['url']} (pid {state['pid']})")


@languagetool.command()
def stop() -> None:
    """Stop the server started by `mtqa languagetool start`."""
    from mtqa.languagetool.state import stop_daemon

    if stop_daemon():
        click.echo("LanguageTool server stopped")
    else:
        click.echo("no LanguageTool server was running")


@languagetool.command()
def status() -> None:
    """Say whether the started server runs (exit 0) or not (exit 1)."""
    from mtqa.languagetool.install import installed
    from mtqa.languagetool.state import running_server

    found = installed()
    click.echo(f"installed: {f'LanguageTool {found.version} in {found.directory}' if found else 'no'}")
    state = running_server()
    if state is None:
        click.echo("server: not running")
        sys.exit(1)
    click.echo(f"server: running at {state['url']} (pid {state['pid']}, LanguageTool {state.get('version')})")

