"""The `mtqa` command: a click group whose subcommands live one per module, loaded lazily.

User errors (MtqaError) end as one line `mtqa: error: …` and exit code 2, never a traceback.
"""

from __future__ import annotations

import importlib
import sys

import click

from mtqa import __version__
from mtqa.errors import MtqaError

# Subcommand -> "module:attribute", imported only when the subcommand runs.
COMMANDS: dict[str, str] = {
    "check": "mtqa.cli.check:check",
    "fix": "mtqa.cli.fix:fix",
    "score": "mtqa.cli.score:score",
    "rules": "mtqa.cli.rules:rules",
    "languagetool": "mtqa.cli.languagetool:languagetool",
    "serve": "mtqa.cli.serve:serve",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, _, attr = COMMANDS[name].partition(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="mtqa")
def cli() -> None:
    """mtqa finds what machine translation got wrong in English news.

    \b
    Start with:  mtqa check ARTICLE.txt
    Exit codes:  0 clean, 1 findings over the gate (--fail-on, --max-mqm),
                 2 usage, configuration or input errors, 130 interrupted (Ctrl-C),
                 143 stopped by SIGTERM.
    """


def split_list(values: tuple[str, ...]) -> list[str]:
    """Values of a repeatable option, each of which may also be comma-separated."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def nonempty_path(ctx, param, value):
    """An empty file name is a usage error: `--source "$SRC"` with the variable unset would
    otherwise check without the source (or baseline, ids, config) and say nothing."""
    if value == "":
        raise click.BadParameter("empty path; name a file")
    return value


def config_option(help: str = "Configuration file (default: mtqa.toml or [tool.mtqa] in pyproject.toml, "
                              "searched upward)."):
    return click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help=help,
                        callback=nonempty_path)


no_grammar_option = click.option("--no-grammar", is_flag=True, help="Do not run the grammar checker (LanguageTool).")
languagetool_url_option = click.option("--languagetool-url", default=None, metavar="URL",
                                       help="Use this LanguageTool server instead of the one mtqa manages.")


def common_overrides(select, ignore, source_lang, no_grammar, languagetool_url=None) -> dict:
    """The settings `check`, `fix` and `serve` all take from the command line; None (not
    given) leaves the value to the configuration."""
    return {
        "select": split_list(select) or None,
        "ignore": split_list(ignore) or None,
        "source_lang": source_lang,
        "checkers.grammar.enabled": False if no_grammar else None,
        "checkers.grammar.url": languagetool_url,
    }


def refuse_selecting_nothing(settings, select_given: bool, no_grammar: bool, consequence: str = "") -> None:
    """A select naming only what this run switched off (`--select grammar --no-grammar`,
    `--select style` while the pack is off) would check nothing: a gate would pass, a server
    answer every text as clean, a fix change nothing. Refused before anything runs."""
    from mtqa.selection import switched_off

    reasons = switched_off(settings, "--no-grammar" if no_grammar else "checkers.grammar.enabled = false")
    if reasons:
        option = "--select" if select_given else "select"
        raise MtqaError("; ".join(f"{option} {entry}: {why}" for entry, why in reasons.items())
                        + (f"; {consequence}" if consequence else ""))


def fail(message: str) -> None:
    """Print one error line (control characters of file names escaped) and exit 2."""
    from mtqa.reporters.text import escape_controls

    click.echo(f"mtqa: error: {escape_controls(message)}", err=True)
    sys.exit(2)


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped with Ctrl-C


def main() -> None:
    # click's standalone mode turns Ctrl-C into "Aborted!" and exit 1, the code of a failed
    # gate; a CI job must be able to tell the two apart, so click's errors are handled here.
    from mtqa.cli.output import GuardedStdout, silence_stdout

    sys.stdout = GuardedStdout(sys.stdout)
    try:
        code = cli.main(prog_name="mtqa", standalone_mode=False)
    except MtqaError as exc:
        fail(str(exc))
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, click.Abort):
        click.echo("\nmtqa: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:  # `mtqa check … | head`: the reader left, nothing is wrong
        silence_stdout()
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
